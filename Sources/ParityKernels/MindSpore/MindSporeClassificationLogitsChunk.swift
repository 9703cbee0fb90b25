import Foundation

/// One thread's share of MindSpore's CPU BCEWithLogitsLoss kernel, all in float32.
///
/// Without broadcasting, nnacl's `BCEWithLogitLoss` runs on the chunk: 8-wide AVX blocks from
/// the chunk's start, then 4-wide SSE blocks (`exp` computed in double, the series `log` of
/// `MindSporeClassificationVectorMath`), then a scalar tail with `expf`/`logf`; both forms have
/// the compiler's FMA contractions. Reductions keep one accumulator per SIMD lane
/// (`fma(loss, w, acc)`), add each block width's lanes in order into the chunk's float sum,
/// then fold in the tail. With broadcasting, the kernel's own C++ loop (built without FMA)
/// computes every element with libm, one rounding per op.
///
/// Tasks that run on MindSpore's pool workers (every task once there are two threads) run with
/// denormals flushed to zero (MXCSR DAZ and FTZ): subnormal operands read as zero and
/// subnormal results become zero. A lone task runs on the calling thread, which keeps them.
/// The model flushes the operands, each element's weighted loss and the running sums, the
/// places where a subnormal can survive into the result.
struct MindSporeClassificationLogitsChunk {
  var x: [Float]
  var y: [Float]
  var weight: [Float]
  var posWeight: [Float]
  var broadcast: Bool
  var flushesDenormals: Bool

  init(x: [Float], y: [Float], weight: [Float], posWeight: [Float], broadcast: Bool, flushesDenormals: Bool) {
    let flush = { (v: [Float]) in flushesDenormals ? v.map(Self.flushed) : v }
    self.x = flush(x)
    self.y = flush(y)
    self.weight = flush(weight)
    self.posWeight = flush(posWeight)
    self.broadcast = broadcast
    self.flushesDenormals = flushesDenormals
  }

  /// A subnormal as zero of its sign.
  @inline(__always)
  static func flushed(_ v: Float) -> Float { v.isSubnormal ? (v.sign == .minus ? -0.0 : 0.0) : v }

  @inline(__always)
  private func ftz(_ v: Float) -> Float { flushesDenormals ? Self.flushed(v) : v }

  /// The SIMD blocks' loss (before the weight).
  @inline(__always)
  func vectorLoss(_ i: Int) -> Float {
    let negative = 0 - x[i]
    let m = negative > 0 ? negative : 0
    let logWeight = (posWeight[i] - 1).fused(y[i], 1)
    let e1 = MindSporeClassificationVectorMath.exp(0 - m)
    let e2 = MindSporeClassificationVectorMath.exp(negative - m)
    let logExp = MindSporeClassificationVectorMath.log(e1 + e2)
    return logWeight.fused(logExp + m, (1 - y[i]) * x[i])
  }

  /// nnacl's scalar tail (before the weight): libm, with `a * b + c` contracted to FMA.
  @inline(__always)
  func scalarLoss(_ i: Int) -> Float {
    let negative = -x[i]
    let m = negative > 0 ? negative : 0
    let logWeight = (posWeight[i] - 1).fused(y[i], 1)
    let logExp = Foundation.log(Foundation.exp(-m) + Foundation.exp(-x[i] - m))
    return (1 - y[i]).fused(x[i], logWeight * (logExp + m))
  }

  /// The broadcast loop's loss (before the weight): libm, every op rounded.
  @inline(__always)
  func broadcastLoss(_ i: Int) -> Float {
    let negative = -x[i]
    let m = negative > 0 ? negative : 0
    let logWeight = (posWeight[i] - 1) * y[i] + 1
    let logExp = Foundation.log(Foundation.exp(-m) + Foundation.exp(-x[i] - m))
    return (1 - y[i]) * x[i] + logWeight * (logExp + m)
  }

  /// The blocks of `range`: AVX (8) from its start, then SSE (4), then the scalar rest.
  func blocks(_ range: Range<Int>) -> (avx: Range<Int>, sse: Range<Int>, scalar: Range<Int>) {
    let avxEnd = range.lowerBound + (range.count / 8) * 8
    let sseEnd = avxEnd + ((range.upperBound - avxEnd) / 4) * 4
    return (range.lowerBound..<avxEnd, avxEnd..<sseEnd, sseEnd..<range.upperBound)
  }

  /// `reduction='none'`: each element's `loss * w`, written into `out`.
  func losses(_ range: Range<Int>, into out: inout [Float]) {
    guard !broadcast else {
      for i in range { out[i] = ftz(broadcastLoss(i) * weight[i]) }
      return
    }
    let (avx, sse, scalar) = blocks(range)
    for i in avx.lowerBound..<sse.upperBound { out[i] = ftz(vectorLoss(i) * weight[i]) }
    for i in scalar { out[i] = ftz(scalarLoss(i) * weight[i]) }
  }

  /// `mean`/`sum`: the chunk's float sum.
  func sum(_ range: Range<Int>) -> Float {
    guard !broadcast else { return range.reduce(0) { ftz($0 + ftz(broadcastLoss($1) * weight[$1])) } }
    let (avx, sse, scalar) = blocks(range)
    var total: Float = 0
    for (block, width) in [(avx, 8), (sse, 4)] {
      var lanes = [Float](repeating: 0, count: width)
      for i in block {
        let lane = (i - block.lowerBound) % width
        lanes[lane] = ftz(vectorLoss(i).fused(weight[i], lanes[lane]))
      }
      total = ftz(total + lanes.reduce(0) { ftz($0 + $1) })
    }
    for i in scalar { total = ftz(scalarLoss(i).fused(weight[i], total)) }
    return total
  }
}

private extension Float {
  /// `self * b + c` rounded once.
  @inline(__always)
  func fused(_ b: Float, _ c: Float) -> Float { c.addingProduct(self, b) }
}
