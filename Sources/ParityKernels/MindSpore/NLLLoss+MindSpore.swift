import ParityCore

extension NLLLoss {
  /// `mindspore.ops.nll_loss` (which `nn.NLLLoss` calls) once its arguments are checked: a 2-D
  /// input gathers along its last dimension, a 4-D one along dimension 1, a 1-D one along 0;
  /// any other rank is viewed as `(N, C, 1, -1)` (its target as `(N, 1, -1)`; a 0-d input has
  /// no `shape[0]`). Then `_nll_loss` op by op: the target expanded where it has one dimension
  /// fewer, `Equal` with `ignore_index` and `masked_fill` of those targets with 0, the
  /// weights gathered (`Gather`) and multiplied into the input (promoted with it), `GatherD`
  /// of the scores (`MindSporeGatherD`: negative classes wrap), `Neg`, and the label-smoothing
  /// term `-input.sum(class dim)`; all three masked with 0 at ignored targets; `sum` and
  /// `mean` (`loss.sum() / weights.sum()`) only for exactly those strings, any other
  /// `reduction` leaving the loss as it is; finally `(1 - label_smoothing) * loss +
  /// label_smoothing / C * smooth` (`1.0 * loss + 0.0 * smooth` by default, so a smoothing
  /// term that is infinite or NaN, from any non-finite score of a sample or a class sum that
  /// overflows, makes that loss NaN).
  public static func mindspore(
    inputs: Tensor, target: Tensor, weight: Tensor?, ignoreIndex: Int64?, reduction: String, labelSmoothing: Double = 0
  ) throws(KernelError) -> Tensor {
    let xs = inputs.shape
    guard !xs.isEmpty else { throw KernelError(kind: .other, message: "tuple index out of range") }
    var x = EagerTensor(inputs), index = EagerTensor(target)
    var axis = xs.count == 1 ? 0 : 1
    let viewed = ![1, 2, 4].contains(xs.count)
    if viewed {
      let inner = xs.dropFirst(2).reduce(1, *)
      x.shape = [xs[0], xs[1], 1, inner]
      guard target.count % max(xs[0], 1) == 0 || xs[0] == 0 else {
        throw KernelError(kind: .shape, message: "For 'View', the shape of input cannot be viewed as (\(xs[0]), 1, -1)")
      }
      index.shape = [xs[0], 1, xs[0] == 0 ? 0 : target.count / xs[0]]
    }
    if xs.count == 2 { axis = 1 }
    if index.rank == x.rank - 1 { index.shape.insert(1, at: axis) }
    guard [.int32, .int64].contains(index.dtype) else {
      throw KernelError(kind: .dtype, message: "For primitive[GatherD], the input argument[index] must be a type of "
        + "{Tensor[Int32], Tensor[Int64]}, but got Tensor[\(index.dtype.mindSporeName)].")
    }
    let mask = index.values.map { v in ignoreIndex.map { Int64(v) == $0 } ?? false }
    index.values = zip(index.values, mask).map { $1 ? 0 : $0 }
    var lossWeights: [Double]? = nil
    if let weight {
      // inputs.view(shape[:2] + (-1,)) * weight.view((C, 1)) unless 2-D, then back to the shape
      let w = EagerTensor(weight)
      lossWeights = try MindSporeGatherD.gather(w, index)
      var scores = x, column = w
      if x.rank != 2 {
        scores.shape = Array(x.shape.prefix(2)) + [x.shape.dropFirst(2).reduce(1, *)]
        column.shape = w.shape + [1]
      }
      var product = try MindSporeOps.binary(scores, column, .mul, *)
      product.shape = x.shape
      x = product
    }
    guard x.dtype != .bfloat16 else { throw MindSporeOps.unsupported("GatherD") }
    let gathered = try MindSporeGatherD.gatherD(x, axis: axis, index)
    guard x.dtype != .bool else { throw MindSporeOps.unsupported("Neg") }
    let outDtype = x.dtype
    var loss = [Double](), smooth = [Double](), weights = [Double]()
    let smoothShape = x.shape.enumerated().map { $0.offset == axis ? 1 : $0.element }
    let smoothSums = MindSporeGatherD.sums(x, axis: axis)
    let smoothAligned = PyTorchFactors.broadcast(smoothSums, from: smoothShape, to: index.shape)
    for p in 0..<index.count {
      loss.append(mask[p] ? 0 : EagerTensor.rounded(-gathered[p], to: outDtype))
      smooth.append(mask[p] ? 0 : -smoothAligned[p])
      weights.append(mask[p] ? 0 : (lossWeights?[p] ?? 1))
    }
    var outShape = index.shape
    outShape.remove(at: axis)
    let spread = labelSmoothing / Double(x.shape[axis])
    let weightDtype = weight?.dtype ?? outDtype
    func summed(_ values: [Double], _ shape: [Int], _ dtype: DType) throws(KernelError) -> EagerTensor {
      EagerTensor(try MindSporeLossReduction.tensorMethod(EagerTensor(shape: shape, dtype: dtype, values: values), .sum))
    }
    var result: EagerTensor
    let smoothTotal: EagerTensor
    switch reduction {
    case "sum":
      result = try summed(loss, outShape, outDtype)
      smoothTotal = try summed(smooth, outShape, outDtype)
    case "mean":
      // the weights keep the target's expanded shape ((N, 1) for a 2-D input: a column, which
      // ReduceSum adds in float)
      let total = try summed(weights, index.shape, weightDtype)
      result = try MindSporeOps.binary(summed(loss, outShape, outDtype), total, .div, /)
      smoothTotal = try MindSporeOps.binary(summed(smooth, outShape, outDtype), total, .div, /)
    default:
      // a viewed input's unreduced loss is viewed back to its own batch and spatial shape
      let shape = viewed && reduction == "none" ? [xs[0]] + xs.dropFirst(2) : outShape
      result = EagerTensor(shape: shape, dtype: outDtype, values: loss)
      smoothTotal = EagerTensor(shape: shape, dtype: outDtype, values: smooth)
    }
    result = MindSporeOps.scalar(result, 1 - labelSmoothing, *)
    let smoothing = MindSporeOps.scalar(smoothTotal, spread, *)
    return try MindSporeOps.binary(result, smoothing, .add, +).tensor
  }
}
