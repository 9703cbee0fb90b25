import ParityCore

extension MultiLabelMarginLoss {
  /// `mindspore.ops.multilabel_margin_loss` once its primitive is built (the reduction checked):
  /// the primitive `MultilabelMarginLoss`'s inference, types first (a float16/32/64 `x`, then
  /// an int32 `target`), then shapes (each of rank 1 or 2, the two equal), and then kernel
  /// selection, which fails on CPU whatever the inputs (empty ones too): mindspore 2.10
  /// registers the op for Ascend and GPU only. So every call that passes the checks raises
  /// the `unsupported` error; no CPU value exists to reproduce.
  public static func mindspore(input: Tensor, target: Tensor) throws(KernelError) -> Never {
    let floats: [DType] = [.float16, .float32, .float64]
    guard floats.contains(input.dtype) else {
      throw mindSporeTypeError("x", floats, got: input.dtype)
    }
    guard target.dtype == .int32 else { throw mindSporeTypeError("target", [.int32], got: target.dtype) }
    guard [1, 2].contains(input.rank), [1, 2].contains(target.rank) else {
      throw KernelError(kind: .shape, message: "For MultilabelMarginLoss, the rank of input x and target should be 1 or 2, "
        + "while rank of x is : \(input.rank), rank of target is : \(target.rank).")
    }
    guard input.shape == target.shape else {
      func shown(_ shape: [Int]) -> String { "[const vector]{" + shape.map(String.init).joined(separator: ", ") + "}" }
      throw KernelError(kind: .shape, message: "For MultilabelMarginLoss, x_shape and target_shape should be the same, "
        + "while x_shape is : \(shown(input.shape)), target_shape is : \(shown(target.shape)).")
    }
    throw KernelError(kind: .unsupported, message: "Unsupported op [MultilabelMarginLoss] on CPU, Please confirm whether "
      + "the device target setting is correct, or refer to 'mindspore.ops' at https://www.mindspore.cn to query the "
      + "operator support list.")
  }

  static func mindSporeTypeError(_ name: String, _ valid: [DType], got: DType) -> KernelError {
    KernelError(kind: .dtype, message: "For primitive[MultilabelMarginLoss], the input argument[\(name)] must be a type of {"
      + valid.map { "Tensor[\($0.mindSporeName)]" }.joined(separator: ", ") + "}, but got Tensor[\(got.mindSporeName)].")
  }
}
