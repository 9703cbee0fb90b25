import ParityFixtures

/// Counts of checks by status.
public struct Totals: Sendable, Equatable {
  public var match = 0
  public var mismatch = 0
  public var unverified = 0

  public init(match: Int = 0, mismatch: Int = 0, unverified: Int = 0) {
    self.match = match
    self.mismatch = mismatch
    self.unverified = unverified
  }

  public mutating func add(_ status: Check.Status) {
    switch status {
    case .match: match += 1
    case .mismatch: mismatch += 1
    case .unverified: unverified += 1
    }
  }

  public static func + (lhs: Totals, rhs: Totals) -> Totals {
    Totals(match: lhs.match + rhs.match, mismatch: lhs.mismatch + rhs.mismatch, unverified: lhs.unverified + rhs.unverified)
  }

  public var checks: Int { match + mismatch + unverified }
}

/// One mapping's results over all the fixtures that name it.
public struct APIResult: Sendable {
  public var mapping: APIMapping
  /// The fixtures' headers (provenance), in load order; their cases are in `cases`.
  public var fixtures: [FixtureHeader]
  public var cases: [CaseResult]

  public init(mapping: APIMapping, fixtures: [FixtureHeader], cases: [CaseResult]) {
    self.mapping = mapping
    self.fixtures = fixtures
    self.cases = cases
  }

  public var totals: Totals {
    var totals = Totals()
    for result in cases { for check in result.checks { totals.add(check.status) } }
    return totals
  }

  /// Totals per framework key, in the order keys first appear.
  public func totals(for framework: String) -> Totals {
    var totals = Totals()
    for result in cases { if let check = result.check(for: framework) { totals.add(check.status) } }
    return totals
  }
}

/// A fixture's provenance without its cases.
public struct FixtureHeader: Sendable {
  public var path: String
  public var frameworks: [FrameworkInfo]
  public var recorder: [(key: String, value: String)]

  public init(_ fixture: Fixture) {
    path = fixture.path
    frameworks = fixture.frameworks
    recorder = fixture.recorder
  }
}

/// What a run found, API by API in id order.
public struct RunResult: Sendable {
  public var apis: [APIResult]

  public init(apis: [APIResult]) {
    self.apis = apis
  }

  public var totals: Totals { apis.reduce(Totals()) { $0 + $1.totals } }
}
