import ParityFixtures

/// The options every subcommand that reads fixtures shares: where they are and the loader's limits.
struct FixtureOptions {
  var roots: [String] = []
  var limits = LoaderLimits()

  static let flags = ["--fixtures", "--max-elements", "--max-file-bytes", "--max-depth", "--max-string-length", "--max-numbers"]

  /// Takes `flag` if it is one of these options; `false` leaves it to the command.
  mutating func consume(_ flag: (name: String, inlineValue: String?), from scanner: inout ArgumentScanner) throws(CLIError) -> Bool {
    switch flag.name {
    case "--fixtures": roots.append(try scanner.value(for: flag))
    case "--max-elements": limits.maxElementsPerTensor = try Self.count(try scanner.value(for: flag), flag: flag.name)
    case "--max-file-bytes": limits.maxFileBytes = try Self.count(try scanner.value(for: flag), flag: flag.name)
    case "--max-depth":
      let depth = try Self.count(try scanner.value(for: flag), flag: flag.name)
      guard depth <= JSONParser.depthCeiling else {
        throw CLIError.usage("--max-depth is at most \(JSONParser.depthCeiling), not \(depth)")
      }
      limits.maxNestingDepth = depth
    case "--max-string-length": limits.maxStringLength = try Self.count(try scanner.value(for: flag), flag: flag.name)
    case "--max-numbers": limits.maxNumbersPerFile = try Self.count(try scanner.value(for: flag), flag: flag.name)
    default: return false
    }
    return true
  }

  /// The folders to read: those given, or `Fixtures`.
  var resolvedRoots: [String] { roots.isEmpty ? ["Fixtures"] : roots }

  static func count(_ text: String, flag: String) throws(CLIError) -> Int {
    guard let n = Int(text), n > 0 else { throw CLIError.usage("\(flag) takes a positive whole number, not '\(text)'") }
    return n
  }

  /// Loads every fixture, turning a loader error into exit status 2.
  func load() throws(CLIError) -> [Fixture] {
    let fixtures: [Fixture]
    do throws(FixtureError) {
      fixtures = try FixtureLoader(limits: limits).loadAll(from: resolvedRoots)
    } catch {
      throw CLIError(error.description, exitCode: .invalidInput)
    }
    guard !fixtures.isEmpty else {
      throw CLIError("no fixtures (*.json) found under \(resolvedRoots.joined(separator: ", "))")
    }
    return fixtures
  }
}
