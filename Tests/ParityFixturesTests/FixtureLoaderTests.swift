import Foundation
import ParityCore
import ParityFixtures
import ParityTestSupport
import XCTest

func loadFixture(_ text: String, path: String = "Fixtures/x.json", limits: LoaderLimits = LoaderLimits()) throws -> Fixture {
  try FixtureLoader(limits: limits).load(bytes: Array(text.utf8), path: path)
}

/// The tensor `x` of the only case of a document built around `tensor` (JSON text).
func loadTensor(_ tensor: String) throws -> Tensor {
  let fixture = try loadFixture(FixtureText.document(cases: [FixtureText.caseWithTensor(tensor)]))
  guard let x = fixture.cases.first?.tensor(named: "x") else { throw XCTSkip("no tensor x") }
  return x
}

final class FixtureLoaderTests: XCTestCase {
  func testContractExample() throws {
    let fixture = try loadFixture(FixtureText.example)
    XCTAssertEqual(fixture.path, "Fixtures/x.json")
    XCTAssertEqual(fixture.api, "SoftMarginLoss")
    XCTAssertEqual(fixture.frameworks.map(\.key), ["pytorch", "mindspore"])
    let mindspore = try XCTUnwrap(fixture.framework("mindspore"))
    XCTAssertEqual(mindspore.api, "mindspore.nn.SoftMarginLoss")
    XCTAssertEqual(mindspore.package, "mindspore")
    XCTAssertEqual(mindspore.version, "2.10.0")
    XCTAssertEqual(mindspore.device, "CPU")
    XCTAssertEqual(mindspore.fields["mode"], "PYNATIVE_MODE")
    XCTAssertEqual(fixture.recorder.map(\.key), ["script", "python", "platform", "seed", "threads"])
    XCTAssertEqual(fixture.recorder.map(\.value), ["Fixtures/record/record.py", "3.11.7", "Linux-x86_64", "20261128", "1"])

    XCTAssertEqual(fixture.cases.count, 1)
    let testCase = fixture.cases[0]
    XCTAssertEqual(testCase.id, "float32/2x2/mean/doc-example")
    XCTAssertEqual(testCase.index, 0)
    XCTAssertEqual(testCase.tags, ["doc-example", "dtype:float32", "reduction:mean"])
    XCTAssertEqual(testCase.tensors.map(\.name), ["x", "y"])
    XCTAssertEqual(testCase.tensor(named: "x"), Tensor([0.3, 0.7, 0.5, 0.5] as [Float], shape: [2, 2]))
    XCTAssertEqual(testCase.tensor(named: "y"), Tensor([-1, 1, 1, -1] as [Float], shape: [2, 2]))

    let pytorch = try XCTUnwrap(testCase.call("pytorch"))
    XCTAssertEqual(pytorch.arguments.map(\.name), ["input", "target", "reduction"])
    XCTAssertEqual(pytorch.arguments.map(\.value), [.tensor("x"), .tensor("y"), .string("mean")])
    XCTAssertNil(pytorch.tolerance)
    guard case .value(let value) = pytorch.outcome.result else { return XCTFail("expected a value") }
    XCTAssertEqual(value, Tensor([Float("0.6764238")!], shape: []))
    XCTAssertEqual(pytorch.outcome.warnings, [])

    let mindsporeCall = try XCTUnwrap(testCase.call("mindspore"))
    XCTAssertEqual(mindsporeCall.arguments.map(\.name), ["logits", "labels", "reduction"])
    guard case .error(let error) = mindsporeCall.outcome.result else { return XCTFail("expected an error") }
    XCTAssertEqual(error, RecordedError(kind: .unsupported, type: "RuntimeError", message: "The kernel SoftMarginLoss unregistered."))
  }

  func testFromFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(FixtureText.example, to: "SoftMarginLoss.json")
    let fixture = try FixtureLoader().load(contentsOf: path)
    XCTAssertEqual(fixture.path, path)
    XCTAssertEqual(fixture.cases.first?.id, "float32/2x2/mean/doc-example")
  }

  func testFromRawBuffer() throws {
    let bytes = Array(FixtureText.example.utf8)
    let fixture = try bytes.withUnsafeBytes { try FixtureLoader().load(bytes: $0, path: "raw.json") }
    XCTAssertEqual(fixture.cases.count, 1)
  }

  // MARK: data, per dtype

  func testFloat32Data() throws {
    let literals = ["1.5", "-0.0", "3e-45", "1.4e-45", "0.1", "3.4028235e38", "16777217", "-1.17549435e-38"]
    let tensor = try loadTensor(#"{ "dtype": "float32", "shape": [2, 6], "data": [\#(literals.joined(separator: ", ")), "nan", "inf", "-inf", 0] }"#)
    guard case .float32(let values) = tensor.storage else { return XCTFail("\(tensor.dtype)") }
    XCTAssertEqual(tensor.shape, [2, 6])
    for (value, literal) in zip(values, literals) {
      XCTAssertEqual(value.bitPattern, Float(literal)!.bitPattern, literal)
    }
    XCTAssertEqual(values[1].sign, .minus)
    XCTAssertTrue(values[8].isNaN)
    XCTAssertEqual(values[9], .infinity)
    XCTAssertEqual(values[10], -.infinity)
    XCTAssertEqual(values[11].bitPattern, 0)
  }

  func testFloat64Data() throws {
    let literals = ["0.1", "-0.0", "5e-324", "1.7976931348623157e308", "2.2250738585072014e-308", "9007199254740993"]
    let tensor = try loadTensor(#"{ "dtype": "float64", "shape": [9], "data": [\#(literals.joined(separator: ", ")), "nan", "inf", "-inf"] }"#)
    guard case .float64(let values) = tensor.storage else { return XCTFail("\(tensor.dtype)") }
    for (value, literal) in zip(values, literals) {
      XCTAssertEqual(value.bitPattern, Double(literal)!.bitPattern, literal)
    }
    XCTAssertEqual(values[1].sign, .minus)
    XCTAssertTrue(values[6].isNaN)
    XCTAssertEqual(values[7], .infinity)
    XCTAssertEqual(values[8], -.infinity)
  }

  func testFloat16Data() throws {
    // Smallest subnormal, a subnormal, largest subnormal, smallest normal, max, -0, 1/3, a
    // value that rounds to 0 (below half the smallest subnormal).
    let literals = ["6e-08", "3e-07", "6.1e-05", "6.104e-05", "65504", "-0.0", "0.3333", "2e-08", "-2.0"]
    let expected: [UInt16] = [0x0001, 0x0005, 0x03FF, 0x0400, 0x7BFF, 0x8000, 0x3555, 0x0000, 0xC000]
    let tensor = try loadTensor(#"{ "dtype": "float16", "shape": [12], "data": [\#(literals.joined(separator: ", ")), "nan", "inf", "-inf"] }"#)
    guard case .float16(let values) = tensor.storage else { return XCTFail("\(tensor.dtype)") }
    XCTAssertEqual(Array(values.prefix(9)).map(\.bitPattern), expected)
    for (value, literal) in zip(values, literals) {
      XCTAssertEqual(value.bitPattern, Float16(Double(literal)!).bitPattern, literal)
    }
    XCTAssertTrue(values[9].isNaN)
    XCTAssertEqual(values[10], .infinity)
    XCTAssertEqual(values[11], -.infinity)
  }

  func testBFloat16Data() throws {
    // 1 + 2^-8 is a tie between 1 (even) and 1 + 2^-7; 1 + 3 * 2^-8 ties to 1 + 2^-6 (even).
    // 1 + 2^-8 + 2^-40 is just above the tie: one rounding gives 1 + 2^-7, while rounding
    // through Float first would land on the tie and give 1.
    let literals = ["1.00390625", "1.01171875", "1.0039062500009094947017729282379150390625", "-0.0", "3.3895314e38", "1e-40", "0.1"]
    let expected: [UInt16] = [0x3F80, 0x3F82, 0x3F81, 0x8000, 0x7F7F, 0x0001, 0x3DCD]
    let tensor = try loadTensor(#"{ "dtype": "bfloat16", "shape": [10], "data": [\#(literals.joined(separator: ", ")), "nan", "inf", "-inf"] }"#)
    guard case .bfloat16(let values) = tensor.storage else { return XCTFail("\(tensor.dtype)") }
    XCTAssertEqual(Array(values.prefix(7)).map(\.bitPattern), expected)
    XCTAssertTrue(values[7].isNaN)
    XCTAssertEqual(values[8], .infinity)
    XCTAssertEqual(values[9].bitPattern, 0xFF80)
  }

  /// Literals whose nearest double is exactly a tie of the narrow type: only the digits past
  /// double precision say which way to round.
  func testNarrowTypesRoundLiteralsOnce() throws {
    let float32 = try loadTensor(#"{ "dtype": "float32", "shape": [3], "data": [1.00000005960464477539062500001, 1.000000059604644775390625, 1.00000005960464477539062499999] }"#)
    XCTAssertEqual(float32, Tensor([Float("1.00000005960464477539062500001")!, 1, 1] as [Float], shape: [3]))
    XCTAssertEqual(float32.storage, .float32([1.0000001, 1, 1]))

    let float16 = try loadTensor(#"{ "dtype": "float16", "shape": [5], "data": [1.00048828125000000001, 1.00048828125, 1.00048828124999999999, 65519.99999999999999999, 5.9604644775390625e-8] }"#)
    guard case .float16(let halves) = float16.storage else { return XCTFail() }
    XCTAssertEqual(halves.map(\.bitPattern), [0x3C01, 0x3C00, 0x3C00, 0x7BFF, 0x0001])

    // Half the smallest subnormal is a tie between 0 and it.
    let tiny = try loadTensor(#"{ "dtype": "float16", "shape": [2], "data": [2.98023223876953125e-8, 2.980232238769531250000001e-8] }"#)
    guard case .float16(let tinies) = tiny.storage else { return XCTFail() }
    XCTAssertEqual(tinies.map(\.bitPattern), [0x0000, 0x0001])

    let bfloat16 = try loadTensor(#"{ "dtype": "bfloat16", "shape": [2], "data": [1.00390625000000000001, -1.00390625000000000001] }"#)
    guard case .bfloat16(let brains) = bfloat16.storage else { return XCTFail() }
    XCTAssertEqual(brains.map(\.bitPattern), [0x3F81, 0xBF81])
  }

  func testIntegerAndBoolData() throws {
    let int32 = try loadTensor(#"{ "dtype": "int32", "shape": [5], "data": [0, -1, 2147483647, -2147483648, -0] }"#)
    XCTAssertEqual(int32.storage, .int32([0, -1, .max, .min, 0]))
    let int64 = try loadTensor(#"{ "dtype": "int64", "shape": [5], "data": [9007199254740993, -9007199254740993, 9223372036854775807, -9223372036854775808, 1] }"#)
    XCTAssertEqual(int64.storage, .int64([9_007_199_254_740_993, -9_007_199_254_740_993, .max, .min, 1]))
    let bool = try loadTensor(#"{ "dtype": "bool", "shape": [3], "data": [true, false, true] }"#)
    XCTAssertEqual(bool.storage, .bool([true, false, true]))
  }

  func testShapes() throws {
    XCTAssertEqual(try loadTensor(#"{ "dtype": "float32", "shape": [], "data": [2] }"#), Tensor([2] as [Float], shape: []))
    XCTAssertEqual(try loadTensor(#"{ "dtype": "int64", "shape": [0], "data": [] }"#), Tensor(shape: [0], storage: .int64([])))
    XCTAssertEqual(try loadTensor(#"{ "dtype": "bool", "shape": [2, 0, 3], "data": [] }"#), Tensor(shape: [2, 0, 3], storage: .bool([])))
    // A leading zero dimension makes the count zero, however large the others.
    XCTAssertEqual(try loadTensor(#"{ "dtype": "float64", "shape": [0, 4611686018427387904, 4], "data": [] }"#).count, 0)
    XCTAssertEqual(try loadTensor(#"{ "dtype": "float64", "shape": [1, 1, 1, 2], "base64": "AAAAAAAA8D8AAAAAAAAAwA==" }"#),
                   Tensor([1, -2] as [Double], shape: [1, 1, 1, 2]))
  }

  // MARK: base64, per dtype

  func base64Tensor(_ dtype: DType, count: Int, bytes: [UInt8]) throws -> Tensor {
    try loadTensor(#"{ "dtype": "\#(dtype.rawValue)", "shape": [\#(count)], "base64": "\#(Data(bytes).base64EncodedString())" }"#)
  }

  func littleEndianBytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { value in (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
  }

  func testBase64EveryDType() throws {
    let doubles: [Double] = [1, -0.0, .infinity, .leastNonzeroMagnitude, 0.1]
    XCTAssertEqual(try base64Tensor(.float64, count: 5, bytes: littleEndianBytes(doubles.map(\.bitPattern))).storage, .float64(doubles))
    let floats: [Float] = [1, -0.0, -.infinity, .leastNonzeroMagnitude, 0.1]
    XCTAssertEqual(try base64Tensor(.float32, count: 5, bytes: littleEndianBytes(floats.map(\.bitPattern))).storage, .float32(floats))
    let halves: [Float16] = [1, -0.0, .infinity, .leastNonzeroMagnitude, 65504]
    XCTAssertEqual(try base64Tensor(.float16, count: 5, bytes: littleEndianBytes(halves.map(\.bitPattern))).storage, .float16(halves))
    let brains: [UInt16] = [0x3F80, 0x8000, 0x7F80, 0x0001, 0x7FC1]
    XCTAssertEqual(try base64Tensor(.bfloat16, count: 5, bytes: littleEndianBytes(brains)).storage, .bfloat16(brains.map(BFloat16.init(bitPattern:))))
    let int32: [Int32] = [1, -1, .max, .min, 0]
    XCTAssertEqual(try base64Tensor(.int32, count: 5, bytes: littleEndianBytes(int32)).storage, .int32(int32))
    let int64: [Int64] = [9_007_199_254_740_993, -1, .max, .min, 0]
    XCTAssertEqual(try base64Tensor(.int64, count: 5, bytes: littleEndianBytes(int64)).storage, .int64(int64))
    XCTAssertEqual(try base64Tensor(.bool, count: 5, bytes: [1, 0, 0, 1, 1]).storage, .bool([true, false, false, true, true]))
    // NaN payloads survive: base64 is raw bits.
    let nan = try base64Tensor(.float32, count: 1, bytes: littleEndianBytes([UInt32(0x7FC0_1234)]))
    guard case .float32(let payload) = nan.storage else { return XCTFail() }
    XCTAssertEqual(payload.first?.bitPattern, 0x7FC0_1234)
    XCTAssertEqual(try base64Tensor(.float32, count: 0, bytes: []).storage, .float32([]))
  }

  // MARK: calls

  func testCallsArgumentsOutcomesAndTolerance() throws {
    let calls = #"""
      {
        "pytorch": { "args": { "input": {"tensor": "x"}, "reduction": "sum", "size_average": null, "reduce": false,
                               "dim": 1, "beta": 0.5, "huge": 100000000000000000000, "neg": -3, "whole": 2.0 },
                     "outcome": { "value": { "dtype": "float32", "shape": [], "data": [1.5] }, "warnings": ["deprecated", "again"] },
                     "tolerance": { "rtol": 1e-5, "atol": 0 } },
        "mindspore": { "args": {}, "outcome": { "error": { "kind": "argument", "type": "ValueError", "message": "bad" }, "warnings": [] } },
        "exact": { "outcome": { "value": { "dtype": "float64", "shape": [], "data": [1.4999999999999998] } } },
        "jax": { "args": { "x": {"tensor": "x"} }, "outcome": { "error": { "kind": "dtype", "type": "TypeError", "message": "" } } }
      }
      """#
    let fixture = try loadFixture(FixtureText.document(cases: [FixtureText.case(calls: calls)]))
    let testCase = fixture.cases[0]
    XCTAssertEqual(testCase.calls.map(\.framework), ["pytorch", "mindspore", "exact", "jax"])
    let pytorch = testCase.calls[0]
    XCTAssertEqual(pytorch.arguments.map(\.name), ["input", "reduction", "size_average", "reduce", "dim", "beta", "huge", "neg", "whole"])
    XCTAssertEqual(pytorch.arguments.map(\.value), [
      .tensor("x"), .string("sum"), .null, .bool(false), .integer(1), .number(0.5), .number(1e20), .integer(-3), .number(2),
    ])
    XCTAssertEqual(pytorch.tolerance, Tolerance(rtol: 1e-5, atol: 0))
    XCTAssertEqual(pytorch.outcome.warnings, ["deprecated", "again"])
    let mindspore = testCase.calls[1]
    XCTAssertTrue(mindspore.arguments.isEmpty)
    guard case .error(let error) = mindspore.outcome.result else { return XCTFail() }
    XCTAssertEqual(error.kind, .argument)
    let exact = testCase.calls[2]
    XCTAssertEqual(exact.framework, RecordedCall.exactKey)
    XCTAssertTrue(exact.arguments.isEmpty)
    guard case .value(let value) = exact.outcome.result else { return XCTFail() }
    XCTAssertEqual(value, Tensor([1.4999999999999998] as [Double], shape: []))
  }

  func testUnknownKeysAreIgnoredEverywhere() throws {
    let header = FixtureText.header + #"""
      ,
      "comment": { "nested": [1, 2, {"deep": null}] },
      "x-extra": 3
      """#
    let testCase = #"""
      { "id": "a", "tags": [], "note": "ignored", "tensors": {
          "x": { "dtype": "int32", "shape": [1], "data": [7], "layout": "strided", "origin": {"seed": 1} } },
        "calls": {
          "pytorch": { "args": { "input": {"tensor": "x", "note": "extra"} }, "outcome": {
              "value": { "dtype": "int64", "shape": [], "data": [7], "extra": true }, "elapsed_ms": 0.1 },
            "tolerance": { "rtol": 0, "atol": 0, "reason": "exact" }, "stdout": "" },
          "mindspore": { "args": {}, "outcome": { "error": { "kind": "shape", "type": "E", "message": "m", "traceback": [] } } } } }
      """#
    let fixture = try loadFixture(FixtureText.document(header: header, cases: [testCase]))
    XCTAssertEqual(fixture.cases[0].tensor(named: "x")?.storage, .int32([7]))
    XCTAssertEqual(fixture.cases[0].call("pytorch")?.tolerance, Tolerance(rtol: 0, atol: 0))
  }

  func testOptionalFields() throws {
    // No recorder, no tags, version written as 1.0, a framework entry with extra and missing fields.
    let text = #"""
      { "format": "api-mapping-fixture", "version": 1.0, "api": "Abs",
        "frameworks": { "pytorch": { "api": "torch.abs", "threads": 4 }, "custom": {} },
        "cases": [ { "id": "only", "tensors": {}, "calls": {} } ] }
      """#
    let fixture = try loadFixture(text)
    XCTAssertTrue(fixture.recorder.isEmpty)
    XCTAssertEqual(fixture.cases[0].tags, [])
    XCTAssertEqual(fixture.frameworks, [
      FrameworkInfo(key: "pytorch", api: "torch.abs", package: nil, version: nil, device: nil, fields: ["api": "torch.abs"]),
      FrameworkInfo(key: "custom", api: nil, package: nil, version: nil, device: nil, fields: [:]),
    ])
    XCTAssertTrue(try loadFixture(#"{"format": "api-mapping-fixture", "version": 1, "api": "A", "frameworks": {}, "cases": []}"#).cases.isEmpty)
  }

  func testRecorderKeepsScalarsAsWritten() throws {
    let header = #"""
      "format": "api-mapping-fixture", "version": 1, "api": "A", "frameworks": {},
      "recorder": { "seed": 20261128, "ratio": 0.10, "big": 123456789012345678901234567890, "ok": true, "none": null,
                    "list": [1, "two", 3.50], "map": {"a": 1e3} }
      """#
    let fixture = try loadFixture(FixtureText.document(header: header, cases: []))
    XCTAssertEqual(fixture.recorder.map(\.value), [
      "20261128", "0.10", "123456789012345678901234567890", "true", "null", #"[1,"two",3.50]"#, #"{"a":1e3}"#,
    ])
  }

  func testManyCasesKeepTheirIndex() throws {
    let cases = (0..<50).map { FixtureText.case(id: "c\($0)") }
    let fixture = try loadFixture(FixtureText.document(cases: cases))
    XCTAssertEqual(fixture.cases.map(\.index), Array(0..<50))
    XCTAssertEqual(fixture.cases.last?.id, "c49")
  }

  /// A quarter-million-element `data` array, every value checked.
  func testLargeDataArray() throws {
    let count = 262_144
    func value(_ i: Int) -> Float { Float(i % 2048) * 0.125 - 100 }
    var text = #"{ "dtype": "float32", "shape": [512, 512], "data": ["#
    text.reserveCapacity(count * 10)
    for i in 0..<count {
      if i > 0 { text += "," }
      text += value(i).description
    }
    text += "] }"
    let tensor = try loadTensor(text)
    XCTAssertEqual(tensor.shape, [512, 512])
    guard case .float32(let values) = tensor.storage else { return XCTFail() }
    XCTAssertEqual(values.count, count)
    var mismatches = 0
    for i in 0..<count where values[i] != value(i) { mismatches += 1 }
    XCTAssertEqual(mismatches, 0)
  }
}
