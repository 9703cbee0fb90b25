import ParityCore

extension CTCLoss {
  /// `torch.nn.functional.ctc_loss` on CPU: the lengths must be integral, then
  /// `ctc_loss_impl` treats a (T, C) input as a batch of one (its 1-d targets as concatenated),
  /// `ctc_loss_cpu` dispatches on float32/float64 and checks the arguments
  /// (`ctc_loss_allocate_outputs`), the recursion runs in the input's dtype; `zero_infinity`
  /// replaces each `inf` by 0, `mean` divides each loss by its target length clamped to at
  /// least 1, then averages (`(res / target_lengths.clamp_min(1)).mean()`), `sum` sums.
  public static func pytorch(
    logProbs: Tensor, targets: Tensor, inputLengths: Tensor, targetLengths: Tensor,
    blank: Int64, reduction: LossReduction, zeroInfinity: Bool
  ) throws(KernelError) -> Tensor {
    for (name, lengths) in [("input_lengths", inputLengths), ("target_lengths", targetLengths)]
    where !(lengths.dtype == .int32 || lengths.dtype == .int64) {
      throw KernelError(kind: .dtype, message: "\(name) must be integral")
    }
    guard logProbs.count > 0 else { throw KernelError(kind: .shape, message: "log_probs tensor must not be empty") }
    let batched = logProbs.rank == 3
    // `ctc_loss_impl` unsqueezes a (T, C) input to (T, 1, C).
    let shape = logProbs.rank == 2 ? [logProbs.shape[0], 1, logProbs.shape[1]] : logProbs.shape
    guard logProbs.dtype == .float32 || logProbs.dtype == .float64 else {
      throw KernelError(kind: .dtype, message: "\"ctc_loss_cpu\" not implemented for '\(logProbs.dtype.torchName)'")
    }
    guard shape.count == 3 else { throw KernelError(kind: .shape, message: "log_probs must be 3-dimensional") }
    // Not recorded: integer targets are all the spec gives.
    guard targets.dtype == .int32 || targets.dtype == .int64 else {
      throw KernelError(kind: .dtype, message: "targets must be int32 or int64")
    }
    let (time, batch, classes) = (shape[0], shape[1], shape[2])
    guard 0 <= blank, blank < Int64(classes) else { throw KernelError(kind: .argument, message: "blank must be in label range") }
    let inputs = integers(inputLengths).map(Int.init), lengths = integers(targetLengths).map(Int.init)
    guard inputs.count == batch else { throw KernelError(kind: .shape, message: "input_lengths must be of size batch_size") }
    guard lengths.count == batch else { throw KernelError(kind: .shape, message: "target_lengths must be of size batch_size") }
    let labels = integers(targets)
    var offsets: [Int], width: Int
    if targets.rank == 1 {
      // Concatenated: each sample's labels follow the previous sample's.
      offsets = lengths.indices.map { b in lengths[..<b].reduce(0, +) }
      width = lengths.max() ?? 0
      guard labels.count == lengths.reduce(0, +) else {
        throw KernelError(kind: .shape, message: "Expected tensor to have size at least \(lengths.reduce(0, +)) at dimension 0")
      }
    } else {
      guard targets.rank == 2, targets.shape[0] == batch, targets.shape[1] >= (lengths.max() ?? 0) else {
        throw KernelError(kind: .shape, message: "targets do not fit the batch")
      }
      width = targets.shape[1]
      offsets = (0..<batch).map { $0 * width }
    }
    for length in inputs where length < 0 || length > time {
      throw KernelError(kind: .argument, message: "Expected input_lengths to have value at most \(time), but got value \(length)")
    }
    let input = Batch(
      logProbs: logProbs.storage.doubleValues, time: time, batch: batch, classes: classes, targets: labels,
      targetOffsets: offsets, maxTargetLength: width, inputLengths: inputs, targetLengths: lengths, blank: Int(blank))
    try input.checkLabels()
    var nll = forward(input, dtype: logProbs.dtype).nll
    if zeroInfinity { nll = nll.map { $0 == .infinity ? 0 : $0 } }
    let loss = EagerTensor(shape: [batch], dtype: logProbs.dtype, values: nll)
    switch reduction {
    case .none:
      return batched ? loss.tensor : EagerTensor(shape: [], dtype: loss.dtype, values: loss.values).tensor
    case .sum:
      return try TorchOps.reduced(loss, .sum)
    case .mean:
      let divisors = EagerTensor(shape: [batch], dtype: loss.dtype, values: lengths.map { Double($0) })
      let perTarget = try TorchOps.binary(loss, TorchOps.clampMin(divisors, 1), /)
      return try TorchOps.reduced(perTarget, .mean)
    }
  }
}
