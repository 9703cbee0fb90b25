import ParityCore

/// The multi-class hinge loss over class indices: per sample `n` with target `t`, the sum over
/// classes `i != t` of `max(0, margin - x[t] + x[i])^p` (p 1 or 2), each term times
/// `weight[t]`, divided by the number of classes; `mean` divides the samples' sum by their
/// number.
public enum MultiMarginLoss {
  /// ATen's `multi_margin_loss_cpu` (torch 2.15), once Python has checked `p` and the weight's
  /// rank: the shape checks (a 0-d input is one sample of one class), the weight's size, then
  /// nothing at all for an empty input (the reduced output is left unwritten), the dtype
  /// dispatch (float32 and float64 only), the target's and weight's dtypes, and per sample,
  /// in the input's dtype, `z = (margin - x[t]) + x[i]`, `h = z` or `z * z`, `h *= w[t]`,
  /// `sum += h`, `sum /= C`. `none` stores each sample's sum (a 1-D or 0-d target reduces);
  /// `mean` and `sum` add them in double (`acc_type`) and round once to the dtype.
  public static func pytorch(
    input: Tensor, target: Tensor, p: Int, margin: Double, weight: Tensor?, reduction: LossReduction
  ) throws(KernelError) -> LossOutput {
    let xs = input.shape, ts = target.shape
    guard xs.count == 0 || (xs.count <= 2 && xs.last != 0) else {
      throw .torchNonEmptyVectorOrMatrix(xs)
    }
    let (frames, classes) = xs.count <= 1 ? (1, xs.first ?? 1) : (xs[0], xs[1])
    guard ts.count <= 1 && target.count == frames else {
      throw KernelError(kind: .shape, message: "multi_margin_loss: target tensor should be 1-D with size equal to the number of input samples "
        + "(batch size). Expected target size [\(frames)], but got \(Shape.listText(ts)). Input has shape \(Shape.listText(xs)).")
    }
    if let weight, !(weight.shape.count <= 1 && weight.count == classes) {
      throw KernelError(kind: .shape, message: "inconsistent weight size, expected \(classes) but got \(Shape.listText(weight.shape))")
    }
    let perSample = reduction == .none && !ts.isEmpty
    if input.count == 0 {
      guard perSample else {
        throw KernelError.undefinedResult("multi_margin_loss_cpu returns its reduced output unwritten for an empty input")
      }
      return LossOutput(EagerTensor(shape: [frames], dtype: input.dtype, values: []).tensor)
    }
    guard [.float32, .float64].contains(input.dtype) else {
      throw KernelError(kind: .dtype, message: "\"multi_margin_loss_cpu_kernel\" not implemented for '\(input.dtype.torchName)'")
    }
    guard target.dtype == .int64 else {
      throw .torchScalarType(expected: .int64, found: target.dtype)
    }
    if let weight, weight.dtype != input.dtype {
      throw .torchScalarType(expected: input.dtype, found: weight.dtype)
    }
    let dtype = input.dtype
    func r(_ v: Double) -> Double { EagerTensor.rounded(v, to: dtype) }
    let x = input.storage.doubleValues, t = target.storage.doubleValues, w = weight?.storage.doubleValues
    let m = r(margin)
    var losses: [Double] = []
    for n in 0..<frames {
      let c = Int64(t[n])
      guard c >= 0 && c < Int64(classes) else { throw KernelError(kind: .other, message: "target out of range") }
      let row = n * classes, xt = x[row + Int(c)]
      var sum = 0.0
      for i in 0..<classes where i != Int(c) {
        let z = r(r(m - xt) + x[row + i])
        guard z > 0 else { continue }
        var h = p == 1 ? z : r(z * z)
        if let w { h = r(h * w[Int(c)]) }
        sum = r(sum + h)
      }
      losses.append(r(sum / Double(classes)))
    }
    if perSample {
      return LossOutput(EagerTensor(shape: [frames], dtype: dtype, values: losses).tensor)
    }
    var total = losses.reduce(0, +)
    if reduction == .mean { total /= Double(frames) }
    return LossOutput(EagerTensor(shape: [], dtype: dtype, values: [r(total)]).tensor)
  }
}
