/// Summation orders the kernels reproduce or approximate.
///
/// Reductions are where naive loops lose accuracy: a running sum of n terms can be off by
/// about n rounding errors, while PyTorch's cascade sum is off by about log n. The schemes
/// here keep that accuracy and stay fast (vector lanes, independent accumulators).
enum Summation {
  /// Elements one block sums with vector accumulators before blocks are combined pairwise.
  /// Small enough that each lane's running sum stays short (64 terms), large enough that the
  /// recursion is shallow.
  static let blockLength = 256

  /// A cascade sum in `T`: pairwise over blocks, and within a block four interleaved `SIMD8`
  /// accumulators, as PyTorch's CPU sum does (its exact order depends on vector width and
  /// threads, so results agree with it to a tolerance, not bit for bit). Empty sums are 0.
  static func cascade<T: BinaryFloatingPoint & SIMDScalar>(_ values: UnsafeBufferPointer<T>) -> T {
    guard let base = values.baseAddress else { return 0 }
    return cascade(base, count: values.count)
  }

  static func cascade<T: BinaryFloatingPoint & SIMDScalar>(_ base: UnsafePointer<T>, count: Int) -> T {
    if count <= blockLength { return block(base, count: count) }
    // Split on a multiple of 32 so every block but the last runs whole vector iterations.
    let half = (count / 2 + 31) & ~31
    return cascade(base, count: half) + cascade(base + half, count: count - half)
  }

  /// One block: 32 elements an iteration into four independent accumulators (no dependency
  /// chain between consecutive adds, so the loads and adds pipeline), then a scalar tail.
  static func block<T: BinaryFloatingPoint & SIMDScalar>(_ base: UnsafePointer<T>, count: Int) -> T {
    let raw = UnsafeRawPointer(base)
    let width = MemoryLayout<T>.stride
    var a0 = SIMD8<T>(), a1 = SIMD8<T>(), a2 = SIMD8<T>(), a3 = SIMD8<T>()
    var i = 0
    while i &+ 32 <= count {
      a0 += raw.loadUnaligned(fromByteOffset: i &* width, as: SIMD8<T>.self)
      a1 += raw.loadUnaligned(fromByteOffset: (i &+ 8) &* width, as: SIMD8<T>.self)
      a2 += raw.loadUnaligned(fromByteOffset: (i &+ 16) &* width, as: SIMD8<T>.self)
      a3 += raw.loadUnaligned(fromByteOffset: (i &+ 24) &* width, as: SIMD8<T>.self)
      i &+= 32
    }
    var tail: T = 0
    while i < count {
      tail += base[i]
      i &+= 1
    }
    return ((a0 + a1) + (a2 + a3)).sum() + tail
  }
}
