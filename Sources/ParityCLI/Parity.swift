/// The `parity` command: dispatches to a subcommand and turns its outcome into an exit code.
public enum ParityCommand {
  public static let version = "0.1.0"

  public static let subcommands = ["run", "list", "show", "diff"]

  /// Runs `arguments` (without the program name) and returns the exit status.
  public static func main(_ arguments: [String], console: Console = StandardConsole()) -> Int32 {
    do throws(CLIError) {
      return try dispatch(arguments, console: console).rawValue
    } catch {
      // `--help` inside a subcommand ends parsing the same way an error does, but succeeds.
      if error.exitCode == .success {
        console.out(error.message)
      } else {
        console.err("error: \(error.message)\n")
      }
      return error.exitCode.rawValue
    }
  }

  static func dispatch(_ arguments: [String], console: Console) throws(CLIError) -> ExitCode {
    guard let first = arguments.first else {
      return try RunCommand.parse([]).run(console: console)
    }
    switch first {
    case "--help", "-h", "help":
      console.out(Help.overview)
      return .success
    case "--version":
      console.out("parity \(version)\n")
      return .success
    case "run":
      return try RunCommand.parse(Array(arguments.dropFirst())).run(console: console)
    case "list":
      return try ListCommand.parse(Array(arguments.dropFirst())).run(console: console)
    case "show":
      return try ShowCommand.parse(Array(arguments.dropFirst())).run(console: console)
    case "diff":
      return try DiffCommand.parse(Array(arguments.dropFirst())).run(console: console)
    case _ where first.hasPrefix("-"):
      // `parity --api X` means `parity run --api X`.
      return try RunCommand.parse(arguments).run(console: console)
    default:
      let hint = Suggestion.closest(to: first, among: subcommands).map { " (did you mean '\($0)'?)" } ?? ""
      throw CLIError.usage("unknown command '\(first)'\(hint)")
    }
  }
}
