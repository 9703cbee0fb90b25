import Foundation
import ParityCore
import XCTest
@testable import ParityKernels

/// The Gaussian NLL loss in both frameworks' numerics. Expected values are what torch 2.15 and
/// mindspore 2.10 returned on CPU for these inputs.
final class GaussianNLLLossTests: XCTestCase {
  private func pytorch(
    _ x: Tensor, _ y: Tensor, _ v: GaussianNLLLoss.Operand, full: Bool = false, eps: Double = 1e-6, _ reduction: LossReduction = .none
  ) throws -> Tensor {
    try GaussianNLLLoss.pytorch(input: x, target: y, variance: v, full: full, eps: .number(eps), reduction: reduction).value
  }

  private func mindspore(
    _ x: Tensor, _ y: Tensor, _ v: Tensor, full: Bool = false, eps: Double = 1e-6, _ reduction: LossReduction = .none
  ) throws -> Tensor {
    try GaussianNLLLoss.mindspore(input: x, target: y, variance: v, full: full, eps: eps, reduction: reduction)
  }

  /// The diff page's example: both give 1.4375 (the page prints MindSpore's as 1.4374993);
  /// with `var[0] = -1` PyTorch refuses and MindSpore clamps the -1 to eps.
  func testTheDiffPagesExample() throws {
    let x = Tensor((0..<8).map(Float.init), shape: [4, 2]), y = Tensor([2, 3, 1, 4, 6, 4, 4, 9] as [Float], shape: [4, 2])
    let v = Tensor([1, 1, 1, 1] as [Float], shape: [4, 1])
    XCTAssertEqual(try pytorch(x, y, .tensor(v), .mean).doubles, [1.4375])
    XCTAssertEqual(try mindspore(x, y, v, .mean).doubles, [1.4375])
    let negative = Tensor([-1, 1, 1, 1] as [Float], shape: [4, 1])
    XCTAssertThrowsKernelError(.argument, containing: "var has negative entry/entries") { try self.pytorch(x, y, .tensor(negative), .mean) }
    XCTAssertEqual(Float(try mindspore(x, y, negative, .mean).scalar), 499999.22)
  }

  func testPyTorchChecksVarsSizeAgainstTheInputAlone() throws {
    let x = Tensor([Float](repeating: 1, count: 12), shape: [4, 3]), y = Tensor([Float](repeating: 0, count: 12), shape: [4, 3])
    func variance(_ shape: [Int]) -> GaussianNLLLoss.Operand { .tensor(Tensor([Float](repeating: 2, count: shape.reduce(1, *)), shape: shape)) }
    // Equal, one dimension short (unsqueezed), or one dimension of 1 at the same rank.
    for shape in [[4, 3], [4], [4, 1], [1, 3]] {
      XCTAssertEqual(try pytorch(x, y, variance(shape)).shape, [4, 3], "\(shape)")
    }
    // What would broadcast is refused all the same: two dimensions of 1, a trailing vector, a 0-d tensor, more dimensions.
    for shape in [[1, 1], [3], [], [2, 4, 3]] {
      XCTAssertThrowsKernelError(.shape, containing: "var is of incorrect size") { try self.pytorch(x, y, variance(shape)) }
    }
    // A 0-d var is the shape of a vector input without its last dimension.
    let vector = Tensor([1, 2, 3] as [Float])
    XCTAssertEqual(try pytorch(vector, vector, variance([])).shape, [3])
    // MindSpore broadcasts what PyTorch refuses.
    let v = Tensor([2, 2] as [Float], shape: [1, 1, 2])
    XCTAssertEqual(try mindspore(Tensor([1, 1] as [Float]), Tensor([0, 0] as [Float]), v).shape, [1, 1, 2])
  }

  func testPyTorchSpreadsAFloatVarAndRefusesANegativeOne() throws {
    let x = Tensor([1, 3] as [Float]), y = Tensor([2, 1] as [Float])
    XCTAssertEqual(try pytorch(x, y, .number(0.5)).doubles, try pytorch(x, y, .tensor(Tensor([0.5, 0.5] as [Float]))).doubles)
    XCTAssertThrowsKernelError(.argument, containing: "var has negative entry/entries") { try self.pytorch(x, y, .number(-1)) }
    // -0.0 is not negative: it is clamped to eps.
    XCTAssertEqual(try pytorch(x, y, .number(-0.0)).doubles, try pytorch(x, y, .number(0)).doubles)
  }

  func testNaNVarPropagatesInPyTorchAndBecomesEpsInMindSpore() throws {
    let x = Tensor([1, 3, 1] as [Float]), y = Tensor([2, 1, 1] as [Float]), v = Tensor([.nan, 2, .infinity] as [Float])
    let torch = try pytorch(x, y, .tensor(v)).doubles
    XCTAssertTrue(torch[0].isNaN)
    XCTAssertEqual(Array(torch.dropFirst()), [Double(Float(1.3465736)), .infinity])
    XCTAssertEqual(try mindspore(x, y, v).doubles, [499993.09375, Double(Float(1.3465736)), .infinity])
    // float16: 1 / Half(1e-6) overflows.
    let half = try mindspore(Tensor(float16: [1, 3, 1]), Tensor(float16: [2, 1, 1]), Tensor(float16: [.nan, 2, .infinity]))
    XCTAssertEqual(half.doubles, [.infinity, 1.3466796875, .infinity])
  }

  func testEpsIsRoundedToHalfForAFloat16Var() throws {
    // Half(1e-6) = 1.0132789611816406e-06: 0.5 * 0.0625 / that rounds to 30848 in float16.
    let x = Tensor(float16: [0]), y = Tensor(float16: [0.25]), v = Tensor(float16: [0])
    XCTAssertEqual(try pytorch(x, y, .tensor(v)).doubles, [30848])
    XCTAssertEqual(try mindspore(x, y, v).doubles, [30848])
  }

  func testMindSporeAddsPythonFloatsToFloat64AsFloat32() throws {
    let zero = Tensor([0] as [Double]), one = Tensor([1] as [Double])
    XCTAssertEqual(try pytorch(zero, zero, .tensor(one), full: true).doubles, [0.9189385332046727])
    XCTAssertEqual(try mindspore(zero, zero, one, full: true).doubles, [0.9189385175704956])
    // eps clamps a float64 var at Float(1e-6).
    let x = Tensor([0, 0] as [Double]), y = Tensor([1, 1] as [Double]), v = Tensor([0, 0] as [Double])
    XCTAssertEqual(try mindspore(x, y, v).doubles, [499993.0935070984, 499993.0935070984])
    XCTAssertEqual(try pytorch(x, y, .tensor(v)).doubles, [499993.092244721, 499993.092244721])
  }

  func testIntegerVarRefusesAFloatEpsInPyTorchAndComputesInFloat32InMindSpore() throws {
    let x = Tensor([1, 3] as [Float]), y = Tensor([2, 1] as [Float]), v = Tensor(shape: [2], storage: .int64([0, 2]))
    XCTAssertThrowsKernelError(.dtype, containing: "can't be cast to the desired output type") { try self.pytorch(x, y, .tensor(v)) }
    let loss = try mindspore(x, y, v)
    XCTAssertEqual(loss.dtype, .float32)
    XCTAssertEqual(loss.doubles, [499993.09375, Double(Float(1.3465736))])
  }

  func testMindSporeHasNoBFloat16MaximumNorBoolSquare() {
    let b = Tensor(bfloat16: [BFloat16(Float(1))])
    XCTAssertThrowsKernelError(.dtype, containing: "Select CPU operator[Maximum] fail") { try self.mindspore(b, b, b) }
    let flags = Tensor(shape: [1], storage: .bool([true])), one = Tensor([1] as [Float])
    XCTAssertThrowsKernelError(.dtype, containing: "Select CPU operator[Square] fail") { try self.mindspore(flags, flags, one) }
  }

  func testReductions() throws {
    let x = Tensor([1, 3, 0.5] as [Float]), y = Tensor([2, 1, 0] as [Float]), v = Tensor([1, 2, 4] as [Float])
    XCTAssertEqual(try pytorch(x, y, .tensor(v), .sum).doubles, [2.5709707736968994])
    XCTAssertEqual(try mindspore(x, y, v, .sum).doubles, [2.5709707736968994])
    let h = (Tensor(float16: [1, 3, 0.5]), Tensor(float16: [2, 1, 0]), Tensor(float16: [1, 2, 4]))
    XCTAssertEqual(try pytorch(h.0, h.1, .tensor(h.2), .mean).doubles, [0.85693359375])
    XCTAssertEqual(try mindspore(h.0, h.1, h.2, .mean).doubles, [0.85693359375])
    let empty = Tensor([] as [Float])
    XCTAssertThrowsError(try mindspore(empty, empty, empty, .mean)) { error in
      XCTAssertTrue((error as? KernelError)?.isUndefinedResult == true)
    }
    XCTAssertTrue(try pytorch(empty, empty, .tensor(empty), .mean).scalar.isNaN)
  }

  func testMindSporeFloat32LogSplitsInHalves() {
    // Nine elements: 4-wide series then logf in [0, 5), the series in [5, 9).
    let values: [Float] = [1.1742083, 0.6984042, 0.48917362, 1.9458658, 1.1289234, 0.4085581, 1.3222816, 1.5980296, 1.303406]
    let logs = MindSporeLossExpLog.log32Kernel(values, chunks: MindSporeLossExpLog.halves)
    XCTAssertEqual(logs[4], Foundation.log(values[4]))
    XCTAssertEqual(logs[1], -0.35895708, "series, not logf's -0.35895726")
    XCTAssertEqual(logs[8], 0.26498082, "series, not logf's 0.26498085")
    XCTAssertEqual(MindSporeLossExpLog.halves(9), [0..<5, 5..<9])
    XCTAssertEqual(MindSporeLossExpLog.halves(1), [0..<1])
    XCTAssertEqual(MindSporeLossExpLog.logSeries(.infinity), .infinity)
  }
}
