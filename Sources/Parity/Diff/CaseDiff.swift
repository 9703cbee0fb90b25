import ParityCore
import ParityFixtures

/// How a case recorded in both sets differs between OLD and NEW.
public struct CaseDiff: Sendable, Equatable {
  public var id: String
  /// Input tensors that differ, in NEW's order, then those only in OLD.
  public var inputChanges: [InputChange]
  /// The tags on each side when they differ as sets; `nil` when they are the same.
  public var tagChange: (old: [String], new: [String])?
  /// Only the calls that changed, framework keys in NEW's order, then those only in OLD.
  public var calls: [CallDiff]

  public init(id: String, inputChanges: [InputChange], tagChange: (old: [String], new: [String])?, calls: [CallDiff]) {
    self.id = id
    self.inputChanges = inputChanges
    self.tagChange = tagChange
    self.calls = calls
  }

  /// Whether the case was recorded from other inputs, so outcome changes may be their doing.
  public var inputsDiffer: Bool { !inputChanges.isEmpty }

  public var isBehaviourChange: Bool { calls.contains(where: \.isBehaviourChange) }

  public var hasChanges: Bool { inputsDiffer || tagChange != nil || !calls.isEmpty }

  public static func == (lhs: CaseDiff, rhs: CaseDiff) -> Bool {
    lhs.id == rhs.id && lhs.inputChanges == rhs.inputChanges && lhs.calls == rhs.calls
      && lhs.tagChange?.old == rhs.tagChange?.old && lhs.tagChange?.new == rhs.tagChange?.new
  }
}

extension CaseDiff {
  /// Compares the OLD and NEW recordings of one case id.
  public init(old: FixtureCase, new: FixtureCase) {
    var inputs: [InputChange] = []
    for name in Self.union(new.tensors.map(\.name), old.tensors.map(\.name)) {
      if let change = InputChange(name: name, old: old.tensor(named: name), new: new.tensor(named: name)) {
        inputs.append(change)
      }
    }
    var calls: [CallDiff] = []
    for key in Self.union(new.calls.map(\.framework), old.calls.map(\.framework)) {
      let diff: CallDiff
      switch (old.call(key), new.call(key)) {
      case (let before?, let after?): diff = CallDiff(framework: key, old: before, new: after)
      case (nil, let after?): diff = CallDiff(framework: key, changes: [.added(OutcomeSummary(after.outcome))])
      case (let before?, nil): diff = CallDiff(framework: key, changes: [.removed(OutcomeSummary(before.outcome))])
      case (nil, nil): continue
      }
      if !diff.changes.isEmpty { calls.append(diff) }
    }
    let tags = Set(old.tags) == Set(new.tags) ? nil : (old: old.tags, new: new.tags)
    self.init(id: new.id, inputChanges: inputs, tagChange: tags, calls: calls)
  }

  /// `first`'s elements, then `second`'s that are not in `first`, each once.
  static func union(_ first: [String], _ second: [String]) -> [String] {
    var seen = Set<String>()
    return (first + second).filter { seen.insert($0).inserted }
  }
}
