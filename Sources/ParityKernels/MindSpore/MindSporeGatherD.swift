import ParityCore

/// MindSpore's CPU `GatherD` and `Gather` (on axis 0) as class-index losses use them: index
/// values in `[-size, size)` of the gathered axis, negative ones counting from the end; an
/// index may be smaller than the input in every other dimension, not larger.
enum MindSporeGatherD {
  /// `GatherD(x, axis, index)`: the values, one per index element, in the index's shape.
  static func gatherD(_ x: EagerTensor, axis: Int, _ index: EagerTensor) throws(KernelError) -> [Double] {
    guard x.rank == index.rank else {
      throw KernelError(kind: .shape, message: "For primitive[GatherD], the rank of x and index must be equal, "
        + "but got \(x.rank) and \(index.rank).")
    }
    for d in 0..<x.rank where d != axis && index.shape[d] > x.shape[d] {
      throw KernelError(kind: .shape, message: "For primitive[GatherD], the x shape must be greater than or equal to "
        + "\(index.shape[d]), but got \(x.shape[d]).")
    }
    let size = x.shape[axis]
    let xStrides = strides(x.shape), iStrides = strides(index.shape)
    var out = [Double]()
    out.reserveCapacity(index.count)
    for p in 0..<index.count {
      var c = Int64(index.values[p])
      guard c >= -Int64(size) && c < Int64(size) else {
        throw KernelError(kind: .other, message: "For 'GatherD', the value of 'index' must be in [-\(size), \(size)), but got: \(c)")
      }
      if c < 0 { c += Int64(size) }
      var offset = 0, rest = p
      for d in 0..<index.rank {
        let (q, r) = rest.quotientAndRemainder(dividingBy: iStrides[d])
        rest = r
        offset += (d == axis ? Int(c) : q) * xStrides[d]
      }
      out.append(x.values[offset])
    }
    return out
  }

  /// `Gather(weight, index, 0)` of a 1-D weight: one weight per index element; an index
  /// outside `[0, size)` is an error here (a 0-d weight has no axis 0), and bfloat16 has no kernel.
  static func gather(_ weight: EagerTensor, _ index: EagerTensor) throws(KernelError) -> [Double] {
    guard weight.dtype != .bfloat16 else { throw MindSporeOps.unsupported("Gather") }
    guard let size = weight.shape.first else {
      throw KernelError(kind: .other, message: "For primitive[Gather], the batch_dims must be in [0,0), but got 0.")
    }
    let row = weight.shape.dropFirst().reduce(1, *)
    var out = [Double]()
    for v in index.values {
      let c = Int64(v)
      guard c >= 0 && c < Int64(size) else {
        throw KernelError(kind: .other, message: "For 'Gather', the 'input_indices' should be in the range [0, \(size)), "
          + "but got \(c), error_code[58]")
      }
      out.append(weight.values[Int(c) * row])
    }
    return out
  }

  /// `x.sum(axis, keepdims=True)`, accumulated in double along the axis and rounded once to
  /// the dtype (only whether it is finite, and its sign, reach the loss).
  static func sums(_ x: EagerTensor, axis: Int) -> [Double] {
    let outer = x.shape.prefix(axis).reduce(1, *), size = x.shape[axis], inner = x.shape.dropFirst(axis + 1).reduce(1, *)
    var out = [Double](repeating: 0, count: outer * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        var acc = 0.0
        for k in 0..<size { acc += x.values[(o * size + k) * inner + i] }
        out[o * inner + i] = EagerTensor.rounded(acc, to: x.dtype)
      }
    }
    return out
  }

  static func strides(_ shape: [Int]) -> [Int] {
    var s = [Int](repeating: 1, count: shape.count)
    for d in stride(from: shape.count - 2, through: 0, by: -1) { s[d] = s[d + 1] * shape[d + 1] }
    return s
  }
}
