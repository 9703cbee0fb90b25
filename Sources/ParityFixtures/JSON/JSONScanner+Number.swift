#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONScanner {
  /// The exactly representable powers of ten, for Clinger's fast path.
  static let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// Scans the number literal at `index` (on its `-` or first digit).
  ///
  /// The grammar is checked byte by byte while up to 19 significant digits are gathered into
  /// a `UInt64`. When those digits are all there are, the mantissa is at most 2^53 and the
  /// power of ten is at most 10^22, both operands are exact doubles and one IEEE multiply or
  /// divide rounds correctly (Clinger, 1990). Everything else goes to `strtod`, which is
  /// correctly rounded too, so the result never depends on which path ran.
  mutating func scanNumber() throws(JSONError) -> JSONNumber {
    let start = index
    guard numberCount < maxNumbers else { throw JSONError(.tooManyNumbers(limit: maxNumbers), at: start) }
    numberCount += 1
    var i = index
    let negative = bytes[i] == UInt8(ascii: "-")
    if negative { i += 1 }

    var mantissa: UInt64 = 0
    var significantDigits = 0
    // The value is mantissa * 10^exponent, give or take the digits dropped past 19.
    var exponent = 0
    var droppedNonzero = false
    var isIntegerLiteral = true

    guard i < end, isDigit(bytes[i]) else {
      throw JSONError(.syntax("expected a digit in a number, found \(describeByte(at: i))"), at: i)
    }
    if bytes[i] == UInt8(ascii: "0") {
      i += 1
      if i < end, isDigit(bytes[i]) {
        throw JSONError(.syntax("a number may not have a leading zero"), at: start)
      }
    } else {
      while i < end, isDigit(bytes[i]) {
        let digit = bytes[i] &- UInt8(ascii: "0")
        if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(digit)
          significantDigits += 1
        } else {
          if digit != 0 { droppedNonzero = true }
          exponent += 1
        }
        i += 1
      }
    }
    if i < end, bytes[i] == UInt8(ascii: ".") {
      isIntegerLiteral = false
      i += 1
      guard i < end, isDigit(bytes[i]) else {
        throw JSONError(.syntax("expected a digit after the decimal point, found \(describeByte(at: i))"), at: i)
      }
      while i < end, isDigit(bytes[i]) {
        let digit = bytes[i] &- UInt8(ascii: "0")
        if significantDigits == 0 && digit == 0 {
          exponent -= 1  // a leading zero of the fraction only scales
        } else if significantDigits < 19 {
          mantissa = mantissa &* 10 &+ UInt64(digit)
          significantDigits += 1
          exponent -= 1
        } else if digit != 0 {
          droppedNonzero = true
        }
        i += 1
      }
    }
    if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      isIntegerLiteral = false
      i += 1
      var exponentNegative = false
      if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        exponentNegative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      guard i < end, isDigit(bytes[i]) else {
        throw JSONError(.syntax("expected a digit in an exponent, found \(describeByte(at: i))"), at: i)
      }
      // Saturate: beyond 10^±100_000_000 every double is 0 or infinity anyway, and the
      // bound keeps `exponent` far from overflow whatever the literal's length.
      var explicit = 0
      while i < end, isDigit(bytes[i]) {
        if explicit < 100_000_000 { explicit = explicit * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
        i += 1
      }
      exponent += exponentNegative ? -explicit : explicit
    }
    index = i

    let integer = isIntegerLiteral && !droppedNonzero
      ? Self.exactInteger(mantissa: mantissa, exponent: exponent, negative: negative) : nil
    let double: Double
    if mantissa == 0 {
      double = negative ? -0.0 : 0.0
    } else if let fast = Self.clingerFastPath(mantissa: mantissa, exponent: exponent, exact: !droppedNonzero) {
      double = negative ? -fast : fast
    } else {
      double = try slowPathDouble(start: start, end: i)
    }
    return JSONNumber(double: double, integer: integer, isIntegerLiteral: isIntegerLiteral, offset: start)
  }

  @inline(__always)
  func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  /// mantissa * 10^exponent as an `Int64`, when it is one.
  static func exactInteger(mantissa: UInt64, exponent: Int, negative: Bool) -> Int64? {
    guard exponent >= 0, exponent <= 19 else { return mantissa == 0 ? 0 : nil }
    var magnitude = mantissa
    for _ in 0..<exponent {
      let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      magnitude = product
    }
    if negative {
      if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
      return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }

  /// The correctly rounded magnitude when one exact operation gives it, else `nil`.
  static func clingerFastPath(mantissa: UInt64, exponent: Int, exact: Bool) -> Double? {
    guard exact else { return nil }
    // An integer of up to 19 digits: the conversion itself rounds once, to nearest even.
    if exponent == 0 { return Double(mantissa) }
    guard mantissa <= 1 << 53 else { return nil }
    if exponent > 0 && exponent <= 22 { return Double(mantissa) * exactPowersOfTen[exponent] }
    if exponent < 0 && exponent >= -22 { return Double(mantissa) / exactPowersOfTen[-exponent] }
    // 123e30: move powers of ten into the mantissa while it stays exact.
    if exponent > 22 && exponent <= 22 + 16 {
      var shifted = mantissa
      for _ in 0..<(exponent - 22) {
        let (product, overflow) = shifted.multipliedReportingOverflow(by: 10)
        if overflow || product > 1 << 53 { return nil }
        shifted = product
      }
      return Double(shifted) * 1e22
    }
    return nil
  }

  /// `strtod` on a NUL-terminated copy of the literal. It is correctly rounded (glibc, BSD
  /// libc), but it reads the locale's radix character; should a process have set one other
  /// than '.', the copy would not be consumed whole, and Swift's own locale-independent
  /// parser is used instead.
  mutating func slowPathDouble(start: Int, end literalEnd: Int) throws(JSONError) -> Double {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<literalEnd]))
    scratch.append(0)
    let length = literalEnd - start
    let parsed: Double? = scratch.withUnsafeBufferPointer { (buffer) -> Double? in
      guard let base = buffer.baseAddress else { return nil }
      return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { (text) -> Double? in
        var stop: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(text, &stop)
        guard let stop, UnsafePointer(stop) - text == length else { return nil }
        return value
      }
    }
    if let parsed { return parsed }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<literalEnd]), as: UTF8.self)
    guard let value = Double(text) else {
      throw JSONError(.syntax("number literal cannot be converted"), at: start)
    }
    return value
  }
}
