/// Counts over a `FixtureDiff`, for summary lines.
public struct DiffTotals: Sendable, Equatable {
  /// APIs present in both sets.
  public var apisCompared = 0
  /// Case ids present in both sets of a common API.
  public var commonCases = 0
  /// Common cases with at least one behaviour change.
  public var casesWithBehaviourChanges = 0
  /// Common cases with changes, none of them a behaviour change.
  public var casesWithMinorChangesOnly = 0
  public var unchangedCases = 0
  public var addedCases = 0
  public var removedCases = 0
  /// Calls whose outcome class changed, were added or removed, or whose warnings changed.
  public var changedOutcomes = 0
  /// Calls with values beyond tolerance.
  public var valuesBeyondTolerance = 0
  /// Minor findings: per call, and per case for changed inputs or tags.
  public var minorChanges = 0
  public var provenanceChanges = 0
  public var apisOnlyInOld = 0
  public var apisOnlyInNew = 0

  public init(_ diff: FixtureDiff) {
    apisCompared = diff.apis.count
    apisOnlyInOld = diff.onlyInOld.count
    apisOnlyInNew = diff.onlyInNew.count
    for api in diff.apis {
      commonCases += api.commonCaseCount
      addedCases += api.addedCases.count
      removedCases += api.removedCases.count
      provenanceChanges += api.provenance.count
      for fixtureCase in api.changedCases {
        if fixtureCase.isBehaviourChange {
          casesWithBehaviourChanges += 1
        } else {
          casesWithMinorChangesOnly += 1
        }
        if fixtureCase.inputsDiffer { minorChanges += 1 }
        if fixtureCase.tagChange != nil { minorChanges += 1 }
        for call in fixtureCase.calls {
          for change in call.changes {
            switch change {
            case .valuesBeyondTolerance: valuesBeyondTolerance += 1
            case _ where change.isBehaviourChange: changedOutcomes += 1
            default: minorChanges += 1
            }
          }
        }
      }
    }
    unchangedCases = commonCases - casesWithBehaviourChanges - casesWithMinorChangesOnly
  }
}
