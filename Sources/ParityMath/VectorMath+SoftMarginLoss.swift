extension VectorMath {
  /// Elements a summation block holds. Each block is summed by four vector accumulators
  /// (each `Float` lane adds up 4096 / 32 = 128 losses in order, each `Double` lane 256) and
  /// block sums combine pairwise, so the rounding error of a sum grows like that of
  /// PyTorch's cascade sum rather than with the element count.
  @inlinable public static var summationBlock: Int { 4096 }

  // MARK: Lanes

  /// SoftMarginLoss for eight pairs, `log1p(exp(-x·y))`, each step rounded to `Float`
  /// the way PyTorch's CPU kernel rounds it: `t = -x`, `t = t·y`, `e = exp(t)`, `log1p(e)`.
  @inlinable @inline(__always)
  public static func softMarginLoss(_ x: SIMD8<Float>, _ y: SIMD8<Float>) -> SIMD8<Float> {
    // Negation flips the sign bit (the SIMD prefix minus is 0 - x, which turns -0 into +0).
    let t = float(bits(x) ^ SIMD8(repeating: Int32.min)) * y
    return log1p(exp(t))
  }

  /// SoftMarginLoss for four pairs of `Double`s, `log1p(exp(-x·y))`, each step rounded.
  @inlinable @inline(__always)
  public static func softMarginLoss(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> SIMD4<Double> {
    let t = double(bits(x) ^ SIMD4(repeating: 1 << 63)) * y
    return log1p(exp(t))
  }

  // MARK: Elementwise over buffers

  /// `output[i] = log1p(exp(-input[i]·target[i]))` for every `i`, eight lanes at a time.
  /// The last `count % 8` elements go through the same vector code on a zero-padded vector,
  /// so every element gets the same bits whatever its position. All three buffers must have
  /// the same count; `output` may be `input` or `target` itself.
  @inlinable
  public static func softMarginLoss(
    input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>,
    output: UnsafeMutableBufferPointer<Float>
  ) {
    forEachLane(input: input, target: target, output: output) { (x: SIMD8<Float>, y: SIMD8<Float>) in
      softMarginLoss(x, y)
    }
  }

  /// `output[i] = lane(input, target)[i]`, one vector `V` at a time; the last
  /// `count % V.scalarCount` elements go through the same `lane` on a zero-padded vector, so
  /// every element gets the same bits wherever it sits. All three buffers must have the same
  /// count; `output` may be `input` or `target` itself.
  @inlinable @inline(__always)
  static func forEachLane<V: SIMD>(
    input: UnsafeBufferPointer<V.Scalar>, target: UnsafeBufferPointer<V.Scalar>,
    output: UnsafeMutableBufferPointer<V.Scalar>, _ lane: (V, V) -> V
  ) where V.Scalar: BinaryFloatingPoint {
    let count = input.count
    let width = V.scalarCount
    precondition(target.count == count && output.count == count, "softMarginLoss: buffer counts differ")
    guard count > 0, let x = input.baseAddress, let y = target.baseAddress, let out = output.baseAddress else { return }
    var i = 0
    while i + width <= count {
      let v = lane(UnsafeRawPointer(x + i).loadUnaligned(as: V.self), UnsafeRawPointer(y + i).loadUnaligned(as: V.self))
      UnsafeMutableRawPointer(out + i).storeBytes(of: v, as: V.self)
      i += width
    }
    if i < count {
      var a = V(), b = V()
      for l in 0..<(count - i) {
        a[l] = x[i + l]
        b[l] = y[i + l]
      }
      let v = lane(a, b)
      for l in 0..<(count - i) { out[i + l] = v[l] }
    }
  }

  /// `output[i] = log1p(exp(-input[i]·target[i]))` in `Double`, four lanes at a time; the
  /// tail and aliasing are as in the `Float` version.
  @inlinable
  public static func softMarginLoss(
    input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>,
    output: UnsafeMutableBufferPointer<Double>
  ) {
    forEachLane(input: input, target: target, output: output) { (x: SIMD4<Double>, y: SIMD4<Double>) in
      softMarginLoss(x, y)
    }
  }

  // MARK: Fused with the sum

  /// The sum of `log1p(exp(-input[i]·target[i]))` over all `i`, without storing the losses.
  ///
  /// Accumulates in `Float`, as PyTorch does for `Float` input, but blocked: each block of
  /// `summationBlock` elements is summed by four eight-lane accumulators, and block sums are
  /// added pairwise, so the error stays close to that of PyTorch's cascade sum instead of
  /// growing with the count. 0 for empty buffers; NaN if any loss is NaN.
  @inlinable
  public static func softMarginLossSum(input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>) -> Float {
    precondition(target.count == input.count, "softMarginLossSum: buffer counts differ")
    guard input.count > 0, let x = input.baseAddress, let y = target.baseAddress else { return 0 }
    return blockedSum(x, y, 0, input.count)
  }

  /// The sum of `log1p(exp(-input[i]·target[i]))` in `Double`, blocked and pairwise as in
  /// the `Float` version (four four-lane accumulators per block).
  @inlinable
  public static func softMarginLossSum(input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>) -> Double {
    precondition(target.count == input.count, "softMarginLossSum: buffer counts differ")
    guard input.count > 0, let x = input.baseAddress, let y = target.baseAddress else { return 0 }
    return blockedSum(x, y, 0, input.count)
  }

  /// Pairwise over whole blocks: splits `[start, start + count)` at a block boundary near
  /// its middle until one block is left.
  @inlinable
  static func blockedSum(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ start: Int, _ count: Int) -> Float {
    if count <= summationBlock { return blockSum(x + start, y + start, count) }
    let half = (count / summationBlock + 1) / 2 * summationBlock
    return blockedSum(x, y, start, half) + blockedSum(x, y, start + half, count - half)
  }

  @inlinable
  static func blockedSum(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ start: Int, _ count: Int) -> Double {
    if count <= summationBlock { return blockSum(x + start, y + start, count) }
    let half = (count / summationBlock + 1) / 2 * summationBlock
    return blockedSum(x, y, start, half) + blockedSum(x, y, start + half, count - half)
  }

  /// One block (at most `summationBlock` elements) with four accumulators, reduced pairwise.
  @inlinable
  static func blockSum(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ count: Int) -> Float {
    var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
    var i = 0
    while i + 32 <= count {
      a0 += softMarginLoss(load8(x + i), load8(y + i))
      a1 += softMarginLoss(load8(x + i + 8), load8(y + i + 8))
      a2 += softMarginLoss(load8(x + i + 16), load8(y + i + 16))
      a3 += softMarginLoss(load8(x + i + 24), load8(y + i + 24))
      i += 32
    }
    while i + 8 <= count {
      a0 += softMarginLoss(load8(x + i), load8(y + i))
      i += 8
    }
    if i < count {
      let rest = count - i
      let v = softMarginLoss(loadPartial8(x + i, rest), loadPartial8(y + i, rest))
      a1 += select(SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7) .< Float(rest), v, SIMD8(repeating: 0))
    }
    let a = (a0 + a1) + (a2 + a3)
    let b = a.lowHalf + a.highHalf
    return (b[0] + b[1]) + (b[2] + b[3])
  }

  @inlinable
  static func blockSum(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ count: Int) -> Double {
    var a0 = SIMD4<Double>(), a1 = SIMD4<Double>(), a2 = SIMD4<Double>(), a3 = SIMD4<Double>()
    var i = 0
    while i + 16 <= count {
      a0 += softMarginLoss(load4(x + i), load4(y + i))
      a1 += softMarginLoss(load4(x + i + 4), load4(y + i + 4))
      a2 += softMarginLoss(load4(x + i + 8), load4(y + i + 8))
      a3 += softMarginLoss(load4(x + i + 12), load4(y + i + 12))
      i += 16
    }
    while i + 4 <= count {
      a0 += softMarginLoss(load4(x + i), load4(y + i))
      i += 4
    }
    if i < count {
      let rest = count - i
      let v = softMarginLoss(loadPartial4(x + i, rest), loadPartial4(y + i, rest))
      a1 += select(SIMD4<Double>(0, 1, 2, 3) .< Double(rest), v, SIMD4(repeating: 0))
    }
    let a = (a0 + a1) + (a2 + a3)
    return (a[0] + a[1]) + (a[2] + a[3])
  }

  // MARK: Loads

  @usableFromInline @inline(__always)
  static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
  }

  @usableFromInline @inline(__always)
  static func load4(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
  }

  /// The first `count` (< 8) elements at `p`, zeros after.
  @usableFromInline @inline(__always)
  static func loadPartial8(_ p: UnsafePointer<Float>, _ count: Int) -> SIMD8<Float> {
    var v = SIMD8<Float>()
    for lane in 0..<count { v[lane] = p[lane] }
    return v
  }

  /// The first `count` (< 4) elements at `p`, zeros after.
  @usableFromInline @inline(__always)
  static func loadPartial4(_ p: UnsafePointer<Double>, _ count: Int) -> SIMD4<Double> {
    var v = SIMD4<Double>()
    for lane in 0..<count { v[lane] = p[lane] }
    return v
  }
}
