import Foundation
import ParityCore
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// Cross entropy in both frameworks' numerics: PyTorch's log_softmax kernels and class-dim
/// sums, its three paths (class indices, label smoothing, probabilities), MindSpore's
/// composite and its checks.
final class CrossEntropyLossTests: XCTestCase {
  // MARK: - PyTorch's log_softmax

  func testVectorSumAddsTheLanesByAVX2sShuffleTree() {
    // 8 floats: ((l0+l4)+(l2+l6))+((l1+l5)+(l3+l7)) cancels 1e8 first and keeps the ones
    // (6); adding them in order loses every 1 against 1e8 (3 survive after the cancel).
    let terms: [Double] = [1e8, 1, 1, 1, -1e8, 1, 1, 1]
    let round = { (v: Double) in Double(Float(v)) }
    XCTAssertEqual(PyTorchLogSoftmax.vectorSum(terms, lanes: 8, twoVectors: false, round: round), 6)
    XCTAssertEqual(terms.dropFirst().reduce(terms[0]) { round($0 + $1) }, 3)
    // fewer than 8: in order
    XCTAssertEqual(PyTorchLogSoftmax.vectorSum([1e8, 1, 1, 1, -1e8], lanes: 8, twoVectors: false, round: round), 0)
  }

  /// Float32 log_softmax against the exact value, over seeded random rows: within the
  /// float32 error bound of `(x - max) - log(sum)`. Half an ULP for each of the two
  /// subtractions and the log, plus (C + 1) units of 2^-24 for the log of a sum of C
  /// rounded exps (the log turns the sum's relative error into absolute error). For the
  /// largest class the result is -log(sum), close to 0, so one ULP of its own is too tight:
  /// an unseeded version of this test saw 1.1e-7 at C = 8.
  func testLastDimensionLogSoftmaxIsWithinTheFloat32ErrorBoundOfTheExactValue() {
    var generator = SplitMix64(seed: 13)
    func halfULP(_ v: Double) -> Double { Double(Float(v).ulp) / 2 }
    for classes in [1, 3, 8, 13, 37] {
      for _ in 0..<200 {
        let row = (0..<classes).map { _ in Double(Float(Double.random(in: -6...6, using: &generator))) }
        let out = PyTorchLogSoftmax.lastDim(row, .float32)
        let m = row.max()!
        let logSum = Foundation.log(row.map { Foundation.exp($0 - m) }.reduce(0, +))
        for (value, x) in zip(out, row) {
          let exact = (x - m) - logSum
          let bound = halfULP(x - m) + halfULP(logSum) + halfULP(exact) + Double(classes + 1) * 0x1p-24
          XCTAssertLessThanOrEqual(abs(value - exact), bound, "C=\(classes), row \(row)")
        }
      }
    }
  }

  func testLogSoftmaxOfNaNRowIsNaNAndOfInfinityIsNaN() {
    XCTAssertTrue(PyTorchLogSoftmax.lastDim([0, .nan, 1], .float32).allSatisfy(\.isNaN))
    // max = inf, inf - inf = NaN: the whole row
    XCTAssertTrue(PyTorchLogSoftmax.lastDim([0, .infinity], .float32).allSatisfy(\.isNaN))
  }

  func testInnerDimensionHalfKeepsEachPositionsOwnMax() {
    // (1, 2, 16) float16: positions 8..<16 score 100 and 99, positions 0..<8 score 0; torch 2.15
    // gives finite log-probabilities everywhere (-0.3132 and -1.3135 at position 8)
    var values = [Float16](repeating: 0, count: 32)
    for i in 8..<16 { values[i] = 100; values[16 + i] = 99 }
    let x = EagerTensor(Tensor(float16: values, shape: [1, 2, 16]))
    let out = PyTorchLogSoftmax.logSoftmax(x, dim: 1)
    XCTAssertEqual(out.values[8], Double(Float16(-0.3132)))
    XCTAssertEqual(out.values[24], Double(Float16(-1.3135)))
    XCTAssertEqual(out.values[0], Double(Float16(-0.6934)))
  }

  func testClassSumRowSumAddsTheTailIntoTheFirstPartial() throws {
    // 5 floats: partials [1e8, 1, 1, 1], the 5th (-1e8) into the first, then the others: 3
    let a = EagerTensor(shape: [1, 5], dtype: .float32, values: [1e8, 1, 1, 1, -1e8])
    XCTAssertEqual(try TorchOps.sum(a, dim: 1).values, [3])
    // along a dimension with two positions inside: in order, every 1 lost against 1e8
    let b = EagerTensor(shape: [1, 5, 2], dtype: .float32, values: [1e8, 0, 1, 0, 1, 0, 1, 0, -1e8, 0])
    XCTAssertEqual(try TorchOps.sum(b, dim: 1).values, [0, 0])
  }

  // MARK: - PyTorch's cross entropy

  func testDiffPageExampleInDouble() throws {
    let rows: [[Double]] = [[1.624, -0.611, -0.528, -1.072, 0.865], [-2.301, 1.744, -0.761, 0.319, -0.249],
                            [1.462, -2.060, -0.322, -0.384, 1.133]]
    let x = Tensor(rows.flatMap { $0 }, shape: [3, 5])
    let targets = [1, 0, 4]
    let loss = try CrossEntropyLoss.pytorch(input: x, target: longs([1, 0, 4]), weight: nil, ignoreIndex: -100,
                                            reduction: .mean, labelSmoothing: 0).value.scalar
    let exact = zip(rows, targets).map { row, t in Foundation.log(row.map(Foundation.exp).reduce(0, +)) - row[t] }.reduce(0, +) / 3
    XCTAssertEqual(loss, exact, accuracy: 4 * exact.ulp)
    XCTAssertEqual((loss * 1000).rounded() / 1000, 2.764)
  }

  func testLabelSmoothingOneIsTheMeanOfMinusTheLogProbabilities() throws {
    let x = Tensor([0.5, -1, 2, 0, 1, -0.25] as [Double], shape: [2, 3])
    let y = longs([2, -100])
    let loss = try CrossEntropyLoss.pytorch(input: x, target: y, weight: nil, ignoreIndex: -100, reduction: .none, labelSmoothing: 1).value
    let row = [0.5, -1, 2.0]
    let lse = Foundation.log(row.map(Foundation.exp).reduce(0, +))
    XCTAssertEqual(loss.doubles[0], row.map { lse - $0 }.reduce(0, +) / 3, accuracy: 1e-14)
    XCTAssertEqual(loss.doubles[1], 0, "an ignored target's smoothing term is masked")
  }

  func testProbabilityTargetsOfTheInputsShapeAndTheirChecks() throws {
    let x = Tensor([0, 1, 2, 3] as [Float], shape: [2, 2])
    let p = Tensor([0.5, 0.5, 1, 0] as [Float], shape: [2, 2])
    let mean = try CrossEntropyLoss.pytorch(input: x, target: p, weight: nil, ignoreIndex: -100, reduction: .mean, labelSmoothing: 0).value
    let l0 = Foundation.log(1 + Foundation.exp(1.0)) - 0.5, l1 = Foundation.log(Foundation.exp(2.0) + Foundation.exp(3.0)) - 2
    XCTAssertEqual(mean.scalar, (l0 + l1) / 2, accuracy: 1e-6)
    XCTAssertThrowsKernelError(.other, containing: "ignore_index is not supported for floating point target") {
      try CrossEntropyLoss.pytorch(input: x, target: p, weight: nil, ignoreIndex: 0, reduction: .mean, labelSmoothing: 0).value
    }
    XCTAssertThrowsKernelError(.shape, containing: "cross_entropy: weight tensor should be defined either for all 2 classes") {
      try CrossEntropyLoss.pytorch(input: x, target: p, weight: Tensor([1, 1, 1] as [Float]), ignoreIndex: -100,
                                   reduction: .mean, labelSmoothing: 0).value
    }
    // a 0-d input and a 0-d long target have the same shape: the probability path's dtype check
    XCTAssertThrowsKernelError(.dtype, containing: "Expected floating point type for target with class probabilities, got Long") {
      try CrossEntropyLoss.pytorch(input: Tensor([1] as [Float], shape: []), target: Tensor(shape: [], storage: .int64([0])),
                                   weight: nil, ignoreIndex: -100, reduction: .mean, labelSmoothing: 0).value
    }
    XCTAssertThrowsKernelError(.argument, containing: "label_smoothing must be between 0.0 and 1.0. Got: 1.5") {
      try CrossEntropyLoss.pytorch(input: x, target: longs([0, 1]), weight: nil, ignoreIndex: -100, reduction: .mean, labelSmoothing: 1.5).value
    }
  }

  // MARK: - MindSpore

  func testMindSporeRefusesBFloat16AndSendsFloat64ProbabilitiesToNLL() throws {
    let x = Tensor([0, 1, 2, 3] as [Float], shape: [2, 2])
    XCTAssertThrowsKernelError(.dtype, containing: "but got dtype:BFloat16.") {
      try CrossEntropyLoss.mindspore(input: Tensor(shape: [2, 2], storage: TensorStorage(dtype: .bfloat16, doubles: [0, 1, 2, 3])),
                                     target: ints([0, 1]), weight: nil, ignoreIndex: -100, reduction: "mean", labelSmoothing: 0)
    }
    XCTAssertThrowsKernelError(.dtype, containing: "but got Tensor[Float64]") {
      try CrossEntropyLoss.mindspore(input: x, target: Tensor([0.5, 0.5, 1, 0] as [Double], shape: [2, 2]), weight: nil,
                                     ignoreIndex: -100, reduction: "mean", labelSmoothing: 0)
    }
  }

  func testMindSporeLabelSmoothingAboveOneExtrapolates() throws {
    // ops.cross_entropy checks only label_smoothing >= 0: 1.5 gives -0.5 * nll + 1.5 / C * smooth
    let x = Tensor([0, 0] as [Float], shape: [1, 2])
    let loss = try CrossEntropyLoss.mindspore(input: x, target: ints([0]), weight: nil, ignoreIndex: -100,
                                              reduction: "sum", labelSmoothing: 1.5)
    // log-probabilities are both -log 2: nll = log 2, smooth = 2 log 2, loss = -0.5 log 2 + 0.75 * 2 log 2 = log 2
    XCTAssertEqual(loss.scalar, Double(Float(Foundation.log(2.0))), accuracy: 4e-7)
  }

  func testMindSporeLogSoftmaxUsesNnaclExpAndLog() throws {
    let x = EagerTensor(shape: [1, 3], dtype: .float32, values: [0.25, -1.5, 3])
    let out = try CrossEntropyLoss.mindSporeLogSoftmax(x, axis: 1)
    let lse = Foundation.log([0.25, -1.5, 3].map(Foundation.exp).reduce(0, +))
    for (v, xv) in zip(out.values, x.values) { XCTAssertEqual(v, xv - lse, accuracy: 2e-6) }
    XCTAssertThrowsKernelError(.shape, containing: "For primitive[ReduceMax], the axis value must be in [-1,1), but got 1.") {
      try CrossEntropyLoss.mindspore(input: Tensor([1] as [Float], shape: []), target: ints([0]), weight: nil,
                                     ignoreIndex: -100, reduction: "mean", labelSmoothing: 0)
    }
  }

  func testHugeScoresKeepLogTwoInPyTorchAndLoseItInMindSpore() throws {
    // two scores of -max: PyTorch subtracts the max first (log 2); MindSpore adds the max back to
    // log(sum) before subtracting, and -max + log 2 rounds to -max, so the loss is 0
    let big = -Double(Float.greatestFiniteMagnitude)
    let x = Tensor([Float(big), Float(big)], shape: [1, 2])
    let torch = try CrossEntropyLoss.pytorch(input: x, target: longs([0]), weight: nil, ignoreIndex: -100,
                                             reduction: .sum, labelSmoothing: 0).value
    XCTAssertEqual(torch.scalar, Double(Float(Foundation.log(2.0))))
    let mindspore = try CrossEntropyLoss.mindspore(input: x, target: ints([0]), weight: nil, ignoreIndex: -100,
                                                   reduction: "sum", labelSmoothing: 0)
    XCTAssertEqual(mindspore.scalar, 0)
  }

  func testMindSporeMinusInfinityAtAnotherClassMakesTheLossNaN() throws {
    // the NLL composite's smoothing term 0.0 * -sum(log p) is NaN once a log-probability is -inf
    let x = Tensor([0, -.infinity, 1] as [Float], shape: [1, 3])
    let torch = try CrossEntropyLoss.pytorch(input: x, target: longs([0]), weight: nil, ignoreIndex: -100,
                                             reduction: .none, labelSmoothing: 0).value
    XCTAssertEqual(torch.scalar, Foundation.log(1 + M_E), accuracy: 1e-6)
    let mindspore = try CrossEntropyLoss.mindspore(input: x, target: ints([0]), weight: nil, ignoreIndex: -100,
                                                   reduction: "none", labelSmoothing: 0)
    XCTAssertTrue(mindspore.scalar.isNaN)
  }

  private func longs(_ v: [Int64]) -> Tensor { Tensor(shape: [v.count], storage: .int64(v)) }
  private func ints(_ v: [Int32]) -> Tensor { Tensor(shape: [v.count], storage: .int32(v)) }
}
