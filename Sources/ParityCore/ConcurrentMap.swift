import Dispatch

extension Array where Element: Sendable {
  /// `transform` over the elements on all cores, the results in the elements' order whatever
  /// the scheduling. Workers take indices in `order`, a permutation of the indices (largest
  /// work first balances the cores when a few items dominate); by default, in index order.
  public func concurrentMap<R: Sendable>(order: [Int]? = nil, _ transform: @Sendable (Element) -> R) -> [R] {
    precondition(order.map { $0.count == count && Set($0) == Set(indices) } ?? true, "order must permute the indices")
    guard count > 1 else { return map(transform) }
    let slots = ResultSlots<R>(count: count)
    let order = order ?? Array<Int>(indices)
    withUnsafeBufferPointer { buffer in
      nonisolated(unsafe) let buffer = buffer
      order.withUnsafeBufferPointer { order in
        nonisolated(unsafe) let order = order
        DispatchQueue.concurrentPerform(iterations: order.count) { k in
          let i = order[k]
          slots.store(transform(buffer[i]), at: i)
        }
      }
    }
    return slots.values
  }
}

/// Fixed slots that concurrent workers fill by index; each index is written exactly once.
/// A raw allocation, not an array property: concurrent inout access to a class's array would
/// trip Swift's exclusivity checks even though the indices never overlap.
private final class ResultSlots<R>: @unchecked Sendable {
  private let base: UnsafeMutablePointer<R?>
  private let count: Int

  init(count: Int) {
    self.count = count
    base = .allocate(capacity: count)
    base.initialize(repeating: nil, count: count)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func store(_ value: R, at index: Int) {
    base[index] = value
  }

  var values: [R] { (0..<count).map { base[$0]! } }
}
