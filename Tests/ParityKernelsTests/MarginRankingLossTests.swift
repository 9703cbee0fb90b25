import ParityCore
import XCTest
@testable import ParityKernels

/// The margin ranking loss in both frameworks' numerics. Expected values are what torch 2.15
/// and mindspore 2.10 returned on CPU for these inputs (the fixtures record the same cases).
final class MarginRankingLossTests: XCTestCase {
  /// MindSpore's docstring example: input1, input2 and `Sign([-2, -2, 3])`.
  private let input1 = Tensor([0.3864, -2.4093, -1.4076] as [Float])
  private let input2 = Tensor([-0.6012, -1.6681, 1.2928] as [Float])
  private let target = Tensor([-1, -1, 1] as [Float])

  // MARK: - PyTorch

  func testPyTorchGivesTheDocstringExample() throws {
    let none = try MarginRankingLoss.pytorch(input1: input1, input2: input2, target: target, margin: 0, reduction: .none).value
    XCTAssertEqual(none.dtype, .float32)
    XCTAssertEqual(none.doubles, [0.98759997, 0, 2.7003999].map { Double(Float($0)) })
    let mean = try MarginRankingLoss.pytorch(input1: input1, input2: input2, target: target, margin: 0, reduction: .mean).value
    XCTAssertEqual(mean.scalar, Double(Float(1.2293333)))
    let sum = try MarginRankingLoss.pytorch(input1: input1, input2: input2, target: target, margin: 0, reduction: .sum).value
    XCTAssertEqual(sum.scalar, Double(Float(3.6879997)))
  }

  func testPyTorchRefusesDifferentRanksButBroadcastsSizeOneDimensions() throws {
    XCTAssertThrowsKernelError(.shape, containing: "All input tensors should have same dimension but got sizes: input1: torch.Size([2, 3]), "
      + "input2: torch.Size([2, 3]), target: torch.Size([3]) ") {
      try MarginRankingLoss.pytorch(
        input1: Tensor([Float](repeating: 0, count: 6), shape: [2, 3]), input2: Tensor([Float](repeating: 0, count: 6), shape: [2, 3]),
        target: Tensor([1, 1, 1] as [Float]), margin: 0, reduction: .none
      ).value
    }
    // input1 and target (1, 3) against input2 (2, 3): the loss has the broadcast shape.
    let loss = try MarginRankingLoss.pytorch(
      input1: Tensor([1, 2, 3] as [Float], shape: [1, 3]), input2: Tensor([0, 0, 0, 5, 5, 5] as [Float], shape: [2, 3]),
      target: Tensor([-1, 1, -1] as [Float], shape: [1, 3]), margin: 0.5, reduction: .none
    ).value
    XCTAssertEqual(loss.shape, [2, 3])
    XCTAssertEqual(loss.doubles, [1.5, 0, 3.5, 0, 3.5, 0])
  }

  func testPyTorchKeepsNaNAndRefusesTwoBoolInputsBeforeABoolTarget() throws {
    let loss = try MarginRankingLoss.pytorch(
      input1: Tensor([.nan, .infinity, 1] as [Float]), input2: Tensor([0, .infinity, 0] as [Float]),
      target: Tensor([1, 1, .nan] as [Float]), margin: 0, reduction: .none
    ).value
    XCTAssertTrue(loss.doubles.allSatisfy(\.isNaN), "\(loss.doubles)")
    let flags = Tensor(shape: [2], storage: .bool([true, false]))
    XCTAssertThrowsKernelError(.dtype, containing: "Subtraction, the `-` operator, with two bool tensors") {
      try MarginRankingLoss.pytorch(input1: flags, input2: flags, target: flags, margin: 0, reduction: .none).value
    }
    XCTAssertThrowsKernelError(.dtype, containing: "Negation, the `-` operator, on a bool tensor") {
      try MarginRankingLoss.pytorch(
        input1: Tensor([1, 2] as [Float]), input2: Tensor([0, 0] as [Float]), target: flags, margin: 0, reduction: .none
      ).value
    }
  }

  func testPyTorchIntegerInputsGiveFloat32() throws {
    // int64 everywhere: the double margin turns the integer product into float32.
    let x = Tensor(shape: [3], storage: .int64([1, 2, -3])), x2 = Tensor(shape: [3], storage: .int64([0, 1, 0]))
    let y = Tensor(shape: [3], storage: .int64([1, -1, 0]))
    let loss = try MarginRankingLoss.pytorch(input1: x, input2: x2, target: y, margin: 1.5, reduction: .none).value
    XCTAssertEqual(loss.dtype, .float32)
    XCTAssertEqual(loss.doubles, [0.5, 2.5, 1.5])
  }

  func testPyTorchAddsAMarginThatOverflowsFloat16AsInfinity() throws {
    let x = Tensor(float16: [0.5, -0.5]), y = Tensor(float16: [1, -1])
    let loss = try MarginRankingLoss.pytorch(input1: x, input2: x, target: y, margin: 1e10, reduction: .none).value
    XCTAssertEqual(loss.dtype, .float16)
    XCTAssertEqual(loss.doubles, [.infinity, .infinity])
  }

  // MARK: - MindSpore

  func testMindSporeGivesTheDocstringExample() throws {
    func loss(_ reduction: LossReduction) throws -> Tensor {
      try MarginRankingLoss.mindspore(input1: input1, input2: input2, target: target, margin: 0, reduction: .success(reduction))
    }
    XCTAssertEqual(try loss(.none).doubles, [0.98759997, 0, 2.7003999].map { Double(Float($0)) })
    XCTAssertEqual(try loss(.mean).scalar, Double(Float(1.2293333)))
    XCTAssertEqual(try loss(.sum).scalar, Double(Float(3.6879997)))
  }

  func testMindSporeTurnsNaNIntoZero() throws {
    let loss = try MarginRankingLoss.mindspore(
      input1: Tensor([.nan, .infinity, 1] as [Float]), input2: Tensor([0, .infinity, 0] as [Float]),
      target: Tensor([1, 1, .nan] as [Float]), margin: 0, reduction: .success(.none))
    XCTAssertEqual(loss.doubles, [0, 0, 0])
  }

  func testMindSporeAddsTheMarginAsAFloat32AndRoundsFloat64ThroughFloat32() throws {
    // float64/9/none/margin=0.1, its seventh element: PyTorch gives 0.030855952166422923.
    let loss = try MarginRankingLoss.mindspore(
      input1: Tensor([1.0120659604005526] as [Double]), input2: Tensor([0.9429219125669756] as [Double]),
      target: Tensor([1] as [Double]), margin: 0.1, reduction: .success(.none))
    XCTAssertEqual(loss.dtype, .float64)
    XCTAssertEqual(loss.doubles, [0.030855953693389893])
    XCTAssertEqual(0.030855953693389893, Double(Float(Double(Float(0.1)) - (1.0120659604005526 - 0.9429219125669756))))
  }

  func testMindSporeFlushesSubnormalsOnlyInOpsOfMoreThanOneElement() throws {
    // A subnormal target times (input1 - input2) is subnormal: zero on the pool threads.
    let tiny = Float.leastNonzeroMagnitude
    let many = try MarginRankingLoss.mindspore(
      input1: Tensor([-0.5, -0.5] as [Float]), input2: Tensor([0.5, 0.5] as [Float]), target: Tensor([tiny, 1] as [Float]),
      margin: 0, reduction: .success(.none))
    XCTAssertEqual(many.doubles, [0, 1])
    let one = try MarginRankingLoss.mindspore(
      input1: Tensor([-0.5] as [Float]), input2: Tensor([0.5] as [Float]), target: Tensor([tiny] as [Float]),
      margin: 0, reduction: .success(.none))
    XCTAssertEqual(one.doubles, [Double(tiny)])
  }

  func testMindSporeChecksDTypesWithoutPromoting() {
    XCTAssertThrowsKernelError(.dtype, containing: "the input1 dtype should be equal to input2 dtype, but got input1 dtype:Float32, input2 dtype:Float16") {
      try MarginRankingLoss.mindspore(
        input1: Tensor([1] as [Float]), input2: Tensor(float16: [1]), target: Tensor([1] as [Float]), margin: 0, reduction: .success(.none))
    }
    XCTAssertThrowsKernelError(.dtype, containing: "the target dtype should be equal to input1 dtype, but got target dtype:Float64, input1 dtype:Float32") {
      try MarginRankingLoss.mindspore(
        input1: Tensor([1] as [Float]), input2: Tensor([1] as [Float]), target: Tensor([1] as [Double]), margin: 0, reduction: .success(.none))
    }
  }

  func testMindSporeReportsAMissingKernelAfterAnInvalidReduction() {
    let half = Tensor(bfloat16: [BFloat16(Float(1)), BFloat16(Float(-1))])
    XCTAssertThrowsKernelError(.dtype, containing: "Select CPU operator[Maximum] fail!") {
      try MarginRankingLoss.mindspore(input1: half, input2: half, target: half, margin: 0, reduction: .success(.mean))
    }
    let invalid = KernelError(kind: .argument, message: "the 'reduction' must be in ['mean', 'sum', 'none']")
    XCTAssertThrowsKernelError(.argument, containing: "the 'reduction' must be in") {
      try MarginRankingLoss.mindspore(input1: half, input2: half, target: half, margin: 0, reduction: .failure(invalid))
    }
    // A shape that does not broadcast is refused when the op is called, before the reduction.
    XCTAssertThrowsKernelError(.shape, containing: "For 'Mul', input1.shape and input2.shape need to broadcast") {
      try MarginRankingLoss.mindspore(
        input1: Tensor([Float](repeating: 0, count: 6), shape: [2, 3]), input2: Tensor([Float](repeating: 0, count: 6), shape: [2, 3]),
        target: Tensor([1, 1, 1, 1] as [Float]), margin: 0, reduction: .failure(invalid))
    }
  }
}
