import Foundation

/// How far a run has got, for a caller that shows progress; the runner itself prints nothing.
public struct RunProgress: Sendable, Equatable {
  public var completed: Int
  public var total: Int

  /// Counts finished cases from concurrent workers and forwards each count.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var completed = 0
    private let total: Int
    private let report: (@Sendable (RunProgress) -> Void)?

    init(total: Int, report: (@Sendable (RunProgress) -> Void)?) {
      self.total = total
      self.report = report
    }

    func advance() {
      guard let report else { return }
      lock.lock()
      completed += 1
      let now = RunProgress(completed: completed, total: total)
      lock.unlock()
      report(now)
    }
  }
}
