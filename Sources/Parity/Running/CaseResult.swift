import ParityCore
import ParityFixtures

/// Everything a run learned from one case: a check per framework key, and how the recorded
/// frameworks compare with the exact answer and with each other.
public struct CaseResult: Sendable {
  public var fixturePath: String
  public var fixtureCase: FixtureCase
  /// In the case's call order (`exact` excluded).
  public var checks: [Check]
  /// Each recorded value against the case's `exact` value, by framework key.
  public var recordedAgainstExact: [(framework: String, comparison: ValueComparison)]
  /// Recorded values of two frameworks against each other, first against second.
  public var crossFramework: [(first: String, second: String, comparison: ValueComparison)]

  public init(
    fixturePath: String, fixtureCase: FixtureCase, checks: [Check],
    recordedAgainstExact: [(framework: String, comparison: ValueComparison)],
    crossFramework: [(first: String, second: String, comparison: ValueComparison)]
  ) {
    self.fixturePath = fixturePath
    self.fixtureCase = fixtureCase
    self.checks = checks
    self.recordedAgainstExact = recordedAgainstExact
    self.crossFramework = crossFramework
  }

  public var id: String { fixtureCase.id }

  public func check(for framework: String) -> Check? {
    checks.first { $0.framework == framework }
  }
}
