import ParityCore
import XCTest

final class ConcurrentMapTests: XCTestCase {
  func testResultsKeepTheElementsOrderWhateverTheWorkOrder() {
    let items = Array(0..<1_000)
    XCTAssertEqual(items.concurrentMap { $0 * 3 }, items.map { $0 * 3 })
    // Workers taking the last index first still fill each result into its own slot.
    XCTAssertEqual(items.concurrentMap(order: items.reversed()) { String($0) }, items.map { String($0) })
  }

  func testEveryElementIsTransformedExactlyOnce() {
    final class Counter: @unchecked Sendable {
      private var lock = pthread_mutex_t()
      private(set) var seen: [Int] = []
      init() { pthread_mutex_init(&lock, nil) }
      func add(_ i: Int) { pthread_mutex_lock(&lock); seen.append(i); pthread_mutex_unlock(&lock) }
    }
    let counter = Counter()
    _ = Array(0..<500).concurrentMap(order: Array((0..<500).shuffled())) { counter.add($0) }
    XCTAssertEqual(counter.seen.sorted(), Array(0..<500))
  }

  func testEmptyAndSingleElementArrays() {
    XCTAssertEqual([Int]().concurrentMap { $0 + 1 }, [])
    XCTAssertEqual([41].concurrentMap { $0 + 1 }, [42])
  }
}
