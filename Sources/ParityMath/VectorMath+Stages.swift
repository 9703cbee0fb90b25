/// SoftMarginLoss's chain, `log1p(exp(-x·y))` on vectors, in four stages: `exp` up to its
/// polynomial, the rest of `exp`, `log1p` up to its polynomial, the rest of `log1p`. A type
/// rather than closures, so the generic loops below are specialized with every stage
/// inlined into them: a closure left un-inlined is a call per vector, and in a module built
/// for another instruction set it can even be the other build's copy.
///
/// Why four stages, each a pass over a block: on one vector the whole chain is a dependency
/// chain of well over a hundred cycles, and the out-of-order core holds too few vectors'
/// worth of it to keep the vector units busy. Short, independent iterations let it overlap
/// many (measured on one core, two stages against four: 4.7 → 3.85 ns per `Double` element,
/// 2.2 → 1.8 ns per `Float` element).
@usableFromInline
protocol ExpLog1pStages {
  associatedtype Vector: SIMD where Vector.Scalar: BinaryFloatingPoint
  /// What the first stage hands the second.
  associatedtype ExpReduction
  /// What the third stage hands the fourth.
  associatedtype Log1pReduction

  static func expReduction(_ x: Vector, _ y: Vector) -> ExpReduction
  /// `exp(-x·y)`, rounded as the chain rounds it.
  static func exp(_ reduction: ExpReduction) -> Vector
  static func log1pReduction(_ e: Vector) -> Log1pReduction
  /// `log1p(e)`, from `e`'s reduction and `e` itself.
  static func log1p(_ reduction: Log1pReduction, of e: Vector) -> Vector
}

extension ExpLog1pStages {
  /// The whole chain on one vector, for tails and single vectors.
  @inlinable @inline(__always)
  static func loss(_ x: Vector, _ y: Vector) -> Vector {
    let e = exp(expReduction(x, y))
    return log1p(log1pReduction(e), of: e)
  }
}

extension VectorMath {
  /// Elements a stage runs over before the next stage takes them: small enough that the
  /// intermediate values stay in L1 (a few KiB).
  @inlinable public static var stageBlock: Int { 256 }

  /// `output[i]` = the chain for `input[i]`, `target[i]`, for every `i`, one stage at a time
  /// over blocks of `stageBlock` elements: the reductions go to stack buffers, `exp` results
  /// into `output`, which the last stage then rewrites in place. Every element still gets
  /// exactly `S.loss(x, y)`; the last `count % V.scalarCount` go through it on a zero-padded
  /// vector. All three buffers must have the same count; `output` may be `input` or `target`
  /// itself.
  @inlinable @inline(__always)
  static func forEachElement<S: ExpLog1pStages>(
    _ stages: S.Type, input: UnsafeBufferPointer<S.Vector.Scalar>, target: UnsafeBufferPointer<S.Vector.Scalar>,
    output: UnsafeMutableBufferPointer<S.Vector.Scalar>
  ) {
    typealias V = S.Vector
    let count = input.count
    let width = V.scalarCount
    precondition(target.count == count && output.count == count, "softMarginLoss: buffer counts differ")
    guard count > 0, let x = input.baseAddress, let y = target.baseAddress, let out = output.baseAddress else { return }
    let whole = count - count % width
    withReductionBuffers(S.self) { expReductions, log1pReductions in
      var start = 0
      while start < whole {
        let end = min(start + stageBlock, whole)
        runToLog1pReduction(S.self, x + start, y + start, out + start, end - start, expReductions, log1pReductions)
        var i = start, j = 0
        while i < end {
          store(S.log1p(log1pReductions[j], of: load(out + i)), out + i)
          i += width
          j += 1
        }
        start = end
      }
    }
    if whole < count {
      let v = S.loss(loadPartial(x + whole, count - whole), loadPartial(y + whole, count - whole))
      for l in 0..<(count - whole) { out[whole + l] = v[l] }
    }
  }

  /// Stack buffers for one block's reductions.
  @inlinable @inline(__always)
  static func withReductionBuffers<S: ExpLog1pStages, R>(
    _ stages: S.Type,
    _ body: (UnsafeMutablePointer<S.ExpReduction>, UnsafeMutablePointer<S.Log1pReduction>) -> R
  ) -> R {
    let vectors = stageBlock / S.Vector.scalarCount
    return withUnsafeTemporaryAllocation(of: S.ExpReduction.self, capacity: vectors) { expReductions in
      withUnsafeTemporaryAllocation(of: S.Log1pReduction.self, capacity: vectors) { log1pReductions in
        body(expReductions.baseAddress!, log1pReductions.baseAddress!)
      }
    }
  }

  /// The first three stages over one block of `count` (a multiple of the width, at most
  /// `stageBlock`) elements: `exp(-x·y)` into `e`, and the reductions of those for `log1p`
  /// into `log1pReductions`, ready for the fourth stage.
  @inlinable @inline(__always)
  static func runToLog1pReduction<S: ExpLog1pStages>(
    _ stages: S.Type, _ x: UnsafePointer<S.Vector.Scalar>, _ y: UnsafePointer<S.Vector.Scalar>,
    _ e: UnsafeMutablePointer<S.Vector.Scalar>, _ count: Int,
    _ expReductions: UnsafeMutablePointer<S.ExpReduction>, _ log1pReductions: UnsafeMutablePointer<S.Log1pReduction>
  ) {
    let width = S.Vector.scalarCount
    var i = 0, j = 0
    while i < count {
      (expReductions + j).initialize(to: S.expReduction(load(x + i), load(y + i)))
      i += width
      j += 1
    }
    i = 0
    j = 0
    while i < count {
      store(S.exp(expReductions[j]), e + i)
      i += width
      j += 1
    }
    i = 0
    j = 0
    while i < count {
      (log1pReductions + j).initialize(to: S.log1pReduction(load(e + i)))
      i += width
      j += 1
    }
  }

  /// The sum of the chain over all elements, in the element type (as PyTorch accumulates),
  /// in the same stages as `forEachElement` (the `exp` results in a stack buffer), and
  /// blocked: each block of `summationBlock` elements is summed by
  /// four vector accumulators, and block sums are combined pairwise (a binary counter over
  /// the blocks, the shape of a recursive halving for power-of-two block counts), so the
  /// error stays close to that of PyTorch's cascade sum instead of growing with the count.
  /// 0 for empty buffers; NaN if any loss is NaN.
  @inlinable @inline(__always)
  static func sumOfElements<S: ExpLog1pStages>(
    _ stages: S.Type, input: UnsafeBufferPointer<S.Vector.Scalar>, target: UnsafeBufferPointer<S.Vector.Scalar>
  ) -> S.Vector.Scalar {
    typealias V = S.Vector
    precondition(target.count == input.count, "softMarginLossSum: buffer counts differ")
    let count = input.count
    guard count > 0, let x = input.baseAddress, let y = target.baseAddress else { return 0 }
    return withReductionBuffers(S.self) { expReductions, log1pReductions in
      withUnsafeTemporaryAllocation(of: V.Scalar.self, capacity: stageBlock + 64) { scratch in
        let stage = scratch.baseAddress!
        // One pending partial sum per binary digit of the block count: 64 levels cover any Int.
        let pending = stage + stageBlock
        var depth = 0
        var block = 0
        var start = 0
        while start < count {
          var sum = blockSum(
            S.self, x + start, y + start, min(summationBlock, count - start), stage, expReductions, log1pReductions)
          block += 1
          // Merge equal-sized neighbours, as many as the new block count has trailing zeros.
          var merges = block.trailingZeroBitCount
          while merges > 0 {
            depth -= 1
            sum = pending[depth] + sum
            merges -= 1
          }
          pending[depth] = sum
          depth += 1
          start += summationBlock
        }
        var total = pending[depth - 1]
        var level = depth - 2
        while level >= 0 {
          total = pending[level] + total
          level -= 1
        }
        return total
      }
    }
  }

  /// One summation block (at most `summationBlock` elements): a `stageBlock` at a time, the
  /// first three stages with `exp` results in `stage`, then the last into four accumulators
  /// in turn; reduced pairwise
  /// and then lane by lane in order (a fixed order: the same bits on every instruction set).
  @inlinable @inline(__always)
  static func blockSum<S: ExpLog1pStages>(
    _ stages: S.Type, _ x: UnsafePointer<S.Vector.Scalar>, _ y: UnsafePointer<S.Vector.Scalar>, _ count: Int,
    _ stage: UnsafeMutablePointer<S.Vector.Scalar>,
    _ expReductions: UnsafeMutablePointer<S.ExpReduction>, _ log1pReductions: UnsafeMutablePointer<S.Log1pReduction>
  ) -> S.Vector.Scalar {
    typealias V = S.Vector
    let width = V.scalarCount
    var a0 = V(), a1 = V(), a2 = V(), a3 = V()
    let whole = count - count % width
    var start = 0
    while start < whole {
      let length = min(stageBlock, whole - start)
      runToLog1pReduction(S.self, x + start, y + start, stage, length, expReductions, log1pReductions)
      var i = 0, j = 0
      while i + 4 * width <= length {
        a0 += S.log1p(log1pReductions[j], of: load(stage + i))
        a1 += S.log1p(log1pReductions[j + 1], of: load(stage + i + width))
        a2 += S.log1p(log1pReductions[j + 2], of: load(stage + i + 2 * width))
        a3 += S.log1p(log1pReductions[j + 3], of: load(stage + i + 3 * width))
        i += 4 * width
        j += 4
      }
      while i < length {
        a0 += S.log1p(log1pReductions[j], of: load(stage + i))
        i += width
        j += 1
      }
      start += length
    }
    if whole < count {
      var v = S.loss(loadPartial(x + whole, count - whole), loadPartial(y + whole, count - whole))
      for l in (count - whole)..<width { v[l] = 0 }
      a1 += v
    }
    let a = (a0 + a1) + (a2 + a3)
    var sum = a[0]
    for l in 1..<width { sum += a[l] }
    return sum
  }

  // MARK: Loads and stores

  @inlinable @inline(__always)
  static func load<V: SIMD>(_ p: UnsafePointer<V.Scalar>) -> V {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
  }

  @inlinable @inline(__always)
  static func load<V: SIMD>(_ p: UnsafeMutablePointer<V.Scalar>) -> V {
    UnsafeRawPointer(p).loadUnaligned(as: V.self)
  }

  @inlinable @inline(__always)
  static func store<V: SIMD>(_ v: V, _ p: UnsafeMutablePointer<V.Scalar>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self)
  }

  /// The first `count` (< `V.scalarCount`) elements at `p`, zeros after.
  @inlinable @inline(__always)
  static func loadPartial<V: SIMD>(_ p: UnsafePointer<V.Scalar>, _ count: Int) -> V where V.Scalar: BinaryFloatingPoint {
    var v = V()
    for lane in 0..<count { v[lane] = p[lane] }
    return v
  }
}
