import ParityFixtures
import ParityTestSupport
import XCTest

final class Base64Tests: XCTestCase {
  func testDecodesRFC4648Vectors() throws {
    let vectors = ["": "", "Zg==": "f", "Zm8=": "fo", "Zm9v": "foo", "Zm9vYg==": "foob", "Zm9vYmE=": "fooba", "Zm9vYmFy": "foobar"]
    for (encoded, decoded) in vectors {
      XCTAssertEqual(try Base64.decode(encoded), Array(decoded.utf8), encoded)
    }
    XCTAssertEqual(try Base64.decode("+/+/"), [0xFB, 0xFF, 0xBF])
    XCTAssertEqual(try Base64.decode("AAAAAAAA8D8="), [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
  }

  func testAllByteValuesRoundTrip() throws {
    let bytes = (0..<256).map(UInt8.init)
    // Python: base64.b64encode(bytes(range(256)))
    let encoded = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w=="
    XCTAssertEqual(try Base64.decode(encoded), bytes)
  }

  func testRejections() {
    func kind(_ text: String) -> Base64Error.Kind? {
      do {
        _ = try Base64.decode(text)
        return nil
      } catch {
        return error.kind
      }
    }
    XCTAssertEqual(kind("Zg"), .length(2), "padding is required")
    XCTAssertEqual(kind("Zm9vY"), .length(5))
    XCTAssertEqual(kind("Zm9v\nYmFy"), .length(9))
    XCTAssertEqual(kind("Zm9 "), .invalidSymbol(0x20), "no whitespace")
    XCTAssertEqual(kind("Zm9v YmE"), .invalidSymbol(0x20))
    XCTAssertEqual(kind("Zm-_"), .invalidSymbol(UInt8(ascii: "-")), "not the URL alphabet")
    XCTAssertEqual(kind("Zg==Zg=="), .invalidSymbol(UInt8(ascii: "=")), "padding only at the end")
    XCTAssertEqual(kind("Z==="), .invalidSymbol(UInt8(ascii: "=")))
    XCTAssertEqual(kind("===="), .invalidSymbol(UInt8(ascii: "=")))
    XCTAssertEqual(kind("Zm=v"), .misplacedPadding)
    XCTAssertEqual(kind("Zh=="), .nonzeroPaddingBits, "non-canonical: unused bits set")
    XCTAssertEqual(kind("Zm9="), .nonzeroPaddingBits)
    XCTAssertEqual(kind("Zm8é"), .length(5))
  }

  /// `validate` (used when a byte count is wrong, to report bad text as bad text first)
  /// accepts and refuses exactly what `decode` does, with the same error and offset.
  func testValidateAgreesWithDecode() {
    func outcomes(_ text: [UInt8]) -> (validate: Base64Error?, decode: Base64Error?) {
      text.withUnsafeBufferPointer { buffer in
        var validateError: Base64Error?
        var decodeError: Base64Error?
        do throws(Base64Error) { try Base64.validate(buffer) } catch { validateError = error }
        do throws(Base64Error) { _ = try Base64.decode(buffer) } catch { decodeError = error }
        return (validateError, decodeError)
      }
    }
    var texts = ["", "Zg==", "Zm9vYmFy", "Zg==Zg==", "Z===", "====", "Zm=v", "Zh==", "Zm9=", "AACAPw==AACAPw==", "AAC PwAAgD8=", "AACAPwAA=AAA"]
      .map { Array($0.utf8) }
    var random = SeededGenerator(seed: 0xB64)
    let alphabet = Array("AQgwZz09+/=- ".utf8)
    for _ in 0..<20_000 {
      let length = 4 * Int.random(in: 0...4, using: &random) + (Int.random(in: 0..<8, using: &random) == 0 ? 1 : 0)
      texts.append((0..<length).map { _ in alphabet.randomElement(using: &random)! })
    }
    for text in texts {
      let (validate, decode) = outcomes(text)
      XCTAssertEqual(validate, decode, String(decoding: text, as: UTF8.self))
    }
  }

  func testDecodedCountComesFromLengthAlone() throws {
    func count(_ text: String) throws -> Int {
      try Array(text.utf8).withUnsafeBufferPointer { (buffer) throws(Base64Error) -> Int in try Base64.decodedCount(of: buffer) }
    }
    XCTAssertEqual(try count(""), 0)
    XCTAssertEqual(try count("AAAA"), 3)
    XCTAssertEqual(try count("AAA="), 2)
    XCTAssertEqual(try count("AA=="), 1)
    XCTAssertThrowsError(try count("AAAAA"))
  }
}
