import ParityCore

extension MSELoss {
  /// MindSpore's mean squared error once its arguments are checked: `Square(SubExt(input,
  /// target))` (broadcasting, promoting; CPU `Square` has no bool or bfloat16 kernel), then
  /// reduced in float32 as `_get_loss` does. `nn.MSELoss` casts back to the difference's
  /// dtype (an integer mean truncated); `ops.mse_loss` casts a non-float difference to
  /// float32 instead (`functional`). Either way float64 is rounded through float32.
  public static func mindspore(
    input: Tensor, target: Tensor, reduction: LossReduction, functional: Bool
  ) throws(KernelError) -> Tensor {
    let difference = try MindSporeOps.binary(EagerTensor(input), EagerTensor(target), .subExt, -)
    guard difference.dtype != .bool && difference.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Square") }
    var squares = MindSporeOps.unary(difference) { $0 * $0 }
    if functional && squares.dtype == .float32 && squares.count == 0 && reduction != .none {
      return emptyFloat32(reduction)
    }
    if functional && !squares.dtype.isFloatingPoint { squares = MindSporeOps.cast(squares, to: .float32) }
    return try MindSporeLossReduction.getLoss(squares, reduction)
  }

  /// `ops.mse_loss` of empty float32 tensors, where its `cast_` to float32 is a no-op and
  /// `reduce_sum_` runs on `square_`'s empty output directly: the sum is the float whose bits
  /// are 1 (1.4e-45) and the mean that divided by 0, +inf. Measured, not derived: the same in
  /// three calls with the memory pool overwritten between them and in fresh processes (the
  /// other dtypes' empty reductions change between calls and are recorded as undefined).
  static func emptyFloat32(_ reduction: LossReduction) -> Tensor {
    let sum = Float(bitPattern: 1)
    return Tensor(shape: [], storage: .float32([reduction == .sum ? sum : sum / 0]))
  }
}
