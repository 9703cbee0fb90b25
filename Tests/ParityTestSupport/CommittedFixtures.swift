import Foundation
import ParityFixtures

/// The package's recorded fixtures, loaded once per test process, with paths relative to the
/// package root as `swift run parity` run there names them (reports quote the paths).
public enum CommittedFixtures {
  public static var directory: String { ParityProcess.packageRoot.appendingPathComponent("Fixtures").path }

  private static let loaded: Result<[Fixture], FixtureError> = {
    do throws(FixtureError) {
      let root = ParityProcess.packageRoot.path + "/"
      let fixtures = try FixtureLoader().loadAll(from: [directory]).map { fixture -> Fixture in
        var relative = fixture
        if relative.path.hasPrefix(root) { relative.path.removeFirst(root.count) }
        return relative
      }
      return .success(fixtures)
    } catch {
      return .failure(error)
    }
  }()

  public static func load() throws -> [Fixture] {
    try loaded.get()
  }
}
