/// Exact comparison of a JSON number literal with a `Double`.
///
/// Rounding a literal to `Double` and then to a narrower type can round twice wrongly only
/// when the `Double` lands exactly on a tie of the narrower type; then the literal's own
/// digits decide. This is that decision, done in exact integer arithmetic.
enum DecimalLiteral {
  /// Significant digits beyond this many cannot change a comparison except as "a bit more":
  /// every finite double's exact decimal expansion has at most 767 significant digits.
  static let keptDigits = 800

  /// The sign of |literal| - |value|: -1, 0 or 1. `offset` is where a literal that the
  /// parser accepted starts in `bytes`; `value` must be finite.
  static func compareMagnitude(literalAt offset: Int, in bytes: UnsafeBufferPointer<UInt8>, with value: Double) -> Int {
    var i = max(offset, 0)
    let end = bytes.count
    if i < end, bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits: [UInt8] = []
    var exponent = 0  // value = digits * 10^exponent (+ dropped digits)
    var droppedNonzero = false
    var inFraction = false
    while i < end {
      let byte = bytes[i]
      if byte == UInt8(ascii: ".") {
        inFraction = true
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let digit = byte - UInt8(ascii: "0")
        if digits.isEmpty && digit == 0 {
          if inFraction { exponent -= 1 }
        } else if digits.count < keptDigits {
          digits.append(digit)
          if inFraction { exponent -= 1 }
        } else {
          if digit != 0 { droppedNonzero = true }
          if !inFraction { exponent += 1 }
        }
      } else {
        break
      }
      i += 1
    }
    if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      var negative = false
      if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        negative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      var explicit = 0
      while i < end, bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") {
        if explicit < 100_000_000 { explicit = explicit * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
        i += 1
      }
      exponent += negative ? -explicit : explicit
    }
    while let last = digits.last, last == 0 {
      digits.removeLast()
      exponent += 1
    }

    let magnitude = abs(value)
    if digits.isEmpty { return magnitude == 0 ? 0 : -1 }
    if magnitude == 0 { return 1 }
    // The literal lies in [10^(scale-1), 10^scale); doubles lie in [4.9e-324, 1.8e308].
    let scale = digits.count + exponent
    if scale > 330 { return 1 }
    if scale < -345 { return -1 }

    // magnitude = significand * 2^binaryExponent exactly.
    let bits = magnitude.bitPattern
    let biased = Int(bits >> 52)
    let fraction = bits & ((1 << 52) - 1)
    let significand = biased == 0 ? fraction : fraction | (1 << 52)
    let binaryExponent = biased == 0 ? -1074 : biased - 1075

    // Compare digits * 5^e * 2^e with significand * 2^b, moving each factor to the side
    // where its exponent is non-negative.
    var lhs = BigUInt(decimalDigits: digits)
    var rhs = BigUInt(significand)
    if exponent >= 0 { lhs.multiply(byPowerOfFive: exponent) } else { rhs.multiply(byPowerOfFive: -exponent) }
    let twos = exponent - binaryExponent
    if twos >= 0 { lhs.shiftLeft(by: twos) } else { rhs.shiftLeft(by: -twos) }
    let order = lhs.compare(rhs)
    return order == 0 && droppedNonzero ? 1 : order
  }
}
