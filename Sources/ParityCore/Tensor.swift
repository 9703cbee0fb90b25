/// A dense, contiguous, row-major tensor: what fixtures hold and what kernels return.
public struct Tensor: Sendable, Equatable {
  public let shape: [Int]
  public let storage: TensorStorage

  /// Pairs a shape with its elements; the caller guarantees the count matches
  /// (the loader checks it before building, kernels by construction).
  @inlinable
  public init(shape: [Int], storage: TensorStorage) {
    assert(Shape.elementCount(shape) == storage.count, "shape \(shape) with \(storage.count) elements")
    self.shape = shape
    self.storage = storage
  }

  @inlinable public var dtype: DType { storage.dtype }
  @inlinable public var count: Int { storage.count }
  @inlinable public var rank: Int { shape.count }
}

extension Tensor {
  public init(_ values: [Float], shape: [Int]? = nil) {
    self.init(shape: shape ?? [values.count], storage: .float32(values))
  }

  public init(_ values: [Double], shape: [Int]? = nil) {
    self.init(shape: shape ?? [values.count], storage: .float64(values))
  }

  /// A tensor of `dtype` from `Double`s, each rounded once to the dtype.
  public init(dtype: DType, shape: [Int], doubles: [Double]) {
    self.init(shape: shape, storage: TensorStorage(dtype: dtype, doubles: doubles))
  }
}
