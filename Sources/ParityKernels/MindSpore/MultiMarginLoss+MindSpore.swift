import ParityCore

extension MultiMarginLoss {
  /// The `MultiMarginLoss` primitive on CPU (mindspore 2.10), once its attributes (`p`, the
  /// float `margin`, `reduction`) are checked: the type checks (input and weight the same
  /// dtype, then the weight's, the input's and the target's: float16/32/64 and int64 only),
  /// the shapes (`(N, C)` input, `(N,)` target, `(C,)` weight), then the kernel: a float16
  /// input without a weight is refused (its weight pointer is null), every target must be in
  /// `[0, C)`, and per sample, in the input's dtype (float for float16, rounded to float16 at
  /// the end), `calc = (margin + x[i]) - x[t]` with `margin` a float32 attribute, `calc` or
  /// `calc * calc`, `* w[t]`, added up in class order and divided by C; `sum` and `mean` add
  /// the samples in order in that dtype, `mean` then divides by N.
  public static func mindspore(
    input: Tensor, target: Tensor, weight: Tensor?, p: Int, margin: Double, reduction: LossReduction
  ) throws(KernelError) -> Tensor {
    try checkTypes(input: input, target: target, weight: weight)
    let xs = input.shape, ts = target.shape
    guard xs.count == 2 && ts.count == 1 else {
      throw KernelError(kind: .shape, message: "For MultiMarginLoss, the rank of input x and target should be 2 and 1, "
        + "while rank of x is \(xs.count), rank of target is  \(ts.count)")
    }
    guard xs[0] == ts[0] else {
      throw KernelError(kind: .shape, message: "For MultiMarginLoss x_shape[0] and target_shape[0] should be the same, "
        + "while x_shape[0] is \(xs[0]), target_shape[0] is \(ts[0])")
    }
    if let weight {
      guard weight.shape.count == 1 else {
        throw KernelError(kind: .shape, message: "For MultiMarginLoss the rank of weight should be 1, but get \(weight.shape.count)")
      }
      guard weight.shape[0] == xs[1] else {
        throw KernelError(kind: .shape, message: "For MultiMarginLoss x_shape[1] and weight_shape[0] should be the same, "
          + "while x_shape[1] is \(xs[1]), weight_shape[0] is \(weight.shape[0])")
      }
    }
    if input.dtype == .float16 && weight == nil {
      throw KernelError(kind: .other, message: "The pointer[weight_addr] is null.")
    }
    let (frames, classes) = (xs[0], xs[1])
    let t = target.storage.doubleValues
    guard t.allSatisfy({ $0 >= 0 && $0 < Double(classes) }) else {
      throw KernelError(kind: .other, message: "Target out of range.")
    }
    // float16 computes in float; float32 and float64 in their own dtype
    let compute: DType = input.dtype == .float16 ? .float32 : input.dtype
    func r(_ v: Double) -> Double { EagerTensor.rounded(v, to: compute) }
    let x = input.storage.doubleValues, w = weight?.storage.doubleValues
    let m = r(Double(Float(margin)))
    var losses: [Double] = []
    for n in 0..<frames {
      let c = Int(t[n]), row = n * classes, xt = x[row + c]
      var sum = 0.0
      for i in 0..<classes where i != c {
        var calc = r(r(m + x[row + i]) - xt)
        guard calc > 0 else { continue }
        if p != 1 { calc = r(calc * calc) }
        if let w { calc = r(calc * w[c]) }
        sum = r(sum + calc)
      }
      losses.append(r(sum / Double(classes)))
    }
    let values: [Double]
    switch reduction {
    case .none:
      values = losses
    case .sum, .mean:
      var total = losses.reduce(0) { r($0 + $1) }
      if reduction == .mean { total = r(total / Double(frames)) }
      values = [total]
    }
    let shape = reduction == .none ? [frames] : []
    return EagerTensor(shape: shape, dtype: input.dtype, values: values.map { EagerTensor.rounded($0, to: input.dtype) }).tensor
  }

  /// The primitive's type checks, in the order their errors were recorded: a weight of another
  /// dtype than the input, then the weight's dtype, the input's, the target's.
  static func checkTypes(input: Tensor, target: Tensor, weight: Tensor?) throws(KernelError) {
    let floats: [DType] = [.float16, .float32, .float64]
    let valid = "{Tensor[Float16], Tensor[Float32], Tensor[Float64]}"
    if let weight {
      guard weight.dtype == input.dtype else {
        throw KernelError(kind: .dtype, message: "For primitive[MultiMarginLoss], the input type must be same.")
      }
      guard floats.contains(weight.dtype) else {
        throw KernelError(kind: .dtype, message: "For primitive[MultiMarginLoss], the input argument[weight] must be a type of \(valid), "
          + "but got Tensor[\(weight.dtype.mindSporeName)].")
      }
    }
    guard floats.contains(input.dtype) else {
      throw KernelError(kind: .dtype, message: "For primitive[MultiMarginLoss], the input argument[x] must be a type of \(valid), "
        + "but got Tensor[\(input.dtype.mindSporeName)].")
    }
    guard target.dtype == .int64 else {
      throw KernelError(kind: .dtype, message: "For primitive[MultiMarginLoss], the input argument[target] must be a type of "
        + "{Tensor[Int64]}, but got Tensor[\(target.dtype.mindSporeName)].")
    }
  }
}
