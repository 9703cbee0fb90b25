import ParityCore

/// A behaviour in which the recorded frameworks part ways, with the cases that show it.
public struct ObservedDifference: Sendable {
  public enum Kind: Sendable, Hashable {
    /// `framework` has no kernel on the recording platform for calls that `others` run.
    case noKernel(framework: String, others: [String])
    /// For the same inputs the frameworks' outcomes fall in different classes
    /// (one returns, another raises; or both raise, for different reasons).
    case outcomes([FrameworkOutcome])
    /// Both returned values of one dtype and shape that differ beyond tolerance.
    case values(first: String, second: String)
    /// `framework` returned inf or NaN where the exact answer is finite.
    case nonFiniteWhereExactIsFinite(framework: String)
    /// `framework` returned finite values outside the tolerance of the exact answer.
    case outsideToleranceOfExact(framework: String)
  }

  public struct FrameworkOutcome: Sendable, Hashable {
    public var framework: String
    public var outcome: OutcomeClass

    public init(framework: String, outcome: OutcomeClass) {
      self.framework = framework
      self.outcome = outcome
    }
  }

  public var kind: Kind
  /// The cases' first `topic:` tag (without the prefix), when they have one.
  public var topic: String?
  /// In run order.
  public var caseIDs: [String]
  /// The largest ULP distance among the cases, where the kind has one.
  public var maxULP: UInt64?

  public init(kind: Kind, topic: String?, caseIDs: [String], maxULP: UInt64? = nil) {
    self.kind = kind
    self.topic = topic
    self.caseIDs = caseIDs
    self.maxULP = maxULP
  }
}
