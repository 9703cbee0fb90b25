import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// The multi-label margin loss: PyTorch's CPU kernel (values, `is_target`, the order of its
/// checks) and MindSpore's checks before its missing CPU kernel. Expected values are what
/// torch 2.15 returned on CPU (the recorded `nn.functional.multilabel_margin_loss` cases named
/// in each test) or a scalar reference written out below.
final class MultiLabelMarginLossTests: XCTestCase {
  private func pytorch(_ x: Tensor, _ y: Tensor, _ reduction: LossReduction = .none) throws -> Tensor {
    try MultiLabelMarginLoss.pytorch(input: x, target: y, reduction: reduction).loss
  }

  private func labels(_ values: [Int64], shape: [Int]? = nil) -> Tensor {
    Tensor(shape: shape ?? [values.count], storage: .int64(values))
  }

  /// `float32+int64/2x4/*/doc-example-mindspore` and `float32+int64/1x4/default/doc-example-pytorch`:
  /// the docstrings' 0.325 and 0.85. The exact per-row loss is 0.65000004: each hinge is
  /// rounded to float32 before the double accumulation.
  func testTheDocstringExamples() throws {
    let x = Tensor([0.1, 0.2, 0.4, 0.8, 0.2, 0.3, 0.5, 0.7] as [Float], shape: [2, 4])
    let y = labels([1, 2, 0, 3, 2, 3, -1, 1], shape: [2, 4])
    XCTAssertEqual(try pytorch(x, y).doubles.map { Float($0) }, [0, 0.65])
    XCTAssertEqual(Float(try pytorch(x, y, .mean).scalar), 0.325)
    XCTAssertEqual(Float(try pytorch(x, y, .sum).scalar), 0.65)
    let single = Tensor([0.1, 0.2, 0.4, 0.8] as [Float], shape: [1, 4])
    XCTAssertEqual(Float(try pytorch(single, labels([3, 0, -1, 1], shape: [1, 4]), .mean).scalar), 0.85)
  }

  /// A row's targets end at its first -1: a -1 first means no targets (loss 0); a repeated
  /// index counts again (`float32+int64/2x5/none/repeated-class`: 5.15); `is_target` marks
  /// the classes before the -1 and nothing after it.
  func testTargetsEndAtTheFirstMinusOneAndRepeatsCountAgain() throws {
    let row: [Float] = [0.5, -0.25, 1.5, 0.125, -1.0]
    let x = Tensor(row + row, shape: [2, 5])
    let first = try pytorch(x, labels([-1, 2, 3, 0, 1, 1, -1, 0, 0, 0], shape: [2, 5])).doubles.map { Float($0) }
    XCTAssertEqual(first, [0, 1.225])
    let y = labels([2, 2, -1, 0, 0, 1, 1, 1, 4, -1], shape: [2, 5])
    let (loss, isTarget) = try MultiLabelMarginLoss.pytorch(input: x, target: y, reduction: .none)
    XCTAssertEqual(loss.doubles.map { Float($0) }, [0, 5.15])
    XCTAssertEqual(isTarget.dtype, .float32)
    XCTAssertEqual(isTarget.doubles, [0, 0, 1, 0, 0, 0, 1, 0, 0, 1])
    XCTAssertEqual(isTarget.shape, [2, 5])
  }

  /// Random rows (every -1 position, repeats, filler after the -1) against the scalar reference,
  /// bit for bit, in every reduction; and within 2 ULP of the exact value computed in Double.
  func testRandomRowsMatchTheScalarReference() throws {
    var generator = SplitMix64(seed: 7)
    for classes in [1, 2, 5, 33] {
      let frames = 9
      var rows: [(x: [Float], y: [Int64])] = []
      for _ in 0..<frames {
        let x = (0..<classes).map { _ in Float.random(in: -2..<2, using: &generator) }
        let count = Int.random(in: 0...classes, using: &generator)
        let y = (0..<classes).map { i -> Int64 in
          i < count ? Int64.random(in: 0..<Int64(classes), using: &generator)
            : i == count ? -1 : Int64.random(in: -1..<Int64(classes), using: &generator)
        }
        rows.append((x, y))
      }
      let input = Tensor(rows.flatMap(\.x), shape: [frames, classes])
      let target = labels(rows.flatMap(\.y), shape: [frames, classes])
      let sums = rows.map { Reference.multiLabelMargin($0.x, $0.y) }
      XCTAssertEqual(try pytorch(input, target).doubles.map { Float($0) }, sums.map { $0 / Float(classes) }, "C = \(classes)")
      let total = sums.reduce(0.0) { $0 + Double($1) } / Double(classes)
      XCTAssertEqual(Float(try pytorch(input, target, .sum).scalar), Float(total))
      XCTAssertEqual(Float(try pytorch(input, target, .mean).scalar), Float(total / Double(frames)))
      let exact = rows.map { Reference.multiLabelMarginExact($0.x, $0.y) / Double(classes) }
      for (got, want) in zip(try pytorch(input, target).doubles, exact) {
        XCTAssertULPDistance(got, Double(Float(want)), in: .float32, atMost: 2, "C = \(classes)")
      }
    }
  }

  /// `float32+int64/13x3/none/edge-*`: a NaN or inf - inf margin fails `z > 0` and is dropped,
  /// so a NaN score gives a finite loss; `float32+int64/2x3/*/overflow-sum`: two hinges of
  /// max_finite sum to 2 max_finite in the double accumulator, which overflows only when the
  /// row's sum is returned as float32 (float64 keeps it: 2 max / 3).
  func testNaNMarginsAreDroppedAndARowsSumOverflowsWhenRounded() throws {
    let nanTarget = Tensor([.nan, 0.5, -0.25] as [Float], shape: [1, 3])
    XCTAssertEqual(try pytorch(nanTarget, labels([0, -1, 0], shape: [1, 3])).doubles, [0])
    XCTAssertEqual(Float(try pytorch(nanTarget, labels([1, -1, 0], shape: [1, 3])).scalar), 0.083333336)
    let infinite = Tensor([.infinity, 0.5, -0.25] as [Float], shape: [1, 3])
    XCTAssertEqual(try pytorch(infinite, labels([1, -1, 0], shape: [1, 3])).doubles, [.infinity])
    XCTAssertEqual(Float(try pytorch(infinite, labels([0, 1, -1], shape: [1, 3])).scalar), 0.083333336)
    let big = Float.greatestFiniteMagnitude
    let x = Tensor([0, big, big, 0, 1, 2] as [Float], shape: [2, 3]), y = labels([0, -1, 0, 0, -1, 0], shape: [2, 3])
    XCTAssertEqual(try pytorch(x, y).doubles.map { Float($0) }, [.infinity, 1.6666666])
    XCTAssertEqual(try pytorch(x, y, .sum).scalar, .infinity)
    let wide = Tensor([0, Double(big), Double(big)], shape: [1, 3])
    XCTAssertEqual(try pytorch(wide, labels([0, -1, 0], shape: [1, 3])).scalar, 2 * Double(big) / 3)
  }

  /// Shapes: a 0-d or 1-d input is one row with a 0-d result even for `none`; the target
  /// needs the same element count (0-d allowed for a 1-element input); C = 0 is refused; an
  /// empty batch gives `(0,)` for `none` and an undefined (never written) 0-d result otherwise.
  func testShapes() throws {
    let scalar = Tensor([1.75] as [Float], shape: [])
    XCTAssertEqual(try pytorch(scalar, labels([0])).shape, [])
    let vector = Tensor([0.5, -0.25, 1.5, 0.125, -1.0] as [Float])
    XCTAssertEqual(Float(try pytorch(vector, labels([3, 3, 0, -1, 2])).scalar), 1.65)
    XCTAssertEqual(try pytorch(Tensor([2] as [Float]), labels([0], shape: [])).shape, [])
    XCTAssertThrowsKernelError(.shape, containing: "inconsistent target size: [] for input of size: [4]") {
      try self.pytorch(Tensor([1, 2, 3, 4] as [Float]), self.labels([0], shape: []))
    }
    XCTAssertThrowsKernelError(.shape, containing: "inconsistent target size: [4] for input of size: [1, 4]") {
      try self.pytorch(Tensor([1, 2, 3, 4] as [Float], shape: [1, 4]), self.labels([0, 1, 2, 3]))
    }
    XCTAssertThrowsKernelError(.shape, containing: "but got: [2, 0]") {
      try self.pytorch(Tensor([] as [Float], shape: [2, 0]), self.labels([], shape: [2, 0]))
    }
    XCTAssertThrowsKernelError(.shape, containing: "but got: [2, 2, 4]") {
      try self.pytorch(Tensor([Float](repeating: 0, count: 16), shape: [2, 2, 4]), self.labels(Array(repeating: 0, count: 16), shape: [2, 2, 4]))
    }
    let empty = Tensor([] as [Float], shape: [0, 4])
    XCTAssertEqual(try pytorch(empty, labels([], shape: [0, 4])).shape, [0])
    XCTAssertEqual(try pytorch(empty, Tensor(shape: [0, 4], storage: .int32([]))).shape, [0])
    XCTAssertThrowsError(try pytorch(empty, labels([], shape: [0, 4]), .mean)) {
      XCTAssertTrue(($0 as? KernelError)?.isUndefinedResult == true)
    }
  }

  /// The checks' order: the range check covers the whole target (entries after the -1 too)
  /// and precedes the input's dtype dispatch (float16/bfloat16 have no kernel), which
  /// precedes the target's dtype (int64 only: an int32 target fails).
  func testCheckOrder() throws {
    let x = Tensor([0.5, -0.25, 1.5, 0.125, -1.0] as [Float])
    for after in [9, -3] as [Int64] {
      XCTAssertThrowsKernelError(.argument, containing: "'target' is out of range") { try self.pytorch(x, self.labels([1, -1, after, 0, 0])) }
    }
    let int32 = Tensor(shape: [5], storage: .int32([1, -1, 0, 0, 0]))
    XCTAssertThrowsKernelError(.dtype, containing: "expected scalar type Long but found Int") { try self.pytorch(x, int32) }
    let half = Tensor(float16: [0.5, -0.25, 1.5, 0.125, -1.0])
    XCTAssertThrowsKernelError(.dtype, containing: "not implemented for 'Half'") { try self.pytorch(half, int32) }
    XCTAssertThrowsKernelError(.argument, containing: "out of range") { try self.pytorch(half, self.labels([5, -1, 0, 0, 0])) }
    let floatTarget = Tensor([1, -1, 0, 0, 0] as [Float])
    XCTAssertThrowsKernelError(.dtype, containing: "found Float") { try self.pytorch(x, floatTarget) }
  }

  /// MindSpore: types (a float `x`, then an int32 `target`), then ranks and shapes, then the
  /// missing CPU kernel, for empty inputs too.
  func testMindSporesChecksBeforeItsMissingKernel() {
    func mindspore(_ x: Tensor, _ y: Tensor) throws -> Tensor { try MultiLabelMarginLoss.mindspore(input: x, target: y) }
    let x = Tensor([0.1, 0.2, 0.4, 0.8] as [Float], shape: [1, 4])
    let int32 = Tensor(shape: [1, 4], storage: .int32([3, 0, -1, 1]))
    XCTAssertThrowsKernelError(.unsupported, containing: "Unsupported op [MultilabelMarginLoss] on CPU") { try mindspore(x, int32) }
    let int64Message = "argument[target] must be a type of {Tensor[Int32]}, but got Tensor[Int64]"
    XCTAssertThrowsKernelError(.dtype, containing: int64Message) {
      try mindspore(x, self.labels([3, 0, -1, 1, 0, 0, 0, 0], shape: [2, 1, 4]))
    }
    XCTAssertThrowsKernelError(.dtype, containing: "argument[x]") { try mindspore(Tensor(dtype: .bfloat16, shape: [1, 4], doubles: [1, 2, 3, 4]), int32) }
    XCTAssertThrowsKernelError(.shape, containing: "rank of x is : 0") {
      try mindspore(Tensor([1] as [Float], shape: []), Tensor(shape: [], storage: .int32([0])))
    }
    XCTAssertThrowsKernelError(.shape, containing: "x_shape is : [const vector]{4}, target_shape is : [const vector]{1, 4}") {
      try mindspore(Tensor([0.1, 0.2, 0.4, 0.8] as [Float]), int32)
    }
    XCTAssertThrowsKernelError(.unsupported, containing: "on CPU") {
      try mindspore(Tensor([] as [Float], shape: [0, 4]), Tensor(shape: [0, 4], storage: .int32([])))
    }
  }
}

extension Reference {
  /// One row of PyTorch's float32 kernel, written out: targets up to the first negative,
  /// each hinge `(1 - x[j]) + x[i]` rounded to Float, positive ones added in Double, the sum
  /// rounded to Float.
  static func multiLabelMargin(_ x: [Float], _ y: [Int64]) -> Float {
    var targets: [Int] = []
    for label in y {
      if label < 0 { break }
      targets.append(Int(label))
    }
    var sum = 0.0
    for j in targets {
      for i in x.indices where !targets.contains(i) {
        let z: Float = (1 - x[j]) + x[i]
        if z > 0 { sum += Double(z) }
      }
    }
    return Float(sum)
  }

  /// The same row's hinge sum with each hinge exact (float32 operands are exact in Double,
  /// and `1 - a + b` of two of them near 1 is too).
  static func multiLabelMarginExact(_ x: [Float], _ y: [Int64]) -> Double {
    let targets = Array(y.prefix { $0 >= 0 }.map { Int($0) })
    var sum = 0.0
    for j in targets {
      for i in x.indices where !targets.contains(i) {
        let z = 1 - Double(x[j]) + Double(x[i])
        if z > 0 { sum += z }
      }
    }
    return sum
  }
}
