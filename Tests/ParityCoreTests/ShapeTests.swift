import ParityCore
import XCTest

final class ShapeTests: XCTestCase {
  // MARK: elementCount

  func testElementCount() {
    XCTAssertEqual(Shape.elementCount([]), 1)  // a 0-d tensor holds one element
    XCTAssertEqual(Shape.elementCount([2, 3]), 6)
    XCTAssertEqual(Shape.elementCount([1, 1, 7]), 7)
  }

  func testElementCountWithZeroDimensions() {
    XCTAssertEqual(Shape.elementCount([0]), 0)
    XCTAssertEqual(Shape.elementCount([2, 0, 3]), 0)
    // A zero anywhere empties the tensor, even beside dimensions whose product overflows.
    XCTAssertEqual(Shape.elementCount([0, Int.max, Int.max]), 0)
    XCTAssertEqual(Shape.elementCount([Int.max, 2, 0]), 0)
  }

  func testElementCountOverflowAndNegativeDimensionsGiveNil() {
    XCTAssertNil(Shape.elementCount([Int.max, 2]))
    XCTAssertNil(Shape.elementCount([1 << 32, 1 << 32]))
    XCTAssertNil(Shape.elementCount([-1]))
    XCTAssertNil(Shape.elementCount([3, -2]))
    XCTAssertEqual(Shape.elementCount([Int.max]), Int.max)
    XCTAssertEqual(Shape.elementCount([1 << 31, 1 << 31]), 1 << 62)
  }

  // MARK: broadcast

  func testBroadcastCompatibleShapes() {
    XCTAssertEqual(Shape.broadcast([2, 3], [3]), [2, 3])
    XCTAssertEqual(Shape.broadcast([3], [2, 3]), [2, 3])
    XCTAssertEqual(Shape.broadcast([4, 1], [1, 5]), [4, 5])
    XCTAssertEqual(Shape.broadcast([], [2, 2]), [2, 2])
    XCTAssertEqual(Shape.broadcast([], []), [])
    XCTAssertEqual(Shape.broadcast([2, 1, 3], [4, 1]), [2, 4, 3])
    XCTAssertEqual(Shape.broadcast([1], [1, 1]), [1, 1])
  }

  func testBroadcastWithZeroDimensions() {
    XCTAssertEqual(Shape.broadcast([0, 3], [1, 3]), [0, 3])
    XCTAssertEqual(Shape.broadcast([1], [0]), [0])
    XCTAssertNil(Shape.broadcast([0], [2]))  // 0 only broadcasts with 0 or 1
  }

  func testBroadcastIncompatibleShapesGiveNil() {
    XCTAssertNil(Shape.broadcast([2, 3], [4]))
    XCTAssertNil(Shape.broadcast([2, 3], [3, 2]))
    XCTAssertNil(Shape.broadcast([2, 1], [3, 4]))
  }

  // MARK: broadcastIndices

  func testBroadcastIndicesRepeatTheTrailingDimensions() {
    XCTAssertEqual(Shape.broadcastIndices(from: [3], to: [2, 3]), [0, 1, 2, 0, 1, 2])
    XCTAssertEqual(Shape.broadcastIndices(from: [1, 3], to: [2, 3]), [0, 1, 2, 0, 1, 2])
  }

  func testBroadcastIndicesRepeatAColumn() {
    XCTAssertEqual(Shape.broadcastIndices(from: [2, 1], to: [2, 3]), [0, 0, 0, 1, 1, 1])
    XCTAssertEqual(Shape.broadcastIndices(from: [4, 1], to: [4, 5]), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3])
  }

  func testBroadcastIndicesInTheMiddleAndFromAScalar() {
    XCTAssertEqual(Shape.broadcastIndices(from: [2, 1, 3], to: [2, 2, 3]), [0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5])
    XCTAssertEqual(Shape.broadcastIndices(from: [], to: [2, 2]), [0, 0, 0, 0])
    XCTAssertEqual(Shape.broadcastIndices(from: [], to: []), [0])
  }

  func testBroadcastIndicesIdentityAndEmpty() {
    XCTAssertEqual(Shape.broadcastIndices(from: [2, 3], to: [2, 3]), Array(0..<6))
    XCTAssertEqual(Shape.broadcastIndices(from: [3], to: [0, 3]), [])
  }

  func testBroadcastIndicesAgreeWithMultiIndexArithmetic() {
    // Every element of the target reads the source at its own index, with broadcast axes at 0.
    let source = [3, 1, 4], target = [2, 3, 5, 4]
    let indices = Shape.broadcastIndices(from: source, to: target)
    XCTAssertEqual(indices.count, 120)
    var linear = 0
    for a in 0..<2 {
      for b in 0..<3 {
        for c in 0..<5 {
          for d in 0..<4 {
            XCTAssertEqual(indices[linear], b * 4 + d, "at \([a, b, c, d])")
            linear += 1
          }
        }
      }
    }
  }

  func testDescribe() {
    XCTAssertEqual(Shape.describe([2, 3]), "2x3")
    XCTAssertEqual(Shape.describe([]), "scalar")
  }
}
