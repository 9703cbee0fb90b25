import ParityCore

extension SoftMarginLoss {
  /// MindSpore's SoftMarginLoss semantics: its CPU-side checks plus its documented GPU kernel's form.
  ///
  /// MindSpore 2.10.0 has no CPU kernel; the checks are the ones that run on CPU before
  /// kernel selection (shape, then dtype), and the values follow softmarginloss_impl.cu:
  /// `log(1 + exp(-y * x))` with every op in the input dtype (so a loss below half an ulp
  /// of 1 becomes exactly 0), summed by the kernel's in-place halving tree in that dtype,
  /// and the mean divided by the count as the kernel converts it.
  public static func mindspore(logits: Tensor, labels: Tensor, reduction: LossReduction) throws(KernelError) -> Tensor {
    try checkMindSporeArguments(logits: logits, labels: labels)
    switch (logits.storage, labels.storage) {
    case (.float16(let x), .float16(let y)): return mindSporeLosses(x, y, shape: logits.shape, reduction: reduction)
    case (.float32(let x), .float32(let y)): return mindSporeLosses(x, y, shape: logits.shape, reduction: reduction)
    case (.float64(let x), .float64(let y)): return mindSporeLosses(x, y, shape: logits.shape, reduction: reduction)
    default: preconditionFailure("dtypes were checked to be equal and float16/32/64")
    }
  }

  /// The dtypes the kernel is registered for.
  static let mindSporeDTypes: [DType] = [.float16, .float32, .float64]

  /// The primitive's shape inference (exact equality, no broadcasting) and type inference
  /// (`CheckTensorTypeSame` over float16/32/64).
  static func checkMindSporeArguments(logits: Tensor, labels: Tensor) throws(KernelError) {
    guard logits.shape == labels.shape else {
      throw KernelError(kind: .shape, message: "For primitive[SoftMarginLoss], the input_shape: "
        + "\(Shape.vectorText(logits.shape)) must be equal to the labels shape: \(Shape.vectorText(labels.shape)).")
    }
    guard logits.dtype == labels.dtype else {
      throw KernelError(kind: .dtype, message: "For primitive[SoftMarginLoss], the input type must be same. "
        + "name:[logits]:Tensor[\(logits.dtype.mindSporeName)], name:[labels]:Tensor[\(labels.dtype.mindSporeName)].")
    }
    guard mindSporeDTypes.contains(logits.dtype) else {
      let valid = mindSporeDTypes.map { "Tensor[\($0.mindSporeName)]" }.joined(separator: ", ")
      throw KernelError(kind: .dtype, message: "For primitive[SoftMarginLoss], the input argument[logits] must be "
        + "a type of {\(valid)}, but got Tensor[\(logits.dtype.mindSporeName)].")
    }
  }

  static func mindSporeLosses<T: DeviceFloat>(_ x: [T], _ y: [T], shape: [Int], reduction: LossReduction) -> Tensor {
    var losses = [T](unsafeUninitializedCapacity: x.count) { out, initialized in
      x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          for i in 0..<x.count {
            out[i] = T.deviceLog(1 + T.deviceExp(-y[i] * x[i]))
          }
        }
      }
      initialized = x.count
    }
    if reduction == .none { return Tensor(shape: shape, storage: T.storage(losses)) }
    let sum = losses.withUnsafeMutableBufferPointer { Summation.halvingTree($0) }
    let value = reduction == .mean ? sum / T.deviceCount(losses.count) : sum
    return Tensor(shape: [], storage: T.storage([value]))
  }
}
