import Foundation
import ParityCore

/// `-w (y log x + (1 - y) log(1 - x))`, each log clamped at -100 as PyTorch defines it.
public enum BinaryCrossEntropy {
  /// PyTorch's scalar kernel, every op stored in the dtype (16-bit ones too):
  /// `(t - 1) * max(log1p(-x), -100) - t * max(log(x), -100)`. float32 runs the fused loop
  /// instead, whose logarithms are correctly rounded where the kernel's `logf`/`log1pf` are
  /// faithfully rounded: 42 of the 920 recorded float32 elements differ, by at most 2 ULP.
  struct PyTorchChain: PointwiseChain {
    @inline(__always)
    func element<R: StoreRounding>(_ o: ChainOperands<R.Scalar>, _: R.Type) -> R.Scalar {
      let a = R.stored(o.y - 1)
      let l1 = Swift.max(R.stored(R.Scalar.log1p(-o.x)), -100)
      let l2 = Swift.max(R.stored(R.Scalar.log(o.x)), -100)
      return R.stored(R.stored(a * l1) - R.stored(o.y * l2))
    }

    var fusedFloat: FusedFloatLoss? { .binaryCrossEntropy }
  }

  /// The wrapper's size check, the weight's `broadcast_shapes` and `expand`, the kernel's
  /// dtype and range checks (element by element, input before target), then `mul_(weight)`.
  public static func pytorch(input: Tensor, target: Tensor, weight: Tensor?, reduction: LossReduction) throws(KernelError) -> LossOutput {
    guard input.shape == target.shape else {
      throw KernelError(kind: .shape, message: "Using a target size (\(PyTorchLossArguments.torchSize(target.shape))) that is "
        + "different to the input size (\(PyTorchLossArguments.torchSize(input.shape))) is deprecated. "
        + "Please ensure they have the same size.")
    }
    if let weight { _ = try broadcastShapes(target.shape, weight.shape) }
    guard target.dtype == input.dtype else {
      throw KernelError(kind: .dtype, message: "Found dtype \(target.dtype.torchName) but expected \(input.dtype.torchName)")
    }
    guard input.dtype.isFloatingPoint else {
      throw KernelError(kind: .dtype, message: "\"binary_cross_entropy\" not implemented for '\(input.dtype.torchName)'")
    }
    // The kernel checks element by element, the input before the target.
    switch (firstOutsideUnitInterval(input.storage), firstOutsideUnitInterval(target.storage)) {
    case (let i?, let t) where t.map({ i <= $0 }) ?? true:
      throw KernelError(kind: .argument, message: "all elements of input should be between 0 and 1")
    case (_, _?):
      throw KernelError(kind: .argument, message: "all elements of target should be between 0 and 1")
    default:
      break
    }
    let operands = PointwiseOperands(x: input, y: target, shape: input.shape)
    guard let weight else {
      return LossOutput(PointwiseEvaluation.evaluate(
        PyTorchChain(), operands, dtype: input.dtype, reduce: PyTorchLossReduction(reduction: reduction)))
    }
    let losses = PointwiseEvaluation.evaluate(
      PyTorchChain(), operands, dtype: input.dtype, reduce: PyTorchLossReduction(reduction: .none))
    let weighted = try TorchOps.binaryInPlace(EagerTensor(losses), EagerTensor(weight), *)
    return LossOutput(try TorchOps.reduced(weighted, reduction))
  }

  /// The index of the first element not in [0, 1] (NaN included), or nil. float32 and
  /// float64 are scanned in blocks without a branch per element, so a valid tensor costs one
  /// vectorized pass.
  static func firstOutsideUnitInterval(_ storage: TensorStorage) -> Int? {
    func first<T: BinaryFloatingPoint>(_ values: [T]) -> Int? {
      let block = 1024
      var start = 0
      while start < values.count {
        let end = min(start + block, values.count)
        var outside: UInt8 = 0
        for i in start..<end { outside |= values[i] >= 0 && values[i] <= 1 ? 0 : 1 }
        if outside != 0 { return (start..<end).first { !(values[$0] >= 0 && values[$0] <= 1) } }
        start = end
      }
      return nil
    }
    switch storage {
    case .float32(let v): return first(v)
    case .float64(let v): return first(v)
    default: return first(storage.doubleValues)
    }
  }

  /// `torch.broadcast_shapes` as torch/functional.py computes it, with its message.
  static func broadcastShapes(_ shapes: [Int]...) throws(KernelError) -> [Int] {
    var result = [Int](repeating: 1, count: shapes.map(\.count).max() ?? 0)
    for (index, shape) in shapes.enumerated() {
      for i in stride(from: -1, through: -shape.count, by: -1) {
        let size = shape[shape.count + i]
        let slot = result.count + i
        if size == 1 || size == result[slot] { continue }
        guard result[slot] == 1 else {
          throw KernelError(kind: .shape, message: "Attempting to broadcast a dimension of length \(size) at \(i)! "
            + "Mismatching argument at index \(index) had \(PyTorchLossArguments.torchSize(shape)); but expected shape "
            + "should be broadcastable to \(Shape.listText(result))")
        }
        result[slot] = size
      }
    }
    return result
  }
}
