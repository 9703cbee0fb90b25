import Foundation
import ParityCore
import ParityFixtures
import ParityTestSupport
import XCTest
@testable import ParityKernels

/// The CTC loss in both frameworks' numerics: the alpha recursion against a brute-force sum
/// over every alignment, and what torch 2.15 and mindspore 2.10 returned on CPU in the recorded
/// `nn.functional.ctc_loss` cases named in each test.
final class CTCLossTests: XCTestCase {
  private func ints(_ values: [Int64], shape: [Int]? = nil) -> Tensor {
    Tensor(shape: shape ?? [values.count], storage: .int64(values))
  }

  /// A recorded case's four tensors.
  private func recorded(_ id: String) throws -> (lp: Tensor, tg: Tensor, il: Tensor, tl: Tensor, fixtureCase: FixtureCase) {
    let path = ParityProcess.packageRoot.appendingPathComponent("Fixtures/nn.functional.ctc_loss.json").path
    let fixture = try FixtureLoader().load(contentsOf: path)
    let found = try XCTUnwrap(fixture.cases.first { $0.id == id }, id)
    return (try XCTUnwrap(found.tensor(named: "lp")), try XCTUnwrap(found.tensor(named: "tg")),
            try XCTUnwrap(found.tensor(named: "il")), try XCTUnwrap(found.tensor(named: "tl")), found)
  }

  private func recordedValue(_ fixtureCase: FixtureCase, _ framework: String) throws -> (Tensor, [Tensor]) {
    let outcome = try XCTUnwrap(fixtureCase.call(framework)).outcome
    guard case .value(let value) = outcome.result else { throw XCTSkip("no value recorded") }
    return (value, outcome.moreValues)
  }

  /// -log of the probability summed over every path of `T` frames that collapses (repeats
  /// merged, then blanks dropped) to `target`: the definition the recursion computes.
  private func bruteForce(_ lp: [[Double]], target: [Int], blank: Int) -> Double {
    let time = lp.count, classes = lp[0].count
    var total = 0.0
    var path = [Int](repeating: 0, count: time)
    func visit(_ t: Int) {
      if t == time {
        var collapsed: [Int] = []
        for (i, c) in path.enumerated() where c != blank && (i == 0 || path[i - 1] != c) { collapsed.append(c) }
        if collapsed == target { total += exp(path.enumerated().reduce(0) { $0 + lp[$1.offset][$1.element] }) }
        return
      }
      for c in 0..<classes {
        path[t] = c
        visit(t + 1)
      }
    }
    visit(0)
    return -log(total)
  }

  /// float64, every target of up to 3 labels over 3 classes (repeats included) and every
  /// blank position, against the brute-force sum: within 4 ULP.
  func testRecursionMatchesEveryAlignmentSummed() throws {
    var generator = SeededGenerator(seed: 7)
    let (time, classes) = (5, 3)
    let lp: [[Double]] = (0..<time).map { _ in
      let x = (0..<classes).map { _ in Double.random(in: -2...2, using: &generator) }
      let norm = log(x.map(exp).reduce(0, +))
      return x.map { $0 - norm }
    }
    let input = Tensor(lp.flatMap { $0 }, shape: [time, 1, classes])
    for blank in 0..<classes {
      let labels = (0..<classes).filter { $0 != blank }
      var targets: [[Int]] = [[]]
      for length in 1...3 {
        targets += targets.filter { $0.count == length - 1 }.flatMap { prefix in labels.map { prefix + [$0] } }
      }
      for target in targets {
        let padded = target.map(Int64.init) + [Int64](repeating: Int64(labels[0]), count: 3 - target.count)
        let loss = try CTCLoss.pytorch(
          logProbs: input, targets: ints(padded, shape: [1, 3]), inputLengths: ints([Int64(time)]),
          targetLengths: ints([Int64(target.count)]), blank: Int64(blank), reduction: .none, zeroInfinity: false)
        XCTAssertULPDistance(loss.storage.doubleValues[0], bruteForce(lp, target: target, blank: blank), in: .float64,
                             atMost: 4, "target \(target), blank \(blank)")
      }
    }
  }

  /// `float32/6x3x5/*/repeats-unfit-zero_infinity=True`: 2,2,2 needs 5 frames and has 4.
  /// PyTorch's `zero_infinity` gives 0; MindSpore's CPU kernel never reads it and keeps inf.
  func testZeroInfinityOnlyInPyTorch() throws {
    let (lp, tg, il, tl, fixtureCase) = try recorded("float32/6x3x5/none/repeats-unfit-zero_infinity=True")
    let pt = try CTCLoss.pytorch(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0,
                                 reduction: .none, zeroInfinity: true)
    XCTAssertEqual(pt.storage.doubleValues[1], 0)
    XCTAssertEqual(pt, try recordedValue(fixtureCase, "pytorch").0)
    let ms = try CTCLoss.mindspore(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0, reduction: .none)
    XCTAssertEqual(ms.loss.storage.doubleValues[1], .infinity)
    let (value, more) = try recordedValue(fixtureCase, "mindspore")
    XCTAssertEqual(ms.loss, value)
    XCTAssertEqual([ms.logAlpha], more)
  }

  /// `float64/6x3x5/mean/random`: MindSpore's mean runs in float32, so a float64 mean is
  /// rounded through float32 (3.3900363445281982); PyTorch keeps float64 (3.3900363998120064).
  func testMindSporeMeanRoundsFloat64ThroughFloat32() throws {
    let (lp, tg, il, tl, fixtureCase) = try recorded("float64/6x3x5/mean/random")
    let pt = try CTCLoss.pytorch(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0,
                                 reduction: .mean, zeroInfinity: false)
    let ms = try CTCLoss.mindspore(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0, reduction: .mean)
    XCTAssertEqual(pt.storage.doubleValues, [3.3900363998120064])
    XCTAssertEqual(ms.loss.storage.doubleValues, [3.3900363445281982])
    XCTAssertEqual(Double(Float(ms.loss.storage.doubleValues[0])), ms.loss.storage.doubleValues[0])
    XCTAssertEqual(ms.loss, try recordedValue(fixtureCase, "mindspore").0)
  }

  /// `float32/6x3x5/mean/target-length-0`: both divide by the target lengths clamped to 1,
  /// then average; PyTorch gives 6.447726, MindSpore's float32 ReduceMean 6.4477267 (1 ULP).
  func testMeanDividesByClampedTargetLengths() throws {
    let (lp, tg, il, tl, _) = try recorded("float32/6x3x5/mean/target-length-0")
    let none = try CTCLoss.pytorch(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0,
                                   reduction: .none, zeroInfinity: false).storage.doubleValues
    let pt = try CTCLoss.pytorch(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0,
                                 reduction: .mean, zeroInfinity: false)
    let ms = try CTCLoss.mindspore(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0, reduction: .mean)
    XCTAssertEqual(Float(pt.storage.doubleValues[0]), 6.447726)
    XCTAssertEqual(Float(ms.loss.storage.doubleValues[0]), 6.4477267)
    let perTarget = [Float(none[0]) / 1, Float(none[1]) / 2, Float(none[2]) / 1]
    XCTAssertEqual(Float(pt.storage.doubleValues[0]), (perTarget[0] + perTarget[1] + perTarget[2]) / 3)
  }

  /// `float32+int32/2x1x3/mean/doc-example-mindspore`: MindSpore's docstring example (not
  /// normalised log-probabilities, target 0 is the blank), -2.2986124 in both.
  func testMindSporesDocstringExample() throws {
    let lp = Tensor([0.3, 0.6, 0.6, 0.9, 0.4, 0.2] as [Float], shape: [2, 1, 3])
    let tg = Tensor(shape: [1, 2], storage: .int32([0, 1]))
    let il = Tensor(shape: [1], storage: .int32([2])), tl = Tensor(shape: [1], storage: .int32([1]))
    let pt = try CTCLoss.pytorch(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0,
                                 reduction: .mean, zeroInfinity: true)
    let ms = try CTCLoss.mindspore(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0, reduction: .mean)
    XCTAssertEqual(Float(pt.storage.doubleValues[0]), -2.2986124)
    XCTAssertEqual(ms.loss, pt)
    XCTAssertEqual(ms.logAlpha.shape, [1, 2, 5])
    XCTAssertEqual(Array(ms.logAlpha.storage.doubleValues[2...4]), [-.infinity, -.infinity, -.infinity])
  }

  /// Shapes and errors the two differ on: PyTorch takes a (T, C) input and concatenated 1-d
  /// targets, MindSpore's function neither; a target longer than its input is inf in PyTorch
  /// and a launch failure in MindSpore.
  func testShapesAndImpossibleTargets() throws {
    let lp = Tensor([Float](repeating: -log(3), count: 6), shape: [2, 3])
    let pt = try CTCLoss.pytorch(logProbs: lp, targets: ints([1]), inputLengths: ints([2]), targetLengths: ints([1]),
                                 blank: 0, reduction: .none, zeroInfinity: false)
    XCTAssertEqual(pt.shape, [])
    XCTAssertThrowsError(try CTCLoss.mindspore(logProbs: lp, targets: ints([1], shape: [1, 1]), inputLengths: ints([2]),
                                               targetLengths: ints([1]), blank: 0, reduction: .none)) {
      XCTAssertEqual(($0 as? KernelError)?.kind, .shape)
    }
    let cell = try CTCLoss.mindSporeCell(logProbs: lp, targets: ints([1]), inputLengths: ints([2]), targetLengths: ints([1]),
                                         blank: 0, reduction: .none)
    XCTAssertEqual(cell, pt)
    let batch = Tensor([Float](repeating: -log(3), count: 6), shape: [2, 1, 3])
    let long = try CTCLoss.pytorch(logProbs: batch, targets: ints([1, 2, 1], shape: [1, 3]), inputLengths: ints([2]),
                                   targetLengths: ints([3]), blank: 0, reduction: .none, zeroInfinity: false)
    XCTAssertEqual(long.storage.doubleValues, [.infinity])
    XCTAssertThrowsError(try CTCLoss.mindspore(logProbs: batch, targets: ints([1, 2, 1], shape: [1, 3]), inputLengths: ints([2]),
                                               targetLengths: ints([3]), blank: 0, reduction: .none)) {
      XCTAssertEqual(($0 as? KernelError)?.kind, .argument)
    }
  }

  /// `float32/6x3x5/none/input-length-0`: sample 1 has no frames and an empty target. PyTorch
  /// gives -0.0 (likelihood 1); MindSpore's kernel reads the likelihood at time -1, which is
  /// sample 0's last blank alpha (11.931393 here), and writes sample 1's first blank alpha.
  func testInputLengthZero() throws {
    let (lp, tg, il, tl, fixtureCase) = try recorded("float32/6x3x5/none/input-length-0")
    let pt = try CTCLoss.pytorch(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0,
                                 reduction: .none, zeroInfinity: false)
    XCTAssertEqual(pt.storage.doubleValues[1], 0)
    XCTAssertEqual(pt.storage.doubleValues[1].sign, .minus)
    let ms = try CTCLoss.mindspore(logProbs: lp, targets: tg, inputLengths: il, targetLengths: tl, blank: 0, reduction: .none)
    XCTAssertEqual(Float(ms.loss.storage.doubleValues[1]), 11.931393)
    XCTAssertEqual(ms.loss.storage.doubleValues[1], -ms.logAlpha.storage.doubleValues[5 * 7])
    let (value, more) = try recordedValue(fixtureCase, "mindspore")
    XCTAssertEqual(ms.loss, value)
    XCTAssertEqual([ms.logAlpha], more)
    // With the empty input in the first sample, the read falls before the buffer.
    XCTAssertThrowsError(try CTCLoss.mindspore(logProbs: lp, targets: tg, inputLengths: ints([0, 5, 4]),
                                               targetLengths: ints([0, 2, 1]), blank: 0, reduction: .none))
  }
}
