import Foundation
import ParityFixtures
import ParityTestSupport
import XCTest

/// Each limit is checked before the memory it guards is allocated, so a hostile file fails
/// fast with its own error. The inputs are sized so that a check made after allocating would
/// trap (2^40 elements cannot be reserved) or take long (reading a 1 GiB file).
final class LoaderLimitTests: XCTestCase {
  /// Runs `body` and fails if it took longer than `seconds`.
  func fast<T>(within seconds: Double = 2, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T) rethrows -> T {
    let start = Date()
    let result = try body()
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertLessThan(elapsed, seconds, "took \(elapsed) s", file: file, line: line)
    return result
  }

  func refusal(_ text: String, limits: LoaderLimits = LoaderLimits(), file: StaticString = #filePath, line: UInt = #line) -> FixtureError? {
    refusal(bytes: Array(text.utf8), limits: limits, file: file, line: line)
  }

  func refusal(bytes: [UInt8], limits: LoaderLimits = LoaderLimits(), file: StaticString = #filePath, line: UInt = #line) -> FixtureError? {
    fast(file: file, line: line) { () -> FixtureError? in
      do throws(FixtureError) {
        _ = try FixtureLoader(limits: limits).load(bytes: bytes, path: "x.json")
      } catch {
        return error
      }
      XCTFail("loaded, expected a refusal", file: file, line: line)
      return nil
    }
  }

  func tensor(_ tensor: String) -> String {
    FixtureText.document(cases: [FixtureText.caseWithTensor(tensor)])
  }

  static let twoTo40 = 1 << 40

  func testElementLimitComesFromTheShapeBeforeTheData() throws {
    // The default limit refuses 2^40 elements from the shape; the three values are never read.
    let three = try XCTUnwrap(refusal(tensor(#"{ "dtype": "float32", "shape": [1099511627776], "data": [1, 2, 3] }"#)))
    XCTAssertEqual(three.reason, .tooManyElements(count: Self.twoTo40, limit: 1 << 26))
    XCTAssertEqual(three.description, #"x.json: case "case/1": cases[0].tensors.x.shape: 1099511627776 elements, more than the limit of 67108864"#)

    // A flag's limit (as --max-elements sets it) is the one applied.
    let small = try XCTUnwrap(refusal(tensor(#"{ "dtype": "int64", "shape": [3, 3], "data": [1, 2, 3, 4, 5, 6, 7, 8, 9] }"#), limits: LoaderLimits(maxElementsPerTensor: 8)))
    XCTAssertEqual(small.reason, .tooManyElements(count: 9, limit: 8))
    let atLimit = tensor(#"{ "dtype": "int64", "shape": [3, 3], "data": [1, 2, 3, 4, 5, 6, 7, 8, 9] }"#)
    XCTAssertEqual(try FixtureLoader(limits: LoaderLimits(maxElementsPerTensor: 9)).load(bytes: Array(atLimit.utf8), path: "x.json").cases.count, 1)
  }

  func testElementStorageIsSizedByWhatIsThereNotByTheShape() throws {
    // With the limit out of the way, a shape of 2^40 must still never be allocated for: the
    // data's length (3) and the base64's decoded size (3 bytes) are compared first. Reserving
    // 2^40 elements would trap.
    let unlimited = LoaderLimits(maxElementsPerTensor: .max)
    let data = try XCTUnwrap(refusal(tensor(#"{ "dtype": "float64", "shape": [1099511627776], "data": [1, 2, 3] }"#), limits: unlimited))
    XCTAssertEqual(data.reason, .dataLengthMismatch(count: 3, shape: [Self.twoTo40]))
    let encoded = try XCTUnwrap(refusal(tensor(#"{ "dtype": "float64", "shape": [1099511627776], "base64": "AAAA" }"#), limits: unlimited))
    XCTAssertEqual(encoded.reason, .byteCountMismatch(bytes: 3, expected: Self.twoTo40 * 8, dtype: .float64))
    // Element count fits Int, byte count does not: the limit that applies is the byte count's.
    let bytes = try XCTUnwrap(refusal(tensor(#"{ "dtype": "float64", "shape": [2305843009213693952], "base64": "AAAA" }"#), limits: unlimited))
    XCTAssertEqual(bytes.reason, .tooManyElements(count: 1 << 61, limit: Int.max / 8))
  }

  func testElementCountOverflowIsRefusedFromTheShape() throws {
    let error = try XCTUnwrap(refusal(tensor(#"{ "dtype": "bool", "shape": [65536, 65536, 65536, 65536], "data": [true] }"#), limits: LoaderLimits(maxElementsPerTensor: .max)))
    XCTAssertEqual(error.reason, .elementCountOverflow(shape: "[65536, 65536, 65536, 65536]"))
  }

  func testFileSizeComesFromFstatBeforeReading() throws {
    // A sparse 1 GiB file: reading it would take seconds and a gigabyte.
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write("", to: "huge.json")
    let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    let error = fast { () -> FixtureError? in
      do throws(FixtureError) {
        _ = try FixtureLoader().load(contentsOf: path)
      } catch {
        return error
      }
      return nil
    }
    XCTAssertEqual(error?.reason, .fileTooLarge(bytes: 1 << 30, limit: 512 << 20))
    XCTAssertEqual(error?.description, "\(path): file is 1073741824 bytes, more than the limit of 536870912")
    // The flag's limit, in memory too.
    XCTAssertEqual(refusal(FixtureText.example, limits: LoaderLimits(maxFileBytes: 64))?.reason,
                   .fileTooLarge(bytes: FixtureText.example.utf8.count, limit: 64))
  }

  func testNestingStopsAtTheLimitWhateverTheDepth() throws {
    // Ten million brackets: the parser stops at the limit instead of recursing into them.
    let brackets = [UInt8](repeating: UInt8(ascii: "["), count: 10_000_000)
    let error = try XCTUnwrap(refusal(bytes: brackets))
    XCTAssertEqual(error.reason, .nestingTooDeep(limit: 64))
    XCTAssertEqual(error.location, .text(TextPosition(line: 1, column: 65), offset: 64))
    let flagged = try XCTUnwrap(refusal(bytes: brackets, limits: LoaderLimits(maxNestingDepth: 3)))
    XCTAssertEqual(flagged.reason, .nestingTooDeep(limit: 3))
    // Above the parser's ceiling, the ceiling holds (and is what the error names).
    let ceiling = try XCTUnwrap(refusal(bytes: brackets, limits: LoaderLimits(maxNestingDepth: 1_000_000)))
    XCTAssertEqual(ceiling.reason, .nestingTooDeep(limit: JSONParser.depthCeiling))
  }

  func testStringLengthIsCheckedBeforeTheStringIsBuilt() throws {
    // 8 MiB of text in one string, plain and with an escape at the end (the slow path).
    let long = String(repeating: "a", count: 8 << 20)
    for text in [long, long + "\\n"] {
      let document = #"{"format": "api-mapping-fixture", "recorder": {"note": ""# + text + #""}}"#
      let error = try XCTUnwrap(refusal(document, limits: LoaderLimits(maxStringLength: 1024)))
      XCTAssertEqual(error.reason, .stringTooLong(limit: 1024))
      XCTAssertEqual(error.description, "x.json: line 1, column 56: string longer than 1024 bytes")
    }
  }

  /// A file of numbers is refused at the first number over the budget, counted across the
  /// whole file (not per array), and a file at the budget loads.
  func testNumberBudgetCountsAcrossTheFile() throws {
    let zeros = String(repeating: "0,", count: 999) + "0"
    let document = #"{"format": "api-mapping-fixture", "a": [1, 2], "b": [["# + zeros + #"]]}"#
    let error = try XCTUnwrap(refusal(document, limits: LoaderLimits(maxNumbersPerFile: 500)))
    XCTAssertEqual(error.reason, .tooManyNumbers(limit: 500))
    // Numbers 1 and 2 are in "a"; the 501st is the 499th zero.
    let firstZero = document.utf8.count - zeros.utf8.count - 3
    let offset = firstZero + 2 * 498
    XCTAssertEqual(error.location, .text(TextPosition(line: 1, column: offset + 1), offset: offset))
    let parsed = try JSONParser(options: JSONParser.Options(maxNumbers: 1002)).parse(document)
    XCTAssertEqual(parsed["b"]?.arrayCount, 1)
    XCTAssertThrowsError(try JSONParser(options: JSONParser.Options(maxNumbers: 1001)).parse(document))
  }
}
