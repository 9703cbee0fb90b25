import ParityCore
import ParityFixtures

/// How one framework key's call differs between the OLD and NEW recordings of a case.
public struct CallDiff: Sendable, Equatable {
  /// The key under `calls` (`exact` included).
  public var framework: String
  /// Outcome changes first, then warnings, arguments and tolerance.
  public var changes: [CallChange]

  public init(framework: String, changes: [CallChange]) {
    self.framework = framework
    self.changes = changes
  }

  public var isBehaviourChange: Bool { changes.contains { $0.isBehaviourChange } }

  /// Whether the call was made with other arguments, so an outcome change may be their doing.
  public var argumentsDiffer: Bool {
    changes.contains { if case .argumentsChanged = $0 { return true } else { return false } }
  }
}

extension CallDiff {
  /// Compares a call recorded in both sets. Values are measured NEW against OLD with OLD's
  /// tolerance override, else the default for OLD's dtype.
  public init(framework: String, old: RecordedCall, new: RecordedCall) {
    var changes: [CallChange] = []
    switch (old.outcome.result, new.outcome.result) {
    case (.value(let before), .value(let after)):
      if before.dtype != after.dtype || before.shape != after.shape {
        changes.append(.outcomeChanged(old: OutcomeSummary(old.outcome), new: OutcomeSummary(new.outcome)))
      } else {
        let figures = ValueComparison(
          actual: after, expected: before, tolerance: old.tolerance ?? .default(for: before.dtype))
        if !figures.passes {
          changes.append(.valuesBeyondTolerance(figures))
        } else if figures.bitExactElements < figures.elementCount {
          changes.append(.valuesWithinTolerance(figures))
        }
      }
    case (.error(let before), .error(let after)):
      if before.kind != after.kind {
        changes.append(.outcomeChanged(old: OutcomeSummary(old.outcome), new: OutcomeSummary(new.outcome)))
      } else if before != after {
        changes.append(.errorTextChanged(old: before, new: after))
      }
    case (.value, .error), (.error, .value):
      changes.append(.outcomeChanged(old: OutcomeSummary(old.outcome), new: OutcomeSummary(new.outcome)))
    }
    if old.outcome.warnings.sorted() != new.outcome.warnings.sorted() {
      changes.append(.warningsChanged(old: old.outcome.warnings, new: new.outcome.warnings))
    }
    let arguments = Self.argumentChanges(old: old.arguments, new: new.arguments)
    if !arguments.isEmpty { changes.append(.argumentsChanged(arguments)) }
    if old.tolerance != new.tolerance { changes.append(.toleranceChanged(old: old.tolerance, new: new.tolerance)) }
    self.init(framework: framework, changes: changes)
  }

  /// The arguments that differ, in NEW's order, then those only in OLD in OLD's order.
  static func argumentChanges(
    old: [(name: String, value: Argument)], new: [(name: String, value: Argument)]
  ) -> [ArgumentChange] {
    let before = Dictionary(old.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    var changes: [ArgumentChange] = []
    for (name, value) in new where before[name] != value {
      changes.append(ArgumentChange(name: name, old: before[name], new: value))
    }
    for (name, value) in old where after[name] == nil {
      changes.append(ArgumentChange(name: name, old: value, new: nil))
    }
    return changes
  }
}
