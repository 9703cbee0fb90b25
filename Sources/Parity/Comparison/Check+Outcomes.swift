import ParityCore
import ParityFixtures

extension Check {
  /// Judges a computed result against a recorded outcome.
  ///
  /// An `unsupported` recording cannot confirm or refute anything, so it is `unverified`
  /// whatever Swift did; otherwise kinds must agree for errors, and dtype, shape, values and
  /// warnings for values.
  public static func judge(
    framework: String, computed: Result<FrameworkAdapter.Output, CallError>, recorded outcome: Outcome,
    tolerance: Tolerance?, exact: Tensor?
  ) -> Check {
    let recorded = OutcomeSummary(outcome)
    let summary = OutcomeSummary(computed)
    var againstExact: ValueComparison? = nil
    if case .success(let output) = computed, let exact, exact.dtype == output.value.dtype, exact.shape == output.value.shape {
      againstExact = ValueComparison(actual: output.value, expected: exact, tolerance: .default(for: exact.dtype))
    }
    func check(_ status: Status, _ finding: Finding, values: ValueComparison? = nil) -> Check {
      Check(
        framework: framework, status: status, finding: finding, recorded: recorded, computed: summary,
        computedValue: try? computed.get().value, values: values, againstExact: againstExact)
    }

    switch (outcome.result, computed) {
    case (.error(let error), _) where error.kind == .unsupported:
      return check(.unverified, .recordedUnsupported)
    case (.error(let error), _) where error.type == RecordedError.undefinedResultType:
      return check(.unverified, .recordedUndefined(error.message))
    case (.value, .failure(let failure)) where failure.isUndefinedResult:
      // A value the framework computed from memory it never wrote: it happened to be stable
      // while the recorder probed it, but it is no golden.
      return check(.unverified, .undefinedInFramework(failure.message))
    case (.error(let error), .failure(let failure)):
      return error.kind == failure.kind
        ? check(.match, .errorsAgree(error.kind))
        : check(.mismatch, .errorKindDiffers(computed: failure.kind, recorded: error.kind))
    case (.error(let error), .success):
      return check(.mismatch, .missingError(error.kind))
    case (.value, .failure(let failure)):
      return check(.mismatch, .unexpectedError(failure.kind, failure.message))
    case (.value(let expected), .success(let output)):
      let value = output.value
      guard value.dtype == expected.dtype else {
        return check(.mismatch, .dtypeDiffers(computed: value.dtype, recorded: expected.dtype))
      }
      guard value.shape == expected.shape else {
        return check(.mismatch, .shapeDiffers(computed: value.shape, recorded: expected.shape))
      }
      let figures = ValueComparison(
        actual: value, expected: expected, tolerance: tolerance ?? .default(for: expected.dtype))
      guard figures.passes else { return check(.mismatch, .valuesDiffer, values: figures) }
      guard output.warnings.sorted() == outcome.warnings.sorted() else {
        return check(.mismatch, .warningsDiffer(computed: output.warnings, recorded: outcome.warnings), values: figures)
      }
      if let differs = moreValuesDiffer(output.moreValues, outcome.moreValues, tolerance: tolerance) {
        return check(.mismatch, differs, values: figures)
      }
      return check(.match, .valuesAgree, values: figures)
    }
  }

  /// The rest of a tuple result against the recorded `more_values`: count, then each tensor's
  /// dtype, shape and values under the same tolerance rules as the first; `nil` when all agree.
  static func moreValuesDiffer(_ computed: [Tensor], _ recorded: [Tensor], tolerance: Tolerance?) -> Finding? {
    guard computed.count == recorded.count else {
      return .moreValueDiffers(position: min(computed.count, recorded.count) + 1,
                               detail: "Swift returns \(computed.count + 1) tensors, the framework returned \(recorded.count + 1)")
    }
    for (index, (actual, expected)) in zip(computed, recorded).enumerated() {
      let position = index + 1
      guard actual.dtype == expected.dtype else {
        return .moreValueDiffers(position: position, detail: "dtype \(actual.dtype.rawValue), recorded \(expected.dtype.rawValue)")
      }
      guard actual.shape == expected.shape else {
        return .moreValueDiffers(position: position, detail: "shape \(actual.shape), recorded \(expected.shape)")
      }
      let figures = ValueComparison(actual: actual, expected: expected, tolerance: tolerance ?? .default(for: expected.dtype))
      if !figures.passes {
        return .moreValueDiffers(position: position, detail: "\(figures.failingElements) of \(figures.elementCount) elements outside tolerance")
      }
    }
    return nil
  }
}
