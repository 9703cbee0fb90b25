import ParityCore

/// An element type with its own `TensorStorage` case, so generic kernels can return tensors.
protocol StorageElement {
  static func storage(_ values: [Self]) -> TensorStorage
}

extension Float16: StorageElement {
  static func storage(_ values: [Float16]) -> TensorStorage { .float16(values) }
}

extension BFloat16: StorageElement {
  static func storage(_ values: [BFloat16]) -> TensorStorage { .bfloat16(values) }
}

extension Float: StorageElement {
  static func storage(_ values: [Float]) -> TensorStorage { .float32(values) }
}

extension Double: StorageElement {
  static func storage(_ values: [Double]) -> TensorStorage { .float64(values) }
}
