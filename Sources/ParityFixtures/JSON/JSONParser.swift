/// A strict RFC 8259 parser over raw bytes.
///
/// Strict where a fixture loader must be: UTF-8 is validated, escapes (including surrogate
/// pairs) are checked, duplicate keys and trailing garbage are errors, and nesting depth,
/// string length and the count of numbers are bounded, so no input can make it trap, recurse without bound or
/// allocate without bound. Numbers are correctly rounded (bit for bit `Double(String)`).
public struct JSONParser: Sendable {
  public struct Options: Sendable, Hashable {
    /// Arrays and objects may nest this deep (the top-level container is depth 1).
    /// Values above `JSONParser.depthCeiling` are lowered to it: the parser recurses.
    public var maxDepth: Int
    /// The most UTF-8 bytes a decoded string (or object key) may have.
    public var maxStringLength: Int
    /// The most numbers the whole document may hold. Each is kept as a `JSONNumber` (32
    /// bytes) until the document is decoded, so this bounds the memory a file of `0,0,0,…`
    /// can take: about 16 times its size without it.
    public var maxNumbers: Int
    /// Skip a UTF-8 byte order mark (EF BB BF) at the start; RFC 8259 lets parsers ignore it.
    public var skipsByteOrderMark: Bool

    public init(maxDepth: Int = 64, maxStringLength: Int = 64 << 20, maxNumbers: Int = 1 << 24, skipsByteOrderMark: Bool = true) {
      self.maxDepth = maxDepth
      self.maxStringLength = maxStringLength
      self.maxNumbers = maxNumbers
      self.skipsByteOrderMark = skipsByteOrderMark
    }
  }

  /// The deepest nesting the parser will follow, whatever the options say: each level is a
  /// few stack frames, and this keeps a worst case well inside a secondary thread's stack.
  public static let depthCeiling = 512

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// Parses exactly one JSON value filling `bytes` (surrounding whitespace allowed).
  public func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONError) -> JSONValue {
    var scanner = JSONScanner(bytes: bytes, options: options)
    return try scanner.parseDocument()
  }

  public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONError) -> JSONValue {
    try parse(UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count))
  }

  public func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
    try bytes.withUnsafeBufferPointer { (buffer) throws(JSONError) -> JSONValue in try parse(buffer) }
  }

  public func parse(_ text: String) throws(JSONError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}
