import ParityCore

extension PoissonNLLLoss {
  /// `mindspore.nn.PoissonNLLLoss.construct`, op by op: the target cast to the input's
  /// dtype, `Exp(x) - t * x` (or `x - t * Log(x + eps)`), and with `full` the Stirling term
  /// `(t + 0.5) Log(t) - t + ln(2 pi)/2` where `t = Maximum(t, eps) > 1` (MindSpore's form,
  /// not PyTorch's `t log t - t + log(2 pi t)/2`), then `_get_loss`. float32 `Exp`/`Log` are
  /// nnacl's approximations; float64 is rounded through float32 by `_get_loss`.
  public static func mindspore(
    input: Tensor, target: Tensor, logInput: Bool, full: Bool, eps: Double, reduction: LossReduction
  ) throws(KernelError) -> Tensor {
    let x = EagerTensor(input)
    var t = MindSporeOps.cast(EagerTensor(target), to: x.dtype)
    var loss: EagerTensor
    if logInput {
      try checkTranscendental("Exp", x.dtype)
      let product = try MindSporeOps.binary(t, x, .mul, *)
      loss = try MindSporeOps.binary(MindSporeLossExpLog.exp(x), product, .sub, -)
    } else {
      let shifted = MindSporeOps.scalar(x, eps, +)
      try checkTranscendental("Log", shifted.dtype)
      let product = try MindSporeOps.binary(t, MindSporeLossExpLog.log(shifted), .mul, *)
      loss = try MindSporeOps.binary(x, product, .sub, -)
    }
    if full {
      t = MindSporeOps.scalar(t, eps) { a, b in a.isNaN ? a : Swift.max(a, b) }
      try checkTranscendental("Log", t.dtype)
      let upper = MindSporeOps.scalar(t, 0.5, +)
      var stirling = try MindSporeOps.binary(upper, MindSporeLossExpLog.log(t), .mul, *)
      stirling = try MindSporeOps.binary(stirling, t, .sub, -)
      stirling = MindSporeOps.scalar(stirling, 0.9189385332046727, +)
      // `(t > 1) * term` (a bool times the term: 0 * inf is NaN), then `masked_fill(t <= 1, 0)`.
      stirling.values = zip(t.values, stirling.values).map { target, term in
        target <= 1 ? 0 : (target > 1 ? term : 0 * term)
      }
      loss = try MindSporeOps.binary(loss, stirling, .add, +)
    }
    return try MindSporeLossReduction.getLoss(loss, reduction)
  }

  /// The CPU `Exp`/`Log` kernels take float16/32/64 here: int32 fails the primitive's type
  /// check, int64, bool and bfloat16 find no kernel.
  static func checkTranscendental(_ op: String, _ dtype: DType) throws(KernelError) {
    switch dtype {
    case .float16, .float32, .float64:
      return
    case .int32:
      throw KernelError(kind: .dtype, message: "For primitive[\(op)], the input argument[input] must be a type of "
        + "{BFloat16, Bool, Complex128, Complex64, Float16, Float32, Float64, Int64}, but got Int32.")
    case .int64, .bool, .bfloat16:
      throw MindSporeOps.unsupported(op)
    }
  }
}
