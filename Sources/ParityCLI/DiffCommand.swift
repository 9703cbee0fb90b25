import Foundation
import ParityFixtures
import Parity
import ParityReport

/// `parity diff OLD NEW`: what changed between two fixture sets of the same APIs, as
/// markdown; exit 1 when behaviour changed (the rule is `FixtureDiff`'s).
struct DiffCommand {
  /// Each a fixtures folder or a single fixture file.
  var old = ""
  var new = ""
  var output: String?
  /// Only the loader limits are used: the two sets are the positional arguments.
  var fixtures = FixtureOptions()

  static let flags = FixtureOptions.flags.filter { $0 != "--fixtures" } + ["--output", "--help"]

  static func parse(_ arguments: [String]) throws(CLIError) -> DiffCommand {
    var command = DiffCommand()
    var paths: [String] = []
    var scanner = ArgumentScanner(arguments, known: flags)
    while true {
      if let path = scanner.nextPositional() {
        paths.append(path)
        continue
      }
      guard let flag = try scanner.nextFlag() else { break }
      switch flag.name {
      case "--fixtures": throw CLIError.usage("diff takes the two fixture sets as arguments: parity diff OLD NEW")
      case "--output": command.output = try scanner.value(for: flag)
      case "--help", "-h": throw CLIError(Help.diff, exitCode: .success)
      default:
        if try command.fixtures.consume(flag, from: &scanner) { continue }
        throw scanner.unknown(flag.name)
      }
    }
    guard paths.count == 2 else {
      let got = paths.isEmpty ? "none" : paths.map { "'\($0)'" }.joined(separator: ", ")
      throw CLIError.usage("diff needs two fixture sets, OLD and NEW (a folder or a .json file each); got \(got)")
    }
    command.old = paths[0]
    command.new = paths[1]
    return command
  }

  func run(console: Console) throws(CLIError) -> ExitCode {
    let before = try load(old)
    let after = try load(new)
    let diff: FixtureDiff
    do throws(DiffError) {
      diff = try FixtureDiff(old: before, new: after)
    } catch {
      throw CLIError(error.description, exitCode: .invalidInput)
    }
    let report = DiffReport(diff, old: old, new: new)
    if let output {
      do {
        try AtomicFile.write(report.markdown, to: output)
      } catch {
        throw CLIError("cannot write \(output): \(error.localizedDescription)", exitCode: .invalidInput)
      }
      console.out("\(report.summary.replacingOccurrences(of: "**", with: ""))\nWrote \(output)\n")
    } else {
      console.out(report.markdown)
    }
    return diff.behaviourChanged ? .failure : .success
  }

  /// One side's fixtures, with the shared limits; an invalid or empty set is exit status 2.
  func load(_ root: String) throws(CLIError) -> [Fixture] {
    var options = fixtures
    options.roots = [root]
    return try options.load()
  }
}
