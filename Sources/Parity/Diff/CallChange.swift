import ParityCore
import ParityFixtures

/// One difference between the OLD and NEW recordings of a framework's call in one case.
/// The OLD recording is the reference: value figures measure NEW against OLD.
public enum CallChange: Sendable, Equatable {
  /// The framework key has a call in NEW only (its outcome there).
  case added(OutcomeSummary)
  /// The framework key has a call in OLD only (its outcome there).
  case removed(OutcomeSummary)
  /// The outcome's class changed: value to error or back, another error kind, another dtype
  /// or another shape.
  case outcomeChanged(old: OutcomeSummary, new: OutcomeSummary)
  /// Both raised an error of the same kind, with another exception type or message.
  case errorTextChanged(old: RecordedError, new: RecordedError)
  /// Same dtype and shape, and some element of NEW is outside OLD's tolerance.
  case valuesBeyondTolerance(ValueComparison)
  /// Same dtype and shape, every element within tolerance, but not all bit-identical.
  case valuesWithinTolerance(ValueComparison)
  /// The warnings differ as multisets (order is ignored, as the runner ignores it).
  case warningsChanged(old: [String], new: [String])
  /// The arguments differ (compared by name: the order they were written in is ignored).
  case argumentsChanged([ArgumentChange])
  /// The call's tolerance override differs.
  case toleranceChanged(old: Tolerance?, new: Tolerance?)

  /// Whether this change alone makes `FixtureDiff.behaviourChanged` true.
  public var isBehaviourChange: Bool {
    switch self {
    case .added, .removed, .outcomeChanged, .valuesBeyondTolerance, .warningsChanged: return true
    case .errorTextChanged, .valuesWithinTolerance, .argumentsChanged, .toleranceChanged: return false
    }
  }
}

/// An argument present on either side with another value, or on one side only.
public struct ArgumentChange: Sendable, Equatable {
  public var name: String
  /// `nil`: not passed on that side.
  public var old: Argument?
  public var new: Argument?

  public init(name: String, old: Argument?, new: Argument?) {
    self.name = name
    self.old = old
    self.new = new
  }
}
