import ParityCore
import XCTest
@testable import ParityKernels

/// The multi-label soft margin loss in both frameworks' numerics, and PyTorch's sum over one
/// dimension. Expected values are what torch 2.15 and mindspore 2.10 returned on CPU (the
/// recorded `nn.MultiLabelSoftMarginLoss` cases named in each test).
final class MultiLabelSoftMarginLossTests: XCTestCase {
  private func pytorch(
    _ x: Tensor, _ y: Tensor, weight: MultiLabelSoftMarginLoss.Weight? = nil, _ reduction: String? = "none"
  ) throws -> Tensor {
    try MultiLabelSoftMarginLoss.pytorch(input: x, target: y, weight: weight, reduction: reduction)
  }

  private func mindspore(
    _ x: Tensor, _ y: Tensor, weight: MultiLabelSoftMarginLoss.Weight? = nil, _ reduction: String? = "none"
  ) throws -> Tensor {
    try MultiLabelSoftMarginLoss.mindspore(input: x, target: y, weight: weight, reduction: reduction)
  }

  /// `float32/2x3/*/doc-example-mindspore`: MindSpore's docstring prints 0.84693956 for the
  /// mean; mindspore 2.10 on CPU returned 0.8469397, PyTorch 0.8469398.
  func testMindSporesDocstringExample() throws {
    let x = Tensor([0.3, 0.6, 0.6, 0.9, 0.4, 0.2] as [Float], shape: [2, 3])
    let y = Tensor([0, 0, 1, 0, 0, 1] as [Float], shape: [2, 3])
    XCTAssertEqual(try pytorch(x, y).doubles.map { Float($0) }, [0.7764437, 0.91743594])
    XCTAssertEqual(Float(try pytorch(x, y, "mean").scalar), 0.8469398)
    XCTAssertEqual(try mindspore(x, y).doubles.map { Float($0) }, [0.77644354, 0.9174358])
    XCTAssertEqual(Float(try mindspore(x, y, "mean").scalar), 0.8469397)
  }

  /// `float32/13x1/none/edge-input-rows`: PyTorch's `logsigmoid` stays finite for large
  /// inputs; MindSpore's `log(exp(x) + 1)` overflows to inf, and times a zero factor gives nan.
  func testMindSporeOverflowsWherePyTorchStaysFinite() throws {
    let x = Tensor([1e4, -1e4, -Float.greatestFiniteMagnitude] as [Float], shape: [3, 1])
    let y = Tensor([0, 0, 0] as [Float], shape: [3, 1])
    XCTAssertEqual(try pytorch(x, y).doubles, [1e4, 0, 0])
    let ms = try mindspore(x, y).doubles
    XCTAssertEqual(ms[0], .infinity)
    XCTAssertTrue(ms[1].isNaN && ms[2].isNaN)
  }

  /// The class dimension is the input's last: a weight wider than a `(3, 1)` input broadcasts
  /// the loss to `(3, 5)`, which is summed over its dimension 1 and divided by the input's 1
  /// (`float32/3x1+3x1+3x5/none/weight-wider`).
  func testTheClassSizeIsTheInputsEvenWhenTheWeightWidensTheLoss() throws {
    let x = Tensor([-0.38882837, -2.4833205, 2.7416854] as [Float], shape: [3, 1])
    let y = Tensor([0, 0, 0] as [Float], shape: [3, 1])
    let w = Tensor([1.1912267, 1.2924305, 0.655198, 1.9366887, 1.9225943, 0.9328729, 1.6028577, 1.6403868,
                    0.4965198, 1.396698, 1.2955148, 1.8476365, 1.363871, 0.6033241, 0.7570316] as [Float], shape: [3, 5])
    let got = try pytorch(x, y, weight: .tensor(w)).doubles.map { Float($0) }
    for (g, e) in zip(got, [3.6216316, 0.48654714, 16.453035] as [Float]) { XCTAssertEqual(g, e, accuracy: 2 * e.ulp) }
    XCTAssertEqual(try mindspore(x, y, weight: .tensor(w)).shape, [3])
  }

  /// PyTorch checks the reduction string only after the loss: a shape error comes first, and
  /// `'elementwise_mean'` is refused (this function never resolves it to `'mean'`).
  func testPyTorchChecksTheReductionAfterTheLoss() {
    let x = Tensor([1, 2, 3] as [Float]), y = Tensor([1, 0] as [Float])
    XCTAssertThrowsKernelError(.shape, containing: "must match the size") { try self.pytorch(x, y, "avg") }
    XCTAssertThrowsKernelError(.argument, containing: "elementwise_mean is not valid") { try self.pytorch(x, x, "elementwise_mean") }
    XCTAssertThrowsKernelError(.argument, containing: "'NoneType' and 'str'") { try self.pytorch(x, x, nil) }
    XCTAssertThrowsKernelError(.shape, containing: "no dimensions") { try self.pytorch(Tensor([1] as [Float], shape: []), Tensor([1] as [Float], shape: [])) }
  }

  /// MindSpore's CPU kernels: no `Neg` for bool, no `Exp` for bfloat16 or integers, no `Sub`
  /// for a bfloat16 target; a 0-d input fails indexing its shape (`float16/scalar/*/random`).
  func testMindSporesKernelGapsAndAZeroDimensionalInput() {
    let f = Tensor([0.5, 1] as [Float])
    XCTAssertThrowsKernelError(.dtype, containing: "[Neg]") { try self.mindspore(Tensor(shape: [2], storage: .bool([true, false])), f) }
    XCTAssertThrowsKernelError(.dtype, containing: "[Exp]") { try self.mindspore(Tensor(bfloat16: [BFloat16(Float(0.5)), BFloat16(Float(1))]), f) }
    XCTAssertThrowsKernelError(.dtype, containing: "[Exp]") { try self.mindspore(Tensor(shape: [2], storage: .int64([1, 2])), f) }
    XCTAssertThrowsKernelError(.dtype, containing: "[Sub]") { try self.mindspore(f, Tensor(bfloat16: [BFloat16(Float(0.5)), BFloat16(Float(1))])) }
    XCTAssertThrowsKernelError(.other, containing: "tuple index out of range") {
      try self.mindspore(Tensor([1] as [Float], shape: []), Tensor([1] as [Float], shape: []))
    }
  }

  /// `TorchOps.sum(_:dim:)` removes the dimension, sums each slice, and accumulates 16-bit
  /// dtypes in Float (2048 + 1 + 1 would stay 2048 added in float16).
  func testSumOverOneDimension() throws {
    let a = EagerTensor(Tensor((0..<24).map(Float.init), shape: [2, 3, 4]))
    XCTAssertEqual(try TorchOps.sum(a, dim: 0).values, (0..<12).map { Double($0 * 2 + 12) })
    XCTAssertEqual(try TorchOps.sum(a, dim: 1).shape, [2, 4])
    XCTAssertEqual(try TorchOps.sum(a, dim: 1).values, [12, 15, 18, 21, 48, 51, 54, 57])
    XCTAssertEqual(try TorchOps.sum(a, dim: -1).values, [6, 22, 38, 54, 70, 86])
    XCTAssertThrowsKernelError(.shape, containing: "Dimension out of range") { try TorchOps.sum(a, dim: 3).tensor }
    let half = EagerTensor(Tensor(float16: [2048, 1, 1, 0], shape: [2, 2]))
    XCTAssertEqual(try TorchOps.sum(half, dim: 0).values, [2049, 1].map { Double(Float16(Float($0))) })
    XCTAssertEqual(try TorchOps.sum(EagerTensor(Tensor(float16: [2048, 1, 1])), dim: 0).values, [2050])
  }

  /// `MindSporeOps.sum(_:axis:)`: a 2-d float32 tensor over axis 1 adds 8 Float lanes, over
  /// axis 0 each column in Float, and any other rank in Double. 1e8 plus eight ones: Float
  /// steps of 8 at 1e8 swallow each 1; Double keeps them (100000008 is a Float).
  func testMindSporesSumOverOneAxisByKernel() throws {
    let values = [1e8] + [Float](repeating: 1, count: 8)
    func sum(_ shape: [Int], axis: Int) throws -> [Double] {
      try MindSporeOps.sum(EagerTensor(Tensor(values, shape: shape)), axis: axis).values
    }
    XCTAssertEqual(try sum([1, 9], axis: 1), [1e8])
    XCTAssertEqual(try sum([9, 1], axis: 0), [1e8])
    XCTAssertEqual(try sum([9], axis: 0), [100_000_008])
    XCTAssertEqual(try sum([1, 1, 9], axis: -1), [100_000_008])
    // 1e8 and fifteen fours: lane 0 swallows its 4 (a tie, to even), lanes 1-7 hold 8 each
    // and add up to 100000056; in order in Float it stays 1e8, in Double it rounds to 100000064.
    let lanes = [1e8] + [Float](repeating: 4, count: 15)
    XCTAssertEqual(try MindSporeOps.sum(EagerTensor(Tensor(lanes, shape: [1, 16])), axis: 1).values, [100_000_056])
    XCTAssertEqual(try MindSporeOps.sum(EagerTensor(Tensor(lanes, shape: [16])), axis: 0).values, [100_000_064])
  }
}
