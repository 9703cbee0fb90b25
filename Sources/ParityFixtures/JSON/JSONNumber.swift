/// A JSON number as parsed: its correctly rounded `Double`, its exact `Int64` when the
/// literal is an integer that fits, and where the literal starts in the parsed bytes.
///
/// The offset lets a consumer re-read the literal exactly (to quote it in an error, or to
/// round it once to a type narrower than `Double`) without the parser keeping its text.
@frozen
public struct JSONNumber: Sendable {
  /// The value rounded to nearest, ties to even: bit for bit what `Double(String)` gives.
  /// Infinite when a finite literal is too large for `Double`.
  public var double: Double
  @usableFromInline var _integer: Int64
  @usableFromInline var _flags: UInt8
  /// The byte offset of the literal's first character (`-` or a digit).
  public var offset: Int

  @usableFromInline static var integerLiteralFlag: UInt8 { 1 }
  @usableFromInline static var fitsInt64Flag: UInt8 { 2 }

  /// - Parameters:
  ///   - integer: the exact value, when the literal is an integer that fits `Int64`.
  ///   - isIntegerLiteral: the literal has neither a fraction nor an exponent.
  @inlinable
  public init(double: Double, integer: Int64?, isIntegerLiteral: Bool, offset: Int) {
    self.double = double
    self._integer = integer ?? 0
    self._flags = (isIntegerLiteral ? Self.integerLiteralFlag : 0) | (integer != nil ? Self.fitsInt64Flag : 0)
    self.offset = offset
  }

  /// The exact value when the literal is an integer (no fraction, no exponent) that fits `Int64`.
  @inlinable
  public var integer: Int64? {
    _flags & Self.fitsInt64Flag != 0 ? _integer : nil
  }

  /// Whether the literal has neither a fraction nor an exponent (`3`, `-0`, but not `3.0` or `3e0`).
  @inlinable
  public var isIntegerLiteral: Bool { _flags & Self.integerLiteralFlag != 0 }
}

extension JSONNumber: Equatable, Hashable {
  /// Equal when they denote the same value the same way; where they sit does not matter.
  @inlinable
  public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
    lhs.double.bitPattern == rhs.double.bitPattern && lhs.integer == rhs.integer
      && lhs.isIntegerLiteral == rhs.isIntegerLiteral
  }

  @inlinable
  public func hash(into hasher: inout Hasher) {
    hasher.combine(double.bitPattern)
    hasher.combine(integer)
  }
}

extension JSONNumber: CustomStringConvertible {
  public var description: String {
    if let integer { return String(integer) }
    return double.description
  }
}
