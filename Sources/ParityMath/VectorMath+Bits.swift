extension VectorMath {
  // Reinterpretations between float vectors and integer vectors of the same lane width.
  // `unsafeBitCast` between same-sized SIMD types compiles to nothing. Double lanes go to
  // unsigned integers: SSE2 has logical but no arithmetic 64-bit shifts.

  @inlinable @inline(__always)
  static func bits(_ v: SIMD8<Float>) -> SIMD8<Int32> { unsafeBitCast(v, to: SIMD8<Int32>.self) }

  @inlinable @inline(__always)
  static func float(_ v: SIMD8<Int32>) -> SIMD8<Float> { unsafeBitCast(v, to: SIMD8<Float>.self) }

  @inlinable @inline(__always)
  static func bits(_ v: SIMD4<Double>) -> SIMD4<UInt64> { unsafeBitCast(v, to: SIMD4<UInt64>.self) }

  @inlinable @inline(__always)
  static func double(_ v: SIMD4<UInt64>) -> SIMD4<Double> { unsafeBitCast(v, to: SIMD4<Double>.self) }

  @inlinable @inline(__always)
  static func bits(_ v: SIMD8<Double>) -> SIMD8<UInt64> { unsafeBitCast(v, to: SIMD8<UInt64>.self) }

  @inlinable @inline(__always)
  static func double(_ v: SIMD8<UInt64>) -> SIMD8<Double> { unsafeBitCast(v, to: SIMD8<Double>.self) }
}

extension VectorMath {
  // Lane selects, `mask ? a : b`, as LLVM `select`s: with AVX they become one `vblendv` (or
  // a `vmin`/`vmax` for a clamp against a constant); SSE2 has neither and gets an and/andn/or
  // blend. Clamps are written `select(t .> hi, hi, t)`, so NaN compares false and passes.

  @inlinable @inline(__always)
  static func select(_ mask: SIMDMask<SIMD8<Int32>>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    b.replacing(with: a, where: mask)
  }

  @inlinable @inline(__always)
  static func select(_ mask: SIMDMask<SIMD4<Int64>>, _ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
    b.replacing(with: a, where: mask)
  }

  @inlinable @inline(__always)
  static func select(_ mask: SIMDMask<SIMD8<Int64>>, _ a: SIMD8<Double>, _ b: SIMD8<Double>) -> SIMD8<Double> {
    b.replacing(with: a, where: mask)
  }
}

extension VectorMath {
  // Conversions between `Float` and `Double` lanes, written lane by lane so that LLVM folds
  // them into one vector conversion where they are inlined. The standard library's generic
  // `SIMD8<Double>(_: SIMD8<Float>)` is a call to a shared specialization instead: one copy
  // per program, compiled for the baseline instruction set, whose 16-byte register
  // convention kept the AVX2 build's `exp` and `log1p` around it on 128-bit halves
  // (measured on one core: 2.55 → 2.24 ns per `Float` element).

  @inlinable @inline(__always)
  static func widened(_ v: SIMD8<Float>) -> SIMD8<Double> {
    SIMD8(
      Double(v[0]), Double(v[1]), Double(v[2]), Double(v[3]),
      Double(v[4]), Double(v[5]), Double(v[6]), Double(v[7]))
  }

  @inlinable @inline(__always)
  static func widened(_ v: SIMD4<Float>) -> SIMD4<Double> {
    SIMD4(Double(v[0]), Double(v[1]), Double(v[2]), Double(v[3]))
  }

  @inlinable @inline(__always)
  static func narrowed(_ v: SIMD4<Double>) -> SIMD4<Float> {
    SIMD4(Float(v[0]), Float(v[1]), Float(v[2]), Float(v[3]))
  }

  @inlinable @inline(__always)
  static func narrowed(_ v: SIMD8<Double>) -> SIMD8<Float> {
    SIMD8(
      Float(v[0]), Float(v[1]), Float(v[2]), Float(v[3]),
      Float(v[4]), Float(v[5]), Float(v[6]), Float(v[7]))
  }
}
