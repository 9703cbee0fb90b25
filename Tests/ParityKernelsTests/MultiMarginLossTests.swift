import ParityCore
import XCTest
@testable import ParityKernels

/// The multi-margin loss in both frameworks' numerics: operand order, accumulation dtype,
/// MindSpore's float16 computed in float, and each framework's refusals.
final class MultiMarginLossTests: XCTestCase {
  // MARK: - Both

  func testDocstringExampleIsTwoThirdsInBoth() throws {
    let x = Tensor([Float](repeating: 1, count: 9), shape: [3, 3])
    let y = longs([1, 2, 1]), w = Tensor([1, 1, 1] as [Float])
    let pt = try MultiMarginLoss.pytorch(input: x, target: y, p: 1, margin: 1, weight: nil, reduction: .mean).value
    let ms = try MultiMarginLoss.mindspore(input: x, target: y, weight: w, p: 1, margin: 1, reduction: .mean)
    XCTAssertEqual(pt.scalar, Double(Float(0.6666667)))
    XCTAssertEqual(ms.scalar, Double(Float(0.6666667)))
  }

  func testOperandOrderDiffersByOneRounding() throws {
    // PyTorch: (margin - x[t]) + x[i]; MindSpore: (margin + x[i]) - x[t]. For these two float32
    // scores the orders round differently (1.8770001 against 1.877).
    let xt: Float = 0.024, xi: Float = 0.901
    XCTAssertNotEqual((1 - xt) + xi, (1 + xi) - xt)
    let x = Tensor([xt, xi], shape: [1, 2]), y = longs([0])
    let pt = try MultiMarginLoss.pytorch(input: x, target: y, p: 1, margin: 1, weight: nil, reduction: .none).value
    let ms = try MultiMarginLoss.mindspore(input: x, target: y, weight: nil, p: 1, margin: 1, reduction: .none)
    XCTAssertEqual(pt.doubles, [Double(((1 - xt) + xi) / 2)])
    XCTAssertEqual(ms.doubles, [Double(((1 + xi) - xt) / 2)])
    XCTAssertEqual(ULP.distance(pt.doubles[0], ms.doubles[0], in: .float32), 1)
  }

  func testPyTorchAddsSamplesInDoubleAndMindSporeInFloat() throws {
    // sample losses 2^24, 1, 1: double keeps 2^24 + 2; float loses each 1 (a tie to even)
    let x = Tensor([1, 0x1p25, 0, 1, 0, 1] as [Float], shape: [3, 2]), y = longs([0, 0, 0])
    let pt = try MultiMarginLoss.pytorch(input: x, target: y, p: 1, margin: 1, weight: nil, reduction: .sum).value
    let ms = try MultiMarginLoss.mindspore(input: x, target: y, weight: nil, p: 1, margin: 1, reduction: .sum)
    XCTAssertEqual(pt.scalar, 0x1p24 + 2)
    XCTAssertEqual(ms.scalar, 0x1p24)
  }

  func testNaNScoresDropTheirTermsAndInfinitiesDominate() throws {
    let x = Tensor([.nan, 0.5, 0, 0.25, .infinity, 0] as [Float], shape: [2, 3]), y = longs([0, 1])
    for ms in [false, true] {
      let out = ms
        ? try MultiMarginLoss.mindspore(input: x, target: y, weight: nil, p: 1, margin: 1, reduction: .none)
        : try MultiMarginLoss.pytorch(input: x, target: y, p: 1, margin: 1, weight: nil, reduction: .none).value
      // every z of sample 0 is NaN (not > 0); sample 1's target is inf, so z is -inf
      XCTAssertEqual(out.doubles, [0, 0], ms ? "mindspore" : "pytorch")
    }
    let z = Tensor([0, .infinity] as [Float], shape: [1, 2])
    let pt = try MultiMarginLoss.pytorch(input: z, target: longs([0]), p: 2, margin: 1, weight: nil, reduction: .mean).value
    XCTAssertEqual(pt.scalar, .infinity)
  }

  func testCorrectlyRoundedWhereOnlyTheDivisionRounds() throws {
    // scores in eighths, weights in quarters, margin 0.75: every z, square, product and sum is
    // exact in float32, so each sample's loss is the exact value divided by C, rounded once
    let n = 64, c = 5
    let scores = (0..<(n * c)).map { Float(($0 * 7) % 33 - 16) / 8 }
    let targets = (0..<n).map { Int64(($0 * 3) % c) }
    let weights = (0..<c).map { Float($0 + 1) / 4 }
    for p in [1, 2] {
      let x = Tensor(scores, shape: [n, c]), w = Tensor(weights)
      let pt = try MultiMarginLoss.pytorch(input: x, target: longs(targets), p: p, margin: 0.75, weight: w, reduction: .none).value
      let ms = try MultiMarginLoss.mindspore(input: x, target: longs(targets), weight: w, p: p, margin: 0.75, reduction: .none)
      for s in 0..<n {
        let t = Int(targets[s])
        var exact = 0.0
        for i in 0..<c where i != t {
          let z = 0.75 - Double(scores[s * c + t]) + Double(scores[s * c + i])
          if z > 0 { exact += (p == 1 ? z : z * z) * Double(weights[t]) }
        }
        let reference = Double(Float(exact / Double(c)))
        XCTAssertEqual(ULP.distance(pt.doubles[s], reference, in: .float32), 0, "pytorch p=\(p) sample \(s)")
        XCTAssertEqual(ULP.distance(ms.doubles[s], reference, in: .float32), 0, "mindspore p=\(p) sample \(s)")
      }
    }
  }

  // MARK: - PyTorch

  func testPyTorchShapesOneSampleAndScalarInputs() throws {
    let one = Tensor([0.5, 0.25, 1] as [Float])
    let none = try MultiMarginLoss.pytorch(input: one, target: longs([2]), p: 1, margin: 1, weight: nil, reduction: .none).value
    XCTAssertEqual(none.shape, [1], "a (1,) target keeps its dimension")
    let scalarTarget = Tensor(shape: [], storage: .int64([2]))
    let zeroD = try MultiMarginLoss.pytorch(input: one, target: scalarTarget, p: 1, margin: 1, weight: nil, reduction: .none).value
    XCTAssertEqual(zeroD.shape, [])
    XCTAssertEqual(zeroD.scalar, none.doubles[0])
    let scalar = Tensor(shape: [], storage: .float32([3]))
    XCTAssertEqual(try MultiMarginLoss.pytorch(input: scalar, target: scalarTarget.with(0), p: 1, margin: 1, weight: nil, reduction: .mean).value.scalar, 0)
  }

  func testPyTorchEmptyReductionsAreUndefinedAndOtherDtypesRefused() throws {
    let empty = Tensor(shape: [0, 4], storage: .float32([]))
    let none = try MultiMarginLoss.pytorch(input: empty, target: longs([]), p: 1, margin: 1, weight: nil, reduction: .none).value
    XCTAssertEqual(none.shape, [0])
    do {
      _ = try MultiMarginLoss.pytorch(input: empty, target: longs([]), p: 1, margin: 1, weight: nil, reduction: .mean)
      XCTFail("an empty mean is undefined")
    } catch {
      XCTAssertTrue(error.isUndefinedResult)
    }
    let half = Tensor(float16: [0, 1], shape: [1, 2])
    XCTAssertThrowsKernelError(.dtype, containing: "not implemented for 'Half'") {
      try MultiMarginLoss.pytorch(input: half, target: longs([0]), p: 1, margin: 1, weight: nil, reduction: .mean).value
    }
    let x = Tensor([0, 1] as [Float], shape: [1, 2])
    XCTAssertThrowsKernelError(.dtype, containing: "expected scalar type Long but found Int") {
      try MultiMarginLoss.pytorch(input: x, target: Tensor(shape: [1], storage: .int32([0])), p: 1, margin: 1, weight: nil, reduction: .mean).value
    }
    XCTAssertThrowsKernelError(.other, containing: "target out of range") {
      try MultiMarginLoss.pytorch(input: x, target: longs([2]), p: 1, margin: 1, weight: nil, reduction: .mean).value
    }
    XCTAssertThrowsKernelError(.shape, containing: "inconsistent weight size, expected 2 but got [3]") {
      try MultiMarginLoss.pytorch(input: x, target: longs([0]), p: 1, margin: 1, weight: Tensor([1, 1, 1] as [Float]), reduction: .mean).value
    }
  }

  // MARK: - MindSpore

  func testMindSporeHalfComputesInFloatAndNeedsAWeight() throws {
    // margin 300, p 2: 90000 overflows float16 but not float; / 2 = 45000 rounds to 44992
    let x = Tensor(float16: [0, 0], shape: [1, 2]), y = longs([0])
    let w = Tensor(float16: [1, 1])
    let out = try MultiMarginLoss.mindspore(input: x, target: y, weight: w, p: 2, margin: 300, reduction: .none)
    XCTAssertEqual(out.dtype, .float16)
    XCTAssertEqual(out.doubles, [44992])
    XCTAssertThrowsKernelError(.other, containing: "The pointer[weight_addr] is null.") {
      try MultiMarginLoss.mindspore(input: x, target: y, weight: nil, p: 1, margin: 1, reduction: .mean)
    }
  }

  func testMindSporeMarginIsAFloat32Attribute() throws {
    // margin 0.1 is stored as float32 even for a float64 input
    let x = Tensor([0, 0] as [Double], shape: [1, 2]), y = longs([0])
    let out = try MultiMarginLoss.mindspore(input: x, target: y, weight: nil, p: 1, margin: 0.1, reduction: .none)
    XCTAssertEqual(out.doubles, [Double(Float(0.1)) / 2])
    let pt = try MultiMarginLoss.pytorch(input: x, target: y, p: 1, margin: 0.1, weight: nil, reduction: .none).value
    XCTAssertEqual(pt.doubles, [0.1 / 2])
  }

  func testMindSporeChecksTypesBeforeShapesAndRanksOnly2D() {
    let x = Tensor([0, 1, 2] as [Float]), y = Tensor(shape: [], storage: .int64([0]))
    XCTAssertThrowsKernelError(.shape, containing: "rank of x is 1, rank of target is  0") {
      try MultiMarginLoss.mindspore(input: x, target: y, weight: nil, p: 1, margin: 1, reduction: .mean)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "argument[x] must be a type of") {
      try MultiMarginLoss.mindspore(input: Tensor(bfloat16: [BFloat16(Float(0)), BFloat16(Float(1)), BFloat16(Float(2))]), target: y, weight: nil, p: 1, margin: 1, reduction: .mean)
    }
    let x2 = Tensor([0, 1] as [Float], shape: [1, 2])
    XCTAssertThrowsKernelError(.dtype, containing: "the input type must be same") {
      try MultiMarginLoss.mindspore(input: x2, target: longs([0]), weight: Tensor([1, 1] as [Double]), p: 1, margin: 1, reduction: .mean)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "argument[target] must be a type of {Tensor[Int64]}, but got Tensor[Int32]") {
      try MultiMarginLoss.mindspore(input: x2, target: Tensor(shape: [1], storage: .int32([0])), weight: nil, p: 1, margin: 1, reduction: .mean)
    }
    XCTAssertThrowsKernelError(.other, containing: "Target out of range.") {
      try MultiMarginLoss.mindspore(input: x2, target: longs([-1]), weight: nil, p: 1, margin: 1, reduction: .mean)
    }
  }

  private func longs(_ v: [Int64]) -> Tensor { Tensor(shape: [v.count], storage: .int64(v)) }
}

private extension Tensor {
  /// This int64 scalar holding `value` instead.
  func with(_ value: Int64) -> Tensor { Tensor(shape: shape, storage: .int64([value])) }
}
