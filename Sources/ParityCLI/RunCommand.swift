import Foundation
import ParityFixtures
import Parity
import ParityReport

/// `parity run`: check every selected case, print a summary, write the reports.
struct RunCommand {
  var fixtures = FixtureOptions()
  var reports: String?
  var selection = CaseSelection()
  var jsonPath: String?
  var junitPath: String?
  var quiet = false
  var write = true
  var check = false

  static let flags = FixtureOptions.flags + [
    "--reports", "--api", "--tag", "--case", "--shard", "--json", "--junit", "--no-write", "--check", "--quiet", "--help",
  ]

  static func parse(_ arguments: [String]) throws(CLIError) -> RunCommand {
    var command = RunCommand()
    var scanner = ArgumentScanner(arguments, known: flags)
    while let flag = try scanner.nextFlag() {
      if try command.fixtures.consume(flag, from: &scanner) { continue }
      switch flag.name {
      case "--reports": command.reports = try scanner.value(for: flag)
      case "--api": command.selection.apis.append(try scanner.value(for: flag))
      case "--tag": command.selection.tags.append(try scanner.value(for: flag))
      case "--case": command.selection.caseGlobs.append(try scanner.value(for: flag))
      case "--shard": command.selection.shard = try shard(try scanner.value(for: flag))
      case "--json": command.jsonPath = try scanner.value(for: flag)
      case "--junit": command.junitPath = try scanner.value(for: flag)
      case "--quiet", "-q": command.quiet = true
      case "--no-write": command.write = false
      case "--check": command.check = true
      case "--help", "-h": throw CLIError(Help.overview, exitCode: .success)
      default: throw scanner.unknown(flag.name)
      }
    }
    return command
  }

  /// `I/N`, 1-based as CI systems number their parallel jobs.
  static func shard(_ text: String) throws(CLIError) -> CaseSelection.Shard {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]),
      let shard = CaseSelection.Shard(index: i - 1, count: n)
    else {
      throw CLIError.usage("--shard takes I/N with 1 <= I <= N (for example 2/4), not '\(text)'")
    }
    return shard
  }

  var hasSelection: Bool { selection != .all }

  func run(console: Console) throws(CLIError) -> ExitCode {
    let registry = MappingRegistry.standard
    for api in selection.apis where registry.mapping(id: api) == nil {
      let hint = Suggestion.closest(to: api, among: registry.ids).map { " (did you mean '\($0)'?)" } ?? ""
      throw CLIError.usage("unknown API '\(api)'\(hint); known: \(registry.ids.joined(separator: ", "))")
    }
    let reportsDirectory = reports ?? "Reports"
    // Resolved once; what is checked is where the files go.
    let reportsTarget = Self.resolved(reportsDirectory)
    try refuseInsideFixtures(reportsTarget, flag: "--reports", given: reportsDirectory)
    let jsonTarget = jsonPath.map(Self.resolved)
    if let jsonPath, let jsonTarget { try refuseInsideFixtures(jsonTarget, flag: "--json", given: jsonPath) }
    let junitTarget = junitPath.map(Self.resolved)
    if let junitPath, let junitTarget { try refuseInsideFixtures(junitTarget, flag: "--junit", given: junitPath) }
    let loaded = try fixtures.load()
    try validateTags(loaded)

    let progress = console.errorIsTerminal && !quiet ? ProgressLine(console: console) : nil
    var report: (@Sendable (RunProgress) -> Void)? = nil
    if let progress { report = { update in progress.update(update) } }
    let result: RunResult
    do throws(RunError) {
      result = try Runner(registry: registry).run(loaded, selection: selection, progress: report)
    } catch {
      progress?.finish()
      throw CLIError(error.description, exitCode: .invalidInput)
    }
    progress?.finish()
    if !quiet { console.out(Summary(result, style: TerminalStyle(console: console)).text) }

    if let jsonPath, let jsonTarget { try Self.write(JSONSummary(result).json, to: jsonTarget, given: jsonPath) }
    if let junitPath, let junitTarget { try Self.write(JUnitReport(result).xml, to: junitTarget, given: junitPath) }

    var exit: ExitCode = result.totals.mismatch > 0 ? .failure : .success
    if check {
      let stale = ReportSet(result).stale(in: reportsDirectory)
      if stale.isEmpty {
        if !quiet { console.out("Reports in \(reportsDirectory)/ are up to date.\n") }
      } else {
        console.err("error: stale reports in \(reportsDirectory)/: \(stale.joined(separator: ", ")); run 'swift run parity' and commit them\n")
        exit = .failure
      }
    } else if write && hasSelection && reports == nil {
      if !quiet { console.out("Reports not written: a selection is active (give --reports DIR to write them).\n") }
    } else if write {
      // Rendered only here and for --check: a run that writes nothing need not draw anything.
      let reportSet = ReportSet(result)
      do {
        try reportSet.write(to: reportsTarget)
      } catch {
        throw CLIError("cannot write reports to \(reportsDirectory): \(error.localizedDescription)", exitCode: .invalidInput)
      }
      if !quiet { console.out("Wrote \(reportSet.files.map { "\(reportsDirectory)/\($0.name)" }.joined(separator: ", "))\n") }
    }
    return exit
  }

  static func write(_ contents: String, to target: String, given: String) throws(CLIError) {
    do {
      try AtomicFile.write(contents, to: target)
    } catch {
      throw CLIError("cannot write \(given): \(error.localizedDescription)", exitCode: .invalidInput)
    }
  }

  /// Parity never writes among the fixtures, where a later run would try to load what it
  /// wrote: `target` (resolved) may not be a fixtures root nor lie inside one.
  func refuseInsideFixtures(_ target: String, flag: String, given: String) throws(CLIError) {
    for root in fixtures.resolvedRoots {
      let fixtureRoot = Self.resolved(root)
      if target == fixtureRoot || target.hasPrefix(fixtureRoot == "/" ? "/" : fixtureRoot + "/") {
        throw CLIError.usage("\(flag) \(given) is inside the fixtures folder \(root)")
      }
    }
  }

  /// `path` as an absolute path the way the file system will resolve it when Parity writes
  /// there: the deepest part that exists through `realpath` (symbolic links, `.` and `..`
  /// followed as the kernel follows them), then the parts that do not exist yet, whose `.`
  /// and `..` can only be read as text.
  static func resolved(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    let components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    var existing = components.count
    var base = "/"
    while existing > 0 {
      if let real = realpath("/" + components[0..<existing].joined(separator: "/"), nil) {
        base = String(cString: real)
        free(real)
        break
      }
      existing -= 1
    }
    for component in components[existing...] {
      switch component {
      case ".": continue
      case "..": base = (base as NSString).deletingLastPathComponent
      default: base = base == "/" ? "/" + component : base + "/" + component
      }
    }
    return base
  }

  /// A `--tag` no case carries is almost always a typo: say so rather than check nothing.
  func validateTags(_ loaded: [Fixture]) throws(CLIError) {
    guard !selection.tags.isEmpty else { return }
    var known = Set<String>()
    for fixture in loaded { for fixtureCase in fixture.cases { known.formUnion(fixtureCase.tags) } }
    for tag in selection.tags where !known.contains(tag) {
      let hint = Suggestion.closest(to: tag, among: known.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
      throw CLIError.usage("no case has the tag '\(tag)'\(hint)")
    }
  }
}
