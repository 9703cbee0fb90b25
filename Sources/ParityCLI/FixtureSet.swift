import ParityFixtures

/// Loads the fixtures a command names, turning a loader error into exit status 2.
enum FixtureSet {
  static func load(_ roots: [String], maxElements: Int?) throws(CLIError) -> [Fixture] {
    var limits = LoaderLimits()
    if let maxElements { limits.maxElementsPerTensor = maxElements }
    let fixtures: [Fixture]
    do throws(FixtureError) {
      fixtures = try FixtureLoader(limits: limits).loadAll(from: roots)
    } catch {
      throw CLIError(error.description, exitCode: .invalidInput)
    }
    guard !fixtures.isEmpty else {
      throw CLIError("no fixtures (*.json) found under \(roots.joined(separator: ", "))")
    }
    return fixtures
  }
}
