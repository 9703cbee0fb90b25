import ParityFixtures
import XCTest

final class JSONParserTests: XCTestCase {
  func parse(_ text: String, options: JSONParser.Options = .init()) throws -> JSONValue {
    try JSONParser(options: options).parse(text)
  }

  func parse(bytes: [UInt8], options: JSONParser.Options = .init()) throws -> JSONValue {
    try JSONParser(options: options).parse(bytes)
  }

  func error(_ text: String, options: JSONParser.Options = .init(), file: StaticString = #filePath, line: UInt = #line) -> JSONError? {
    error(bytes: Array(text.utf8), options: options, file: file, line: line)
  }

  func error(bytes: [UInt8], options: JSONParser.Options = .init(), file: StaticString = #filePath, line: UInt = #line) -> JSONError? {
    do {
      let value = try JSONParser(options: options).parse(bytes)
      XCTFail("parsed \(value), expected an error", file: file, line: line)
      return nil
    } catch {
      return error
    }
  }

  func testScalarsAndStructure() throws {
    XCTAssertEqual(try parse("null"), .null)
    XCTAssertEqual(try parse(" true "), .bool(true))
    XCTAssertEqual(try parse("\t\r\nfalse\n"), .bool(false))
    XCTAssertEqual(try parse(#""hi""#), .string("hi"))
    XCTAssertEqual(try parse("[]"), .array([]))
    XCTAssertEqual(try parse("{}"), .object(JSONObject()))
    let value = try parse(#"{"b": [1, "x", null], "a": {"c": [2.5, -3]}}"#)
    guard case .object(let object) = value else { return XCTFail("not an object") }
    XCTAssertEqual(object.keys, ["b", "a"], "keys keep file order")
    guard case .array(let mixed)? = object["b"] else { return XCTFail("b is not a general array") }
    XCTAssertEqual(mixed.count, 3)
    guard case .numbers(let numbers)? = value["a"]?["c"] else { return XCTFail("c is not a number array") }
    XCTAssertEqual(numbers.map(\.double), [2.5, -3])
    XCTAssertEqual(numbers.map(\.integer), [nil, -3])
  }

  func testNumberArraysStayCompactUntilANonNumber() throws {
    guard case .array(let values) = try parse("[1, 2, true, 3]") else { return XCTFail() }
    XCTAssertEqual(values, [.number(JSONNumber(double: 1, integer: 1, isIntegerLiteral: true, offset: 0)),
                            .number(JSONNumber(double: 2, integer: 2, isIntegerLiteral: true, offset: 0)),
                            .bool(true),
                            .number(JSONNumber(double: 3, integer: 3, isIntegerLiteral: true, offset: 0))])
    XCTAssertEqual(try parse("[[1, 2], [3]]").arrayCount, 2)
  }

  func testStringEscapes() throws {
    XCTAssertEqual(try parse(#""a\"b\\c\/d\b\f\n\r\t""#), .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
    XCTAssertEqual(try parse(#""\u0041\u00e9\u4e2d\u0000""#), .string("Aé中\u{0}"))
    XCTAssertEqual(try parse(#""\ud83d\ude00""#), .string("😀"), "surrogate pair")
    XCTAssertEqual(try parse(#""\uD834\uDD1E""#), .string("𝄞"))
    XCTAssertEqual(try parse("\"é中😀\""), .string("é中😀"), "raw UTF-8")
  }

  /// The scanner skips plain ASCII a word (8 bytes) at a time: a quote, backslash, control
  /// character or non-ASCII byte at every offset of strings up to 40 bytes long, alone or
  /// after an earlier one in the same word, must read exactly as the byte loop reads it.
  func testSpecialBytesAtEveryOffsetOfAWord() throws {
    let plain = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ".utf8)
    for length in 0...40 {
      let prefix = Array(plain.prefix(length))
      XCTAssertEqual(try parse(bytes: [0x22] + prefix + [0x22]), .string(String(decoding: prefix, as: UTF8.self)))
      for offset in 0..<max(length, 1) where offset <= length {
        let head = Array(prefix.prefix(offset)), tail = Array(prefix.dropFirst(offset))
        let readable: [([UInt8], String)] = [
          (Array(#"\n"#.utf8), "\n"), (Array(#"\""#.utf8), "\""), (Array("é".utf8), "é"),
          (Array("😀".utf8), "😀"), (Array(#"\u0041"#.utf8) + Array("中".utf8), "A中"),
        ]
        for (inserted, decoded) in readable {
          let expected = String(decoding: head, as: UTF8.self) + decoded + String(decoding: tail, as: UTF8.self)
          XCTAssertEqual(try parse(bytes: [0x22] + head + inserted + tail + [0x22]), .string(expected), "length \(length), offset \(offset)")
        }
        let unterminated = [0x22] + head
        XCTAssertNotNil(error(bytes: unterminated), "length \(length), offset \(offset): unterminated")
        XCTAssertEqual(error(bytes: [0x22] + head + [0xFF] + tail + [0x22])?.kind, .invalidUTF8, "length \(length), offset \(offset)")
        guard case .syntax? = error(bytes: [0x22] + head + [0x1F] + tail + [0x22])?.kind else {
          return XCTFail("control character accepted at length \(length), offset \(offset)")
        }
      }
    }
  }

  func testRejectsBadStrings() {
    XCTAssertEqual(error(#""\ud83d""#)?.kind, .invalidUTF8, "lone high surrogate")
    XCTAssertEqual(error(#""\ud83dx""#)?.kind, .invalidUTF8)
    XCTAssertEqual(error(#""\ude00""#)?.kind, .invalidUTF8, "lone low surrogate")
    XCTAssertEqual(error(#""\ud83d\u0041""#)?.kind, .invalidUTF8, "high surrogate then non-surrogate")
    for bad in [#""\x""#, #""\u12""#, #""\u12G4""#, #""abc"#, "\"a\u{1}b\"", "\"tab\there\"", #""\"#] {
      guard case .syntax? = error(bad)?.kind else { return XCTFail("accepted \(bad.debugDescription)") }
    }
    XCTAssertEqual(error(#""a\xb""#)?.kind, .syntax(#"invalid escape in a string: '\' followed by 'x'"#))
    XCTAssertEqual(error("\"a\\\u{7}\"")?.kind, .syntax(#"invalid escape in a string: '\' followed by byte 0x07"#))
  }

  func testRejectsInvalidUTF8() {
    let cases: [[UInt8]] = [
      [0x80],  // lone continuation
      [0xC0, 0x80],  // overlong NUL
      [0xC1, 0xBF],  // overlong
      [0xE0, 0x80, 0x80],  // overlong 3-byte
      [0xED, 0xA0, 0x80],  // encoded surrogate U+D800
      [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
      [0xF5, 0x80, 0x80, 0x80],
      [0xFF],
      [0xC3],  // truncated
      [0xE4, 0xB8],  // truncated
      [0xC3, 0x41],  // bad continuation
    ]
    for sequence in cases {
      let bytes = [UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")]
      XCTAssertEqual(error(bytes: bytes)?.kind, .invalidUTF8, "\(sequence)")
      XCTAssertEqual(error(bytes: bytes)?.offset, 1)
    }
    // Outside a string, a non-ASCII byte is simply not JSON.
    guard case .syntax? = error(bytes: [0xC3, 0xA9])?.kind else { return XCTFail() }
  }

  func testByteOrderMarkIsSkipped() throws {
    XCTAssertEqual(try parse(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).arrayCount, 1)
    guard case .syntax? = error(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8), options: .init(skipsByteOrderMark: false))?.kind
    else { return XCTFail() }
  }

  func testRejectsSyntaxErrors() {
    let bad = [
      "", " ", "[", "]", "{", "[1,]", "[,1]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]",
      "tru", "nul", "True", "NaN", "Infinity", "-Infinity", "[1]x", "[1] [2]", "{} {}", "\"a\" \"b\"",
      "01", "-01", "1.", ".5", "-", "+1", "1e", "1e+", "1.e5", "0x10", "--1", "1.5.2", "[1,,2]", "{\"a\":}",
      "\u{0B}1", "[1]\u{0}",
    ]
    for text in bad {
      guard case .syntax? = error(text)?.kind else { return XCTFail("accepted \(text.debugDescription)") }
    }
  }

  func testErrorOffsets() {
    XCTAssertEqual(error("[1, 2,, 3]")?.offset, 6)
    XCTAssertEqual(error("[1] x")?.offset, 4)
    XCTAssertEqual(error("{\"a\": 1, \"a\": 2}")?.offset, 9)
  }

  func testRejectsDuplicateKeys() {
    XCTAssertEqual(error(#"{"a": 1, "b": 2, "a": 3}"#)?.kind, .duplicateKey("a"))
    // Past the size where the parser switches from scanning to a set.
    let many = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    XCTAssertNoThrow(try parse("{\(many)}"))
    XCTAssertEqual(error("{\(many), \"k3\": 0}")?.kind, .duplicateKey("k3"))
    XCTAssertEqual(error("{\(many), \"k39\": 0}")?.kind, .duplicateKey("k39"))
    XCTAssertNoThrow(try parse(#"[{"a": 1}, {"a": 2}]"#), "the same key in two objects is fine")
  }

  func testNestingLimit() throws {
    let options = JSONParser.Options(maxDepth: 4)
    XCTAssertNoThrow(try parse("[[[[1]]]]", options: options))
    XCTAssertNoThrow(try parse(#"{"a":{"b":[{"c":1}]}}"#, options: options))
    XCTAssertEqual(error("[[[[[1]]]]]", options: options)?.kind, .nestingTooDeep(limit: 4))
    XCTAssertEqual(error(#"{"a":{"b":[{"c":{}}]}}"#, options: options)?.kind, .nestingTooDeep(limit: 4))
    // A very deep document fails cleanly instead of exhausting the stack.
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    XCTAssertEqual(error(deep)?.kind, .nestingTooDeep(limit: 64))
    XCTAssertEqual(error(deep, options: .init(maxDepth: .max))?.kind, .nestingTooDeep(limit: JSONParser.depthCeiling))
  }

  func testStringLengthLimit() {
    let options = JSONParser.Options(maxStringLength: 8)
    XCTAssertNoThrow(try parse(#"["12345678"]"#, options: options))
    XCTAssertEqual(error(#"["123456789"]"#, options: options)?.kind, .stringTooLong(limit: 8))
    XCTAssertEqual(error(#"{"123456789": 1}"#, options: options)?.kind, .stringTooLong(limit: 8), "keys too")
    XCTAssertEqual(error("[\"1234567\u{e9}\"]", options: options)?.kind, .stringTooLong(limit: 8), "counts UTF-8 bytes")
    // Escapes count as what they decode to.
    XCTAssertNoThrow(try parse(#"["\u0041\u0041\u0041\u0041\u0041\u0041\u0041\u0041"]"#, options: options))
  }

  func testIntegers() throws {
    func number(_ text: String) throws -> JSONNumber {
      guard case .number(let number) = try parse(text) else { throw XCTSkip("not a number") }
      return number
    }
    XCTAssertEqual(try number("9223372036854775807").integer, .max)
    XCTAssertEqual(try number("-9223372036854775808").integer, .min)
    XCTAssertNil(try number("9223372036854775808").integer)
    XCTAssertNil(try number("-9223372036854775809").integer)
    XCTAssertEqual(try number("9007199254740993").integer, 9_007_199_254_740_993, "beyond 2^53, exact")
    XCTAssertEqual(try number("9007199254740993").double, 9_007_199_254_740_992)
    XCTAssertEqual(try number("-0").integer, 0)
    XCTAssertEqual(try number("-0").double.sign, .minus)
    XCTAssertEqual(try number("-0.0").double.sign, .minus)
    XCTAssertNil(try number("1.0").integer)
    XCTAssertNil(try number("1e2").integer)
    XCTAssertTrue(try number("123").isIntegerLiteral)
    XCTAssertFalse(try number("1e2").isIntegerLiteral)
    XCTAssertEqual(try number("100000000000000000000").double, 1e20)
    XCTAssertNil(try number("100000000000000000000").integer)
    XCTAssertEqual(try number("1e400").double, .infinity)
    XCTAssertEqual(try number("-1e400").double, -.infinity)
    XCTAssertEqual(try number("1e-400").double, 0)
    XCTAssertEqual(try number("1e-99999999999999999999").double, 0)
    XCTAssertEqual(try number("0e99999999999999999999").double, 0)
  }
}
