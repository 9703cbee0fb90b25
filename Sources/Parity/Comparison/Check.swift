import ParityCore
import ParityFixtures

/// The verdict on one framework's recorded outcome in one case: did the Swift implementation,
/// called through that framework's adapter, do what the framework did?
public struct Check: Sendable {
  public enum Status: String, Sendable, CaseIterable, Comparable {
    case match, mismatch, unverified

    public static func < (lhs: Status, rhs: Status) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  /// Why a check came out as it did, as a typed finding; reports phrase it.
  public enum Finding: Sendable, Equatable {
    /// Same dtype, shape and values within tolerance (figures in `values`).
    case valuesAgree
    /// Both raised, with the same kind.
    case errorsAgree(ErrorKind)
    case valuesDiffer
    case dtypeDiffers(computed: DType, recorded: DType)
    case shapeDiffers(computed: [Int], recorded: [Int])
    case errorKindDiffers(computed: ErrorKind, recorded: ErrorKind)
    /// The framework returned a value; Swift raised.
    case unexpectedError(ErrorKind, String)
    /// The framework raised; Swift returned a value.
    case missingError(ErrorKind)
    case warningsDiffer(computed: [String], recorded: [String])
    /// The first values agree; a later tensor of a tuple result (`more_values`) does not:
    /// `position` counts from 1 (the first value is 0), `detail` says how it differs.
    case moreValueDiffers(position: Int, detail: String)
    /// The framework has no kernel for this call on the recording platform.
    case recordedUnsupported
    /// The framework's result was undefined, for the reason the recorder wrote as the
    /// `UndefinedResult` message (identical calls returned different results, its kernel reads
    /// memory it never wrote, its threads flush subnormals differently): nothing to confirm.
    case recordedUndefined(String)
    /// The port models the framework's result for this call as undefined (it returns or reads
    /// memory it never wrote): the recorded value, whatever it is, can confirm nothing.
    case undefinedInFramework(String)
    /// Parity has no adapter for this framework key.
    case noAdapter
  }

  public var framework: String
  public var status: Status
  public var finding: Finding
  public var recorded: OutcomeSummary
  /// What Swift did through the adapter; `nil` when there is no adapter.
  public var computed: OutcomeSummary?
  /// The tensor Swift returned, when it returned one.
  public var computedValue: Tensor?
  /// The computed value against the recorded one, when both are values of one dtype and shape.
  public var values: ValueComparison?
  /// The computed value against the case's `exact` answer, when both exist.
  public var againstExact: ValueComparison?

  public init(
    framework: String, status: Status, finding: Finding, recorded: OutcomeSummary, computed: OutcomeSummary?,
    computedValue: Tensor? = nil, values: ValueComparison? = nil, againstExact: ValueComparison? = nil
  ) {
    self.computedValue = computedValue
    self.framework = framework
    self.status = status
    self.finding = finding
    self.recorded = recorded
    self.computed = computed
    self.values = values
    self.againstExact = againstExact
  }
}
