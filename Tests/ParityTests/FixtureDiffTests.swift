import XCTest
import ParityCore
import ParityFixtures
import ParityTestSupport
@testable import Parity

final class FixtureDiffTests: XCTestCase {
  // MARK: Building small fixture sets

  static let input = #"{ "input": {"tensor": "x"} }"#

  static func value(_ data: String, dtype: String = "float32", shape: String = "[]", warnings: String? = nil) -> String {
    let warned = warnings.map { #", "warnings": \#($0)"# } ?? ""
    return #"{ "value": { "dtype": "\#(dtype)", "shape": \#(shape), "data": \#(data) }\#(warned) }"#
  }

  static func error(_ kind: String, type: String = "ValueError", message: String = "bad") -> String {
    #"{ "error": { "kind": "\#(kind)", "type": "\#(type)", "message": "\#(message)" } }"#
  }

  static func call(_ outcome: String, args: String? = input, tolerance: String? = nil) -> String {
    var members = [#""outcome": \#(outcome)"#]
    if let args { members.insert(#""args": \#(args)"#, at: 0) }
    if let tolerance { members.append(#""tolerance": \#(tolerance)"#) }
    return "{ " + members.joined(separator: ", ") + " }"
  }

  static func calls(_ entries: [(String, String)]) -> String {
    "{ " + entries.map { #""\#($0.0)": \#($0.1)"# }.joined(separator: ", ") + " }"
  }

  /// A case with input `x` and a PyTorch call with the given outcome.
  static func pytorchCase(_ id: String, _ outcome: String, x: String = "[1.5, -2]", tags: String = "[]") -> String {
    #"{ "id": "\#(id)", "tags": \#(tags), "tensors": { "x": { "dtype": "float32", "shape": [2], "data": \#(x) } }, "calls": { "pytorch": \#(call(outcome)) } }"#
  }

  static func fixture(_ cases: [String], api: String = "SoftMarginLoss", header: String = FixtureText.header, path: String = "f.json") throws -> Fixture {
    let header = header.replacingOccurrences(of: #""api": "SoftMarginLoss""#, with: #""api": "\#(api)""#)
    return try FixtureLoader().load(bytes: Array(FixtureText.document(header: header, cases: cases).utf8), path: path)
  }

  /// The diff of one case recorded twice.
  func diffOne(_ old: String, _ new: String) throws -> FixtureDiff {
    try FixtureDiff(old: [Self.fixture([old])], new: [Self.fixture([new])])
  }

  func changes(_ diff: FixtureDiff) -> [CallChange] {
    diff.apis.flatMap { $0.changedCases.flatMap { $0.calls.flatMap(\.changes) } }
  }

  // MARK: Identical sets

  func testIdenticalSetsHaveNoChanges() throws {
    let set = [try Self.fixture([FixtureText.exampleCase, Self.pytorchCase("a", Self.value("[0.5]"))])]
    let diff = try FixtureDiff(old: set, new: set)
    XCTAssertFalse(diff.behaviourChanged)
    XCTAssertEqual(diff.apis.count, 1)
    XCTAssertEqual(diff.apis[0].changedCases, [])
    XCTAssertEqual(diff.apis[0].provenance, [])
    let totals = diff.totals
    XCTAssertEqual(totals.commonCases, 2)
    XCTAssertEqual(totals.unchangedCases, 2)
    XCTAssertEqual(totals.minorChanges + totals.changedOutcomes + totals.valuesBeyondTolerance, 0)
  }

  func testNaNMatchesNaNAndReorderedArgumentsOrWarningsAreNoChange() throws {
    let old = #"{ "id": "a", "tensors": { "x": { "dtype": "float32", "shape": [2], "data": ["nan", 1] } }, "calls": { "pytorch": \#(Self.call(Self.value(#"["nan"]"#, warnings: #"["w1", "w2"]"#), args: #"{ "input": {"tensor": "x"}, "reduction": "sum" }"#)) } }"#
    let new = #"{ "id": "a", "tensors": { "x": { "dtype": "float32", "shape": [2], "data": ["nan", 1] } }, "calls": { "pytorch": \#(Self.call(Self.value(#"["nan"]"#, warnings: #"["w2", "w1"]"#), args: #"{ "reduction": "sum", "input": {"tensor": "x"} }"#)) } }"#
    let diff = try diffOne(old, new)
    XCTAssertEqual(diff.apis[0].changedCases, [])
    XCTAssertFalse(diff.behaviourChanged)
  }

  // MARK: Values

  func testAValueBeyondToleranceIsABehaviourChangeWithULPFigures() throws {
    let diff = try diffOne(Self.pytorchCase("a", Self.value("[0.5, 1]", shape: "[2]")), Self.pytorchCase("a", Self.value("[0.5, 1.5]", shape: "[2]")))
    XCTAssertTrue(diff.behaviourChanged)
    guard case .valuesBeyondTolerance(let figures) = try XCTUnwrap(changes(diff).first) else {
      return XCTFail("\(changes(diff))")
    }
    XCTAssertEqual(figures.failingElements, 1)
    XCTAssertEqual(figures.elementCount, 2)
    XCTAssertEqual(figures.tolerance, .default(for: .float32))
    XCTAssertEqual(figures.maxULP, 1 << 22)  // 1 to 1.5 in float32
    XCTAssertEqual(figures.firstFailure?.index, 1)
    XCTAssertEqual(figures.firstFailure?.expected, 1, "OLD is the expected side")
    XCTAssertEqual(figures.firstFailure?.actual, 1.5)
    XCTAssertEqual(diff.totals.valuesBeyondTolerance, 1)
    XCTAssertEqual(diff.totals.casesWithBehaviourChanges, 1)
  }

  func testAValueWithinToleranceButNotBitIdenticalIsMinor() throws {
    let diff = try diffOne(Self.pytorchCase("a", Self.value("[0.5, 1, 0.0]", shape: "[3]")), Self.pytorchCase("a", Self.value("[0.5, 1.0000001, -0.0]", shape: "[3]")))
    XCTAssertFalse(diff.behaviourChanged)
    guard case .valuesWithinTolerance(let figures) = try XCTUnwrap(changes(diff).first) else {
      return XCTFail("\(changes(diff))")
    }
    XCTAssertEqual(figures.elementCount - figures.bitExactElements, 2)  // 1 ULP, and the sign of zero
    XCTAssertEqual(figures.maxULP, 1)
    XCTAssertEqual(diff.totals.casesWithMinorChangesOnly, 1)
    XCTAssertEqual(diff.totals.minorChanges, 1)
  }

  func testOldsToleranceOverrideDecides() throws {
    let old = #"{ "id": "a", "tensors": {}, "calls": { "pytorch": \#(Self.call(Self.value("[0.5]"), args: "{}", tolerance: #"{ "rtol": 0, "atol": 0.25 }"#)) } }"#
    let new = #"{ "id": "a", "tensors": {}, "calls": { "pytorch": \#(Self.call(Self.value("[0.7]"), args: "{}")) } }"#
    let diff = try diffOne(old, new)
    XCTAssertFalse(diff.behaviourChanged)
    let found = changes(diff)
    XCTAssertEqual(found.count, 2, "\(found)")
    guard case .valuesWithinTolerance(let figures) = found[0] else { return XCTFail("\(found)") }
    XCTAssertEqual(figures.tolerance, Tolerance(rtol: 0, atol: 0.25))
    XCTAssertEqual(found[1], .toleranceChanged(old: Tolerance(rtol: 0, atol: 0.25), new: nil))
  }

  // MARK: Outcome classes

  func testOutcomeClassChangesAreBehaviourChanges() throws {
    let cases: [(String, String, OutcomeSummary, OutcomeSummary)] = [
      (Self.value("[0.5]"), Self.error("argument", message: "no"),
       .value(dtype: .float32, shape: []), .error(kind: .argument, type: "ValueError", message: "no")),
      (Self.error("shape"), Self.value("[0.5]"),
       .error(kind: .shape, type: "ValueError", message: "bad"), .value(dtype: .float32, shape: [])),
      (Self.error("shape"), Self.error("unsupported", type: "RuntimeError"),
       .error(kind: .shape, type: "ValueError", message: "bad"), .error(kind: .unsupported, type: "RuntimeError", message: "bad")),
      (Self.value("[0.5]"), Self.value("[0.5]", dtype: "float64"),
       .value(dtype: .float32, shape: []), .value(dtype: .float64, shape: [])),
      (Self.value("[0.5]"), Self.value("[0.5]", shape: "[1]"),
       .value(dtype: .float32, shape: []), .value(dtype: .float32, shape: [1])),
    ]
    for (old, new, before, after) in cases {
      let diff = try diffOne(Self.pytorchCase("a", old), Self.pytorchCase("a", new))
      XCTAssertTrue(diff.behaviourChanged, "\(old) -> \(new)")
      XCTAssertEqual(changes(diff), [.outcomeChanged(old: before, new: after)])
      XCTAssertEqual(diff.totals.changedOutcomes, 1)
    }
  }

  func testAnotherMessageOrTypeForTheSameKindIsMinor() throws {
    let diff = try diffOne(
      Self.pytorchCase("a", Self.error("argument", message: "avg is not a valid value")),
      Self.pytorchCase("a", Self.error("argument", type: "RuntimeError", message: "invalid reduction 'avg'")))
    XCTAssertFalse(diff.behaviourChanged)
    XCTAssertEqual(changes(diff), [.errorTextChanged(
      old: RecordedError(kind: .argument, type: "ValueError", message: "avg is not a valid value"),
      new: RecordedError(kind: .argument, type: "RuntimeError", message: "invalid reduction 'avg'"))])
  }

  func testChangedWarningsAreABehaviourChange() throws {
    let diff = try diffOne(
      Self.pytorchCase("a", Self.value("[0.5]", warnings: #"["deprecated"]"#)), Self.pytorchCase("a", Self.value("[0.5]")))
    XCTAssertTrue(diff.behaviourChanged)
    XCTAssertEqual(changes(diff), [.warningsChanged(old: ["deprecated"], new: [])])
  }

  // MARK: Calls and cases added or removed

  func testACallAddedOrRemovedIsABehaviourChange() throws {
    let exact = Self.call(Self.value("[0.5]"), args: nil)
    let old = #"{ "id": "a", "tensors": {}, "calls": \#(Self.calls([("pytorch", Self.call(Self.value("[0.5]"), args: "{}")), ("exact", exact)])) }"#
    let new = #"{ "id": "a", "tensors": {}, "calls": \#(Self.calls([("mindspore", Self.call(Self.error("unsupported"), args: "{}")), ("pytorch", Self.call(Self.value("[0.5]"), args: "{}"))])) }"#
    let diff = try diffOne(old, new)
    XCTAssertTrue(diff.behaviourChanged)
    let calls = diff.apis[0].changedCases[0].calls
    XCTAssertEqual(calls.map(\.framework), ["mindspore", "exact"], "NEW's keys first, then OLD-only ones")
    XCTAssertEqual(calls[0].changes, [.added(.error(kind: .unsupported, type: "ValueError", message: "bad"))])
    XCTAssertEqual(calls[1].changes, [.removed(.value(dtype: .float32, shape: []))])
  }

  func testCasesAddedAndRemovedInOrder() throws {
    let v = Self.value("[0.5]")
    let old = try Self.fixture(["r1", "keep", "r2"].map { Self.pytorchCase($0, v) })
    let new = try Self.fixture(["n2", "keep", "n1"].map { Self.pytorchCase($0, v) })
    let diff = try FixtureDiff(old: [old], new: [new])
    XCTAssertTrue(diff.behaviourChanged)
    XCTAssertEqual(diff.apis[0].addedCases, ["n2", "n1"])
    XCTAssertEqual(diff.apis[0].removedCases, ["r1", "r2"])
    XCTAssertEqual(diff.apis[0].commonCaseCount, 1)
    XCTAssertEqual(diff.totals.unchangedCases, 1)
  }

  func testAnAPISpanningSeveralFilesIsMatchedAsOneAndIDsMustNotRepeat() throws {
    let v = Self.value("[0.5]")
    let old = [try Self.fixture([Self.pytorchCase("a", v)], path: "a.json"), try Self.fixture([Self.pytorchCase("b", v)], path: "b.json")]
    let new = [try Self.fixture([Self.pytorchCase("b", v), Self.pytorchCase("a", v)], path: "all.json")]
    XCTAssertFalse(try FixtureDiff(old: old, new: new).behaviourChanged)

    let repeated = [try Self.fixture([Self.pytorchCase("a", v)], path: "a.json"), try Self.fixture([Self.pytorchCase("a", v)], path: "b.json")]
    XCTAssertThrowsError(try FixtureDiff(old: old, new: repeated)) { error in
      XCTAssertEqual(error as? DiffError, .duplicateCase(side: "NEW", api: "SoftMarginLoss", id: "a", files: ["a.json", "b.json"]))
    }
  }

  func testAPIsInOneSetOnlyAreReportedButAreNoBehaviourChange() throws {
    let v = Self.value("[0.5]")
    let common = try Self.fixture([Self.pytorchCase("a", v)])
    let extra = try Self.fixture([Self.pytorchCase("a", v), Self.pytorchCase("b", v)], api: "HingeLoss", path: "h.json")
    let diff = try FixtureDiff(old: [common], new: [common, extra])
    XCTAssertFalse(diff.behaviourChanged)
    XCTAssertEqual(diff.onlyInNew, [FixtureDiff.OneSided(api: "HingeLoss", files: ["h.json"], caseCount: 2)])
    XCTAssertEqual(diff.onlyInOld, [])
    XCTAssertEqual(diff.totals.apisOnlyInNew, 1)
  }

  // MARK: Inputs, arguments, tags

  func testChangedInputsAreFlaggedAndAloneAreMinor() throws {
    let same = try diffOne(Self.pytorchCase("a", Self.value("[0.5]"), x: "[1.5, -2]"), Self.pytorchCase("a", Self.value("[0.5]"), x: "[1.5, -3]"))
    XCTAssertFalse(same.behaviourChanged)
    let fixtureCase = same.apis[0].changedCases[0]
    XCTAssertEqual(fixtureCase.inputChanges, [InputChange(name: "x", old: InputChange.Signature(Tensor([Float(0), 0])), new: InputChange.Signature(Tensor([Float(0), 0])), differingElements: 1)])
    XCTAssertEqual(fixtureCase.calls, [])
    XCTAssertEqual(same.totals.minorChanges, 1)

    let moved = try diffOne(Self.pytorchCase("a", Self.value("[0.5]"), x: "[1.5, -2]"), Self.pytorchCase("a", Self.value("[0.9]"), x: "[1.5, -3]"))
    XCTAssertTrue(moved.behaviourChanged, "an outcome change counts even when the inputs changed too")
    XCTAssertTrue(moved.apis[0].changedCases[0].inputsDiffer)
  }

  func testInputsOfAnotherShapeOrNameHaveNoElementCount() throws {
    let old = #"{ "id": "a", "tensors": { "x": { "dtype": "float32", "shape": [2], "data": [1, 2] } }, "calls": {} }"#
    let new = #"{ "id": "a", "tensors": { "x": { "dtype": "float32", "shape": [1], "data": [1] }, "w": { "dtype": "bool", "shape": [], "data": [true] } }, "calls": {} }"#
    let changes = try diffOne(old, new).apis[0].changedCases[0].inputChanges
    XCTAssertEqual(changes.map(\.name), ["x", "w"])
    XCTAssertEqual(changes[0].differingElements, nil)
    XCTAssertEqual(changes[0].new?.shape, [1])
    XCTAssertNil(changes[1].old)
  }

  func testChangedArgumentsAreMinorAndFlagTheCall() throws {
    let old = #"{ "id": "a", "tensors": { "x": { "dtype": "float32", "shape": [2], "data": [1, 2] } }, "calls": { "pytorch": \#(Self.call(Self.value("[0.5]"), args: #"{ "input": {"tensor": "x"}, "reduction": "mean", "reduce": null }"#)) } }"#
    let new = #"{ "id": "a", "tensors": { "x": { "dtype": "float32", "shape": [2], "data": [1, 2] } }, "calls": { "pytorch": \#(Self.call(Self.value("[0.5]"), args: #"{ "input": {"tensor": "x"}, "reduction": "sum", "size_average": true }"#)) } }"#
    let diff = try diffOne(old, new)
    XCTAssertFalse(diff.behaviourChanged)
    let call = diff.apis[0].changedCases[0].calls[0]
    XCTAssertTrue(call.argumentsDiffer)
    XCTAssertEqual(call.changes, [.argumentsChanged([
      ArgumentChange(name: "reduction", old: .string("mean"), new: .string("sum")),
      ArgumentChange(name: "size_average", old: nil, new: .bool(true)),
      ArgumentChange(name: "reduce", old: .null, new: nil),
    ])])
  }

  func testChangedTagsAreMinor() throws {
    let diff = try diffOne(
      Self.pytorchCase("a", Self.value("[0.5]"), tags: #"["a", "b"]"#), Self.pytorchCase("a", Self.value("[0.5]"), tags: #"["b", "c"]"#))
    XCTAssertFalse(diff.behaviourChanged)
    XCTAssertEqual(diff.apis[0].changedCases[0].tagChange?.new, ["b", "c"])
    let reordered = try diffOne(
      Self.pytorchCase("a", Self.value("[0.5]"), tags: #"["a", "b"]"#), Self.pytorchCase("a", Self.value("[0.5]"), tags: #"["b", "a"]"#))
    XCTAssertEqual(reordered.apis[0].changedCases, [])
  }

  // MARK: Provenance

  func testProvenanceIsComparedFieldByField() throws {
    let newHeader = FixtureText.header
      .replacingOccurrences(of: #""version": "2.15.0""#, with: #""version": "2.16.0""#)
      .replacingOccurrences(of: #", "threads": 1"#, with: "")
      .replacingOccurrences(of: #""mindspore": {"#, with: #""exact": { "api": "mpmath" }, "mindspore": {"#)
    let v = Self.value("[0.5]")
    let diff = try FixtureDiff(old: [try Self.fixture([Self.pytorchCase("a", v)])], new: [try Self.fixture([Self.pytorchCase("a", v)], header: newHeader)])
    XCTAssertFalse(diff.behaviourChanged, "provenance alone is no behaviour change")
    XCTAssertEqual(diff.apis[0].provenance, [
      ProvenanceChange(field: "frameworks.pytorch.version", old: "2.15.0", new: "2.16.0"),
      ProvenanceChange(field: "frameworks.exact.api", old: nil, new: "mpmath"),
      ProvenanceChange(field: "recorder.threads", old: "1", new: nil),
    ])
  }

  func testFilesOfOneAPIThatDisagreeShowEveryValue() throws {
    let other = FixtureText.header.replacingOccurrences(of: #""python": "3.11.7""#, with: #""python": "3.12.1""#)
    let v = Self.value("[0.5]")
    let old = [try Self.fixture([Self.pytorchCase("a", v)])]
    let new = [try Self.fixture([Self.pytorchCase("a", v)], path: "a.json"), try Self.fixture([Self.pytorchCase("b", v)], header: other, path: "b.json")]
    let diff = try FixtureDiff(old: old, new: new)
    XCTAssertEqual(diff.apis[0].provenance, [ProvenanceChange(field: "recorder.python", old: "3.11.7", new: "3.11.7 / 3.12.1")])
  }
}
