import ParityCore

extension KernelError {
  /// ATen's `expected scalar type X but found Y`, raised where a kernel reads a tensor through
  /// a pointer of another dtype (a weight unlike the input, class indices not int64). The
  /// recorder's classifier files it under `dtype`, so every port raises it through here.
  static func torchScalarType(expected: DType, found: DType) -> KernelError {
    KernelError(kind: .dtype, message: "expected scalar type \(expected.torchName) but found \(found.torchName)")
  }

  /// The shape check ATen's multi-margin and multi-label-margin kernels share: a non-empty
  /// vector or matrix, or a 0-d input.
  static func torchNonEmptyVectorOrMatrix(_ shape: [Int]) -> KernelError {
    KernelError(kind: .shape, message: "Expected non-empty vector or matrix with optional 0-dim batch size, but got: \(Shape.listText(shape))")
  }
}
