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
  /// Same-dtype float32 or float64 losses, chunk by chunk on all cores above
  /// `Chunking.parallelThreshold`: PyTorch's four rounded ops per element and, for `sum`/`mean`, each
  /// chunk's losses summed as they are computed (blocked, pairwise), the chunk sums then combined
  /// pairwise, in the element type, as PyTorch accumulates.
  static func chunkedLosses<T: ChunkedLossElement>(_ x: [T], _ y: [T], shape: [Int], reduction: LossReduction) -> Tensor {
    precondition(x.count == y.count)
    let count = x.count
    let chunkLength = Chunking.length(count)
    let chunks = (count + chunkLength - 1) / chunkLength
    return x.withUnsafeBufferPointer { x in
      y.withUnsafeBufferPointer { y in
        nonisolated(unsafe) let (x, y) = (x, y)
        @Sendable func range(_ chunk: Int) -> Range<Int> { chunk * chunkLength..<min(count, (chunk + 1) * chunkLength) }
        switch reduction {
        case .none:
          let losses = Chunking.array(count: count) { (r, out: UnsafeMutableBufferPointer<T>) in
            T.losses(
              input: UnsafeBufferPointer(rebasing: x[r]), target: UnsafeBufferPointer(rebasing: y[r]),
              output: UnsafeMutableBufferPointer(rebasing: out[r]))
          }
          return Tensor(shape: shape, storage: T.storage(losses))
        case .sum, .mean:
          let partials = [T](unsafeUninitializedCapacity: chunks) { sums, initialized in
            nonisolated(unsafe) let sums = sums
            Chunking.forEach(chunks, elements: count) { chunk in
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
}
