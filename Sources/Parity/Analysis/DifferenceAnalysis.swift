import ParityCore
import ParityFixtures

/// Derives the observed differences between recorded frameworks from a run's case results.
///
/// Only recordings count here: this is evidence about the frameworks, not about the Swift
/// port. A framework without a kernel is summarised once rather than case by case, so the
/// remaining items show where behaviour really parts.
public enum DifferenceAnalysis {
  public static let topicPrefix = "topic:"

  public static func differences(in result: APIResult) -> [ObservedDifference] {
    var order: [GroupKey] = []
    var groups: [GroupKey: (ids: [String], maxULP: UInt64?)] = [:]
    func note(_ kind: ObservedDifference.Kind, topic: String?, id: String, ulp: UInt64? = nil) {
      let key = GroupKey(kind: kind, topic: topic)
      if groups[key] == nil {
        order.append(key)
        groups[key] = ([], nil)
      }
      groups[key]!.ids.append(id)
      if let ulp { groups[key]!.maxULP = max(groups[key]!.maxULP ?? 0, ulp) }
    }

    for caseResult in result.cases {
      let fixtureCase = caseResult.fixtureCase
      let topic = fixtureCase.tags.first { $0.hasPrefix(topicPrefix) }.map { String($0.dropFirst(topicPrefix.count)) }
      let recorded = fixtureCase.calls.filter { $0.framework != RecordedCall.exactKey }
        .map { ObservedDifference.FrameworkOutcome(framework: $0.framework, outcome: OutcomeClass($0.outcome)) }

      let unsupported = recorded.filter(\.outcome.isUnsupported)
      let running = recorded.filter(\.outcome.isValue)
      for missing in unsupported where !running.isEmpty {
        note(.noKernel(framework: missing.framework, others: running.map(\.framework)), topic: nil, id: fixtureCase.id)
      }
      // Without the no-kernel pairs, do the remaining frameworks disagree on the class?
      let comparable = running.isEmpty ? recorded : recorded.filter { !$0.outcome.isUnsupported }
      if Set(comparable.map(\.outcome)).count > 1 {
        note(.outcomes(recorded), topic: topic, id: fixtureCase.id)
      }
      for cross in caseResult.crossFramework where !cross.comparison.passes {
        note(.values(first: cross.first, second: cross.second), topic: topic, id: fixtureCase.id, ulp: cross.comparison.maxULP)
      }
      if let exact = exactValue(of: fixtureCase) {
        let exactFinite = exact.storage.doubleValues.map(\.isFinite)
        for (framework, comparison) in caseResult.recordedAgainstExact where !comparison.passes {
          let values = fixtureCase.call(framework).flatMap { call -> [Double]? in
            if case .value(let t) = call.outcome.result { return t.storage.doubleValues }
            return nil
          } ?? []
          let nonFinite = zip(values, exactFinite).contains { !$0.isFinite && $1 }
          note(
            nonFinite ? .nonFiniteWhereExactIsFinite(framework: framework) : .outsideToleranceOfExact(framework: framework),
            topic: topic, id: fixtureCase.id, ulp: nonFinite ? nil : comparison.maxULP)
        }
      }
    }
    return order.map { key in
      ObservedDifference(kind: key.kind, topic: key.topic, caseIDs: groups[key]!.ids, maxULP: groups[key]!.maxULP)
    }
  }

  public static func exactValue(of fixtureCase: FixtureCase) -> Tensor? {
    guard let call = fixtureCase.call(RecordedCall.exactKey), case .value(let t) = call.outcome.result else { return nil }
    return t
  }

  private struct GroupKey: Hashable {
    var kind: ObservedDifference.Kind
    var topic: String?
  }
}
