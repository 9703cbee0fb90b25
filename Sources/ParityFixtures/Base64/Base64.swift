/// A strict decoder for standard base64 (RFC 4648 section 4), as Python's `b64encode` writes it.
///
/// Strict means canonical: the standard alphabet only, no whitespace or line breaks, the
/// length a multiple of four with `=` padding, padding only at the end, and the unused low
/// bits of the last symbol zero. Each byte sequence then has exactly one accepted encoding.
public enum Base64 {
  /// 0...63 for each alphabet byte, 0xFF for everything else (including `=`).
  @usableFromInline
  static let decodingTable: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
    return table
  }()

  /// The number of bytes `encoded` decodes to, from its length and padding alone, so a
  /// caller can check a size before allocating. Does not look at the other symbols.
  public static func decodedCount(of encoded: UnsafeBufferPointer<UInt8>) throws(Base64Error) -> Int {
    let count = encoded.count
    guard count % 4 == 0 else { throw Base64Error(.length(count), at: count) }
    guard count > 0 else { return 0 }
    var padding = 0
    if encoded[count - 1] == UInt8(ascii: "=") {
      padding = encoded[count - 2] == UInt8(ascii: "=") ? 2 : 1
    }
    return count / 4 * 3 - padding
  }

  /// Decodes `encoded` into `output`, which must be exactly `decodedCount(of:)` bytes.
  public static func decode(_ encoded: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableRawBufferPointer) throws(Base64Error) {
    let outputCount = try decodedCount(of: encoded)
    guard output.count == outputCount else {
      throw Base64Error(.outputSize(expected: outputCount, actual: output.count), at: 0)
    }
    guard outputCount > 0 else { return }
    try decodingTable.withUnsafeBufferPointer { (table) throws(Base64Error) in
      let quads = encoded.count / 4
      var o = 0
      // All quads but the last are four symbols, no padding.
      for q in 0..<(quads - 1) {
        let i = q * 4
        let a = table[Int(encoded[i])], b = table[Int(encoded[i + 1])]
        let c = table[Int(encoded[i + 2])], d = table[Int(encoded[i + 3])]
        if (a | b | c | d) & 0xC0 != 0 {
          throw Base64Error(.invalidSymbol(firstInvalid(encoded, from: i, table: table)), at: firstInvalidIndex(encoded, from: i, table: table))
        }
        output[o] = a << 2 | b >> 4
        output[o + 1] = b << 4 | c >> 2
        output[o + 2] = c << 6 | d
        o += 3
      }
      let i = (quads - 1) * 4
      let a = table[Int(encoded[i])], b = table[Int(encoded[i + 1])]
      let thirdIsPad = encoded[i + 2] == UInt8(ascii: "=")
      let fourthIsPad = encoded[i + 3] == UInt8(ascii: "=")
      if (a | b) & 0xC0 != 0 {
        throw Base64Error(.invalidSymbol(firstInvalid(encoded, from: i, table: table)), at: firstInvalidIndex(encoded, from: i, table: table))
      }
      output[o] = a << 2 | b >> 4
      if thirdIsPad {
        // "xx==": one byte; `=` then `x` is padding in the wrong place.
        guard fourthIsPad else { throw Base64Error(.misplacedPadding, at: i + 2) }
        guard b & 0x0F == 0 else { throw Base64Error(.nonzeroPaddingBits, at: i + 1) }
        return
      }
      let c = table[Int(encoded[i + 2])]
      if c & 0xC0 != 0 { throw Base64Error(.invalidSymbol(encoded[i + 2]), at: i + 2) }
      output[o + 1] = b << 4 | c >> 2
      if fourthIsPad {
        guard c & 0x03 == 0 else { throw Base64Error(.nonzeroPaddingBits, at: i + 2) }
        return
      }
      let d = table[Int(encoded[i + 3])]
      if d & 0xC0 != 0 { throw Base64Error(.invalidSymbol(encoded[i + 3]), at: i + 3) }
      output[o + 2] = c << 6 | d
    }
  }

  /// Checks `encoded` exactly as `decode` does, without writing anything: for a caller that
  /// found the decoded size wrong and must first tell whether the text is base64 at all.
  public static func validate(_ encoded: UnsafeBufferPointer<UInt8>) throws(Base64Error) {
    _ = try decodedCount(of: encoded)
    var scratch: (UInt8, UInt8, UInt8) = (0, 0, 0)
    var start = 0
    while start < encoded.count {
      let quad = UnsafeBufferPointer(rebasing: encoded[start..<(start + 4)])
      do throws(Base64Error) {
        // Padding may only end the text; inside it, `=` is a symbol outside the alphabet.
        if start + 4 < encoded.count, quad.contains(UInt8(ascii: "=")),
          let bad = quad.firstIndex(where: { decodingTable[Int($0)] == 0xFF })
        {
          throw Base64Error(.invalidSymbol(quad[bad]), at: bad)
        }
        let count = try decodedCount(of: quad)
        try withUnsafeMutableBytes(of: &scratch) { (raw) throws(Base64Error) in
          try decode(quad, into: UnsafeMutableRawBufferPointer(rebasing: raw[0..<count]))
        }
      } catch {
        throw Base64Error(error.kind, at: start + error.offset)
      }
      start += 4
    }
  }

  /// Decodes `encoded` into a new byte array.
  public static func decode(_ encoded: UnsafeBufferPointer<UInt8>) throws(Base64Error) -> [UInt8] {
    let count = try decodedCount(of: encoded)
    var failure: Base64Error?
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      do throws(Base64Error) {
        try decode(encoded, into: UnsafeMutableRawBufferPointer(buffer))
        initialized = count
      } catch {
        failure = error
        initialized = 0
      }
    }
    if let failure { throw failure }
    return bytes
  }

  public static func decode(_ encoded: String) throws(Base64Error) -> [UInt8] {
    var text = encoded
    var result: Result<[UInt8], Base64Error> = .success([])
    text.withUTF8 { buffer in
      result = Result { () throws(Base64Error) -> [UInt8] in try decode(buffer) }
    }
    return try result.get()
  }

  static func firstInvalidIndex(_ encoded: UnsafeBufferPointer<UInt8>, from start: Int, table: UnsafeBufferPointer<UInt8>) -> Int {
    var i = start
    while i < encoded.count, table[Int(encoded[i])] != 0xFF { i += 1 }
    return i
  }

  static func firstInvalid(_ encoded: UnsafeBufferPointer<UInt8>, from start: Int, table: UnsafeBufferPointer<UInt8>) -> UInt8 {
    let i = firstInvalidIndex(encoded, from: start, table: table)
    return i < encoded.count ? encoded[i] : 0
  }
}
