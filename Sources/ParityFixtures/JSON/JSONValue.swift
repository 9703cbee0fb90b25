/// A parsed JSON value.
///
/// An array of numbers only is kept as `.numbers`, one flat buffer of `JSONNumber`s, so a
/// tensor's `data` of a million elements is one allocation rather than a million enum boxes.
/// Every other array, and the empty one, is `.array`.
public enum JSONValue: Sendable {
  case null
  case bool(Bool)
  case number(JSONNumber)
  case string(String)
  /// An array that is empty or has at least one element that is not a number.
  case array([JSONValue])
  /// A non-empty array whose elements are all numbers.
  case numbers([JSONNumber])
  case object(JSONObject)

  /// The JSON type of a value, for messages such as "expected a string, found an array".
  public enum Kind: String, Sendable, Hashable, CustomStringConvertible {
    case null, boolean, number, string, array, object

    /// The type with an article: "a string", "an array".
    public var description: String {
      switch self {
      case .null: return "null"
      case .boolean: return "a boolean"
      case .number: return "a number"
      case .string: return "a string"
      case .array: return "an array"
      case .object: return "an object"
      }
    }
  }

  public var kind: Kind {
    switch self {
    case .null: return .null
    case .bool: return .boolean
    case .number: return .number
    case .string: return .string
    case .array, .numbers: return .array
    case .object: return .object
    }
  }

  /// The member named `key` when this is an object.
  public subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }

  /// The elements when this is an array of either form. `.numbers` are boxed one by one,
  /// so this is for small arrays; switch on the cases to read large ones.
  public var arrayElements: [JSONValue]? {
    switch self {
    case .array(let elements): return elements
    case .numbers(let numbers): return numbers.map { .number($0) }
    default: return nil
    }
  }

  /// The number of elements when this is an array of either form.
  public var arrayCount: Int? {
    switch self {
    case .array(let elements): return elements.count
    case .numbers(let numbers): return numbers.count
    default: return nil
    }
  }
}

extension JSONValue: Equatable {
  /// Structural equality; the two array forms of the same elements are equal.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.object(let a), .object(let b)): return a == b
    case (.numbers(let a), .numbers(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.array(let a), .numbers(let b)), (.numbers(let b), .array(let a)):
      return a.count == b.count && zip(a, b).allSatisfy { $0 == .number($1) }
    default: return false
    }
  }
}
