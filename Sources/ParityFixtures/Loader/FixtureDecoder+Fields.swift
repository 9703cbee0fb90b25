/// Typed access to fields, each failing with the path of the value it looked at.
extension FixtureDecoder {
  func required(_ name: String, in object: JSONObject, at path: JSONPath) throws(FixtureError) -> JSONValue {
    guard let value = object[name] else { throw failure(.missingField(name), at: path) }
    return value
  }

  func optionalString(_ name: String, in object: JSONObject, at path: JSONPath) throws(FixtureError) -> String? {
    guard let value = object[name] else { return nil }
    return try string(value, at: path.appending(name))
  }

  func string(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> String {
    guard case .string(let text) = value else { throw failure(.wrongType(expected: "a string", found: value.kind), at: path) }
    return text
  }

  func object(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> JSONObject {
    guard case .object(let object) = value else { throw failure(.wrongType(expected: "an object", found: value.kind), at: path) }
    return object
  }

  /// The elements of a small array (cases, tags, warnings).
  func array(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> [JSONValue] {
    guard let elements = value.arrayElements else { throw failure(.wrongType(expected: "an array", found: value.kind), at: path) }
    return elements
  }

  func strings(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> [String] {
    let elements = try array(value, at: path)
    var result: [String] = []
    result.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      result.append(try string(element, at: path.appending(index)))
    }
    return result
  }

  /// A number exactly as the file wrote it.
  func literalText(_ number: JSONNumber) -> String {
    var end = max(number.offset, 0)
    while end < bytes.count {
      switch bytes[end] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
        UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
        end += 1
      default:
        return literal(from: number.offset, to: end, fallback: number)
      }
    }
    return literal(from: number.offset, to: end, fallback: number)
  }

  private func literal(from start: Int, to end: Int, fallback: JSONNumber) -> String {
    guard start >= 0, start < end, end <= bytes.count else { return fallback.description }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// A value as an error message quotes it: numbers as written, strings quoted, and
  /// containers by type, each cut short so a hostile value cannot flood the message.
  func quote(_ value: JSONValue) -> String {
    switch value {
    case .number(let number):
      let text = literalText(number)
      return text.count > 40 ? String(text.prefix(40)) + "…" : text
    case .string(let text): return JSONText.quoted(text, limit: 40)
    case .bool(let flag): return flag ? "true" : "false"
    case .null: return "null"
    case .array, .numbers, .object: return value.kind.description
    }
  }
}
