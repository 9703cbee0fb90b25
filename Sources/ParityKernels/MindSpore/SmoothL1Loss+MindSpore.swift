import ParityCore

extension SmoothL1Loss {
  /// MindSpore's `SmoothL1Loss` CPU kernel, in `T` (float32 or float64):
  /// `d = |p - t|; d < beta ? 0.5 * d * d / beta : d - 0.5 * beta`, left to right, with
  /// `beta` the primitive's float attribute.
  struct MindSporeChain: PointwiseChain {
    var beta: Float

    @inline(__always)
    func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      let beta = R.Scalar(Double(self.beta))
      let d = Swift.abs(o.x - o.y)
      return d < beta ? 0.5 * d * d / beta : d - 0.5 * beta
    }
  }

  /// The primitive `SmoothL1Loss(beta, reduction)`: identical shapes (no broadcasting),
  /// float16/32/64 operands only (anything with bfloat16, an integer or bool finds no CPU
  /// kernel), a positive beta, then the kernel and its own reduction. The kernel exists for
  /// float32 and float64 only: float16, and a float32 with a float64, compute in float32
  /// (so nothing is rounded to half, or widened to double, before the output).
  public static func mindspore(input: Tensor, target: Tensor, beta: Double, reduction: LossReduction) throws(KernelError) -> Tensor {
    guard input.shape == target.shape else {
      throw KernelError(kind: .shape, message: "For primitive[SmoothL1Loss], the prediction_shape: "
        + "\(Shape.vectorText(input.shape)) must be equal to \(Shape.vectorText(target.shape))")
    }
    let kernelTypes: [DType] = [.float16, .float32, .float64]
    guard kernelTypes.contains(input.dtype) && kernelTypes.contains(target.dtype) else {
      throw MindSporeOps.unsupported("SmoothL1Loss")
    }
    let attribute = Float(beta)
    guard attribute >= 0 else {
      throw KernelError(kind: .argument, message: "For 'SmoothL1Loss', the values for beta not support negative values, "
        + "but got \(cppFloat(attribute)).")
    }
    guard attribute > 0 else {
      throw KernelError(kind: .argument, message: "For 'SmoothL1Loss', the values for beta should greater than 0, "
        + "but got \(cppFloat(attribute)).")
    }
    // Only two float64 operands select the float64 kernel; any other pair is cast to float32
    // for the float32 kernel, whose result is cast to the promoted dtype.
    let output = MindSporeOps.promoted(input.dtype, target.dtype)
    let kernel: DType = input.dtype == .float64 && target.dtype == .float64 ? .float64 : .float32
    let operands = PointwiseOperands(x: input, y: target, shape: input.shape)
    let result = PointwiseEvaluation.evaluate(
      MindSporeChain(beta: attribute), operands, dtype: kernel, reduce: MindSporeKernelReduction(reduction: reduction))
    guard output != kernel else { return result }
    return Tensor(dtype: output, shape: result.shape, doubles: result.storage.doubleValues)
  }

  /// A float as C++'s `ostream` prints it (`-1`, `0.5`).
  static func cppFloat(_ value: Float) -> String {
    value == value.rounded() && Swift.abs(value) < 1e6 ? String(Int(value)) : "\(value)"
  }
}
