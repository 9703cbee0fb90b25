import ParityCore

/// The multi-label margin loss: for each sample, its target row lists class indices up to the
/// first negative entry; the loss sums `max(0, 1 - (x[y_j] - x[i]))` over those classes `j`
/// and over the classes `i` not among them, divided by the class count `C`.
public enum MultiLabelMarginLoss {
  /// `torch.nn.functional.multilabel_margin_loss` once the reduction is resolved:
  /// `multilabel_margin_loss_forward_cpu` (aten/src/ATen/native/LossMultiLabelMargin.cpp),
  /// returning `(output, is_target)`, with its checks in its order:
  /// 1. the input is 0-d, `(C,)` or `(N, C)` with `C > 0`, and the target has as many
  ///    elements (`(C,)` or 0-d for a 0-d/1-d input, exactly `(N, C)` otherwise);
  /// 2. the output is 0-d for `mean`/`sum` or a target of rank ≤ 1, else `(N,)`; an empty
  ///    input returns here, its 0-d output never written (an undefined result);
  /// 3. the whole target (entries after the first -1 too) lies in `[-1, C)`;
  /// 4. float32/float64 input only, then an int64 target only.
  ///
  /// Each hinge `z = 1 - x[y_j] + x[i]` is computed in the input's dtype and added when
  /// `z > 0` (so a NaN margin is dropped) to a `Double` accumulator (`acc_type` on CPU), in
  /// the kernel's order: targets in row order (a repeated index counts again), classes in
  /// order. A row's sum is returned in the input's dtype; `none` divides it by `C` there,
  /// while `mean`/`sum` add the rows' rounded sums in `Double`, divide by `C` (and `N`) and
  /// round once.
  public static func pytorch(
    input: Tensor, target: Tensor, reduction: LossReduction
  ) throws(KernelError) -> (loss: Tensor, isTarget: Tensor) {
    let (frames, classes) = try torchFrames(input: input, target: target)
    let outputShape = reduction != .none || target.rank <= 1 ? [] : [frames]
    guard input.count > 0 else {
      guard outputShape.isEmpty else {
        return (Tensor(dtype: input.dtype, shape: outputShape, doubles: []),
                Tensor(dtype: input.dtype, shape: target.shape, doubles: []))
      }
      throw KernelError.undefinedResult(
        "a value computed from an empty input: torch's CPU kernel returns before writing its output")
    }
    try checkRange(target, classes: classes)
    switch input.storage {
    case .float32(let x):
      let labels = try torchLabels(target)
      let rows = rowSums(x, labels: labels, frames: frames, classes: classes)
      return (Tensor(reduced(rows.sums, classes: classes, reduction: reduction, shape: outputShape), shape: outputShape),
              Tensor(dtype: input.dtype, shape: target.shape, doubles: rows.isTarget))
    case .float64(let x):
      let labels = try torchLabels(target)
      let rows = rowSums(x, labels: labels, frames: frames, classes: classes)
      return (Tensor(reduced(rows.sums, classes: classes, reduction: reduction, shape: outputShape), shape: outputShape),
              Tensor(dtype: input.dtype, shape: target.shape, doubles: rows.isTarget))
    default:
      throw KernelError(
        kind: .dtype, message: "\"multilabel_margin_loss_forward_out_frame\" not implemented for '\(input.dtype.torchName)'")
    }
  }

  /// `multilabel_margin_loss_shape_check`: the batch size and class count.
  static func torchFrames(input: Tensor, target: Tensor) throws(KernelError) -> (frames: Int, classes: Int) {
    let shape = input.shape
    guard (shape.count == 2 && shape[1] != 0) || (shape.count == 1 && shape[0] != 0) || shape.isEmpty else {
      throw .torchNonEmptyVectorOrMatrix(shape)
    }
    let consistent = shape.count <= 1
      ? target.rank <= 1 && target.count == (shape.first ?? 1)
      : target.shape == shape
    guard consistent else {
      throw KernelError(kind: .shape, message: "inconsistent target size: \(target.shape) for input of size: \(shape)")
    }
    return shape.count <= 1 ? (1, shape.first ?? 1) : (shape[0], shape[1])
  }

  /// The target's range check, `target.min() >= -1` and `target.max() < C` over every entry
  /// (read as int64, whatever the target's dtype).
  static func checkRange(_ target: Tensor, classes: Int) throws(KernelError) {
    let values = target.storage.doubleValues
    let outOfRange = KernelError(kind: .argument, message: "argument #2 'target' is out of range")
    guard let low = values.min(), let high = values.max(), !low.isNaN, !high.isNaN else {
      throw KernelError(kind: .other, message: "value cannot be converted to type int64_t without overflow")
    }
    guard low.rounded(.towardZero) >= -1 else { throw outOfRange }
    guard high.rounded(.towardZero) < Double(classes) else { throw outOfRange }
  }

  /// The target's indices (`data_ptr<int64_t>`, read once the input's dtype has dispatched).
  static func torchLabels(_ target: Tensor) throws(KernelError) -> [Int] {
    guard case .int64(let labels) = target.storage else {
      throw .torchScalarType(expected: .int64, found: target.dtype)
    }
    return labels.map { Int($0) }
  }

  /// Each row's hinge sum, accumulated in `Double` and returned in `T`, and `is_target`.
  static func rowSums<T: BinaryFloatingPoint>(
    _ x: [T], labels: [Int], frames: Int, classes: Int
  ) -> (sums: [T], isTarget: [Double]) {
    var sums: [T] = []
    sums.reserveCapacity(frames)
    var isTarget = [Double](repeating: 0, count: labels.count)
    for frame in 0..<frames {
      let row = frame * classes
      let active = labels[row..<(row + classes)].prefix { $0 >= 0 }
      for label in active { isTarget[row + label] = 1 }
      var sum = 0.0
      for label in active {
        let margin = 1 - x[row + label]
        for d in 0..<classes where isTarget[row + d] == 0 {
          let z = margin + x[row + d]
          if z > 0 { sum += Double(z) }
        }
      }
      sums.append(T(sum))
    }
    return (sums, isTarget)
  }

  /// `none` with a 2-d target: each row's sum divided by `C` in `T`; otherwise the rows'
  /// sums added in `Double`, divided by `C` (and by `N` for `mean`), rounded once to `T`.
  static func reduced<T: BinaryFloatingPoint>(_ sums: [T], classes: Int, reduction: LossReduction, shape: [Int]) -> [T] {
    guard shape.isEmpty else { return sums.map { $0 / T(classes) } }
    var total = sums.reduce(0.0) { $0 + Double($1) }
    total /= Double(classes)
    if reduction == .mean { total /= Double(sums.count) }
    return [T(total)]
  }
}
