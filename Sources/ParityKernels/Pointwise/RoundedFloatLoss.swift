import ParityCore
import ParityMath
import enum ParityMathHaswell.HaswellVectorMath

/// A composite PyTorch loss (eager ops in sequence, modelled op by op in `TorchOps`) that has
/// a fused float32 loop in ParityMath (VectorMath+CompositeLosses.swift): the same ops and
/// roundings in one vectorized pass, on all cores. Its transcendental ops are ParityMath's
/// `…ForFloat` evaluations where `TorchOps` calls the C library in `Double`; both round to
/// the correctly rounded `Float` except within a tiny fraction of an ULP of a tie.
enum RoundedFloatLoss: Sendable {
  case binaryCrossEntropyWithLogits
  case klDivergence
  case klDivergenceLogTarget
  case poissonLogInput
  /// `eps` as `add` rounds its scalar for a float32 tensor.
  case poisson(eps: Float)

  /// The losses and their reduction for same-shape float32 operands, as `TorchOps.reduced`
  /// reduces the op-by-op losses (the same bits: `sum` and `mean` follow the cascade's tree,
  /// each leaf's losses computed into a stack buffer); nil for any other operands, which take
  /// the op-by-op path.
  func pytorch(input: Tensor, target: Tensor, reduction: LossReduction) -> Tensor? {
    guard case .float32(let x) = input.storage, case .float32(let y) = target.storage, input.shape == target.shape else {
      return nil
    }
    let reducer = PyTorchLossReduction(reduction: reduction)
    return x.withUnsafeBufferPointer { x in
      y.withUnsafeBufferPointer { y in
        nonisolated(unsafe) let (x, y) = (x, y)
        let sum = {
          Summation.cascadeOnAllCores(count: x.count) { leaf in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: leaf.count) { buffer in
              self.losses(input: UnsafeBufferPointer(rebasing: x[leaf]), target: UnsafeBufferPointer(rebasing: y[leaf]), output: buffer)
              return Summation.block(buffer.baseAddress!, count: leaf.count)
            }
          }
        }
        if let reduced = reducer.reduce(sum: sum, count: x.count, NativeRounding<Float>.self) { return reduced }
        let losses = Chunking.array(count: x.count) { (range, out: UnsafeMutableBufferPointer<Float>) in
          self.losses(
            input: UnsafeBufferPointer(rebasing: x[range]), target: UnsafeBufferPointer(rebasing: y[range]),
            output: UnsafeMutableBufferPointer(rebasing: out[range]))
        }
        return reducer.reduce(losses, shape: input.shape, NativeRounding<Float>.self)
      }
    }
  }

  /// One chunk's losses, through the loop built for this CPU.
  private func losses(input: UnsafeBufferPointer<Float>, target: UnsafeBufferPointer<Float>, output: UnsafeMutableBufferPointer<Float>) {
    let haswell = InstructionSet.current == .haswell
    switch self {
    case .binaryCrossEntropyWithLogits:
      haswell
        ? HaswellVectorMath.binaryCrossEntropyWithLogitsLosses(input: input, target: target, output: output)
        : VectorMath.binaryCrossEntropyWithLogitsLosses(input: input, target: target, output: output)
    case .klDivergence:
      haswell
        ? HaswellVectorMath.klDivergenceLosses(input: input, target: target, output: output)
        : VectorMath.klDivergenceLosses(input: input, target: target, output: output)
    case .klDivergenceLogTarget:
      haswell
        ? HaswellVectorMath.klDivergenceLogTargetLosses(input: input, target: target, output: output)
        : VectorMath.klDivergenceLogTargetLosses(input: input, target: target, output: output)
    case .poissonLogInput:
      haswell
        ? HaswellVectorMath.poissonLogInputLosses(input: input, target: target, output: output)
        : VectorMath.poissonLogInputLosses(input: input, target: target, output: output)
    case .poisson(let eps):
      haswell
        ? HaswellVectorMath.poissonLosses(eps: eps, input: input, target: target, output: output)
        : VectorMath.poissonLosses(eps: eps, input: input, target: target, output: output)
    }
  }
}

extension RoundedFloatLoss {
  /// `poisson_nll_loss` without Stirling's term.
  static func poisson(logInput: Bool, eps: Double) -> RoundedFloatLoss {
    logInput ? .poissonLogInput : .poisson(eps: Float(eps))
  }
}
