import Parity
import ParityReport

/// `parity show CASE_ID`: one case's inputs, recorded outcomes, the Swift port's results and
/// snippets that reproduce each call in its framework and in Swift.
struct ShowCommand {
  var caseID = ""
  var apis: [String] = []
  var fixtures = FixtureOptions()

  static func parse(_ arguments: [String]) throws(CLIError) -> ShowCommand {
    var command = ShowCommand()
    var positional: [String] = []
    var remaining = arguments[...]
    // The case id is the one argument that is not a flag; ids never start with '-'.
    var flags: [String] = []
    while let argument = remaining.popFirst() {
      if argument.hasPrefix("-") {
        flags.append(argument)
        if !argument.contains("="), argument != "--help", argument != "-h", let value = remaining.popFirst() {
          flags.append(value)
        }
      } else {
        positional.append(argument)
      }
    }
    var scanner = ArgumentScanner(flags, known: FixtureOptions.flags + ["--api", "--help"])
    while let flag = try scanner.nextFlag() {
      if try command.fixtures.consume(flag, from: &scanner) { continue }
      switch flag.name {
      case "--api": command.apis.append(try scanner.value(for: flag))
      case "--help", "-h": throw CLIError(Help.show, exitCode: .success)
      default: throw scanner.unknown(flag.name)
      }
    }
    guard positional.count == 1 else {
      throw CLIError.usage("show takes exactly one case id (got \(positional.count))")
    }
    command.caseID = positional[0]
    return command
  }

  func run(console: Console) throws(CLIError) -> ExitCode {
    let loaded = try fixtures.load()
    let result: RunResult
    do throws(RunError) {
      result = try Runner().run(loaded, selection: CaseSelection(apis: apis, caseGlobs: [Self.literalGlob(caseID)]))
    } catch {
      throw CLIError(error.description, exitCode: .invalidInput)
    }
    let found = result.apis.flatMap { api in api.cases.map { (api, $0) } }
    guard !found.isEmpty else {
      let ids = loaded.flatMap { $0.cases.map(\.id) }
      let hint = Suggestion.closest(to: caseID, among: ids).map { " (did you mean '\($0)'?)" } ?? ""
      throw CLIError.usage("no case has the id '\(caseID)'\(hint)")
    }
    for (api, caseResult) in found {
      console.out(CaseReproduction(api: api, caseResult: caseResult).markdown)
    }
    return found.contains { $0.1.checks.contains { $0.status == .mismatch } } ? .failure : .success
  }

  /// A glob that matches `id` literally.
  static func literalGlob(_ id: String) -> String {
    var glob = ""
    for character in id {
      if "*?[]\\".contains(character) { glob.append("\\") }
      glob.append(character)
    }
    return glob
  }
}
