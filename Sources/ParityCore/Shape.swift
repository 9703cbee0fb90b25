/// Shape arithmetic shared by the loader (which must never allocate for a hostile shape)
/// and the kernels (which broadcast).
public enum Shape {
  /// The number of elements, or `nil` when a dimension is negative or the product overflows `Int`.
  @inlinable
  public static func elementCount(_ shape: [Int]) -> Int? {
    guard shape.allSatisfy({ $0 >= 0 }) else { return nil }
    // A zero dimension anywhere empties the tensor, even beside dimensions whose product overflows.
    if shape.contains(0) { return 0 }
    var count = 1
    for dimension in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
      if overflow { return nil }
      count = product
    }
    return count
  }

  /// NumPy-style broadcast of two shapes, or `nil` when they are incompatible.
  public static func broadcast(_ a: [Int], _ b: [Int]) -> [Int]? {
    let rank = max(a.count, b.count)
    var result = [Int](repeating: 1, count: rank)
    for i in 0..<rank {
      let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
      let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
      if da == db || db == 1 {
        result[i] = da
      } else if da == 1 {
        result[i] = db
      } else {
        return nil
      }
    }
    return result
  }

  /// For each element of a tensor of shape `target`, the index of the element of a tensor
  /// of shape `source` that broadcasting reads. `source` must broadcast to `target`.
  public static func broadcastIndices(from source: [Int], to target: [Int]) -> [Int] {
    precondition(source.count <= target.count)
    let count = elementCount(target) ?? 0
    if source == target { return Array(0..<count) }
    let offset = target.count - source.count
    // Strides of `source` laid over `target`'s dimensions; 0 where it broadcasts.
    var strides = [Int](repeating: 0, count: target.count)
    var runningStride = 1
    for i in stride(from: source.count - 1, through: 0, by: -1) {
      strides[i + offset] = source[i] == 1 ? 0 : runningStride
      runningStride *= source[i]
    }
    var indices = [Int](repeating: 0, count: count)
    var position = [Int](repeating: 0, count: target.count)
    var sourceIndex = 0
    for linear in 0..<count {
      indices[linear] = sourceIndex
      // Increment the multi-index like an odometer, keeping sourceIndex in step.
      var axis = target.count - 1
      while axis >= 0 {
        position[axis] += 1
        sourceIndex += strides[axis]
        if position[axis] < target[axis] { break }
        sourceIndex -= strides[axis] * position[axis]
        position[axis] = 0
        axis -= 1
      }
    }
    return indices
  }

  /// `[2, 3]` as `2x3`, `[]` as `scalar`: how reports and case ids spell shapes.
  public static func describe(_ shape: [Int]) -> String {
    shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "x")
  }
}
