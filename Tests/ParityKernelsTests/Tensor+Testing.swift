import ParityCore

extension Tensor {
  /// The only element of a 0-d or one-element tensor, widened to Double.
  var scalar: Double {
    precondition(count == 1, "tensor of shape \(shape) is not a scalar")
    return storage.doubleValues[0]
  }

  var doubles: [Double] { storage.doubleValues }

  init(float16 values: [Float16], shape: [Int]? = nil) {
    self.init(shape: shape ?? [values.count], storage: .float16(values))
  }

  init(bfloat16 values: [BFloat16], shape: [Int]? = nil) {
    self.init(shape: shape ?? [values.count], storage: .bfloat16(values))
  }
}
