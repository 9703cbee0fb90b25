/// The process's exit status, as documented in `parity --help`.
public enum ExitCode: Int32, Sendable {
  /// Every check matched or was unverified.
  case success = 0
  /// At least one check is a mismatch, or (with `--check`) the reports on disk are stale.
  case failure = 1
  /// Bad usage or invalid input: unknown flag, malformed fixture, unknown API.
  case invalidInput = 2
}

/// An error that ends the command: a message for stderr and the exit code it implies.
public struct CLIError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public var exitCode: ExitCode

  public init(_ message: String, exitCode: ExitCode = .invalidInput) {
    self.message = message
    self.exitCode = exitCode
  }

  public var description: String { message }

  static func usage(_ message: String) -> CLIError {
    CLIError("\(message)\nRun 'parity --help' for usage.", exitCode: .invalidInput)
  }
}
