import Foundation
import ParityTestSupport
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Reports are replaced whole or not at all, Parity never writes among the fixtures, and
/// `--reports` writes only inside the directory it resolves to.
///
/// The rule: `--reports DIR` (and `--json FILE`) is resolved once, symbolic links and `..`
/// followed as the file system follows them; the result may not be, or be inside, a
/// fixtures root. Reports are then written only as direct children of that directory, each
/// to a new temporary file beside it and renamed over its name, so a symbolic link at a
/// report's name is replaced, never written through.
final class ReportSafetyTests: XCTestCase {
  /// A working folder with one small fixture in `Fixtures/` and previous reports in `Reports/`.
  func workspace() throws -> TemporaryDirectory {
    let work = try TemporaryDirectory(prefix: "parity-safety")
    try work.write(FixtureText.example, to: "Fixtures/a.json")
    try work.write("# previous index\n", to: "Reports/README.md")
    try work.write("# previous report\n", to: "Reports/SoftMarginLoss.md")
    return work
  }

  func run(_ arguments: [String], in work: TemporaryDirectory) throws -> ParityProcess.Outcome {
    try ParityProcess.run(["run"] + arguments, in: work.url)
  }

  /// What a complete run writes for the workspace's fixture.
  func freshReports() throws -> DirectorySnapshot {
    let work = try workspace()
    defer { work.remove() }
    try FileManager.default.removeItem(at: work.url.appendingPathComponent("Reports"))
    XCTAssertEqual(try run([], in: work).status, 0)
    return try DirectorySnapshot(work.url.appendingPathComponent("Reports"))
  }

  func testAFailingWriteLeavesThePreviousReportsIntact() throws {
    let work = try workspace()
    defer { work.remove() }
    // The index's name is taken by a folder: no report can be written whole, so none is.
    try FileManager.default.removeItem(at: work.url.appendingPathComponent("Reports/README.md"))
    try work.write("keep\n", to: "Reports/README.md/inside.txt")
    let before = try DirectorySnapshot(work.url)
    let outcome = try run([], in: work)
    XCTAssertEqual(outcome.status, 2)
    let reports = work.url.appendingPathComponent("Reports").resolvingSymlinksInPath().path
    XCTAssertTrue(outcome.stderr.hasSuffix("error: cannot write reports to Reports: \(reports)/README.md: Is a directory\n"), outcome.stderr)
    // SoftMarginLoss.md, written first, is still the previous one; no temporary is left.
    XCTAssertEqual(try DirectorySnapshot(work.url), before)
  }

  /// `kill -9` at points spread over a run (the last ones past its end): whenever it lands,
  /// each report is the previous file or the new one, whole, and nothing else is visible.
  func testAKilledRunLeavesEveryReportWhole() throws {
    let fresh = try freshReports()
    let model = try workspace()
    let previous = try DirectorySnapshot(model.url.appendingPathComponent("Reports"))
    model.remove()
    // A run over the committed fixtures is long enough to interrupt at different stages.
    let fixtures = ParityProcess.packageRoot.appendingPathComponent("Fixtures").path
    let full = try TemporaryDirectory(prefix: "parity-kill-full")
    defer { full.remove() }
    let start = Date()
    XCTAssertEqual(try ParityProcess.run(["run", "--fixtures", fixtures, "--reports", full.path + "/Reports"]).status, 0)
    let duration = Date().timeIntervalSince(start)
    let complete = try DirectorySnapshot(full.url.appendingPathComponent("Reports"))

    for fraction in [0.5, 0.9, 1.0, 1.05] {
      let work = try workspace()
      defer { work.remove() }
      let process = Process()
      process.executableURL = ParityProcess.executable
      process.arguments = ["run", "--fixtures", fixtures, "--reports", work.path + "/Reports"]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      usleep(useconds_t(duration * fraction * 1_000_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let after = try DirectorySnapshot(work.url.appendingPathComponent("Reports"))
      for path in after.paths {
        guard case .file = after.entries[path] else { continue }
        if Self.isTemporary(path) { continue }  // a temporary the kill orphaned
        XCTAssertTrue(
          after.entries[path] == previous.entries[path] || after.entries[path] == complete.entries[path],
          "\(path) after a kill at \(fraction) of a run is neither the previous report nor the new one")
      }
      // Every previous report is still there; anything else is a new report or its figures.
      let visible = Set(after.paths.filter { !Self.isTemporary($0) })
      XCTAssertTrue(Set(previous.paths).isSubset(of: visible), "\(visible)")
      XCTAssertTrue(visible.isSubset(of: Set(previous.paths).union(complete.paths)), "\(visible)")
    }
    XCTAssertTrue(Set(previous.paths).isSubset(of: Set(fresh.paths)))
  }

  /// A writer's temporary: a hidden name with `.tmp-`, at the top or in `figures/`.
  static func isTemporary(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    return name.hasPrefix(".") && name.contains(".tmp-")
  }

  func testReportsOrSummaryAmongTheFixturesAreRefused() throws {
    let work = try workspace()
    defer { work.remove() }
    try FileManager.default.createSymbolicLink(atPath: work.path + "/fixtures-link", withDestinationPath: "Fixtures")
    try FileManager.default.createDirectory(atPath: work.path + "/elsewhere", withIntermediateDirectories: true)
    let before = try DirectorySnapshot(work.url)
    let refused: [(arguments: [String], message: String)] = [
      (["--reports", "Fixtures"], "--reports Fixtures is inside the fixtures folder Fixtures"),
      (["--reports", "Fixtures/out"], "--reports Fixtures/out is inside the fixtures folder Fixtures"),
      (["--reports", "./Fixtures/./deeper/out"], "--reports ./Fixtures/./deeper/out is inside the fixtures folder Fixtures"),
      (["--reports", "elsewhere/../Fixtures/out"], "--reports elsewhere/../Fixtures/out is inside the fixtures folder Fixtures"),
      (["--reports", "new/../Fixtures"], "--reports new/../Fixtures is inside the fixtures folder Fixtures"),
      (["--reports", "fixtures-link/out"], "--reports fixtures-link/out is inside the fixtures folder Fixtures"),
      (["--reports", work.path + "/fixtures-link"], "--reports \(work.path)/fixtures-link is inside the fixtures folder Fixtures"),
      (["--fixtures", "fixtures-link", "--reports", "Fixtures/out"], "--reports Fixtures/out is inside the fixtures folder fixtures-link"),
      (["--json", "Fixtures/summary.json"], "--json Fixtures/summary.json is inside the fixtures folder Fixtures"),
      (["--json", "fixtures-link/summary.json", "--no-write"], "--json fixtures-link/summary.json is inside the fixtures folder Fixtures"),
      (["--fixtures", "Fixtures/a.json", "--json", "Fixtures/a.json"], "--json Fixtures/a.json is inside the fixtures folder Fixtures/a.json"),
    ]
    for (arguments, message) in refused {
      let outcome = try run(arguments, in: work)
      XCTAssertEqual(outcome.status, 2, "\(arguments)")
      XCTAssertEqual(outcome.stderr, "error: \(message)\nRun 'parity --help' for usage.\n", "\(arguments)")
      XCTAssertEqual(try DirectorySnapshot(work.url), before, "\(arguments) wrote something")
    }
    // Beside the fixtures is fine.
    XCTAssertEqual(try run(["--fixtures", "Fixtures/a.json", "--json", "Fixtures-summary.json"], in: work).status, 0)
  }

  /// `--reports` given as a symbolic link writes into the folder it points to, and only there.
  func testReportsThroughALinkGoWhereItPoints() throws {
    let work = try workspace()
    defer { work.remove() }
    try FileManager.default.createDirectory(atPath: work.path + "/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: work.path + "/link", withDestinationPath: "real")
    XCTAssertEqual(try run(["--reports", "link"], in: work).status, 0)
    XCTAssertEqual(try DirectorySnapshot(work.url.appendingPathComponent("real")), try freshReports())
    XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: work.path + "/link"), "real")
  }

  /// A symbolic link planted at a report's name is replaced by the report, not written through.
  func testALinkAtAReportNameIsReplacedNotFollowed() throws {
    let work = try workspace()
    defer { work.remove() }
    let victim = try work.write("not a report\n", to: "victim.txt")
    let reports = work.url.appendingPathComponent("Reports")
    try FileManager.default.removeItem(at: reports.appendingPathComponent("README.md"))
    try FileManager.default.createSymbolicLink(atPath: reports.path + "/README.md", withDestinationPath: victim)
    try FileManager.default.removeItem(at: reports.appendingPathComponent("SoftMarginLoss.md"))
    try FileManager.default.createSymbolicLink(atPath: reports.path + "/SoftMarginLoss.md", withDestinationPath: "../Fixtures/a.json")
    let fixturesBefore = try DirectorySnapshot(work.url.appendingPathComponent("Fixtures"))
    XCTAssertEqual(try run([], in: work).status, 0)
    XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "not a report\n")
    XCTAssertEqual(try DirectorySnapshot(work.url.appendingPathComponent("Fixtures")), fixturesBefore)
    XCTAssertEqual(try DirectorySnapshot(reports), try freshReports())
  }

  /// `..` in `--reports` is followed as the file system follows it: the reports land in the
  /// folder it names, and the folders it passes through are not created.
  func testDotDotInReportsWritesOnlyWhereItResolves() throws {
    let work = try workspace()
    defer { work.remove() }
    XCTAssertEqual(try run(["--reports", "out/missing/../final"], in: work).status, 0)
    XCTAssertEqual(try DirectorySnapshot(work.url.appendingPathComponent("out/final")), try freshReports())
    XCTAssertEqual(try DirectorySnapshot(work.url.appendingPathComponent("out")).paths.filter { !$0.hasPrefix("final") }, [])
  }
}
