import ParityCore
import ParityFixtures
import ParityTestSupport
import XCTest

/// One test per class of refusal in the contract: each checks the typed reason and the
/// whole message, which must name the file, the case (when inside one) and where.
final class FixtureRejectionTests: XCTestCase {
  func rejection(
    _ text: String, limits: LoaderLimits = LoaderLimits(), file: StaticString = #filePath, line: UInt = #line
  ) -> FixtureError? {
    rejection(bytes: Array(text.utf8), limits: limits, file: file, line: line)
  }

  func rejection(
    bytes: [UInt8], limits: LoaderLimits = LoaderLimits(), file: StaticString = #filePath, line: UInt = #line
  ) -> FixtureError? {
    do {
      _ = try FixtureLoader(limits: limits).load(bytes: bytes, path: "Fixtures/x.json")
      XCTFail("loaded, expected a refusal", file: file, line: line)
      return nil
    } catch {
      return error
    }
  }

  /// A document whose only case holds `tensor` as `x`.
  func tensorRejection(_ tensor: String, limits: LoaderLimits = LoaderLimits(), file: StaticString = #filePath, line: UInt = #line) -> FixtureError? {
    rejection(FixtureText.document(cases: [FixtureText.caseWithTensor(tensor)]), limits: limits, file: file, line: line)
  }

  func callRejection(_ call: String, framework: String = "pytorch", file: StaticString = #filePath, line: UInt = #line) -> FixtureError? {
    rejection(FixtureText.document(cases: [FixtureText.caseWithCall(call, framework: framework)]), file: file, line: line)
  }

  static let prefix = #"Fixtures/x.json: case "case/1": cases[0]"#

  // MARK: reading

  func testUnreadableFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = directory.path + "/missing.json"
    XCTAssertThrowsError(try FixtureLoader().load(contentsOf: path)) { error in
      guard let error = error as? FixtureError, case .unreadable = error.reason else { return XCTFail("\(error)") }
      XCTAssertEqual(error.description, "\(path): cannot read: No such file or directory")
    }
    XCTAssertThrowsError(try FixtureLoader().load(contentsOf: directory.path)) { error in
      XCTAssertEqual((error as? FixtureError)?.description, "\(directory.path): cannot read: not a regular file")
    }
  }

  func testFileTooLarge() throws {
    let limits = LoaderLimits(maxFileBytes: 100)
    let error = try XCTUnwrap(rejection(FixtureText.example, limits: limits))
    guard case .fileTooLarge(let bytes, 100) = error.reason else { return XCTFail("\(error)") }
    XCTAssertEqual(error.description, "Fixtures/x.json: file is \(bytes) bytes, more than the limit of 100")

    // From the file system, the size is checked before reading.
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(FixtureText.example, to: "big.json")
    XCTAssertThrowsError(try FixtureLoader(limits: limits).load(contentsOf: path)) { error in
      XCTAssertEqual((error as? FixtureError)?.description, "\(path): file is \(bytes) bytes, more than the limit of 100")
    }
  }

  // MARK: parsing

  func testNotJSON() throws {
    let error = try XCTUnwrap(rejection("{\n  \"format\": \"api-mapping-fixture\",\n  \"version\": 1,,\n}"))
    guard case .notJSON = error.reason else { return XCTFail("\(error)") }
    XCTAssertEqual(error.location, .text(TextPosition(line: 3, column: 16), offset: 52))
    XCTAssertEqual(error.description, "Fixtures/x.json: line 3, column 16: not JSON: expected a string key, found ','")
    XCTAssertEqual(rejection("")?.description, "Fixtures/x.json: line 1, column 1: not JSON: expected a value, found the end of the input")
    XCTAssertEqual(rejection(FixtureText.example + "]")?.reason, .notJSON("unexpected ']' after the JSON value"))
    // Columns count characters, not bytes.
    XCTAssertEqual(rejection("{\"é\": x}")?.description, "Fixtures/x.json: line 1, column 7: not JSON: expected a value, found 'x'")
  }

  func testInvalidUTF8() throws {
    let bytes = Array("{\"api\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
    let error = try XCTUnwrap(rejection(bytes: bytes))
    XCTAssertEqual(error.reason, .invalidUTF8)
    XCTAssertEqual(error.description, "Fixtures/x.json: line 1, column 10: invalid UTF-8 in a string")
  }

  func testDuplicateKey() throws {
    let error = try XCTUnwrap(rejection(#"{"format": "api-mapping-fixture", "format": "api-mapping-fixture"}"#))
    XCTAssertEqual(error.reason, .duplicateKey("format"))
    XCTAssertEqual(error.description, #"Fixtures/x.json: line 1, column 35: duplicate key "format""#)
  }

  func testNestingTooDeep() throws {
    let deep = #"{"recorder": "# + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
    let error = try XCTUnwrap(rejection(deep))
    XCTAssertEqual(error.reason, .nestingTooDeep(limit: 64))
    XCTAssertEqual(error.description, "Fixtures/x.json: line 1, column 77: arrays and objects nest deeper than 64 levels")
  }

  func testStringTooLong() throws {
    let error = try XCTUnwrap(rejection(FixtureText.example, limits: LoaderLimits(maxStringLength: 20)))
    XCTAssertEqual(error.reason, .stringTooLong(limit: 20))
    XCTAssertEqual(error.description, "Fixtures/x.json: line 6, column 25: string longer than 20 bytes")
  }

  // MARK: the document

  func testNotAnObject() throws {
    let error = try XCTUnwrap(rejection("[1, 2]"))
    XCTAssertEqual(error.reason, .notAnObject(found: .array))
    XCTAssertEqual(error.description, "Fixtures/x.json: expected an object at the top level, found an array")
  }

  func testWrongFormat() throws {
    let text = FixtureText.example.replacingOccurrences(of: "api-mapping-fixture", with: "api-mapping-fixtures")
    let error = try XCTUnwrap(rejection(text))
    XCTAssertEqual(error.reason, .wrongFormat("api-mapping-fixtures"))
    XCTAssertEqual(error.description, #"Fixtures/x.json: format: format is "api-mapping-fixtures", expected "api-mapping-fixture""#)
  }

  func testUnsupportedVersion() throws {
    let text = FixtureText.example.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 2,")
    let error = try XCTUnwrap(rejection(text))
    XCTAssertEqual(error.reason, .unsupportedVersion("2"))
    XCTAssertEqual(error.description, "Fixtures/x.json: version: unsupported version 2 (this loader reads version 1)")
  }

  func testMissingField() throws {
    let noAPI = try XCTUnwrap(rejection(#"{"format": "api-mapping-fixture", "version": 1, "frameworks": {}, "cases": []}"#))
    XCTAssertEqual(noAPI.reason, .missingField("api"))
    XCTAssertEqual(noAPI.description, #"Fixtures/x.json: missing required field "api""#)

    let noID = try XCTUnwrap(rejection(FixtureText.document(cases: [#"{ "tensors": {}, "calls": {} }"#])))
    XCTAssertEqual(noID.description, #"Fixtures/x.json: cases[0]: missing required field "id""#)

    let noDType = try XCTUnwrap(tensorRejection(#"{ "shape": [1], "data": [1] }"#))
    XCTAssertEqual(noDType.reason, .missingField("dtype"))
    XCTAssertEqual(noDType.description, Self.prefix + #".tensors.x: missing required field "dtype""#)

    let noArgs = try XCTUnwrap(callRejection(#"{ "outcome": { "error": { "kind": "other", "type": "E", "message": "" } } }"#))
    XCTAssertEqual(noArgs.description, Self.prefix + #".calls.pytorch: missing required field "args""#)

    let noMessage = try XCTUnwrap(callRejection(#"{ "args": {}, "outcome": { "error": { "kind": "other", "type": "E" } } }"#))
    XCTAssertEqual(noMessage.description, Self.prefix + #".calls.pytorch.outcome.error: missing required field "message""#)
  }

  func testWrongType() throws {
    let api = try XCTUnwrap(rejection(#"{"format": "api-mapping-fixture", "version": 1, "api": 3, "frameworks": {}, "cases": []}"#))
    XCTAssertEqual(api.reason, .wrongType(expected: "a string", found: .number))
    XCTAssertEqual(api.description, "Fixtures/x.json: api: expected a string, found a number")

    let version = try XCTUnwrap(rejection(#"{"format": "api-mapping-fixture", "version": "1"}"#))
    XCTAssertEqual(version.description, "Fixtures/x.json: version: expected a number, found a string")

    let tags = try XCTUnwrap(rejection(FixtureText.document(cases: [#"{ "id": "t", "tags": ["a", 2], "tensors": {}, "calls": {} }"#])))
    XCTAssertEqual(tags.description, #"Fixtures/x.json: case "t": cases[0].tags[1]: expected a string, found a number"#)

    let data = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [1], "data": 1 }"#))
    XCTAssertEqual(data.description, Self.prefix + ".tensors.x.data: expected an array, found a number")

    let argument = try XCTUnwrap(callRejection(#"{ "args": { "dim": [0, 1] }, "outcome": { "error": { "kind": "other", "type": "E", "message": "" } } }"#))
    XCTAssertEqual(argument.description, Self.prefix + #".calls.pytorch.args.dim: expected a string, number, boolean, null or {"tensor": NAME}, found an array"#)

    let tensors = try XCTUnwrap(rejection(FixtureText.document(cases: [#"{ "id": "t", "tensors": [], "calls": {} }"#])))
    XCTAssertEqual(tensors.description, #"Fixtures/x.json: case "t": cases[0].tensors: expected an object, found an array"#)

    let odd = try XCTUnwrap(rejection(FixtureText.document(cases: [FixtureText.case(tensors: #"{ "a b": 1 }"#)])))
    XCTAssertEqual(odd.description, Self.prefix + #".tensors["a b"]: expected an object, found a number"#)
  }

  func testDuplicateCaseID() throws {
    let error = try XCTUnwrap(rejection(FixtureText.document(cases: [FixtureText.case(id: "a"), FixtureText.case(id: "b"), FixtureText.case(id: "a")])))
    XCTAssertEqual(error.reason, .duplicateCaseID("a", firstIndex: 0))
    XCTAssertEqual(error.description, #"Fixtures/x.json: case "a": cases[2].id: duplicate case id "a" (first used by cases[0])"#)
  }

  // MARK: tensors

  func testUnknownDType() throws {
    let error = try XCTUnwrap(tensorRejection(#"{ "dtype": "float8", "shape": [1], "data": [1] }"#))
    XCTAssertEqual(error.reason, .unknownDType("float8"))
    XCTAssertEqual(error.description, Self.prefix + #".tensors.x.dtype: unknown dtype "float8" (expected one of float16, bfloat16, float32, float64, int32, int64, bool)"#)
  }

  func testInvalidDimension() throws {
    let negative = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [2, -1], "data": [] }"#))
    XCTAssertEqual(negative.reason, .invalidDimension("-1"))
    XCTAssertEqual(negative.description, Self.prefix + ".tensors.x.shape[1]: dimension -1 is not a non-negative integer")
    XCTAssertEqual(tensorRejection(#"{ "dtype": "float32", "shape": [2.5], "data": [] }"#)?.reason, .invalidDimension("2.5"))
    XCTAssertEqual(tensorRejection(#"{ "dtype": "float32", "shape": [2.0], "data": [1, 2] }"#)?.reason, .invalidDimension("2.0"))
    XCTAssertEqual(tensorRejection(#"{ "dtype": "float32", "shape": [1e1], "data": [] }"#)?.reason, .invalidDimension("1e1"))
    XCTAssertEqual(tensorRejection(#"{ "dtype": "float32", "shape": [-99999999999999999999], "data": [] }"#)?.reason, .invalidDimension("-99999999999999999999"))
    let text = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [2, "3"], "data": [] }"#))
    XCTAssertEqual(text.description, Self.prefix + #".tensors.x.shape[1]: dimension "3" is not a non-negative integer"#)
  }

  func testElementCountOverflow() throws {
    let error = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [4294967296, 4294967296], "data": [] }"#))
    XCTAssertEqual(error.reason, .elementCountOverflow(shape: "[4294967296, 4294967296]"))
    XCTAssertEqual(error.description, Self.prefix + ".tensors.x.shape: the element count of shape [4294967296, 4294967296] overflows")
    let huge = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [1, 99999999999999999999], "data": [] }"#))
    XCTAssertEqual(huge.description, Self.prefix + ".tensors.x.shape: the element count of shape [1,99999999999999999999] overflows")
    // A zero dimension anywhere empties the tensor, whatever the other dimensions multiply to.
    let empty = FixtureText.document(cases: [
      FixtureText.caseWithTensor(#"{ "dtype": "float32", "shape": [4611686018427387904, 4, 0], "data": [] }"#)
    ])
    let fixture = try FixtureLoader().load(bytes: Array(empty.utf8), path: "Fixtures/x.json")
    XCTAssertEqual(fixture.cases[0].tensor(named: "x")?.count, 0)
  }

  func testTooManyElements() throws {
    // Refused from the shape alone: the (wrong-length) data is never looked at.
    let error = try XCTUnwrap(tensorRejection(#"{ "dtype": "float64", "shape": [4, 4], "data": [1] }"#, limits: LoaderLimits(maxElementsPerTensor: 10)))
    XCTAssertEqual(error.reason, .tooManyElements(count: 16, limit: 10))
    XCTAssertEqual(error.description, Self.prefix + ".tensors.x.shape: 16 elements, more than the limit of 10")
    let base64 = try XCTUnwrap(tensorRejection(#"{ "dtype": "float64", "shape": [1073741824, 1024], "base64": "" }"#))
    XCTAssertEqual(base64.reason, .tooManyElements(count: 1 << 40, limit: 1 << 26))
  }

  func testDataLengthMismatch() throws {
    let error = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [2, 2], "data": [1, 2, 3] }"#))
    XCTAssertEqual(error.reason, .dataLengthMismatch(count: 3, shape: [2, 2]))
    XCTAssertEqual(error.description, Self.prefix + ".tensors.x.data: 3 values for shape [2, 2]")
    XCTAssertEqual(tensorRejection(#"{ "dtype": "bool", "shape": [], "data": [] }"#)?.reason, .dataLengthMismatch(count: 0, shape: []))
    XCTAssertEqual(tensorRejection(#"{ "dtype": "float32", "shape": [1], "data": ["nan", "nan"] }"#)?.reason, .dataLengthMismatch(count: 2, shape: [1]))
  }

  func testValueDoesNotFit() throws {
    let error = try XCTUnwrap(tensorRejection(#"{ "dtype": "float16", "shape": [2], "data": [1, 1e40] }"#))
    XCTAssertEqual(error.reason, .valueDoesNotFit(value: "1e40", dtype: .float16))
    XCTAssertEqual(error.description, Self.prefix + ".tensors.x.data[1]: 1e40 is not a float16 value")
    let cases: [(dtype: String, data: String, value: String, index: Int)] = [
      ("float16", "[65520]", "65520", 0),
      ("float16", #"["nan", 70000]"#, "70000", 1),
      ("bfloat16", "[1e39]", "1e39", 0),
      ("float32", "[3.4028236e38]", "3.4028236e38", 0),
      ("float32", "[1, true]", "true", 1),
      ("float32", #"["NaN"]"#, #""NaN""#, 0),
      ("float32", #"["infinity"]"#, #""infinity""#, 0),
      ("float64", "[1e400]", "1e400", 0),
      ("float64", "[null]", "null", 0),
      ("int32", "[1.5]", "1.5", 0),
      ("int32", "[3000000000]", "3000000000", 0),
      ("int32", "[1.0]", "1.0", 0),
      ("int32", "[1e3]", "1e3", 0),
      ("int32", #"["nan"]"#, #""nan""#, 0),
      ("int64", "[9223372036854775808]", "9223372036854775808", 0),
      ("int64", "[2, [1]]", "an array", 1),
      ("bool", "[1]", "1", 0),
      ("bool", #"[true, "false"]"#, #""false""#, 1),
    ]
    for (dtype, data, value, index) in cases {
      let count = data.filter { $0 == "," }.count + 1
      let error = tensorRejection(#"{ "dtype": "\#(dtype)", "shape": [\#(count)], "data": \#(data) }"#)
      XCTAssertEqual(error?.reason, .valueDoesNotFit(value: value, dtype: DType(rawValue: dtype)!), "\(dtype) \(data)")
      XCTAssertEqual(error?.jsonPath?.description, "cases[0].tensors.x.data[\(index)]", "\(dtype) \(data)")
    }
    let bool = try XCTUnwrap(tensorRejection(#"{ "dtype": "bool", "shape": [2], "base64": "AQI=" }"#))
    XCTAssertEqual(bool.description, Self.prefix + ".tensors.x.base64: byte 2 at element 1 is not a bool value")
  }

  func testExactlyOneOfDataAndBase64() throws {
    let both = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [0], "data": [], "base64": "" }"#))
    XCTAssertEqual(both.reason, .exactlyOneOf(["data", "base64"], found: ["data", "base64"]))
    XCTAssertEqual(both.description, Self.prefix + #".tensors.x: expected exactly one of "data" and "base64", found both"#)
    let neither = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [0] }"#))
    XCTAssertEqual(neither.description, Self.prefix + #".tensors.x: expected exactly one of "data" and "base64", found neither"#)
  }

  func testInvalidBase64() throws {
    let length = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [1], "base64": "AAAAAA" }"#))
    XCTAssertEqual(length.reason, .invalidBase64(Base64Error(.length(6), at: 6)))
    XCTAssertEqual(length.description, Self.prefix + ".tensors.x.base64: invalid base64: length 6 is not a multiple of 4")
    let symbol = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [2], "base64": "AAAA AAAAAA=" }"#))
    XCTAssertEqual(symbol.description, Self.prefix + ".tensors.x.base64: invalid base64: byte 32 at character 4 is not in the base64 alphabet")
    let bits = try XCTUnwrap(tensorRejection(#"{ "dtype": "bool", "shape": [1], "base64": "AR==" }"#))
    XCTAssertEqual(bits.reason, .invalidBase64(Base64Error(.nonzeroPaddingBits, at: 1)))
    // The size comes from the length alone; text that is not base64 is reported as such
    // rather than as holding a number of bytes it does not hold.
    let middle = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [2], "base64": "AACAPw==AACAPw==" }"#))
    XCTAssertEqual(middle.reason, .invalidBase64(Base64Error(.invalidSymbol(UInt8(ascii: "=")), at: 6)))
    XCTAssertEqual(middle.description, Self.prefix + ".tensors.x.base64: invalid base64: '=' at character 6 is not in the base64 alphabet")
    XCTAssertEqual(tensorRejection(#"{ "dtype": "float32", "shape": [1], "base64": [0] }"#)?.reason, .wrongType(expected: "a string", found: .array))
  }

  func testByteCountMismatch() throws {
    let error = try XCTUnwrap(tensorRejection(#"{ "dtype": "float32", "shape": [2], "base64": "AACAPw==" }"#))
    XCTAssertEqual(error.reason, .byteCountMismatch(bytes: 4, expected: 8, dtype: .float32))
    XCTAssertEqual(error.description, Self.prefix + ".tensors.x.base64: base64 holds 4 bytes, expected 8 (2 float32 elements)")
  }

  // MARK: calls

  func testUnknownTensor() throws {
    let error = try XCTUnwrap(callRejection(#"{ "args": { "input": {"tensor": "z"} }, "outcome": { "error": { "kind": "other", "type": "E", "message": "" } } }"#))
    XCTAssertEqual(error.reason, .unknownTensor("z"))
    XCTAssertEqual(error.description, Self.prefix + #".calls.pytorch.args.input.tensor: no tensor named "z" in this case"#)
  }

  func testOutcomeNeitherOrBoth() throws {
    let neither = try XCTUnwrap(callRejection(#"{ "args": {}, "outcome": { "warnings": [] } }"#))
    XCTAssertEqual(neither.reason, .exactlyOneOf(["value", "error"], found: []))
    XCTAssertEqual(neither.description, Self.prefix + #".calls.pytorch.outcome: expected exactly one of "value" and "error", found neither"#)
    let both = try XCTUnwrap(callRejection(#"{ "args": {}, "outcome": { "value": { "dtype": "bool", "shape": [], "data": [true] }, "error": { "kind": "other", "type": "E", "message": "" } } }"#))
    XCTAssertEqual(both.reason, .exactlyOneOf(["value", "error"], found: ["value", "error"]))
    XCTAssertEqual(both.description, Self.prefix + #".calls.pytorch.outcome: expected exactly one of "value" and "error", found both"#)
  }

  func testUnknownErrorKind() throws {
    let error = try XCTUnwrap(callRejection(#"{ "args": {}, "outcome": { "error": { "kind": "crash", "type": "E", "message": "" } } }"#, framework: "mindspore"))
    XCTAssertEqual(error.reason, .unknownErrorKind("crash"))
    XCTAssertEqual(error.description, Self.prefix + #".calls.mindspore.outcome.error.kind: unknown error kind "crash" (expected one of shape, dtype, argument, unsupported, other)"#)
  }

  func testInvalidTolerance() throws {
    let error = try XCTUnwrap(callRejection(#"{ "args": {}, "outcome": { "value": { "dtype": "bool", "shape": [], "data": [true] } }, "tolerance": { "rtol": -1e-3, "atol": 0 } }"#))
    XCTAssertEqual(error.reason, .invalidTolerance("-1e-3"))
    XCTAssertEqual(error.description, Self.prefix + ".calls.pytorch.tolerance.rtol: tolerance -1e-3 is not a finite non-negative number")
    XCTAssertEqual(callRejection(#"{ "args": {}, "outcome": { "value": { "dtype": "bool", "shape": [], "data": [true] } }, "tolerance": { "rtol": 0 } }"#)?.reason, .missingField("atol"))
  }

  func testErrorsInsideValueTensorsNameTheCall() throws {
    let error = try XCTUnwrap(callRejection(#"{ "args": {}, "outcome": { "value": { "dtype": "int32", "shape": [2], "data": [1] } } }"#, framework: "exact"))
    XCTAssertEqual(error.description, Self.prefix + ".calls.exact.outcome.value.data: 1 value for shape [2]")
  }
}
