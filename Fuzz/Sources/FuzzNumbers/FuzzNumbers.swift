import ParityCore
import ParityFixtures

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer entry point for the JSON number scanner: any bytes into `JSONParser`, and every
/// number it returns (a lone number, or the flat `.numbers` buffer of an array) checked
/// against the C library: `double` bit for bit against `strtod` of the same literal,
/// `integer` against `Int64(String)`, `isIntegerLiteral` against the literal's characters.
///
/// Inputs that parse as a one-element array of numbers are also loaded as float32 data,
/// checking the loader's single rounding of a literal to `Float` against `strtof`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: size == 0 ? nil : data, count: size)
  guard let value = try? JSONParser().parse(bytes) else { return 0 }
  switch value {
  case .number(let number):
    check(number, in: bytes)
  case .numbers(let numbers):
    for number in numbers { check(number, in: bytes) }
    if numbers.count == 1 { checkFloat32(numbers[0], in: bytes) }
  case .array(let elements):
    for case .number(let number) in elements { check(number, in: bytes) }
  default:
    break
  }
  return 0
}

/// The literal at the number's offset, exactly as written.
func literal(_ number: JSONNumber, in bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
  guard number.offset >= 0, number.offset < bytes.count else { finding("offset \(number.offset) outside the input") }
  var end = number.offset
  while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
  return Array(bytes[number.offset..<end])
}

func isNumberByte(_ byte: UInt8) -> Bool {
  switch byte {
  case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
    UInt8(ascii: "e"), UInt8(ascii: "E"):
    return true
  default:
    return false
  }
}

func check(_ number: JSONNumber, in bytes: UnsafeBufferPointer<UInt8>) {
  let text = literal(number, in: bytes)
  let string = String(decoding: text, as: UTF8.self)
  let expected = (text + [0]).withUnsafeBufferPointer { buffer in
    buffer.withMemoryRebound(to: CChar.self) { strtod($0.baseAddress!, nil) }
  }
  guard expected.bitPattern == number.double.bitPattern else {
    finding("\(string): double \(number.double) (\(number.double.bitPattern)), strtod \(expected) (\(expected.bitPattern))")
  }
  let integerLiteral = !text.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
  guard integerLiteral == number.isIntegerLiteral else { finding("\(string): isIntegerLiteral \(number.isIntegerLiteral)") }
  // `Int64("-0")` is 0, as the scanner's integer is; a non-integer literal has no integer.
  let integer = integerLiteral ? Int64(string) : nil
  guard integer == number.integer else { finding("\(string): integer \(String(describing: number.integer)), Int64(String) \(String(describing: integer))") }
}

func checkFloat32(_ number: JSONNumber, in bytes: UnsafeBufferPointer<UInt8>) {
  let text = literal(number, in: bytes)
  let string = String(decoding: text, as: UTF8.self)
  let document = """
    {"format": "api-mapping-fixture", "version": 1, "api": "A", "frameworks": {}, "cases": [
    {"id": "c", "tensors": {"x": {"dtype": "float32", "shape": [1], "data": [\(string)]}}, "calls": {}}]}
    """
  let expected = (text + [0]).withUnsafeBufferPointer { buffer in
    buffer.withMemoryRebound(to: CChar.self) { strtof($0.baseAddress!, nil) }
  }
  do {
    let fixture = try FixtureLoader().load(bytes: Array(document.utf8), path: "fuzz/number.json")
    guard case .float32(let values) = fixture.cases[0].tensors[0].tensor.storage, values.count == 1 else {
      finding("\(string): not one float32")
    }
    guard values[0].bitPattern == expected.bitPattern else {
      finding("\(string): float32 \(values[0]) (\(values[0].bitPattern)), strtof \(expected) (\(expected.bitPattern))")
    }
  } catch {
    // Refused only when the literal overflows float32, which strtof reports as infinity.
    guard case .valueDoesNotFit = error.reason, expected.isInfinite else { finding("\(string): refused: \(error)") }
  }
}

/// A broken promise: `fatalError` prints it and traps, which libFuzzer records as a crash.
func finding(_ message: String) -> Never {
  fatalError("FuzzNumbers finding: \(message)")
}
