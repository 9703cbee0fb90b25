/// Just enough unsigned big-integer arithmetic for `DecimalLiteral`: little-endian 32-bit limbs.
struct BigUInt {
  var limbs: [UInt32]

  init(_ value: UInt64) {
    limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
  }

  init(decimalDigits digits: [UInt8]) {
    limbs = [0]
    var chunk: UInt32 = 0
    var chunkScale: UInt32 = 1
    for digit in digits {
      chunk = chunk * 10 + UInt32(digit)
      chunkScale *= 10
      if chunkScale == 1_000_000_000 {
        multiply(by: chunkScale, adding: chunk)
        chunk = 0
        chunkScale = 1
      }
    }
    if chunkScale > 1 { multiply(by: chunkScale, adding: chunk) }
  }

  mutating func multiply(by factor: UInt32, adding addend: UInt32 = 0) {
    var carry = UInt64(addend)
    for k in limbs.indices {
      let product = UInt64(limbs[k]) * UInt64(factor) + carry
      limbs[k] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry != 0 { limbs.append(UInt32(carry)) }
  }

  mutating func multiply(byPowerOfFive power: Int) {
    var remaining = power
    while remaining >= 13 {
      multiply(by: 1_220_703_125)  // 5^13, the largest power of five below 2^32
      remaining -= 13
    }
    var factor: UInt32 = 1
    for _ in 0..<remaining { factor *= 5 }
    if factor > 1 { multiply(by: factor) }
  }

  mutating func shiftLeft(by bits: Int) {
    guard bits > 0 else { return }
    let whole = bits / 32
    let partial = UInt32(bits % 32)
    if partial > 0 {
      var carry: UInt32 = 0
      for k in limbs.indices {
        let limb = limbs[k]
        limbs[k] = limb << partial | carry
        carry = limb >> (32 - partial)
      }
      if carry != 0 { limbs.append(carry) }
    }
    if whole > 0 { limbs.insert(contentsOf: repeatElement(0, count: whole), at: 0) }
  }

  /// -1, 0 or 1 as `self` is less than, equal to or greater than `other`.
  func compare(_ other: BigUInt) -> Int {
    let a = limbs.lastIndex { $0 != 0 } ?? -1
    let b = other.limbs.lastIndex { $0 != 0 } ?? -1
    if a != b { return a < b ? -1 : 1 }
    var k = a
    while k >= 0 {
      if limbs[k] != other.limbs[k] { return limbs[k] < other.limbs[k] ? -1 : 1 }
      k -= 1
    }
    return 0
  }
}
