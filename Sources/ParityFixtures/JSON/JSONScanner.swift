/// The cursor that walks a byte buffer for `JSONParser`: structure, whitespace and literals.
/// Strings and numbers are in `JSONScanner+String.swift` and `JSONScanner+Number.swift`.
///
/// Every read is preceded by an explicit `index < end` check: `UnsafeBufferPointer` only
/// bounds-checks in debug builds, and the parser must never trap on any input.
struct JSONScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  let end: Int
  var index = 0
  let maxDepth: Int
  let maxStringLength: Int
  let maxNumbers: Int
  /// Numbers scanned so far, against `maxNumbers`.
  var numberCount = 0
  let skipsByteOrderMark: Bool
  /// Reused for unescaped strings and for NUL-terminated copies of slow-path numbers.
  var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>, options: JSONParser.Options) {
    self.bytes = bytes
    self.end = bytes.count
    self.maxDepth = min(max(options.maxDepth, 0), JSONParser.depthCeiling)
    self.maxStringLength = max(options.maxStringLength, 0)
    self.maxNumbers = max(options.maxNumbers, 0)
    self.skipsByteOrderMark = options.skipsByteOrderMark
  }

  mutating func parseDocument() throws(JSONError) -> JSONValue {
    if skipsByteOrderMark, end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      index = 3
    }
    skipWhitespace()
    let value = try parseValue(depth: 0)
    skipWhitespace()
    if index < end {
      throw JSONError(.syntax("unexpected \(describeByte(at: index)) after the JSON value"), at: index)
    }
    return value
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while index < end {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  /// Parses the value at `index`; `depth` is how many containers enclose it.
  mutating func parseValue(depth: Int) throws(JSONError) -> JSONValue {
    guard index < end else { throw JSONError(.syntax("expected a value, found the end of the input"), at: index) }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try scanString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try scanNumber())
    case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
    case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
    case UInt8(ascii: "n"): try expectLiteral("null"); return .null
    default: throw JSONError(.syntax("expected a value, found \(describeByte(at: index))"), at: index)
    }
  }

  mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
    let start = index
    let count = literal.utf8CodeUnitCount
    let matches = literal.withUTF8Buffer { expected in
      guard end - start >= count else { return false }
      for k in 0..<count where bytes[start + k] != expected[k] { return false }
      return true
    }
    guard matches else {
      throw JSONError(.syntax("expected a value, found \(describeByte(at: start))"), at: start)
    }
    index += count
  }

  mutating func enter(depth: Int) throws(JSONError) {
    if depth > maxDepth { throw JSONError(.nestingTooDeep(limit: maxDepth), at: index) }
  }

  mutating func parseObject(depth: Int) throws(JSONError) -> JSONValue {
    try enter(depth: depth)
    index += 1  // {
    skipWhitespace()
    var members: [JSONObject.Member] = []
    if index < end, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(JSONObject(members: members))
    }
    // Small objects check keys by scanning; big ones switch to a set so a hostile object
    // with many keys costs linear time, not quadratic.
    var keySet = Set<String>()
    let linearLimit = 16
    while true {
      skipWhitespace()
      guard index < end, bytes[index] == UInt8(ascii: "\"") else {
        throw JSONError(.syntax("expected a string key, found \(describeByte(at: index))"), at: index)
      }
      let keyOffset = index
      let key = try scanString()
      if members.count < linearLimit {
        for member in members where member.key == key {
          throw JSONError(.duplicateKey(key), at: keyOffset)
        }
        if members.count == linearLimit - 1 { keySet = Set(members.lazy.map(\.key)); keySet.insert(key) }
      } else if !keySet.insert(key).inserted {
        throw JSONError(.duplicateKey(key), at: keyOffset)
      }
      skipWhitespace()
      guard index < end, bytes[index] == UInt8(ascii: ":") else {
        throw JSONError(.syntax("expected ':' after an object key, found \(describeByte(at: index))"), at: index)
      }
      index += 1
      skipWhitespace()
      let value = try parseValue(depth: depth)
      members.append(JSONObject.Member(key: key, value: value))
      skipWhitespace()
      guard index < end else {
        throw JSONError(.syntax("expected ',' or '}' in an object, found the end of the input"), at: index)
      }
      switch bytes[index] {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "}"):
        index += 1
        return .object(JSONObject(members: members))
      default:
        throw JSONError(.syntax("expected ',' or '}' in an object, found \(describeByte(at: index))"), at: index)
      }
    }
  }

  mutating func parseArray(depth: Int) throws(JSONError) -> JSONValue {
    try enter(depth: depth)
    index += 1  // [
    skipWhitespace()
    if index < end, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array([])
    }
    // Numbers go into a flat buffer until the first element that is not a number; then the
    // array becomes a general one. Fixture `data` arrays stay flat.
    var numbers: [JSONNumber] = []
    var values: [JSONValue] = []
    var allNumbers = true
    while true {
      skipWhitespace()
      guard index < end else {
        throw JSONError(.syntax("expected a value, found the end of the input"), at: index)
      }
      let byte = bytes[index]
      if allNumbers, byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
        numbers.append(try scanNumber())
      } else {
        if allNumbers {
          allNumbers = false
          values.reserveCapacity(numbers.count + 1)
          for number in numbers { values.append(.number(number)) }
          numbers = []
        }
        values.append(try parseValue(depth: depth))
      }
      skipWhitespace()
      guard index < end else {
        throw JSONError(.syntax("expected ',' or ']' in an array, found the end of the input"), at: index)
      }
      switch bytes[index] {
      case UInt8(ascii: ","):
        index += 1
      case UInt8(ascii: "]"):
        index += 1
        return allNumbers ? .numbers(numbers) : .array(values)
      default:
        throw JSONError(.syntax("expected ',' or ']' in an array, found \(describeByte(at: index))"), at: index)
      }
    }
  }

  /// "'x'", "byte 0xC3" or "the end of the input", for syntax messages.
  func describeByte(at offset: Int) -> String {
    guard offset < end else { return "the end of the input" }
    let byte = bytes[offset]
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count < 2 ? "0" : "") + hex
  }
}
