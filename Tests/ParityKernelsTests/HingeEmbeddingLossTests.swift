import ParityCore
import XCTest
@testable import ParityKernels

/// The hinge embedding loss in both frameworks' numerics. Expected values are what torch 2.15
/// and mindspore 2.10 returned on CPU for these inputs (the fixtures record the same cases).
final class HingeEmbeddingLossTests: XCTestCase {
  // MARK: - PyTorch

  func testPyTorchGivesOtherTargetsBothTerms() throws {
    // where(y != 1, max(0, 1 - x), 0) + where(y != -1, x, 0): a target of 0, 2 or NaN gets both.
    let x = Tensor([0.5, -2, 1, 3, 0.5, .infinity, -.infinity] as [Float])
    let y = Tensor([1, -1, 0, 2, .nan, 0, 0] as [Float])
    let loss = try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: 1, reduction: .none).value
    XCTAssertEqual(loss.dtype, .float32)
    XCTAssertEqual(Array(loss.doubles.prefix(6)), [0.5, 3, 1, 3, 1, .infinity])
    XCTAssertTrue(loss.doubles[6].isNaN, "inf + -inf")
  }

  func testPyTorchRoundsTheMarginToTheInputsDtypeBeforeSubtracting() throws {
    // fill_(0.1) stores Half(0.1) = 0.0999755859375; 0.0999755859375 + 2 rounds to 2.099609375.
    let x = Tensor(float16: [-2, 0.5]), y = Tensor(float16: [-1, 1])
    let loss = try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: 0.1, reduction: .none).value
    XCTAssertEqual(loss.dtype, .float16)
    XCTAssertEqual(loss.doubles, [2.099609375, 0.5])
    XCTAssertEqual(2.099609375, Double(Float16(Float(Float16(Float(0.1))) + 2)))
    // An infinite margin fits any float dtype.
    let infinite = try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: .infinity, reduction: .none).value
    XCTAssertEqual(infinite.doubles, [.infinity, 0.5])
  }

  func testPyTorchRefusesAMarginThatOverflowsTheInputsDtype() {
    let half = Tensor(float16: [1, -2]), minusOnes = Tensor(float16: [-1, -1])
    XCTAssertThrowsKernelError(.other, containing: "value cannot be converted to type c10::Half without overflow") {
      try HingeEmbeddingLoss.pytorch(input: half, target: minusOnes, margin: 65504.5, reduction: .none).value
    }
    // 65504 itself fits; bfloat16 and float32 take far larger margins.
    XCTAssertNoThrow(try HingeEmbeddingLoss.pytorch(input: half, target: minusOnes, margin: 65504, reduction: .none))
    XCTAssertNoThrow(try HingeEmbeddingLoss.pytorch(
      input: Tensor(bfloat16: [BFloat16(Float(1)), BFloat16(Float(-2))]), target: Tensor(bfloat16: [BFloat16(Float(-1)), BFloat16(Float(-1))]), margin: 1e10, reduction: .none))
    let ints = Tensor(shape: [2], storage: .int32([1, -2]))
    XCTAssertThrowsKernelError(.other, containing: "value cannot be converted to type int without overflow") {
      try HingeEmbeddingLoss.pytorch(input: ints, target: ints, margin: 2.5e9, reduction: .none).value
    }
  }

  func testPyTorchTruncatesTheMarginForIntegerInputs() throws {
    let x = Tensor(shape: [3], storage: .int64([1, 2, -3])), y = Tensor(shape: [3], storage: .int64([1, -1, 0]))
    // margin 1.5 fills the int64 tensor with 1: max(0, 1 - 2) = 0 and max(0, 1 + 3) - 3 = 1.
    let loss = try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: 1.5, reduction: .none).value
    XCTAssertEqual(loss.dtype, .int64)
    XCTAssertEqual(loss.doubles, [1, 0, 1])
    XCTAssertEqual(try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: 1.5, reduction: .sum).value.storage.integerValues, [2])
    XCTAssertThrowsKernelError(.dtype, containing: "mean(): could not infer output dtype") {
      try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: 1, reduction: .mean).value
    }
    let flags = Tensor(shape: [1], storage: .bool([true]))
    XCTAssertThrowsKernelError(.dtype, containing: "Subtraction, the `-` operator, with two bool tensors") {
      try HingeEmbeddingLoss.pytorch(input: flags, target: flags, margin: 1, reduction: .none).value
    }
  }

  func testPyTorchBroadcastsTheTargetBothWaysAndKeepsTheInputsDtype() throws {
    let x = Tensor([0, 0, 0] as [Float]), y = Tensor([1, -1, 0, 0, 0, 0] as [Float], shape: [2, 3])
    let loss = try HingeEmbeddingLoss.pytorch(input: x, target: y, margin: 1, reduction: .none).value
    XCTAssertEqual(loss.shape, [2, 3])
    XCTAssertEqual(loss.doubles, [0, 1, 1, 1, 1, 1])
    // The target is only compared: a float64 target leaves a float16 loss.
    let mixed = try HingeEmbeddingLoss.pytorch(input: Tensor(float16: [0.25]), target: Tensor([-1] as [Double]), margin: 1, reduction: .none)
    XCTAssertEqual(mixed.value.dtype, .float16)
    XCTAssertEqual(mixed.value.doubles, [0.75])
    // where()'s iterator meets the target's size first (tensor a).
    XCTAssertThrowsKernelError(.shape, containing: "The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 1") {
      try HingeEmbeddingLoss.pytorch(
        input: Tensor([Float](repeating: 0, count: 6), shape: [2, 3]), target: Tensor([Float](repeating: 1, count: 4)), margin: 1,
        reduction: .none
      ).value
    }
  }

  // MARK: - MindSpore

  func testMindSporeTreatsTargetsBySign() throws {
    let one = Float(1)
    let x = Tensor([0.75, -0.75, 2.5, -2.5, 0.25, -0.25, 1.5, -1.5, 3, -3, 0.125, -0.125] as [Float])
    let y = Tensor([1, -1, one.nextUp, one.nextDown, -one.nextUp, -one.nextDown, 0, -0.0, 2, -2, 0.5, -0.5] as [Float])
    let loss = try HingeEmbeddingLoss.mindspore(inputs: x, targets: y, margin: 1, reduction: .none)
    XCTAssertEqual(loss.doubles, [0.75, 1.75, 2.5, -2.5, 0.75, 1.25, 0, 0, 3, 4, 0.125, 1.125])
  }

  func testMindSporeTurnsInfiniteInputsIntoNaNThroughItsMasks() throws {
    // 0 * inf is NaN on whichever side the mask is 0; Maximum(NaN, 0) is 0, so a +1 target keeps inf.
    let x = Tensor([.infinity, .infinity, -.infinity, .infinity, .nan] as [Float])
    let y = Tensor([-1, 1, 1, 0, 0] as [Float])
    let loss = try HingeEmbeddingLoss.mindspore(inputs: x, targets: y, margin: 1, reduction: .none).doubles
    XCTAssertTrue(loss[0].isNaN)
    XCTAssertEqual(loss[1], .infinity)
    XCTAssertEqual(loss[2], -.infinity)
    XCTAssertTrue(loss[3].isNaN && loss[4].isNaN)
    // A margin that overflows float16 is cast to inf: inf on the -1 side, and the +1 side unharmed.
    let half = try HingeEmbeddingLoss.mindspore(
      inputs: Tensor(float16: [0.1202, 1.469]), targets: Tensor(float16: [-1, 1]), margin: 1e10, reduction: .none)
    XCTAssertEqual(half.doubles, [.infinity, Double(Float16(1.469))])
  }

  func testMindSporeFlushesFloat32SubnormalsButNotFloat16Ones() throws {
    let tiny = Float.leastNonzeroMagnitude
    // A subnormal input reads as 0, a subnormal target is neither positive nor negative.
    let inputs = try HingeEmbeddingLoss.mindspore(inputs: Tensor([tiny, 1] as [Float]), targets: Tensor([1, 1] as [Float]), margin: 1, reduction: .none)
    XCTAssertEqual(inputs.doubles, [0, 1])
    let targets = try HingeEmbeddingLoss.mindspore(
      inputs: Tensor([0.5, 0.5] as [Float]), targets: Tensor([tiny, 1] as [Float]), margin: 1, reduction: .none)
    XCTAssertEqual(targets.doubles, [0, 0.5])
    let doubles = try HingeEmbeddingLoss.mindspore(
      inputs: Tensor([Double.leastNonzeroMagnitude, 1]), targets: Tensor([1, 1] as [Double]), margin: 1, reduction: .none)
    XCTAssertEqual(doubles.doubles, [0, 1])
    // float16's subnormals are normal floats in the kernels' float32 arithmetic.
    let halfTiny = Float16.leastNonzeroMagnitude
    let half = try HingeEmbeddingLoss.mindspore(inputs: Tensor(float16: [halfTiny, 1]), targets: Tensor(float16: [1, 1]), margin: 1, reduction: .none)
    XCTAssertEqual(half.doubles, [Double(halfTiny), 1])
  }

  func testMindSporeReducesFloat64InOrderAndFloat16InFloat() throws {
    // Row-major order in double: (1e16 + 1) rounds to 1e16, so the sum is 1 (not 2).
    let x = Tensor([1e16, 1, -1e16, 1] as [Double]), ones = Tensor([1, 1, 1, 1] as [Double])
    XCTAssertEqual(try HingeEmbeddingLoss.mindspore(inputs: x, targets: ones, margin: 1, reduction: .sum).scalar, 1)
    XCTAssertEqual(try HingeEmbeddingLoss.mindspore(inputs: x, targets: ones, margin: 1, reduction: .mean).scalar, 0.25)
    // 2048 + 1 + 1 stays 2048 in float16 steps; the reduction adds in wider precision.
    let half = Tensor(float16: [2048, 1, 1]), halfOnes = Tensor(float16: [1, 1, 1])
    let sum = try HingeEmbeddingLoss.mindspore(inputs: half, targets: halfOnes, margin: 1, reduction: .sum)
    XCTAssertEqual(sum.dtype, .float16)
    XCTAssertEqual(sum.scalar, 2050)
    let mean = try HingeEmbeddingLoss.mindspore(inputs: half, targets: halfOnes, margin: 1, reduction: .mean)
    XCTAssertEqual(mean.scalar, Double(Float16(Float(2050) / 3)))
    // The mean of nothing is memory the kernel never wrote.
    do {
      _ = try HingeEmbeddingLoss.mindspore(inputs: Tensor([] as [Float]), targets: Tensor([] as [Float]), margin: 1, reduction: .mean)
      XCTFail("expected an undefined result")
    } catch {
      XCTAssertTrue(error.isUndefinedResult)
    }
  }

  func testMindSporeChecksDtypesThenFindsNoBFloat16Kernel() {
    let longs = Tensor(shape: [2], storage: .int64([1, -1])), floats = Tensor([1, -1] as [Float])
    XCTAssertThrowsKernelError(.argument, containing: "the dtype of the first input must be float, but got Int64.") {
      try HingeEmbeddingLoss.mindspore(inputs: longs, targets: floats, margin: 1, reduction: .none)
    }
    XCTAssertThrowsKernelError(.argument, containing: "the dtype of the second input must be float, but got Int64.") {
      try HingeEmbeddingLoss.mindspore(inputs: floats, targets: longs, margin: 1, reduction: .none)
    }
    let brain = Tensor(bfloat16: [BFloat16(Float(1)), BFloat16(Float(-1))])
    XCTAssertThrowsKernelError(.dtype, containing: "Select CPU operator[Greater] fail!") {
      try HingeEmbeddingLoss.mindspore(inputs: floats, targets: brain, margin: 1, reduction: .none)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "Select CPU operator[Maximum] fail!") {
      try HingeEmbeddingLoss.mindspore(inputs: brain, targets: floats, margin: 1, reduction: .none)
    }
    XCTAssertThrowsKernelError(.shape, containing: "but got input1.shape = [4] and input2.shape = [2, 3]") {
      try HingeEmbeddingLoss.mindspore(
        inputs: Tensor([Float](repeating: 0, count: 6), shape: [2, 3]), targets: Tensor([Float](repeating: 1, count: 4)), margin: 1,
        reduction: .none)
    }
  }
}
