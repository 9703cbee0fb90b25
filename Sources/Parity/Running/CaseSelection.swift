#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParityFixtures

/// Which cases a run checks: by API id, by tag, by case-id glob, by shard. Empty lists select all.
public struct CaseSelection: Sendable, Equatable {
  /// One of `count` disjoint parts of a run, for splitting checks across CI jobs.
  public struct Shard: Sendable, Equatable {
    /// 0-based.
    public var index: Int
    public var count: Int

    /// `nil` unless `0 <= index < count`.
    public init?(index: Int, count: Int) {
      guard count > 0, index >= 0, index < count else { return nil }
      self.index = index
      self.count = count
    }

    /// Whether the case at `ordinal` in the run's case order belongs to this shard. Cases are
    /// dealt round-robin, so shards stay balanced and their union is the whole run.
    public func includes(ordinal: Int) -> Bool {
      ordinal % count == index
    }
  }

  public var apis: [String]
  /// A case is selected when it carries every one of these tags.
  public var tags: [String]
  /// A case is selected when its id matches any of these shell globs (`float16/*`).
  public var caseGlobs: [String]
  /// Applied last, over the cases the other criteria select, in run order.
  public var shard: Shard?

  public init(apis: [String] = [], tags: [String] = [], caseGlobs: [String] = [], shard: Shard? = nil) {
    self.apis = apis
    self.tags = tags
    self.caseGlobs = caseGlobs
    self.shard = shard
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
