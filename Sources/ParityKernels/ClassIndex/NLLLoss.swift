import ParityCore

/// Negative log likelihood over class indices: `-weight[t] * input[n, t]`, 0 where the target
/// is `ignore_index`; `mean` divides the sum by the weights of the targets not ignored.
public enum NLLLoss {
  /// `torch.nn.functional.nll_loss` on CPU: `nll_loss_nd`'s checks, then `nll_loss` for a 1-D
  /// or 2-D input and `nll_loss2d` for 4-D (3-D and 5-D and more are viewed as
  /// `(N, C, 1, -1)` first), each in the input's dtype (`scalar_t`, so a 16-bit dtype rounds
  /// after every operation). `none` writes `-x * w` per position (a 1-D input reduces, as ATen
  /// does); `sum` and `mean` add `-x * w` with `PyTorchNLLCascade`, dividing by the summed
  /// weights (the count of positions not ignored, converted to the dtype, without a weight).
  public static func pytorch(
    input: Tensor, target: Tensor, weight: Tensor?, ignoreIndex: Int64, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    try PyTorchNLLChecks.check(input: input, target: target, weight: weight, reduction: reduction)
    let dtype = input.dtype
    let layout = ClassIndexLayout(input: input.shape)
    let x = input.storage.doubleValues, t = target.storage.doubleValues
    let w = weight?.storage.doubleValues
    func stored(_ v: Double) -> Double { EagerTensor.rounded(v, to: dtype) }
    let perPosition = reduction == .none && input.shape.count >= 2
    var output: [Double] = []
    var cascade = PyTorchNLLCascade(count: layout.positions, dtype: dtype)
    var ignored = 0
    for p in 0..<layout.positions {
      switch ClassIndexTarget(Int64(t[p]), classes: layout.classes, ignoreIndex: ignoreIndex) {
      case .ignored:
        ignored += 1
        if perPosition { output.append(0) }
      case .outOfRange(let value):
        throw KernelError(kind: .other, message: "Target \(value) is out of bounds.")
      case .valid(let c):
        let data = x[layout.score(p, c)]
        if perPosition {
          output.append(stored(-data * (w?[c] ?? 1)))
        } else {
          cascade.add(position: p, loss: w.map { stored(data * $0[c]) } ?? data, weight: w?[c])
        }
      }
    }
    if perPosition {
      let shape = [input.shape[0]] + input.shape.dropFirst(2)
      return LossOutput(EagerTensor(shape: shape, dtype: dtype, values: output).tensor)
    }
    var value: Double
    if layout.positions == 0 && input.shape.count <= 2 {
      value = reduction == .mean ? .nan : 0
    } else {
      value = cascade.lossTotal
      if reduction == .mean {
        let total = w == nil ? stored(Double(layout.positions - ignored)) : cascade.weightTotal
        value = stored(value / total)
      }
    }
    return LossOutput(EagerTensor(shape: [], dtype: dtype, values: [value]).tensor)
  }
}
