import ParityCore

/// The checks `nll_loss_nd` and then `nll_loss` / `nll_loss2d` make before any element is
/// read, in their order and words (out-of-range targets are found while reading).
enum PyTorchNLLChecks {
  static func check(input: Tensor, target: Tensor, weight: Tensor?, reduction: LossReduction) throws(KernelError) {
    let xs = input.shape, ts = target.shape
    guard !xs.isEmpty else {
      throw KernelError(kind: .shape, message: "Expected 1 or more dimensions (got 0)")
    }
    if xs.count != 1 && xs[0] != (ts.first ?? 0) {
      throw KernelError(kind: .shape, message: "Expected input batch_size (\(xs[0])) to match target batch_size (\(ts.first ?? 0)).")
    }
    if xs.count == 3 || xs.count > 4 {
      if Array(ts.dropFirst()) != Array(xs.dropFirst(2)) {
        let expected = [xs[0]] + xs.dropFirst(2)
        throw KernelError(kind: .shape, message: "Expected target size \(Shape.listText(expected)), got \(Shape.listText(ts))")
      }
    }
    let classes = xs.count == 1 ? xs[0] : xs[1]
    if xs.count <= 2 {
      guard ts.count <= 1 else {
        throw KernelError(kind: .shape, message: "0D or 1D target tensor expected, multi-target not supported")
      }
      // a 1-D input is one sample whatever its target's size (torch 2.15 returned a value for
      // input (3,) and target (1,))
      if xs.count == 2 && xs[0] != (ts.first ?? -1) {
        throw KernelError(kind: .shape, message: "size mismatch (got input: \(Shape.listText(xs)), target: \(Shape.listText(ts)))")
      }
      if let weight, !(weight.shape.count == 1 && weight.shape[0] == classes) {
        throw KernelError(kind: .shape, message: "weight tensor should be defined either for all \(classes) classes or no classes "
          + "but got weight tensor of shape: \(Shape.listText(weight.shape))")
      }
    } else if xs.count == 4 {
      guard ts.count == 3 else {
        throw KernelError(kind: .shape, message: "only batches of spatial targets supported (3D tensors) but got targets of dimension: \(ts.count)")
      }
      if let weight, weight.count != classes {
        throw KernelError(kind: .shape, message: "weight tensor should be defined either for all or no classes")
      }
      if xs[0] != ts[0] || xs[2] != ts[1] || xs[3] != ts[2] {
        throw KernelError(kind: .shape, message: "size mismatch (got input: \(Shape.listText(xs)) , target: \(Shape.listText(ts))")
      }
    }
    try checkDTypes(input: input, target: target, weight: weight)
  }

  static func checkDTypes(input: Tensor, target: Tensor, weight: Tensor?) throws(KernelError) {
    guard input.dtype.isFloatingPoint else {
      throw KernelError(kind: .dtype, message: "\"nll_loss_out_frame\" not implemented for '\(input.dtype.torchName)'")
    }
    guard target.dtype == .int64 else {
      throw KernelError(kind: .dtype, message: "expected target dtype to be Long or Byte, but got \(target.dtype.torchName)")
    }
    if let weight, weight.dtype != input.dtype {
      throw .torchScalarType(expected: input.dtype, found: weight.dtype)
    }
  }
}
