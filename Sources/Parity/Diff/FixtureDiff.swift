import ParityFixtures

/// What changed between two fixture sets of the same APIs (say recorded with torch 2.14 and
/// 2.15, or before and after a recorder change), as typed findings; reports phrase them.
///
/// APIs are matched by id, cases by id within an API (an API may span several files), calls
/// by framework key (`exact` included). OLD is the reference: values are measured NEW
/// against OLD, with OLD's tolerance override for the call, else the default for its dtype.
///
/// `behaviourChanged` is true exactly when, for some API present in both sets:
/// 1. a case id is in one set only (added or removed), or
/// 2. in a case of both sets, a framework key has a call in one set only, or
/// 3. in a call of both sets, the outcome class changed: a value became an error or an error
///    a value, the error kind changed, or the value's dtype or shape changed, or
/// 4. both are values of one dtype and shape and some NEW element is outside the tolerance of
///    the OLD one (NaN matches only NaN, infinities must be equal), or
/// 5. the warnings differ (as multisets).
///
/// This holds whether or not the case's inputs or the call's arguments changed too (the
/// findings say so, since the change may then be theirs rather than the framework's).
/// Everything else is a minor change, reported but not counted: another exception type or
/// message for the same error kind, values within tolerance but not bit-identical, changed
/// inputs, arguments, tags or tolerance overrides with equivalent outcomes, provenance, and
/// APIs present in one set only.
public struct FixtureDiff: Sendable, Equatable {
  /// An API found in one set only.
  public struct OneSided: Sendable, Equatable {
    public var api: String
    public var files: [String]
    public var caseCount: Int

    public init(api: String, files: [String], caseCount: Int) {
      self.api = api
      self.files = files
      self.caseCount = caseCount
    }
  }

  /// APIs present in both sets, by id.
  public var apis: [APIDiff]
  /// APIs only in OLD, by id.
  public var onlyInOld: [OneSided]
  /// APIs only in NEW, by id.
  public var onlyInNew: [OneSided]

  public init(apis: [APIDiff], onlyInOld: [OneSided], onlyInNew: [OneSided]) {
    self.apis = apis
    self.onlyInOld = onlyInOld
    self.onlyInNew = onlyInNew
  }

  /// See the type's documentation for the exact rule.
  public var behaviourChanged: Bool { apis.contains(where: \.behaviourChanged) }
}

extension FixtureDiff {
  /// Compares `old` with `new`; fails only when an API repeats a case id across its files.
  public init(old: [Fixture], new: [Fixture]) throws(DiffError) {
    let before = Dictionary(grouping: old, by: \.api)
    let after = Dictionary(grouping: new, by: \.api)
    var apis: [APIDiff] = []
    for api in Set(before.keys).intersection(after.keys).sorted() {
      apis.append(try APIDiff(api: api, old: before[api]!, new: after[api]!))
    }
    func oneSided(_ side: [String: [Fixture]], missingFrom other: [String: [Fixture]]) -> [OneSided] {
      side.keys.filter { other[$0] == nil }.sorted().map { api in
        OneSided(api: api, files: side[api]!.map(\.path), caseCount: side[api]!.reduce(0) { $0 + $1.cases.count })
      }
    }
    self.init(apis: apis, onlyInOld: oneSided(before, missingFrom: after), onlyInNew: oneSided(after, missingFrom: before))
  }

  public var totals: DiffTotals { DiffTotals(self) }
}
