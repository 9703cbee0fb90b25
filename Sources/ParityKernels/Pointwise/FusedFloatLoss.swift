import ParityCore
import ParityMath
import enum ParityMathHaswell.HaswellVectorMath

/// A PyTorch loss with a float32 loop in ParityMath, built for AVX2 as well and run on all
/// cores: the same ops and roundings as the generic model in one vectorized pass.
///
/// - The losses of a difference (VectorMath+DifferenceLosses.swift) are plain `Float`
///   arithmetic, bit-identical to their `PointwiseChain`s.
/// - The composite losses (eager ops in sequence, modelled op by op in `TorchOps`;
///   VectorMath+CompositeLosses.swift) use ParityMath's `…ForFloat` evaluations where
///   `TorchOps` calls the C library in `Double`; both round to the correctly rounded
///   `Float` except within a tiny fraction of an ULP of a tie.
enum FusedFloatLoss: Sendable {
  case squaredError
  /// `beta` as the kernel rounds its scalar for a float32 tensor.
  case smoothL1(beta: Float)
  /// `delta` as the kernel rounds its scalar.
  case huber(delta: Float)
  /// Inputs and targets already checked to lie in [0, 1].
  case binaryCrossEntropy
  case binaryCrossEntropyWithLogits
  case klDivergence
  case klDivergenceLogTarget
  case poissonLogInput
  /// `eps` as `add` rounds its scalar for a float32 tensor.
  case poisson(eps: Float)

  /// `reduce`'s result for float32 operands of the result's `shape`, the losses as the
  /// model's (`sum` and `mean` in the cascade's order without storing them, as
  /// `PointwiseEvaluation.reduced` does for every chain, each leaf summed inside the loop);
  /// nil for any other operands, which take the model's path.
  func evaluate(input: Tensor, target: Tensor, shape: [Int], reduce: some LossReducer) -> Tensor? {
    guard case .float32(let x) = input.storage, case .float32(let y) = target.storage, input.shape == shape, target.shape == shape else {
      return nil
    }
    return x.withUnsafeBufferPointer { x in
      y.withUnsafeBufferPointer { y in
        nonisolated(unsafe) let (x, y) = (x, y)
        return PointwiseEvaluation.reduced(
          count: x.count, shape: shape, NativeRounding<Float>.self, reduce: reduce,
          leafSum: { leaf in self.run(UnsafeBufferPointer(rebasing: x[leaf]), UnsafeBufferPointer(rebasing: y[leaf]), into: nil) },
          fill: { range, out in
            self.run(
              UnsafeBufferPointer(rebasing: x[range]), UnsafeBufferPointer(rebasing: y[range]),
              into: UnsafeMutableBufferPointer(start: out, count: range.count))
          })
      }
    }
  }

  /// The losses reduced as PyTorch's `apply_loss_reduction` does, for same-shape float32
  /// operands (a composite loss's whole result); nil for any others.
  func pytorch(input: Tensor, target: Tensor, reduction: LossReduction) -> Tensor? {
    evaluate(input: input, target: target, shape: input.shape, reduce: PyTorchLossReduction(reduction: reduction))
  }

  /// One chunk's losses written to `output`, or with no `output` one leaf's sum in
  /// `Summation.block`'s order, through the loop built for this CPU.
  @discardableResult
  private func run(_ input: UnsafeBufferPointer<Float>, _ target: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>?) -> Float {
    let haswell = InstructionSet.current == .haswell
    switch self {
    case .squaredError:
      return haswell
        ? HaswellVectorMath.squaredErrorLosses(input: input, target: target, output: output)
        : VectorMath.squaredErrorLosses(input: input, target: target, output: output)
    case .smoothL1(let beta):
      return haswell
        ? HaswellVectorMath.smoothL1Losses(beta: beta, input: input, target: target, output: output)
        : VectorMath.smoothL1Losses(beta: beta, input: input, target: target, output: output)
    case .huber(let delta):
      return haswell
        ? HaswellVectorMath.huberLosses(delta: delta, input: input, target: target, output: output)
        : VectorMath.huberLosses(delta: delta, input: input, target: target, output: output)
    case .binaryCrossEntropy:
      return haswell
        ? HaswellVectorMath.binaryCrossEntropyLosses(input: input, target: target, output: output)
        : VectorMath.binaryCrossEntropyLosses(input: input, target: target, output: output)
    case .binaryCrossEntropyWithLogits:
      return haswell
        ? HaswellVectorMath.binaryCrossEntropyWithLogitsLosses(input: input, target: target, output: output)
        : VectorMath.binaryCrossEntropyWithLogitsLosses(input: input, target: target, output: output)
    case .klDivergence:
      return haswell
        ? HaswellVectorMath.klDivergenceLosses(input: input, target: target, output: output)
        : VectorMath.klDivergenceLosses(input: input, target: target, output: output)
    case .klDivergenceLogTarget:
      return haswell
        ? HaswellVectorMath.klDivergenceLogTargetLosses(input: input, target: target, output: output)
        : VectorMath.klDivergenceLogTargetLosses(input: input, target: target, output: output)
    case .poissonLogInput:
      return haswell
        ? HaswellVectorMath.poissonLogInputLosses(input: input, target: target, output: output)
        : VectorMath.poissonLogInputLosses(input: input, target: target, output: output)
    case .poisson(let eps):
      return haswell
        ? HaswellVectorMath.poissonLosses(eps: eps, input: input, target: target, output: output)
        : VectorMath.poissonLosses(eps: eps, input: input, target: target, output: output)
    }
  }
}

extension FusedFloatLoss {
  /// `poisson_nll_loss` without Stirling's term.
  static func poisson(logInput: Bool, eps: Double) -> FusedFloatLoss {
    logInput ? .poissonLogInput : .poisson(eps: Float(eps))
  }
}
