import ParityCore

/// What `torch.nn.functional`'s loss wrappers do before the kernel: size warnings, broadcasting
/// and the checks of the ATen ops they call, with PyTorch's messages.
enum PyTorchLossArguments {
  /// `torch.Size([2, 3])`, as Python prints a size.
  static func torchSize(_ shape: [Int]) -> String {
    "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
  }

  /// The warning l1/mse/smooth_l1/huber/poisson emit when the shapes differ.
  static func sizeWarning(input: [Int], target: [Int]) -> [String] {
    guard input != target else { return [] }
    return ["Using a target size (\(torchSize(target))) that is different to the input size (\(torchSize(input))). "
      + "This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size."]
  }

  /// `torch.broadcast_tensors` (or a TensorIterator's) result shape, or its error.
  static func broadcast(_ a: [Int], _ b: [Int]) throws(KernelError) -> [Int] {
    guard let shape = Shape.broadcast(a, b) else {
      throw KernelError(kind: .shape, message: SoftMarginLoss.torchSizeMismatch(a, b))
    }
    return shape
  }

  /// `input - target` refuses bool operands before anything is computed.
  static func checkSubtraction(_ input: Tensor, _ target: Tensor) throws(KernelError) {
    try checkSubtraction(input.dtype, target.dtype)
  }

  static func checkSubtraction(_ a: DType, _ b: DType) throws(KernelError) {
    switch (a == .bool, b == .bool) {
    case (true, true):
      throw KernelError(kind: .dtype, message: "Subtraction, the `-` operator, with two bool tensors is not supported. "
        + "Use the `^` or `logical_xor()` operator instead.")
    case (true, false), (false, true):
      throw KernelError(kind: .dtype, message: "Subtraction, the `-` operator, with a bool tensor is not supported. "
        + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
    case (false, false):
      return
    }
  }

  /// The error `mean()` raises for an integer tensor.
  static func integerMean(_ dtype: DType) -> KernelError {
    KernelError(kind: .dtype, message: "mean(): could not infer output dtype. Input dtype must be either a floating "
      + "point or complex dtype. Got: \(dtype.torchName)")
  }
}
