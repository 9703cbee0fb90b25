import ParityFixtures

/// Loads the fixtures a command names, turning a loader error into exit status 2.
enum FixtureSet {
  static func load(_ roots: [String], maxElements: Int?) throws(CLIError) -> [Fixture] {
    var limits = LoaderLimits.default
    if let maxElements { limits.maxElementsPerTensor = maxElements }
    let loader = FixtureLoader(limits: limits)
    do throws(FixtureError) {
      let fixtures = try loader.loadAll(from: roots)
      guard !fixtures.isEmpty else {
        throw CLIError("no fixtures (*.json) found under \(roots.joined(separator: ", "))")
      }
      return fixtures
    } catch {
      throw CLIError(error.description, exitCode: .invalidInput)
    }
  }
}
