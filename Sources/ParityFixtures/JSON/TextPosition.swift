/// A 1-based line and column in a UTF-8 text, for error messages a person can follow.
public struct TextPosition: Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  /// Counts Unicode scalars, not bytes, so it matches what an editor shows.
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The position of byte `offset` in `bytes` (clamped to the buffer). Lines end at `\n`.
  public init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var column = 1
    var i = 0
    while i < end {
      let byte = bytes[i]
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        // Continuation bytes belong to the scalar their lead byte already counted.
        column += 1
      }
      i += 1
    }
    self.init(line: line, column: column)
  }

  public var description: String { "line \(line), column \(column)" }
}
