import ParityFixtures

/// How the cases of one API, present in both sets, differ between OLD and NEW.
public struct APIDiff: Sendable, Equatable {
  public var api: String
  /// Provenance fields that differ: frameworks in NEW's key order, then recorder fields.
  public var provenance: [ProvenanceChange]
  /// Cases in both sets that differ in any way, in NEW's order.
  public var changedCases: [CaseDiff]
  /// Case ids in NEW only, in NEW's order.
  public var addedCases: [String]
  /// Case ids in OLD only, in OLD's order.
  public var removedCases: [String]
  /// How many case ids are in both sets (changed or not).
  public var commonCaseCount: Int

  public init(
    api: String, provenance: [ProvenanceChange], changedCases: [CaseDiff], addedCases: [String],
    removedCases: [String], commonCaseCount: Int
  ) {
    self.api = api
    self.provenance = provenance
    self.changedCases = changedCases
    self.addedCases = addedCases
    self.removedCases = removedCases
    self.commonCaseCount = commonCaseCount
  }

  /// A case added or removed, or a behaviour change in a common case.
  public var behaviourChanged: Bool {
    !addedCases.isEmpty || !removedCases.isEmpty || changedCases.contains(where: \.isBehaviourChange)
  }
}

extension APIDiff {
  /// Compares the fixtures of one API on each side (an API may span several files).
  public init(api: String, old: [Fixture], new: [Fixture]) throws(DiffError) {
    let before = try Self.casesByID(old, side: "OLD", api: api)
    let after = try Self.casesByID(new, side: "NEW", api: api)
    let oldByID = Dictionary(uniqueKeysWithValues: before.map { ($0.id, $0) })
    let newIDs = Set(after.map(\.id))
    var changed: [CaseDiff] = []
    var added: [String] = []
    var common = 0
    for fixtureCase in after {
      guard let previous = oldByID[fixtureCase.id] else {
        added.append(fixtureCase.id)
        continue
      }
      common += 1
      let diff = CaseDiff(old: previous, new: fixtureCase)
      if diff.hasChanges { changed.append(diff) }
    }
    self.init(
      api: api, provenance: Self.provenanceChanges(old: old, new: new), changedCases: changed, addedCases: added,
      removedCases: before.map(\.id).filter { !newIDs.contains($0) }, commonCaseCount: common)
  }

  /// Every case of `fixtures` in load order, refusing an id that repeats across files.
  static func casesByID(_ fixtures: [Fixture], side: String, api: String) throws(DiffError) -> [FixtureCase] {
    var fileOfID: [String: String] = [:]
    var cases: [FixtureCase] = []
    for fixture in fixtures {
      for fixtureCase in fixture.cases {
        if let first = fileOfID[fixtureCase.id] {
          throw .duplicateCase(side: side, api: api, id: fixtureCase.id, files: [first, fixture.path])
        }
        fileOfID[fixtureCase.id] = fixture.path
        cases.append(fixtureCase)
      }
    }
    return cases
  }

  /// Field by field: each framework entry's string fields (`api`, `package`, `version`,
  /// `device` first, then the others by name), then the recorder's fields in file order.
  static func provenanceChanges(old: [Fixture], new: [Fixture]) -> [ProvenanceChange] {
    let before = provenanceFields(old)
    let after = provenanceFields(new)
    let oldValues = Dictionary(before, uniquingKeysWith: { first, _ in first })
    let newValues = Dictionary(after, uniquingKeysWith: { first, _ in first })
    let fields = CaseDiff.union(after.map(\.field), before.map(\.field))
    let order = { (field: String) -> Int in field.hasPrefix("frameworks.") ? 0 : 1 }
    let sorted = fields.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element)
    return sorted.compactMap { field in
      oldValues[field] == newValues[field] ? nil : ProvenanceChange(field: field, old: oldValues[field], new: newValues[field])
    }
  }

  /// Each provenance field with its distinct values across `fixtures`, in file order.
  static func provenanceFields(_ fixtures: [Fixture]) -> [(field: String, value: String)] {
    var values: [String: [String]] = [:]
    var order: [String] = []
    func add(_ field: String, _ value: String) {
      if values[field] == nil { order.append(field) }
      if !values[field, default: []].contains(value) { values[field, default: []].append(value) }
    }
    let leading = ["api", "package", "version", "device"]
    for fixture in fixtures {
      for framework in fixture.frameworks {
        let names = leading.filter { framework.fields[$0] != nil } + framework.fields.keys.filter { !leading.contains($0) }.sorted()
        for name in names { add("frameworks.\(framework.key).\(name)", framework.fields[name]!) }
      }
    }
    for fixture in fixtures {
      for entry in fixture.recorder { add("recorder.\(entry.key)", entry.value) }
    }
    return order.map { ($0, values[$0]!.joined(separator: " / ")) }
  }
}
