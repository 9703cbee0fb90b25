import Foundation

/// Where commands print: the real streams in the executable, buffers in tests.
public protocol Console: AnyObject {
  func out(_ text: String)
  func err(_ text: String)
  /// Whether standard output is a terminal (colour is only for terminals).
  var outputIsTerminal: Bool { get }
  /// Whether standard error is a terminal (progress lines are only for terminals).
  var errorIsTerminal: Bool { get }
  var environment: [String: String] { get }
}

/// Standard output and standard error.
public final class StandardConsole: Console {
  public init() {}

  public func out(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  public func err(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  public var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  public var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  public var environment: [String: String] { ProcessInfo.processInfo.environment }
}

/// Collects what a command prints, for tests.
public final class BufferConsole: Console {
  public private(set) var output = ""
  public private(set) var errors = ""

  public var outputIsTerminal: Bool
  public var errorIsTerminal: Bool
  public var environment: [String: String]

  public init(terminal: Bool = false, environment: [String: String] = [:]) {
    outputIsTerminal = terminal
    errorIsTerminal = terminal
    self.environment = environment
  }

  public func out(_ text: String) { output += text }
  public func err(_ text: String) { errors += text }
}
