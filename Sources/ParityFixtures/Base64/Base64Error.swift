/// Why a base64 text was refused, and at which character.
public struct Base64Error: Error, Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// The length is not a multiple of four (padding is required).
    case length(Int)
    /// A byte outside the standard alphabet (including whitespace, or `=` before the end).
    case invalidSymbol(UInt8)
    /// `=` followed by a symbol in the final quad.
    case misplacedPadding
    /// The last symbol before the padding carries bits that the bytes do not use.
    case nonzeroPaddingBits
    /// The caller's output buffer does not have the decoded size.
    case outputSize(expected: Int, actual: Int)
  }

  public var kind: Kind
  /// The index of the offending character in the encoded text.
  public var offset: Int

  public init(_ kind: Kind, at offset: Int) {
    self.kind = kind
    self.offset = offset
  }
}

extension Base64Error: CustomStringConvertible {
  public var description: String {
    switch kind {
    case .length(let count): return "length \(count) is not a multiple of 4"
    case .invalidSymbol(let byte):
      let shown = byte >= 0x21 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte \(byte)"
      return "\(shown) at character \(offset) is not in the base64 alphabet"
    case .misplacedPadding: return "padding at character \(offset) is followed by a symbol"
    case .nonzeroPaddingBits: return "character \(offset) has non-zero bits past the end of the data"
    case .outputSize(let expected, let actual): return "decodes to \(expected) bytes, not \(actual)"
    }
  }
}
