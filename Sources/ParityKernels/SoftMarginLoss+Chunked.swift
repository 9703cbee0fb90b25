import Dispatch
import Foundation
import ParityCore
import ParityMath
import enum ParityMathHaswell.HaswellVectorMath

/// A float type whose SoftMarginLoss losses come in chunks a core at a time.
protocol ChunkedLossElement: BinaryFloatingPoint & SIMDScalar & StorageElement & Sendable & Codable {
  /// `output[i] = log1p(exp(-input[i]·target[i]))`, each op rounded to `Self` as PyTorch does.
  static func losses(input: UnsafeBufferPointer<Self>, target: UnsafeBufferPointer<Self>, output: UnsafeMutableBufferPointer<Self>)

  /// The sum of those losses, blocked and pairwise (ParityMath's `sumOfElements`), never stored.
  static func lossSum(input: UnsafeBufferPointer<Self>, target: UnsafeBufferPointer<Self>) -> Self
}

extension Float: ChunkedLossElement {
  /// Vectorized, each op correctly rounded from a Double evaluation (ParityMath).
  static func losses(input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>) {
    switch InstructionSet.current {
    case .haswell: HaswellVectorMath.softMarginLossRounded(input: input, target: target, output: output)
    case .portable: VectorMath.softMarginLossRounded(input: input, target: target, output: output)
    }
  }

  static func lossSum(input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>) -> Float {
    switch InstructionSet.current {
    case .haswell: HaswellVectorMath.softMarginLossRoundedSum(input: input, target: target)
    case .portable: VectorMath.softMarginLossRoundedSum(input: input, target: target)
    }
  }
}

extension Double: ChunkedLossElement {
  /// Vectorized `exp` and `log1p` in Double (ParityMath), each nearly correctly rounded.
  static func losses(input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>, output: UnsafeMutableBufferPointer<Double>) {
    switch InstructionSet.current {
    case .haswell: HaswellVectorMath.softMarginLoss(input: input, target: target, output: output)
    case .portable: VectorMath.softMarginLoss(input: input, target: target, output: output)
    }
  }

  static func lossSum(input: UnsafeBufferPointer<Double>, target: UnsafeBufferPointer<Double>) -> Double {
    switch InstructionSet.current {
    case .haswell: HaswellVectorMath.softMarginLossSum(input: input, target: target)
    case .portable: VectorMath.softMarginLossSum(input: input, target: target)
    }
  }
}

extension SoftMarginLoss {
  /// Elements per parallel chunk for `count` elements: about a sixteenth of them (a power of
  /// two in [2^12, 2^16]), so a core that starts late or runs slow leaves the others work to
  /// take, while each chunk stays long enough to amortize handing it out. A function of the
  /// count alone, so chunk boundaries, and with them the rounding of a sum, are the same on
  /// any number of cores and under any scheduling.
  static func chunkLength(_ count: Int) -> Int {
    let sixteenth = max(count >> 4, 1)
    return min(max(1 << (Int.bitWidth - 1 - sixteenth.leadingZeroBitCount), 1 << 12), 1 << 16)
  }

  /// Below this many elements one thread does all chunks: waking workers costs more than
  /// they save.
  static let parallelThreshold = 1 << 15

  /// Same-dtype float32 or float64 losses, chunk by chunk on all cores above
  /// `parallelThreshold`: PyTorch's four rounded ops per element and, for `sum`/`mean`, each
  /// chunk's losses summed as they are computed (blocked, pairwise), the chunk sums then combined
  /// pairwise, in the element type, as PyTorch accumulates.
  static func chunkedLosses<T: ChunkedLossElement>(_ x: [T], _ y: [T], shape: [Int], reduction: LossReduction) -> Tensor {
    precondition(x.count == y.count)
    let count = x.count
    let chunkLength = chunkLength(count)
    let chunks = (count + chunkLength - 1) / chunkLength
    return x.withUnsafeBufferPointer { x in
      y.withUnsafeBufferPointer { y in
        nonisolated(unsafe) let (x, y) = (x, y)
        @Sendable func range(_ chunk: Int) -> Range<Int> { chunk * chunkLength..<min(count, (chunk + 1) * chunkLength) }
        switch reduction {
        case .none:
          let losses = [T](unsafeUninitializedCapacity: count) { out, initialized in
            LargeOutput.adviseHugePages(out)
            nonisolated(unsafe) let out = out
            forEachChunk(chunks, elements: count) { chunk in
              let r = range(chunk)
              T.losses(
                input: UnsafeBufferPointer(rebasing: x[r]), target: UnsafeBufferPointer(rebasing: y[r]),
                output: UnsafeMutableBufferPointer(rebasing: out[r]))
            }
            initialized = count
          }
          return Tensor(shape: shape, storage: T.storage(losses))
        case .sum, .mean:
          let partials = [T](unsafeUninitializedCapacity: chunks) { sums, initialized in
            nonisolated(unsafe) let sums = sums
            forEachChunk(chunks, elements: count) { chunk in
              let r = range(chunk)
              sums[chunk] = T.lossSum(input: UnsafeBufferPointer(rebasing: x[r]), target: UnsafeBufferPointer(rebasing: y[r]))
            }
            initialized = chunks
          }
          let sum = partials.withUnsafeBufferPointer { Summation.cascade($0) }
          return Tensor(shape: [], storage: T.storage([reduction == .sum ? sum : sum / T(count)]))
        }
      }
    }
  }

  /// Runs `body` for every chunk index, on all cores (`ChunkWorkers`) when there are enough
  /// elements.
  static func forEachChunk(_ chunks: Int, elements: Int, _ body: @escaping @Sendable (Int) -> Void) {
    if elements < parallelThreshold || chunks < 2 {
      for chunk in 0..<chunks { body(chunk) }
    } else {
      ChunkWorkers.shared.run(chunks, body)
    }
  }
}
