import ParityCore

extension MindSporeOps {
  /// `op` as a CPU kernel runs it on MindSpore's pool threads, which it does for more than one
  /// output element: denormals are flushed there, so float32 and float64 subnormal operands
  /// read as zero and subnormal results are stored as zero (of their sign). float16 computes
  /// through float32, where its subnormals are normal. A one-element op runs on the calling
  /// thread and keeps subnormals.
  static func onPoolThreads(
    _ operands: [EagerTensor], _ op: ([EagerTensor]) throws(KernelError) -> EagerTensor
  ) throws(KernelError) -> EagerTensor {
    let shape = operands.dropFirst().reduce(Optional(operands.first?.shape ?? [])) { shape, operand in
      shape.flatMap { Shape.broadcast($0, operand.shape) }
    }
    guard let shape, (Shape.elementCount(shape) ?? 0) > 1 else { return try op(operands) }
    return flushedDenormals(try op(operands.map(flushedDenormals)))
  }

  /// `a` with each float32 or float64 subnormal replaced by zero of its sign.
  static func flushedDenormals(_ a: EagerTensor) -> EagerTensor {
    guard [.float32, .float64].contains(a.dtype) else { return a }
    return EagerTensor(shape: a.shape, dtype: a.dtype, values: a.values.map { flushedDenormal($0, a.dtype) })
  }

  /// `value` as a pool thread reads or stores it in `dtype`: a float32 or float64 subnormal
  /// is zero of its sign; other dtypes keep it.
  static func flushedDenormal(_ value: Double, _ dtype: DType) -> Double {
    let smallest: Double
    switch dtype {
    case .float32: smallest = Double(Float.leastNormalMagnitude)
    case .float64: smallest = Double.leastNormalMagnitude
    default: return value
    }
    return abs(value) < smallest ? (value.sign == .minus ? -0.0 : 0.0) : value
  }
}
