import Foundation
import ParityCore

extension SoftMarginLoss {
  /// PyTorch CPU semantics of torch.nn.functional.soft_margin_loss (forward).
  ///
  /// Loss.cpp runs four ops on a buffer shaped like `input`, each rounded to `input`'s
  /// dtype: `-input`, `* target` (in the promoted dtype), `exp`, `log1p`. Nothing is
  /// stabilised, so a margin `-x*y` past exp's range gives `inf`, as PyTorch does. `sum`
  /// accumulates in Float (Double for float64) and `mean` divides that sum by the count
  /// before rounding once to the output dtype; both return a 0-d tensor.
  public static func pytorch(input: Tensor, target: Tensor, reduction: LossReduction) throws(KernelError) -> Tensor {
    try checkPyTorchArguments(input: input, target: target)
    let factors = PyTorchFactors(target: target, input: input)
    switch (input.storage, factors) {
    case (.float32(let x), .float(let y)): return chunkedLosses(x, y, shape: input.shape, reduction: reduction)
    case (.float32(let x), .double(let y)): return pytorchLosses(x, y, shape: input.shape, reduction: reduction)
    case (.float64(let x), .double(let y)): return chunkedLosses(x, y, shape: input.shape, reduction: reduction)
    case (.float16(let x), .float(let y)): return pytorchLosses(x, y, shape: input.shape, reduction: reduction)
    case (.float16(let x), .double(let y)): return pytorchLosses(x, y, shape: input.shape, reduction: reduction)
    case (.bfloat16(let x), .float(let y)): return pytorchLosses(x, y, shape: input.shape, reduction: reduction)
    case (.bfloat16(let x), .double(let y)): return pytorchLosses(x, y, shape: input.shape, reduction: reduction)
    default: preconditionFailure("a float64 input always multiplies in float64; non-float inputs were rejected")
    }
  }

  /// The checks in the order PyTorch meets them: `neg` refuses bool, the in-place `mul_`
  /// checks shapes and then whether its result type fits the output, and `exp_` refuses
  /// an integer output.
  static func checkPyTorchArguments(input: Tensor, target: Tensor) throws(KernelError) {
    if input.dtype == .bool {
      throw KernelError(kind: .dtype, message: "Negation, the `-` operator, on a bool tensor is not supported. "
        + "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
    }
    guard let broadcast = Shape.broadcast(input.shape, target.shape) else {
      throw KernelError(kind: .shape, message: torchSizeMismatch(input.shape, target.shape))
    }
    // The output is `input`'s buffer: the target may broadcast to it, never widen it.
    guard broadcast == input.shape else {
      throw KernelError(kind: .shape, message: "output with shape \(Shape.listText(input.shape)) "
        + "doesn't match the broadcast shape \(Shape.listText(broadcast))")
    }
    guard input.dtype.isFloatingPoint else {
      // An integer or bool target multiplies fine and `exp_` fails on Float instead.
      let result = target.dtype.isFloatingPoint
        ? DType.torchResultType(input.dtype, rank: input.rank, target.dtype, rank: target.rank) : .float32
      throw KernelError(kind: .dtype, message: "result type \(result.torchName) can't be cast to the desired "
        + "output type \(input.dtype.torchName)")
    }
  }

  /// float32 input: Float ops round by themselves; `F` decides where the multiply runs.
  static func pytorchLosses<F: ProductFactor>(_ x: [Float], _ y: [F], shape: [Int], reduction: LossReduction) -> Tensor {
    let losses = [Float](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          for i in 0..<x.count {
            out[i] = log1p(exp(F.product(-x[i], y[i])))
          }
        }
      }
      initialized = x.count
    }
    return PyTorchLossReduction(reduction: reduction).reduce(losses, shape: shape, NativeRounding<Float>.self)
  }

  /// float16/bfloat16 input: each op in Float, rounded back to 16 bits. The losses are kept
  /// widened (exactly) so the reductions can sum them in Float without another pass.
  static func pytorchLosses<H: ReducedPrecisionFloat, F: ProductFactor>(
    _ x: [H], _ y: [F], shape: [Int], reduction: LossReduction
  ) -> Tensor {
    let losses = [Float](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          for i in 0..<x.count {
            let product = H.stored(F.product(-x[i].float, y[i]))
            out[i] = H.stored(log1p(H.stored(exp(product))))
          }
        }
      }
      initialized = x.count
    }
    // PyTorch's reductions of a 16-bit tensor sum (and divide) in Float, then round once.
    return PyTorchLossReduction(reduction: reduction).reduce(losses, shape: shape, ReducedRounding<H>.self)
  }

  /// `infer_size`'s error: the first dimension from the right where neither size is 1.
  static func torchSizeMismatch(_ a: [Int], _ b: [Int]) -> String {
    let rank = max(a.count, b.count)
    for i in stride(from: rank - 1, through: 0, by: -1) {
      let offset = rank - 1 - i
      let sizeA = a.count - 1 - offset >= 0 ? a[a.count - 1 - offset] : 1
      let sizeB = b.count - 1 - offset >= 0 ? b[b.count - 1 - offset] : 1
      if sizeA != sizeB && sizeA != 1 && sizeB != 1 {
        return "The size of tensor a (\(sizeA)) must match the size of tensor b (\(sizeB)) "
          + "at non-singleton dimension \(i)"
      }
    }
    return "shapes \(Shape.listText(a)) and \(Shape.listText(b)) cannot be broadcast together"
  }
}
