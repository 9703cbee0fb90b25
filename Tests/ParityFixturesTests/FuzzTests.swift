import ParityFixtures
import ParityTestSupport
import XCTest

/// Hostile input must be refused, never trap: random bytes, and valid fixtures with random
/// damage. Deterministic seeds, so a failure replays.
final class FuzzTests: XCTestCase {
  static let tokens: [[UInt8]] = [
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "-", "0", "1e", "e-", ".", "nan", "true", "null",
    "1e400", "-0.0", "99999999999999999999", "\"tensor\"", "\"data\"", "\"base64\"", "\"shape\"", "\"dtype\"", "\"int32\"",
    "\"bfloat16\"", "\"float16\"", "\"=\"", "\"inf\"", "[4294967296, 4294967296]", "[-1]", "\u{0}",
  ].map { Array($0.utf8) } + [[0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF], [0xFF]]

  static let seeds: [[UInt8]] = {
    let base64Case = FixtureText.caseWithTensor(#"{ "dtype": "float16", "shape": [2, 2], "base64": "ADwAPAA8ADw=" }"#, id: "b64")
    let mixedCase = FixtureText.caseWithTensor(#"{ "dtype": "bfloat16", "shape": [4], "data": [1.00390625, "nan", -0.0, 3e38] }"#, id: "mixed")
    let intCase = FixtureText.caseWithTensor(#"{ "dtype": "int64", "shape": [3], "data": [9007199254740993, -1, 0] }"#, id: "int")
    return [
      FixtureText.example,
      FixtureText.document(cases: [base64Case, mixedCase, intCase]),
    ].map { Array($0.utf8) }
  }()

  func survive(_ bytes: [UInt8], limits: LoaderLimits) {
    // Only not trapping matters; the result is either a fixture or a typed error.
    _ = try? FixtureLoader(limits: limits).load(bytes: bytes, path: "fuzz.json")
    _ = try? JSONParser().parse(bytes)
  }

  func testRandomBytes() {
    var random = SeededGenerator(seed: 0xF022_0001)
    let limits = LoaderLimits(maxElementsPerTensor: 1 << 16)
    for _ in 0..<3000 {
      let count = Int.random(in: 0...256, using: &random)
      var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
      // Mostly-ASCII inputs reach deeper into the grammar than uniform bytes do.
      if Bool.random(using: &random) {
        let alphabet = Array("{}[],:\"\\-0123456789.eE+tfnulrsa \n".utf8)
        bytes = bytes.map { alphabet[Int($0) % alphabet.count] }
      }
      survive(bytes, limits: limits)
    }
  }

  func testMutatedFixtures() {
    var random = SeededGenerator(seed: 0xF022_0002)
    let limits = LoaderLimits(maxElementsPerTensor: 1 << 16)
    var loaded = 0
    for iteration in 0..<4000 {
      var bytes = Self.seeds[iteration % Self.seeds.count]
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0:  // flip a byte
          if position < bytes.count { bytes[position] ^= UInt8.random(in: 1...255, using: &random) }
        case 1:  // delete a run
          let end = min(bytes.count, position + Int.random(in: 1...8, using: &random))
          bytes.removeSubrange(position..<end)
        case 2:  // insert a token
          bytes.insert(contentsOf: Self.tokens.randomElement(using: &random)!, at: position)
        case 3:  // replace a digit
          if position < bytes.count { bytes[position] = UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &random) }
        default:  // truncate
          bytes.removeSubrange(position...)
        }
      }
      if (try? FixtureLoader(limits: limits).load(bytes: bytes, path: "fuzz.json")) != nil { loaded += 1 }
      _ = try? JSONParser().parse(bytes)
    }
    // Some mutations (in strings or digits) leave valid fixtures: the loop reached the decoder.
    XCTAssertGreaterThan(loaded, 0)
  }
}
