import ParityCore

extension CTCLoss {
  /// `mindspore.ops.ctc_loss` once its arguments are checked (`_check_ctc_loss_inputs`): the
  /// primitive `CTCLossV2` (reduction 'none') infers types (float32/float64 log-probabilities,
  /// int32/int64 targets and lengths), then shapes ((T, N, C), (N, S), (N,) and (N,)) and the
  /// blank in [0, C); its CPU kernel checks each target length in [0, S] and each input length
  /// in [target length, T] at launch (failing as "Launch kernel failed") and runs the
  /// recursion. `zero_infinity` reaches the primitive but the CPU kernel never reads it: an
  /// impossible alignment stays `inf`. `sum` is `loss.sum()` in the loss's dtype; `mean` casts
  /// the loss and the target lengths to float32, clips the lengths to at least 1, divides,
  /// takes the float32 mean and casts back (a float64 mean is rounded through float32).
  /// An input of length 0 (with a target of length 0; a longer one fails the launch check)
  /// takes the previous sample's last blank alpha as its likelihood.
  /// Returns (neg_log_likelihood, log_alpha (N, T, 2S+1), -inf where the kernel writes no alpha).
  public static func mindspore(
    logProbs: Tensor, targets: Tensor, inputLengths: Tensor, targetLengths: Tensor, blank: Int64, reduction: LossReduction
  ) throws(KernelError) -> (loss: Tensor, logAlpha: Tensor) {
    try checkMindSporeType("log_probs", logProbs, [.float32, .float64])
    for (name, t) in [("targets", targets), ("input_lengths", inputLengths), ("target_lengths", targetLengths)] {
      try checkMindSporeType(name, t, [.int32, .int64])
    }
    for (name, t, rank) in [("log_probs", logProbs, 3), ("targets", targets, 2), ("input_lengths", inputLengths, 1),
                            ("target_lengths", targetLengths, 1)] where t.rank != rank {
      throw KernelError(kind: .shape, message: "For primitive[CTCLossV2], the dim of \(name) must be equal to \(rank) , but got \(t.rank).")
    }
    let (time, batch, classes) = (logProbs.shape[0], logProbs.shape[1], logProbs.shape[2])
    guard 0 <= blank, blank < Int64(classes) else {
      throw KernelError(kind: .argument, message: "For primitive[CTCLossV2], the blank must be in [0,\(classes)), but got \(blank).")
    }
    for (name, t) in [("input_lengths", inputLengths), ("target_lengths", targetLengths)] where t.shape[0] != batch {
      throw KernelError(kind: .shape, message: "For primitive[CTCLossV2], the \(name).shape[0] must be equal to \(batch)")
    }
    guard targets.shape[0] == batch else {
      throw KernelError(kind: .shape, message: "For primitive[CTCLossV2], the targets.shape[0] must be equal to \(batch)")
    }
    let width = targets.shape[1]
    let inputs = integers(inputLengths).map(Int.init), lengths = integers(targetLengths).map(Int.init)
    let launchFailure = KernelError(kind: .argument, message: "Launch kernel failed, name:Default/CTCLossV2-op<n>")
    for b in 0..<batch {
      if lengths[b] < 0 || lengths[b] > width || inputs[b] > time || inputs[b] < 0 || inputs[b] < lengths[b] { throw launchFailure }
    }
    let input = Batch(
      logProbs: logProbs.storage.doubleValues, time: time, batch: batch, classes: classes, targets: integers(targets),
      targetOffsets: (0..<batch).map { $0 * width }, maxTargetLength: width, inputLengths: inputs, targetLengths: lengths,
      blank: Int(blank))
    try input.checkLabels()
    var (nll, alpha) = forward(input, dtype: logProbs.dtype)
    let row = 2 * width + 1
    for b in 0..<batch where inputs[b] == 0 {
      // The kernel writes the first blank's alpha whatever the length, then reads the
      // likelihood at time -1: the previous sample's last blank alpha (before the buffer for
      // the first sample).
      guard b > 0 else { throw KernelError.undefinedResult("an input length of 0 in the first sample reads before log_alpha") }
      alpha[b * time * row] = logProbs.storage.doubleValues[b * classes + Int(blank)]
      nll[b] = -alpha[((b - 1) * time + time - 1) * row]
    }
    let logAlpha = EagerTensor(shape: [batch, time, 2 * width + 1], dtype: logProbs.dtype, values: alpha).tensor
    let loss = EagerTensor(shape: [batch], dtype: logProbs.dtype, values: nll)
    switch reduction {
    case .none:
      return (loss.tensor, logAlpha)
    case .sum:
      return (try MindSporeLossReduction.tensorMethod(loss, .sum), logAlpha)
    case .mean:
      let divisors = EagerTensor(shape: [batch], dtype: .float32, values: lengths.map { Double(max($0, 1)) })
      let floats = MindSporeOps.cast(loss, to: .float32)
      let perTarget = EagerTensor(
        shape: [batch], dtype: .float32, values: zip(floats.values, divisors.values).map { Double(Float($0) / Float($1)) })
      let mean = try MindSporeLossReduction.tensorMethod(perTarget, .mean)
      return (MindSporeOps.cast(EagerTensor(mean), to: logProbs.dtype).tensor, logAlpha)
    }
  }

  /// `mindspore.nn.CTCLoss`: a (T, C) input becomes (T, 1, C) and 1-d targets (1, S), the
  /// function runs, and the loss is squeezed on axis 0 (a 0-d `mean`/`sum` stays 0-d).
  public static func mindSporeCell(
    logProbs: Tensor, targets: Tensor, inputLengths: Tensor, targetLengths: Tensor, blank: Int64, reduction: LossReduction
  ) throws(KernelError) -> Tensor {
    guard logProbs.rank == 2 else {
      return try mindspore(logProbs: logProbs, targets: targets, inputLengths: inputLengths, targetLengths: targetLengths,
                           blank: blank, reduction: reduction).loss
    }
    let expanded = Tensor(shape: [logProbs.shape[0], 1, logProbs.shape[1]], storage: logProbs.storage)
    let rows = targets.rank == 1 ? Tensor(shape: [1] + targets.shape, storage: targets.storage) : targets
    let loss = try mindspore(logProbs: expanded, targets: rows, inputLengths: inputLengths, targetLengths: targetLengths,
                             blank: blank, reduction: reduction).loss
    return loss.rank == 0 ? loss : Tensor(shape: Array(loss.shape.dropFirst()), storage: loss.storage)
  }

  static func checkMindSporeType(_ name: String, _ t: Tensor, _ valid: [DType]) throws(KernelError) {
    guard valid.contains(t.dtype) else {
      throw KernelError(kind: .dtype, message: "For primitive[CTCLossV2], the input argument[\(name)] must be a type of {"
        + valid.map { "Tensor[\($0.mindSporeName)]" }.joined(separator: ", ") + "}, but got Tensor[\(t.dtype.mindSporeName)].")
    }
  }
}
