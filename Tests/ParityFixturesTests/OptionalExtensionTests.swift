import ParityCore
import ParityFixtures
import ParityTestSupport
import XCTest

/// The contract's optional version-1 extensions: signatures, constructor arguments, tuple
/// results. A file with them loads; one without them loads as before.
final class OptionalExtensionTests: XCTestCase {
  static let header = """
    "format": "api-mapping-fixture",
    "version": 1,
    "api": "PoissonNLLLoss",
    "frameworks": {
      "pytorch": { "api": "torch.nn.PoissonNLLLoss", "package": "torch", "version": "2.15.0", "device": "cpu",
                   "signature": {
                     "constructor": [ { "name": "log_input", "kind": "positional_or_keyword", "default": true },
                                      { "name": "eps", "kind": "positional_or_keyword", "default": 1e-08 },
                                      { "name": "weight", "kind": "keyword_only", "default": {"repr": "<object>"} },
                                      { "name": "size_average", "kind": "positional_or_keyword", "default": null },
                                      { "name": "reduction", "kind": "positional_or_keyword", "default": "mean" },
                                      { "name": "blank", "kind": "positional_or_keyword", "default": 0 } ],
                     "call": [ { "name": "log_input", "kind": "positional_or_keyword" },
                               { "name": "args", "kind": "var_positional" },
                               { "name": "target", "kind": "positional_only" },
                               { "name": "kwargs", "kind": "var_keyword" } ] } }
    },
    "recorder": { "script": "hand-written", "cpu_vendor": "AuthenticAMD", "cpu_flags": ["avx2", "fma"] }
    """

  static let caseText = """
    { "id": "float32/2/mean/tuple",
      "tensors": { "x": { "dtype": "float32", "shape": [2], "data": [1.5, -2] } },
      "calls": { "pytorch": { "init_args": { "log_input": false, "reduction": "sum" },
                              "args": { "log_input": {"tensor": "x"}, "target": {"tensor": "x"} },
                              "outcome": { "value": { "dtype": "float32", "shape": [], "data": [0.5] },
                                           "more_values": [ { "dtype": "int64", "shape": [2], "data": [3, 4] },
                                                            { "dtype": "float64", "shape": [], "data": [0.25] } ] } } } }
    """

  func testSignatureConstructorArgumentsAndMoreValuesLoad() throws {
    let fixture = try loadFixture(FixtureText.document(header: Self.header, cases: [Self.caseText]))
    let signature = try XCTUnwrap(fixture.framework("pytorch")?.signature)
    XCTAssertEqual(signature.constructor?.map(\.name), ["log_input", "eps", "weight", "size_average", "reduction", "blank"])
    XCTAssertEqual(
      signature.constructor?.map(\.defaultValue),
      [.bool(true), .number(1e-8), .repr("<object>"), .null, .string("mean"), .integer(0)])
    XCTAssertEqual(signature.constructor?.map(\.defaultValue?.pythonLiteral), ["True", "1e-08", "<object>", "None", "'mean'", "0"])
    XCTAssertEqual(signature.call.map(\.kind), [.positionalOrKeyword, .varPositional, .positionalOnly, .varKeyword])
    XCTAssertEqual(signature.call.map(\.defaultValue), [nil, nil, nil, nil])
    XCTAssertEqual(fixture.recorder.first { $0.key == "cpu_flags" }?.value, #"["avx2","fma"]"#)

    let call = try XCTUnwrap(fixture.cases.first?.call("pytorch"))
    // The constructor's log_input (a bool) and the call's (a tensor) are kept apart.
    XCTAssertEqual(call.constructorArguments?.map(\.name), ["log_input", "reduction"])
    XCTAssertEqual(call.constructorArguments?.map(\.value), [.bool(false), .string("sum")])
    XCTAssertEqual(call.arguments.map(\.value), [.tensor("x"), .tensor("x")])
    XCTAssertEqual(call.allArguments.map(\.name), ["log_input", "reduction", "log_input", "target"])
    XCTAssertEqual(call.outcome.moreValues, [
      Tensor(shape: [2], storage: .int64([3, 4])), Tensor(shape: [], storage: .float64([0.25])),
    ])
  }

  func testFilesWithoutExtensionsHaveNone() throws {
    let fixture = try loadFixture(FixtureText.example)
    XCTAssertNil(fixture.framework("pytorch")?.signature)
    let call = try XCTUnwrap(fixture.cases.first?.call("pytorch"))
    XCTAssertNil(call.constructorArguments)
    XCTAssertEqual(call.outcome.moreValues, [])
  }

  func testEmptyMoreValuesAndEmptySignatureListsAreValid() throws {
    let header = FixtureText.header.replacingOccurrences(
      of: #""device": "cpu" }"#, with: #""device": "cpu", "signature": { "constructor": [], "call": [] } }"#)
    let text = FixtureText.document(header: header, cases: [
      FixtureText.caseWithCall(#"{ "init_args": {}, "args": {}, "outcome": { "value": { "dtype": "float32", "shape": [], "data": [1] }, "more_values": [] } }"#)
    ])
    let fixture = try loadFixture(text)
    XCTAssertEqual(fixture.framework("pytorch")?.signature, RecordedSignature(constructor: [], call: []))
    XCTAssertEqual(fixture.cases.first?.call("pytorch")?.constructorArguments?.count, 0)
  }
}
