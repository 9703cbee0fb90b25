import ParityCore

extension TripletMarginLoss {
  /// `mindspore.ops.TripletMarginLoss`'s primitive once its attributes have passed their
  /// checks: the type inference (the three tensors of one dtype, then that dtype among the
  /// registered ones, the margin a float32 tensor), the shape inference (fewer than 8
  /// dimensions, not all three at most 1-d, a 0-d margin, shapes that broadcast), then kernel
  /// selection, which fails on CPU for every input: mindspore 2.10 registers the kernel for
  /// GPU only, so no call ever returns a value here.
  public static func mindspore(anchor: Tensor, positive: Tensor, negative: Tensor, margin: Tensor) throws(KernelError) -> Tensor {
    let inputs = [anchor, positive, negative]
    guard Set(inputs.map(\.dtype)).count == 1 else {
      throw KernelError(kind: .dtype, message: "For primitive[TripletMarginLoss], the input type must be same.")
    }
    // The check names the first of the map's sorted keys: negative, positive, x.
    guard [.float16, .float32, .float64, .int32, .int64].contains(negative.dtype) else {
      throw KernelError(kind: .dtype, message: "For primitive[TripletMarginLoss], the input argument[negative] must be a type of "
        + "{Tensor[Complex128], Tensor[Complex64], Tensor[Float16], Tensor[Float32], Tensor[Float64], Tensor[Int16], "
        + "Tensor[Int32], Tensor[Int64], Tensor[Int8], Tensor[UInt16], Tensor[UInt32], Tensor[UInt64], Tensor[UInt8]}, "
        + "but got Tensor[\(negative.dtype.mindSporeName)].")
    }
    guard margin.dtype == .float32 else {
      throw KernelError(kind: .dtype, message: "For primitive[TripletMarginLoss], the input argument[margin] must be a type of "
        + "{Tensor[Float32]}, but got Tensor[\(margin.dtype.mindSporeName)].")
    }
    let ranks = "x_dim: \(anchor.rank), positive_dim: \(positive.rank), negative_dim: \(negative.rank)."
    guard inputs.allSatisfy({ $0.rank < 8 }) else {
      throw KernelError(kind: .shape, message: "For TripletMarginLoss, dimensions of input x positive and negative must be smaller than 8, \(ranks)")
    }
    guard inputs.contains(where: { $0.rank > 1 }) else {
      throw KernelError(kind: .shape, message: "For TripletMarginLoss, dimensions of input x, positive and negative cannot be less "
        + "than 1 at the same time, \(ranks)")
    }
    guard margin.rank == 0 else {
      throw KernelError(kind: .shape, message: "For TripletMarginLoss, the dimension of input margin must be 0, margin_dim: \(margin.rank).")
    }
    guard broadcasts(inputs.map(\.shape)) else {
      throw KernelError(kind: .shape, message: "For TripletMarginLoss, inputs' shape can't broadcast.")
    }
    throw KernelError(kind: .unsupported, message: "Unsupported op [TripletMarginLoss] on CPU, Please confirm whether the device "
      + "target setting is correct, or refer to 'mindspore.ops' at https://www.mindspore.cn to query the operator support list.")
  }

  /// The shape inference's check: right-aligned, each dimension 1 or the largest of the three.
  static func broadcasts(_ shapes: [[Int]]) -> Bool {
    let rank = shapes.map(\.count).max() ?? 0
    let padded = shapes.map { [Int](repeating: 1, count: rank - $0.count) + $0 }
    return (0..<rank).allSatisfy { i in
      let size = padded.map { $0[i] }.max()!
      return padded.allSatisfy { $0[i] == size || $0[i] == 1 }
    }
  }
}
