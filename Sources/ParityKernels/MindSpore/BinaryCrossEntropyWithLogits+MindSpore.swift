import Foundation
import ParityCore

extension BinaryCrossEntropyWithLogits {
  /// The dtypes the primitive's type inference accepts for each tensor.
  static let mindSporeDTypes: [DType] = [.bfloat16, .float16, .float32]

  /// `mindspore.ops.binary_cross_entropy_with_logits` on CPU: shape inference (identical input
  /// and target; weights that broadcast), type inference (each tensor bfloat16, float16 or
  /// float32, mixing allowed), then the float32 kernel on every tensor cast to float32, its
  /// result cast to the target's dtype.
  ///
  /// The kernel computes `(1 - y) x + lw (log(e^-m + e^(-x-m)) + m)` with `m = max(-x, 0)` and
  /// `lw = (pw - 1) y + 1`, times the weight, over `min(n, 2)` threads (the recording machine's
  /// kernel pool) in equal chunks; see `MindSporeClassificationLogitsChunk` for one chunk.
  public static func mindspore(
    input: Tensor, target: Tensor, weight: Tensor?, posWeight: Tensor?, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    guard input.shape == target.shape else {
      throw KernelError(kind: .shape, message: "For 'BCEWithLogitsLoss', two inputs 'input' and 'target' shape are not "
        + "equal, 'input' shape: [const vector]{\(input.shape.map(String.init).joined(separator: ", "))}, "
        + "'target' shape: [const vector]{\(target.shape.map(String.init).joined(separator: ", "))}")
    }
    try MindSporeClassificationChecks.checkWeight(weight, named: "weight", primitive: "BCEWithLogitsLoss", input: input)
    try MindSporeClassificationChecks.checkWeight(posWeight, named: "pos_weight", primitive: "BCEWithLogitsLoss", input: input)
    for (name, tensor) in [("input", input), ("target", target), ("weight", weight), ("pos_weight", posWeight)] {
      guard let tensor, !mindSporeDTypes.contains(tensor.dtype) else { continue }
      throw KernelError(kind: .dtype, message: "For primitive[BCEWithLogitsLoss], the input argument[\(name)] must be a "
        + "type of {BFloat16, Float16, Float32}, but got \(tensor.dtype.mindSporeName).")
    }
    let n = input.count
    let threads = Swift.min(n, 2)
    let chunk = MindSporeClassificationLogitsChunk(
      x: input.floats, y: target.floats,
      weight: weight.map { $0.floats(broadcastTo: input.shape) } ?? ones(input.count),
      posWeight: posWeight.map { $0.floats(broadcastTo: input.shape) } ?? ones(input.count),
      // The kernel's broadcast iterator runs when a given weight's shape is not the target's.
      broadcast: (weight.map { $0.shape != target.shape } ?? false) || (posWeight.map { $0.shape != target.shape } ?? false),
      flushesDenormals: threads > 1)
    let stride = threads == 0 ? 0 : (n + threads - 1) / threads
    let bounds = (0..<threads).map { t in (t * stride)..<Swift.min(n, (t + 1) * stride) }
    let value: Tensor
    switch reduction {
    case .none:
      var out = [Float](repeating: 0, count: n)
      for range in bounds { chunk.losses(range, into: &out) }
      value = Tensor(dtype: target.dtype, shape: input.shape, doubles: out.map(Double.init))
    case .sum, .mean:
      var total: Float = 0
      // The calling thread adds the tasks' sums and divides (denormals kept).
      for range in bounds { total += chunk.sum(range) }
      if reduction == .mean { total /= Float(n) }
      value = Tensor(dtype: target.dtype, shape: [], doubles: [Double(total)])
    }
    return LossOutput(value)
  }

  private static func ones(_ n: Int) -> [Float] { [Float](repeating: 1, count: n) }
}

private extension Tensor {
  /// Every element cast to float32 (exact for the three accepted dtypes).
  var floats: [Float] { storage.doubleValues.map { Float($0) } }

  func floats(broadcastTo shape: [Int]) -> [Float] {
    PyTorchFactors.broadcast(floats, from: self.shape, to: shape)
  }
}
