import ParityCore

/// Connectionist temporal classification: -log of the summed probability of every alignment
/// of a target to its input, by the forward (alpha) recursion over the target with a blank
/// before, between and after its labels (position s is the blank when s is even, else label
/// s/2).
///
/// PyTorch (`ctc_loss_cpu_template`) and MindSpore (the CTCLossV2 CPU kernel) compute the same
/// recursion in the log-probabilities' own type: at time t and position s, with a1, a2, a3 the
/// alphas at t-1 of s, s-1 and s-2 (a2 only for s > 0; a3 only for s > 1 where label s-2
/// differs from label s; absent ones -inf) and m their maximum (0 when -inf),
/// `log(exp(a1-m) + exp(a2-m) + exp(a3-m)) + m + lp[t][label s]`, and the likelihood is the
/// same log-sum-exp of the last two alphas (the last alone for an empty target). PyTorch loops
/// over t then s, MindSpore over s then t; every alpha reads only alphas of t-1, so the values
/// are the same.
public enum CTCLoss {
  /// The loss's inputs as the kernels read them: log-probabilities (T, N, C) in row-major
  /// order, each sample's labels at `targetOffsets[b]` (stride 1), and the lengths.
  struct Batch {
    var logProbs: [Double]
    var time: Int
    var batch: Int
    var classes: Int
    var targets: [Int64]
    var targetOffsets: [Int]
    /// S of log_alpha's (N, T, 2S+1): the padded targets' width, or the longest target.
    var maxTargetLength: Int
    var inputLengths: [Int]
    var targetLengths: [Int]
    var blank: Int

    /// Position s of sample b's blank-extended target: the blank or a label.
    func extendedLabel(_ b: Int, _ s: Int) -> Int {
      s % 2 == 0 ? blank : Int(targets[targetOffsets[b] + s / 2])
    }

    /// Every label a sample reads is a class: neither kernel checks, and a label outside them
    /// indexes other memory (no recorded case has one).
    func checkLabels() throws(KernelError) {
      for b in 0..<batch {
        for k in 0..<targetLengths[b] where !(0..<Int64(classes)).contains(targets[targetOffsets[b] + k]) {
          throw KernelError.undefinedResult("a target label outside [0, \(classes)) reads memory outside log_probs")
        }
      }
    }
  }

  /// Each sample's negative log-likelihood and log_alpha (N, T, 2S+1), every element the
  /// recursion does not write -inf, computed in `F` (the log-probabilities' dtype).
  static func forward<F: DeviceFloat>(_ x: Batch, as _: F.Type) -> (nll: [F], logAlpha: [F]) {
    let width = 2 * x.maxTargetLength + 1
    var alpha = [F](repeating: -.infinity, count: x.batch * x.time * width)
    var nll = [F](repeating: 0, count: x.batch)
    func lp(_ t: Int, _ b: Int, _ c: Int) -> F { F(x.logProbs[(t * x.batch + b) * x.classes + c]) }
    for b in 0..<x.batch {
      let inputLength = x.inputLengths[b], targetLength = x.targetLengths[b]
      let base = b * x.time * width
      guard inputLength > 0 else {
        // PyTorch: a likelihood of 1 (log 0) for an empty target, else 0 (log -inf), negated.
        nll[b] = -(targetLength == 0 ? 0 : -.infinity)
        continue
      }
      alpha[base] = lp(0, b, x.blank)
      if targetLength > 0 { alpha[base + 1] = lp(0, b, x.extendedLabel(b, 1)) }
      for t in 1..<inputLength {
        let previous = base + (t - 1) * width, current = base + t * width
        for s in 0..<(2 * targetLength + 1) {
          let label = x.extendedLabel(b, s)
          let a1 = alpha[previous + s]
          var m = a1
          let a2: F = s > 0 ? alpha[previous + s - 1] : -.infinity
          if a2 > m { m = a2 }
          let a3: F = s > 1 && x.extendedLabel(b, s - 2) != label ? alpha[previous + s - 2] : -.infinity
          if a3 > m { m = a3 }
          if m == -.infinity { m = 0 }
          let sum = F.deviceExp(a1 - m) + F.deviceExp(a2 - m) + F.deviceExp(a3 - m)
          alpha[current + s] = F.deviceLog(sum) + m + lp(t, b, label)
        }
      }
      let last = base + (inputLength - 1) * width
      if targetLength == 0 {
        nll[b] = -alpha[last]
      } else {
        let l1 = alpha[last + 2 * targetLength], l2 = alpha[last + 2 * targetLength - 1]
        var m = max(l1, l2)
        if m == -.infinity { m = 0 }
        nll[b] = -(F.deviceLog(F.deviceExp(l1 - m) + F.deviceExp(l2 - m)) + m)
      }
    }
    return (nll, alpha)
  }

  /// `forward` in the dtype of `logProbs` (float32 or float64), as Doubles.
  static func forward(_ x: Batch, dtype: DType) -> (nll: [Double], logAlpha: [Double]) {
    if dtype == .float64 { return forward(x, as: Double.self) }
    let (nll, alpha) = forward(x, as: Float.self)
    return (nll.map(Double.init), alpha.map(Double.init))
  }

  /// A tensor's elements as integers (lengths and labels).
  static func integers(_ t: Tensor) -> [Int64] {
    t.storage.doubleValues.map { Int64($0) }
  }
}
