import ParityCore

extension MarginRankingLoss {
  /// `mindspore.ops.margin_ranking_loss` once `margin` is checked to be a float: the three
  /// tensors must share one dtype (input1 with input2, then target with input1; no promotion),
  /// then op by op, in Python's order: `Neg(target)` (no bool kernel), `SubExt(input1, input2)`,
  /// `Mul` (each broadcasting), `+ margin` (the margin converted to the dtype; an integer
  /// product becomes float32), `ClampScalar(min=0)`, whose CPU `Maximum` turns NaN into 0 and
  /// has no bfloat16 kernel; then `_get_loss`, which checks `reduction` and rounds float64
  /// through float32. Ops of more than one element flush denormals (`MindSporeOps.onPoolThreads`).
  ///
  /// A missing kernel surfaces only when the result is synchronised, after `_get_loss` has
  /// checked the reduction in Python, while a shape that does not broadcast is refused as the
  /// op is called.
  public static func mindspore(
    input1: Tensor, input2: Tensor, target: Tensor, margin: Double, reduction: Result<LossReduction, KernelError>
  ) throws(KernelError) -> Tensor {
    try checkSameDType(("input1", input1), ("input2", input2))
    try checkSameDType(("target", target), ("input1", input1))
    var missingKernel: KernelError?
    func noteMissingKernel(_ op: String, if unsupported: Bool) {
      if unsupported && missingKernel == nil { missingKernel = MindSporeOps.unsupported(op) }
    }
    noteMissingKernel("Neg", if: target.dtype == .bool)
    let negated = try MindSporeOps.onPoolThreads([EagerTensor(target)]) { t in MindSporeOps.negate(t[0]) }
    let difference = try MindSporeOps.onPoolThreads([EagerTensor(input1), EagerTensor(input2)]) { x throws(KernelError) in
      try MindSporeOps.binary(x[0], x[1], .subExt, -)
    }
    let product = try MindSporeOps.onPoolThreads([negated, difference]) { x throws(KernelError) in
      try MindSporeOps.binary(x[0], x[1], .mul, *)
    }
    let unclamped = try MindSporeOps.onPoolThreads([product]) { x in MindSporeOps.scalar(x[0], margin, +) }
    noteMissingKernel("Maximum", if: unclamped.dtype == .bfloat16)
    let loss = try MindSporeOps.onPoolThreads([unclamped]) { x in MindSporeOps.unary(x[0]) { $0 > 0 ? $0 : 0 } }
    let checked = try reduction.get()
    if let missingKernel { throw missingKernel }
    return try MindSporeLossReduction.getLoss(loss, checked)
  }

  /// `check_input_dtype`: the TypeError when two tensors' dtypes differ.
  private static func checkSameDType(_ a: (name: String, tensor: Tensor), _ b: (name: String, tensor: Tensor)) throws(KernelError) {
    guard a.tensor.dtype != b.tensor.dtype else { return }
    throw KernelError(kind: .dtype, message: "For margin_ranking_loss, the \(a.name) dtype should be equal to \(b.name) dtype, "
      + "but got \(a.name) dtype:\(a.tensor.dtype.mindSporeName), \(b.name) dtype:\(b.tensor.dtype.mindSporeName).")
  }
}
