import ParityCore
import ParityKernels

/// The PyTorch side of each loss, once: the same implementation serves the module and the
/// functional row (binding has put constructor and call arguments side by side).
enum PyTorchLossAdapters {
  typealias Implementation = FrameworkAdapter.Implementation
  typealias Kernel = @Sendable (Tensor, Tensor, LossReduction, BoundArguments) throws(CallError) -> LossOutput

  /// A loss of `(input, target, reduction)` with the legacy arguments, plus its own parameters
  /// (read from `arguments` inside `kernel`).
  static func loss(_ names: LossTensorNames = .pytorch, _ kernel: @escaping Kernel) -> Implementation {
    { arguments throws(CallError) in
      let (reduction, warnings) = try arguments.pytorchReduction()
      let input = try arguments.tensor(names.input), target = try arguments.tensor(names.target)
      return .init(try kernel(input, target, reduction, arguments), warnings: warnings)
    }
  }

  /// l1 and mse, with torch 2.15's functional `weight` where the API declares it.
  static func difference(
    _ kernel: @escaping @Sendable (Tensor, Tensor, LossReduction) throws(KernelError) -> LossOutput
  ) -> Implementation {
    loss { x, y, reduction, arguments throws(CallError) in
      let weight = arguments.value("weight") == nil ? nil : try arguments.optionalTensor("weight")
      return try CallError.rethrowing { () throws(KernelError) in
        guard let weight else { return try kernel(x, y, reduction) }
        return try PyTorchPointwiseLoss.weighted(kernel(x, y, .none), weight: weight, input: x, reduction: reduction)
      }
    }
  }

  static let l1 = difference { x, y, reduction throws(KernelError) in try L1Loss.pytorch(input: x, target: y, reduction: reduction) }
  static let mse = difference { x, y, reduction throws(KernelError) in try MSELoss.pytorch(input: x, target: y, reduction: reduction) }

  static let smoothL1 = loss { x, y, reduction, arguments throws(CallError) in
    let beta = try arguments.number("beta")
    return try CallError.rethrowing { () throws(KernelError) in try SmoothL1Loss.pytorch(input: x, target: y, reduction: reduction, beta: beta) }
  }

  static let huber = loss { x, y, reduction, arguments throws(CallError) in
    let delta = try arguments.number("delta")
    return try CallError.rethrowing { () throws(KernelError) in try HuberLoss.pytorch(input: x, target: y, reduction: reduction, delta: delta) }
  }

  static let binaryCrossEntropy = loss { x, y, reduction, arguments throws(CallError) in
    let weight = try arguments.optionalTensor("weight")
    return try CallError.rethrowing { () throws(KernelError) in
      try BinaryCrossEntropy.pytorch(input: x, target: y, weight: weight, reduction: reduction)
    }
  }

  static let binaryCrossEntropyWithLogits = loss { x, y, reduction, arguments throws(CallError) in
    let weight = try arguments.optionalTensor("weight"), posWeight = try arguments.optionalTensor("pos_weight")
    return try CallError.rethrowing { () throws(KernelError) in
      try BinaryCrossEntropyWithLogits.pytorch(input: x, target: y, weight: weight, posWeight: posWeight, reduction: reduction)
    }
  }

  /// `poisson_nll_loss` checks the resolved string itself, before `get_enum` could accept
  /// `'elementwise_mean'`.
  static let poissonNLL = loss(LossTensorNames("log_input", "target")) { x, y, reduction, arguments throws(CallError) in
    let requested = try arguments.string("reduction")
    let legacy = try arguments.usesLegacyReduction()
    if requested == "elementwise_mean" && !legacy {
      throw CallError(kind: .argument, message: "elementwise_mean is not a valid value for reduction")
    }
    let logInput = try arguments.bool("log_input", stage: .construction), full = try arguments.bool("full")
    let eps = try arguments.number("eps")
    return try CallError.rethrowing { () throws(KernelError) in
      try PoissonNLLLoss.pytorch(input: x, target: y, logInput: logInput, full: full, eps: eps, reduction: reduction)
    }
  }

  /// `kl_div`'s own reduction handling: `'batchmean'` sums and then divides by `size(0)`,
  /// `'mean'` warns. The module resolves the legacy arguments to a string when constructed
  /// (so the warning and batchmean follow that string); the function resolves them to an enum
  /// and still divides when its `reduction` says `'batchmean'`.
  static func klDiv(module: Bool) -> Implementation {
    { arguments throws(CallError) in
      let requested = try arguments.string("reduction")
      let legacy = try arguments.usesLegacyReduction()
      var (reduction, warnings) = try PyTorchReduction.resolve(
        sizeAverage: arguments.optionalBool("size_average"), reduce: arguments.optionalBool("reduce"),
        reduction: requested == "batchmean" ? "sum" : requested)
      let effective = legacy && module ? reduction.rawValue : requested
      if effective == "mean" && (module || !legacy) { warnings.append(KLDivLoss.meanWarning) }
      let batchmean = module ? effective == "batchmean" : requested == "batchmean"
      let input = try arguments.tensor("input"), target = try arguments.tensor("target")
      let logTarget = try arguments.bool("log_target")
      let output = try CallError.rethrowing { () throws(KernelError) in
        try KLDivLoss.pytorch(input: input, target: target, reduction: reduction, batchmean: batchmean, logTarget: logTarget)
      }
      return .init(output, warnings: warnings)
    }
  }

  static let softMargin = loss { x, y, reduction, _ throws(CallError) in
    LossOutput(try CallError.rethrowing { () throws(KernelError) in try SoftMarginLoss.pytorch(input: x, target: y, reduction: reduction) })
  }
}
