/// Why and where a byte buffer is not acceptable JSON.
public struct JSONError: Error, Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// The text breaks RFC 8259's grammar; the payload says what was expected.
    case syntax(String)
    /// A string holds bytes that are not well-formed UTF-8 (or an unpaired surrogate escape).
    case invalidUTF8
    /// An object names the same member twice.
    case duplicateKey(String)
    /// Arrays and objects nest deeper than the limit.
    case nestingTooDeep(limit: Int)
    /// A string's decoded UTF-8 is longer than the limit.
    case stringTooLong(limit: Int)
    /// The document holds more numbers than the limit (each is kept as a `JSONNumber`).
    case tooManyNumbers(limit: Int)
  }

  public var kind: Kind
  /// The byte offset of the offending character from the start of the buffer.
  public var offset: Int

  public init(_ kind: Kind, at offset: Int) {
    self.kind = kind
    self.offset = offset
  }
}

extension JSONError.Kind: CustomStringConvertible {
  public var description: String {
    switch self {
    case .syntax(let message): return message
    case .invalidUTF8: return "invalid UTF-8 in a string"
    case .duplicateKey(let key): return "duplicate key \(JSONText.quoted(key))"
    case .nestingTooDeep(let limit): return "arrays and objects nest deeper than \(limit) levels"
    case .stringTooLong(let limit): return "string longer than \(limit) bytes"
    case .tooManyNumbers(let limit): return "more than \(limit) numbers in the document"
    }
  }
}

extension JSONError: CustomStringConvertible {
  public var description: String { "byte \(offset): \(kind)" }
}
