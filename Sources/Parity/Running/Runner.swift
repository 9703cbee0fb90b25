import Dispatch
import ParityCore
import ParityFixtures

/// Runs every selected case of every fixture through the registry's adapters and judges
/// each recorded outcome. It yields typed results and prints nothing.
public struct Runner: Sendable {
  public var registry: MappingRegistry

  public init(registry: MappingRegistry = .standard) {
    self.registry = registry
  }

  /// Checks `fixtures`, APIs in id order and cases in fixture path then file order.
  ///
  /// Fixtures are taken in byte-wise path order (as `FixtureLoader.discover` lists them), so
  /// the result does not depend on the order they are passed in. Every fixture's API is
  /// resolved before any case runs, so an unknown API fails the whole run rather than
  /// dropping a file. Cases run concurrently into fixed slots: the result does not depend on
  /// scheduling.
  public func run(
    _ fixtures: [Fixture], selection: CaseSelection = .all, progress: (@Sendable (RunProgress) -> Void)? = nil
  ) throws(RunError) -> RunResult {
    var byAPI: [String: (mapping: APIMapping, fixtures: [Fixture])] = [:]
    let ordered = fixtures.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    for fixture in ordered {
      guard let mapping = registry.mapping(id: fixture.api) else {
        throw .unknownAPI(file: fixture.path, api: fixture.api, known: registry.ids)
      }
      guard selection.includes(api: fixture.api) else { continue }
      byAPI[fixture.api, default: (mapping, [])].fixtures.append(fixture)
    }
    // Cases are numbered in this order for sharding, so shards do not depend on argument order either.
    var ordinal = 0
    var work: [PlannedCase] = []
    let plan = byAPI.keys.sorted().enumerated().map { api, id -> (mapping: APIMapping, fixtures: [Fixture]) in
      let (mapping, fixtures) = byAPI[id]!
      for fixture in fixtures {
        for fixtureCase in fixture.cases where selection.includes(fixtureCase) {
          defer { ordinal += 1 }
          if let shard = selection.shard, !shard.includes(ordinal: ordinal) { continue }
          work.append(PlannedCase(api: api, path: fixture.path, fixtureCase: fixtureCase))
        }
      }
      return (mapping, fixtures)
    }
    // One pool over every API's cases, so a long file's cases overlap the next API's instead of
    // each API waiting for its slowest case; the biggest cases (most tensor elements) start first.
    let cost = work.map { $0.fixtureCase.tensors.reduce(0) { $0 + $1.tensor.count } }
    let order = work.indices.sorted { cost[$0] != cost[$1] ? cost[$0] > cost[$1] : $0 < $1 }
    let counter = RunProgress.Counter(total: work.count, report: progress)
    let results = work.concurrentMap(order: order) { item in
      defer { counter.advance() }
      return Runner.run(item.fixtureCase, from: item.path, mapping: plan[item.api].mapping)
    }
    var cases = [[CaseResult]](repeating: [], count: plan.count)
    for (item, result) in zip(work, results) { cases[item.api].append(result) }
    let apis = plan.enumerated().map { api, entry in
      APIResult(mapping: entry.mapping, fixtures: entry.fixtures.map(FixtureHeader.init), cases: cases[api])
    }
    return RunResult(apis: apis)
  }

  /// Checks one case against every framework key it records.
  public static func run(_ fixtureCase: FixtureCase, from path: String, mapping: APIMapping) -> CaseResult {
    let exact = fixtureCase.call(RecordedCall.exactKey).flatMap { call -> Tensor? in
      if case .value(let t) = call.outcome.result { return t }
      return nil
    }
    var checks: [Check] = []
    var recordedValues: [(framework: String, value: Tensor, tolerance: Tolerance?)] = []
    for call in fixtureCase.calls where call.framework != RecordedCall.exactKey {
      if case .value(let value) = call.outcome.result {
        recordedValues.append((call.framework, value, call.tolerance))
      }
      guard let adapter = mapping.adapter(for: call.framework) else {
        checks.append(
          Check(
            framework: call.framework, status: .unverified, finding: .noAdapter,
            recorded: OutcomeSummary(call.outcome), computed: nil))
        continue
      }
      let computed = adapter.call(call.arguments, constructorArguments: call.constructorArguments, in: fixtureCase)
      checks.append(
        Check.judge(
          framework: call.framework, computed: computed, recorded: call.outcome, tolerance: call.tolerance,
          exact: exact))
    }
    let againstExact = recordedValues.compactMap { recorded -> (framework: String, comparison: ValueComparison)? in
      guard let exact, exact.dtype == recorded.value.dtype, exact.shape == recorded.value.shape else { return nil }
      return (recorded.framework, ValueComparison(actual: recorded.value, expected: exact, tolerance: .default(for: exact.dtype)))
    }
    var cross: [(first: String, second: String, comparison: ValueComparison)] = []
    for i in recordedValues.indices {
      for j in recordedValues.indices where j > i {
        let (a, b) = (recordedValues[i], recordedValues[j])
        guard a.value.dtype == b.value.dtype, a.value.shape == b.value.shape else { continue }
        cross.append((a.framework, b.framework, ValueComparison(actual: b.value, expected: a.value, tolerance: .default(for: a.value.dtype))))
      }
    }
    return CaseResult(
      fixturePath: path, fixtureCase: fixtureCase, checks: checks, recordedAgainstExact: againstExact,
      crossFramework: cross)
  }
}

/// One selected case and where it came from: its API's index in the plan and its fixture file.
private struct PlannedCase: Sendable {
  var api: Int
  var path: String
  var fixtureCase: FixtureCase
}
