extension Summation {
  /// MindSpore's GPU loss sum, in place and in `T` itself (float16 sums in float16).
  ///
  /// The CUDA kernel halves the live prefix each pass (`a[i] += a[i + stride]`), folding
  /// the element a pass would drop into `a[0]` whenever the length is odd: first for the
  /// whole input (unless it has one element), then for every odd stride above 2.
  /// Reproducing that order exactly matters in float16, where the order changes the result.
  /// Returns 0 for an empty buffer (the GPU kernel would read uninitialised memory).
  static func halvingTree<T: FloatingPoint>(_ values: UnsafeMutableBufferPointer<T>) -> T {
    let count = values.count
    guard count > 0 else { return 0 }
    if count % 2 == 1 && count != 1 {
      values[0] += values[count - 1]
    }
    var stride = count / 2
    while stride > 0 {
      for i in 0..<stride {
        values[i] += values[i + stride]
      }
      if stride > 2 && stride % 2 == 1 {
        values[0] += values[stride - 1]
      }
      stride >>= 1
    }
    return values[0]
  }
}
