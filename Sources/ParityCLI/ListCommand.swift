import Parity

/// `parity list`: the APIs under the fixtures folders and how many cases each has.
struct ListCommand {
  var fixtures = FixtureOptions()

  static func parse(_ arguments: [String]) throws(CLIError) -> ListCommand {
    var command = ListCommand()
    var scanner = ArgumentScanner(arguments, known: FixtureOptions.flags + ["--help"])
    while let flag = try scanner.nextFlag() {
      if try command.fixtures.consume(flag, from: &scanner) { continue }
      switch flag.name {
      case "--help", "-h": throw CLIError(Help.list, exitCode: .success)
      default: throw scanner.unknown(flag.name)
      }
    }
    return command
  }

  func run(console: Console) throws(CLIError) -> ExitCode {
    let loaded = try fixtures.load()
    var byAPI: [String: (cases: Int, files: [String])] = [:]
    for fixture in loaded {
      byAPI[fixture.api, default: (0, [])].cases += fixture.cases.count
      byAPI[fixture.api, default: (0, [])].files.append(fixture.path)
    }
    let registry = MappingRegistry.standard
    let width = max(3, byAPI.keys.map(\.count).max() ?? 0)
    for api in byAPI.keys.sorted() {
      let entry = byAPI[api]!
      let known = registry.mapping(id: api) == nil ? "  (no Swift mapping)" : ""
      let padded = api + String(repeating: " ", count: width - api.count)
      console.out("\(padded)  \(entry.cases) cases  \(entry.files.joined(separator: ", "))\(known)\n")
    }
    return .success
  }
}
