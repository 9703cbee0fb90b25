import Foundation
import Parity

/// A self-erasing "checked N of M cases" line on standard error, shown only on a terminal
/// and only once a run has taken more than a second, so quick runs and logs stay clean.
final class ProgressLine: @unchecked Sendable {
  private let console: Console
  private let start = Date()
  private let lock = NSLock()
  private var lastDrawn = Date.distantPast
  private var drawn = false

  static let delay: TimeInterval = 1
  static let interval: TimeInterval = 0.1

  init(console: Console) {
    self.console = console
  }

  func update(_ progress: RunProgress) {
    let now = Date()
    lock.lock()
    defer { lock.unlock() }
    guard now.timeIntervalSince(start) >= Self.delay, now.timeIntervalSince(lastDrawn) >= Self.interval else { return }
    lastDrawn = now
    drawn = true
    console.err("\r\u{1B}[2Kchecked \(progress.completed) of \(progress.total) cases")
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { console.err("\r\u{1B}[2K") }
  }
}
