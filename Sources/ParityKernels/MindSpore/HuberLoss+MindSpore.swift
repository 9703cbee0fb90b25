import ParityCore

extension HuberLoss {
  /// `mindspore.ops.huber_loss` once `delta` is checked, op by op:
  /// `z = Abs(Sub(x, y)); Select(Less(z, delta), Mul(0.5, Square(z)), Mul(delta, Sub(z, 0.5 * delta)))`,
  /// then `_get_loss`. A Python number is a 0-d float32 tensor to these primitives: a float16
  /// tensor with dimensions keeps its dtype (rounding after every op), while a 0-d float16
  /// or an integer tensor gives a float32 loss; float64 is rounded through float32 by
  /// `_get_loss`. A difference of |z| = delta takes the linear branch.
  public static func mindspore(input: Tensor, target: Tensor, reduction: LossReduction, delta: Double) throws(KernelError) -> Tensor {
    let common = MindSporeOps.promoted(input.dtype, target.dtype)
    if common == .bool {
      let valid = ["BFloat16", "Float16", "Float32", "Float64", "Int16", "Int32", "Int64", "Int8", "UInt16", "UInt32", "UInt64", "UInt8"]
      throw KernelError(kind: .dtype, message: "For primitive[Sub], the input argument[x] must be a type of {"
        + valid.map { "Tensor[\($0)]" }.joined(separator: ", ") + "}, but got Tensor[Bool].")
    }
    let difference = try MindSporeOps.binary(EagerTensor(input), EagerTensor(target), .sub, -)
    guard common != .bfloat16 else { throw MindSporeOps.unsupported("Sub") }
    let z = MindSporeOps.unary(difference) { Swift.abs($0) }
    let bound = EagerTensor.rounded(delta, to: DType.torchResultType(z.dtype, rank: z.shape.count, .float32, rank: 0))
    let quadratic = MindSporeOps.primitiveScalar(MindSporeOps.unary(z) { $0 * $0 }, 0.5, *)
    let linear = MindSporeOps.primitiveScalar(MindSporeOps.primitiveScalar(z, 0.5 * delta, -), delta, *)
    let loss = EagerTensor(
      shape: z.shape, dtype: quadratic.dtype,
      values: z.values.indices.map { z.values[$0] < bound ? quadratic.values[$0] : linear.values[$0] })
    return try MindSporeLossReduction.getLoss(loss, reduction)
  }
}
