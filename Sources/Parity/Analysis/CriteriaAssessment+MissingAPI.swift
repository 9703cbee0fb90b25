import ParityFixtures

extension CriteriaAssessment {
  /// The verdicts for a pair whose `second` API does not exist: the mapping declares it missing
  /// (`FrameworkAdapter.missing`) and every recorded call of it raised Python's AttributeError.
  /// An API that is not there contradicts every criterion of "Consistent", so each differs,
  /// with the recorded error as evidence; `nil` when the API exists or the recording disagrees.
  static func missingAPI(_ result: APIResult, _ second: String) -> [CriterionVerdict]? {
    guard let adapter = result.mapping.adapter(for: second), adapter.unavailable != nil else { return nil }
    var errors: [RecordedError] = []
    for caseResult in result.cases {
      guard let outcome = caseResult.fixtureCase.call(second)?.outcome else { continue }
      guard case .error(let error) = outcome.result, error.type == "AttributeError" else { return nil }
      errors.append(error)
    }
    guard let first = errors.first else { return nil }
    let reason = "`\(adapter.api)` does not exist in the recorded \(name(second)): all \(errors.count) recorded calls "
      + "raised AttributeError."
    return Criterion.allCases.map { CriterionVerdict($0, .differs, reason, evidence: ["\(first.type): \(first.message)"]) }
  }
}
