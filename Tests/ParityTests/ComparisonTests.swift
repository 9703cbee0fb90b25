import XCTest
import ParityCore
import ParityFixtures
import ParityKernels
@testable import Parity

final class ComparisonTests: XCTestCase {
  func testToleranceRule() {
    let t = Tolerance(rtol: 1e-3, atol: 1e-5)
    XCTAssertTrue(t.accepts(1.001, 1.0))
    XCTAssertFalse(t.accepts(1.0011, 1.0))
    XCTAssertTrue(t.accepts(1e-5, 0))
    XCTAssertFalse(t.accepts(2e-5, 0))
    XCTAssertTrue(t.accepts(.nan, .nan))
    XCTAssertFalse(t.accepts(.nan, 1))
    XCTAssertFalse(t.accepts(1, .nan))
    XCTAssertTrue(t.accepts(.infinity, .infinity))
    XCTAssertFalse(t.accepts(-.infinity, .infinity))
    XCTAssertFalse(t.accepts(.greatestFiniteMagnitude, .infinity))
    XCTAssertTrue(t.accepts(-0.0, 0.0))
  }

  func testDefaultTolerancesFollowAssertClose() {
    XCTAssertEqual(Tolerance.default(for: .float32), Tolerance(rtol: 1.3e-6, atol: 1e-5))
    XCTAssertEqual(Tolerance.default(for: .bfloat16), Tolerance(rtol: 1.6e-2, atol: 1e-5))
    XCTAssertEqual(Tolerance.default(for: .int64), Tolerance(rtol: 0, atol: 0))
  }

  func testValueComparisonCountsULPsAndBits() {
    let one = Float(1)
    let expected = Tensor([one, one, 0, .nan, .infinity, 2])
    let actual = Tensor([one, one.nextUp, -0.0, .nan, .infinity, Float(2).nextUp.nextUp])
    let v = ValueComparison(actual: actual, expected: expected, tolerance: .default(for: .float32))
    XCTAssertEqual(v.elementCount, 6)
    XCTAssertEqual(v.failingElements, 0)
    XCTAssertEqual(v.bitExactElements, 3)  // 1, nan, inf; -0 is not bit-exact with +0
    XCTAssertEqual(v.withinOneULPElements, 5)
    XCTAssertEqual(v.maxULP, 2)
    XCTAssertTrue(v.passes)
  }

  func testULPHistogramBucketsDoubleAndCountEveryFloatElement() {
    XCTAssertEqual((0...20).map { ULPHistogram.bucket(UInt64($0)) },
                   [0, 1, 2, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6])
    XCTAssertEqual(ULPHistogram.bucket(.max), 6)
    let two = Float(2)
    let expected = Tensor([1, 1, two, two, .nan, .infinity, 3, 4])
    let actual = Tensor([1, Float(1).nextUp, two.nextUp.nextUp.nextUp, .infinity, .nan, .infinity, .nan, 4])
    let v = ValueComparison(actual: actual, expected: expected, tolerance: .default(for: .float32))
    XCTAssertEqual(v.ulpHistogram.counts, [4, 1, 0, 1, 0, 0, 0])  // 1, nan/nan, inf/inf, 4 at 0
    XCTAssertEqual(v.ulpHistogram.nonFinite, 2)
    XCTAssertEqual(v.ulpHistogram.total, v.elementCount)
    let ints = Tensor(shape: [2], storage: .int32([1, 2]))
    XCTAssertEqual(ValueComparison(actual: ints, expected: ints, tolerance: .default(for: .int32)).ulpHistogram.total, 0)
  }

  func testValueComparisonReportsTheFirstFailure() {
    let v = ValueComparison(
      actual: Tensor([1.0, 2.5, .nan] as [Double]), expected: Tensor([1.0, 2.0, 3.0] as [Double]),
      tolerance: .default(for: .float64))
    XCTAssertEqual(v.failingElements, 2)
    XCTAssertEqual(v.firstFailure?.index, 1)
    XCTAssertEqual(v.firstFailure?.expected, 2.0)
    XCTAssertFalse(v.passes)
  }

  /// A tuple result (`more_values`): every later tensor is judged too, by count, dtype, shape
  /// and values.
  func testJudgeComparesEveryTensorOfATupleResult() {
    let first = Tensor([Float(1)]), second = Tensor([Float(2), -.infinity])
    let outcome = Outcome(.value(first), moreValues: [second])
    func judged(_ more: [Tensor]) -> Check {
      Check.judge(framework: "mindspore", computed: .success(.init(value: first, moreValues: more)), recorded: outcome,
                  tolerance: nil, exact: nil)
    }
    XCTAssertEqual(judged([second]).status, .match)
    XCTAssertEqual(judged([]).status, .mismatch)
    XCTAssertEqual(judged([Tensor([Float(2), 0])]).finding, .moreValueDiffers(position: 1, detail: "1 of 2 elements outside tolerance"))
    XCTAssertEqual(judged([Tensor([2.0, -.infinity] as [Double])]).status, .mismatch)
  }

  func testJudgeUnsupportedIsUnverifiedWhateverSwiftDid() {
    let outcome = Outcome(.error(RecordedError(kind: .unsupported, type: "RuntimeError", message: "no kernel")))
    let computed: Result<FrameworkAdapter.Output, CallError> = .success(.init(value: Tensor([Float(1)])))
    let check = Check.judge(framework: "mindspore", computed: computed, recorded: outcome, tolerance: nil, exact: nil)
    XCTAssertEqual(check.status, .unverified)
    XCTAssertEqual(check.finding, .recordedUnsupported)
  }

  func testUndefinedReasonIsTheRecordersCauseBeforeItsConsequence() {
    let empty = RecordedError(kind: .other, type: RecordedError.undefinedResultType,
                              message: "a value computed from an empty input: mindspore 2.10 returns memory its kernel never wrote")
    XCTAssertEqual(empty.undefinedReason, "a value computed from an empty input")
    let bare = RecordedError(kind: .other, type: RecordedError.undefinedResultType, message: "changed")
    XCTAssertEqual(bare.undefinedReason, "changed")
  }

  func testJudgeUndefinedResultIsUnverifiedWhateverSwiftDid() {
    let undefined = Outcome(.error(RecordedError(kind: .other, type: RecordedError.undefinedResultType, message: "changed")))
    for computed in [Result<FrameworkAdapter.Output, CallError>.success(.init(value: Tensor([Float(1)]))),
                     .failure(CallError(kind: .other, message: "undefined"))] {
      let check = Check.judge(framework: "mindspore", computed: computed, recorded: undefined, tolerance: nil, exact: nil)
      XCTAssertEqual(check.status, .unverified)
      XCTAssertEqual(check.finding, .recordedUndefined("changed"))
    }
    // Another error of kind other is judged by kind as usual.
    let other = Outcome(.error(RecordedError(kind: .other, type: "IndexError", message: "tuple index out of range")))
    let check = Check.judge(
      framework: "mindspore", computed: .failure(CallError(kind: .other, message: "x")), recorded: other, tolerance: nil, exact: nil)
    XCTAssertEqual(check.status, .match)
  }

  func testJudgeAValueThePortCallsUndefinedIsUnverifiedButAnErrorIsNot() {
    let undefined = Result<FrameworkAdapter.Output, CallError>.failure(CallError(ParityKernels.KernelError.undefinedResult("never written")))
    let value = Outcome(.value(Tensor([Float(0)])))
    let check = Check.judge(framework: "mindspore", computed: undefined, recorded: value, tolerance: nil, exact: nil)
    XCTAssertEqual(check.status, .unverified)
    XCTAssertEqual(check.finding, .undefinedInFramework("never written"))
    // The framework raised before computing anything: the port should have raised that too.
    let shape = Outcome(.error(RecordedError(kind: .shape, type: "ValueError", message: "shapes")))
    XCTAssertEqual(Check.judge(framework: "mindspore", computed: undefined, recorded: shape, tolerance: nil, exact: nil).status, .mismatch)
  }

  func testJudgeErrorsByKind() {
    let outcome = Outcome(.error(RecordedError(kind: .shape, type: "RuntimeError", message: "bad shape")))
    let same = Check.judge(
      framework: "pytorch", computed: .failure(CallError(kind: .shape, message: "other words")), recorded: outcome,
      tolerance: nil, exact: nil)
    XCTAssertEqual(same.status, .match)
    let other = Check.judge(
      framework: "pytorch", computed: .failure(CallError(kind: .dtype, message: "x")), recorded: outcome,
      tolerance: nil, exact: nil)
    XCTAssertEqual(other.status, .mismatch)
    XCTAssertEqual(other.finding, .errorKindDiffers(computed: .dtype, recorded: .shape))
    let value = Check.judge(
      framework: "pytorch", computed: .success(.init(value: Tensor([Float(1)]))), recorded: outcome, tolerance: nil,
      exact: nil)
    XCTAssertEqual(value.finding, .missingError(.shape))
  }

  func testJudgeValuesByDTypeShapeValuesAndWarnings() {
    let recorded = Tensor([Float(1), 2])
    let outcome = Outcome(.value(recorded), warnings: ["w"])
    func judge(_ value: Tensor, warnings: [String] = ["w"], tolerance: Tolerance? = nil) -> Check {
      Check.judge(
        framework: "pytorch", computed: .success(.init(value: value, warnings: warnings)), recorded: outcome,
        tolerance: tolerance, exact: nil)
    }
    XCTAssertEqual(judge(recorded).status, .match)
    XCTAssertEqual(judge(Tensor([1.0, 2.0] as [Double])).finding, .dtypeDiffers(computed: .float64, recorded: .float32))
    XCTAssertEqual(judge(Tensor([Float(1), 2], shape: [2, 1])).finding, .shapeDiffers(computed: [2, 1], recorded: [2]))
    XCTAssertEqual(judge(Tensor([Float(1), 2.1])).finding, .valuesDiffer)
    XCTAssertEqual(judge(Tensor([Float(1), 2.1]), tolerance: Tolerance(rtol: 0.1, atol: 0)).status, .match)
    XCTAssertEqual(judge(recorded, warnings: []).finding, .warningsDiffer(computed: [], recorded: ["w"]))
  }
}
