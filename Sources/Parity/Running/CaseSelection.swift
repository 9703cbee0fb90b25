#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParityFixtures

/// Which cases a run checks: by API id, by tag, by case-id glob. Empty lists select all.
public struct CaseSelection: Sendable, Equatable {
  public var apis: [String]
  /// A case is selected when it carries every one of these tags.
  public var tags: [String]
  /// A case is selected when its id matches any of these shell globs (`float16/*`).
  public var caseGlobs: [String]

  public init(apis: [String] = [], tags: [String] = [], caseGlobs: [String] = []) {
    self.apis = apis
    self.tags = tags
    self.caseGlobs = caseGlobs
  }

  public static let all = CaseSelection()

  public func includes(api: String) -> Bool {
    apis.isEmpty || apis.contains(api)
  }

  public func includes(_ fixtureCase: FixtureCase) -> Bool {
    tags.allSatisfy(fixtureCase.tags.contains)
      && (caseGlobs.isEmpty || caseGlobs.contains { fnmatch($0, fixtureCase.id, 0) == 0 })
  }
}
