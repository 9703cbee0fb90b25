import ParityFixtures
import ParityTestSupport
import XCTest

/// The parser's doubles must be bit for bit what `Double(String)` gives, on every path.
final class JSONNumberTests: XCTestCase {
  func parsedDouble(_ literal: String) throws -> Double {
    guard case .number(let number) = try JSONParser().parse(literal) else { throw XCTSkip("not a number") }
    return number.double
  }

  func assertAgrees(_ literal: String, file: StaticString = #filePath, line: UInt = #line) {
    guard let expected = Double(literal) else { return XCTFail("Double(\(literal)) failed", file: file, line: line) }
    do {
      let actual = try parsedDouble(literal)
      XCTAssertEqual(actual.bitPattern, expected.bitPattern, "\(literal): \(actual) vs \(expected)", file: file, line: line)
    } catch {
      XCTFail("\(literal): \(error)", file: file, line: line)
    }
  }

  func testHardCases() {
    let literals = [
      "0", "-0", "0.0", "1", "-1", "0.1", "0.3", "1e22", "1e23", "9007199254740993", "9007199254740992",
      "18446744073709551615", "18446744073709551616", "9999999999999999999", "99999999999999999999",
      "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324", "2.4703282292062327e-324",
      "2.4703282292062328e-324", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
      "179769313486231580793728971405301e276", "7.2057594037927933e16", "5e-324", "1e-323",
      "0.000000000000000000000000000000000000000000001", "123456789012345678901234567890",
      "1.00000000000000011102230246251565404236316680908203125",
      "1.00000000000000011102230246251565404236316680908203124",
      "1.00000000000000011102230246251565404236316680908203126",
      "3e-45", "1.401298464324817e-45", "6.103515625e-05", "65504", "65520", "3.4028235677973366e38",
      "123e30", "4503599627370497e22", "9007199254740992e22", "9007199254740993e-22",
      "0.6764238", "2.5e-8", "-7.3786976294838206e19",
    ]
    for literal in literals { assertAgrees(literal) }
  }

  /// ~100k random literals over every path: short and long mantissas, small and huge
  /// exponents, the subnormal range and the edge of overflow.
  func testRandomLiteralsAgreeWithDoubleInit() {
    var random = SeededGenerator(seed: 0x5EED_0001)
    var mismatches: [String] = []
    for iteration in 0..<100_000 {
      let literal = Self.randomLiteral(&random, style: iteration % 6)
      guard let expected = Double(literal) else { continue }
      let actual = (try? parsedDouble(literal)) ?? .nan
      if actual.bitPattern != expected.bitPattern {
        mismatches.append(literal)
        if mismatches.count > 10 { break }
      }
    }
    XCTAssertEqual(mismatches, [])
  }

  static func randomDigits(_ count: Int, _ random: inout SeededGenerator, leadingNonzero: Bool) -> String {
    var digits = ""
    for k in 0..<count {
      let low = (k == 0 && leadingNonzero) ? 1 : 0
      digits.append(Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8(Int.random(in: low...9, using: &random)))))
    }
    return digits
  }

  static func randomLiteral(_ random: inout SeededGenerator, style: Int) -> String {
    let sign = Bool.random(using: &random) ? "-" : ""
    switch style {
    case 0:  // the recorder's float32 shape: up to 9 digits, modest exponent
      let digits = randomDigits(Int.random(in: 1...9, using: &random), &random, leadingNonzero: true)
      let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
      return sign + String(digits.prefix(1)) + "." + fraction + "e" + String(Int.random(in: -45...38, using: &random))
    case 1:  // float64 shortest: 15 to 17 digits
      let digits = randomDigits(Int.random(in: 15...17, using: &random), &random, leadingNonzero: true)
      return sign + "0." + digits + "e" + String(Int.random(in: -300...300, using: &random))
    case 2:  // subnormal range
      let digits = randomDigits(Int.random(in: 1...25, using: &random), &random, leadingNonzero: true)
      return sign + digits + "e" + String(Int.random(in: -345...(-300), using: &random))
    case 3:  // near overflow
      let digits = randomDigits(Int.random(in: 1...20, using: &random), &random, leadingNonzero: true)
      return sign + String(digits.prefix(1)) + "." + String(digits.dropFirst()) + "0e" + String(Int.random(in: 305...309, using: &random))
    case 4:  // long mantissas, around the midpoints where truncation matters
      let digits = randomDigits(Int.random(in: 19...120, using: &random), &random, leadingNonzero: true)
      let point = Int.random(in: 1...digits.count, using: &random)
      return sign + String(digits.prefix(point)) + "." + String(digits.dropFirst(point)) + "0"
    default:  // plain decimals and integers on the fast path
      let whole = randomDigits(Int.random(in: 1...12, using: &random), &random, leadingNonzero: true)
      if Bool.random(using: &random) { return sign + whole }
      return sign + whole + "." + randomDigits(Int.random(in: 1...10, using: &random), &random, leadingNonzero: false)
    }
  }
}
