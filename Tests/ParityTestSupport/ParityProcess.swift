import Foundation

/// Runs the built `parity` executable, as a user would, and captures what it did.
public struct ParityProcess {
  public struct Outcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// The products folder that holds the test bundle and the executables beside it.
  public static var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      return bundle.bundleURL.deletingLastPathComponent()
    }
    fatalError("no .xctest bundle")
    #else
    return Bundle.main.bundleURL
    #endif
  }

  public static var executable: URL { productsDirectory.appendingPathComponent("parity") }

  /// The package's root folder, found from this source file's path.
  public static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  /// Runs `parity arguments` in `directory` and waits for it. A `launcher` (for example
  /// `["/usr/bin/taskset", "-c", "0"]`) is a command that runs `parity` in turn.
  public static func run(
    _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, launcher: [String] = []
  ) throws -> Outcome {
    let process = Process()
    if let tool = launcher.first {
      process.executableURL = URL(fileURLWithPath: tool)
      process.arguments = Array(launcher.dropFirst()) + [executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a chatty child cannot block on a full pipe.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A launcher that runs `parity` with its address space capped at `kilobytes`, so an
  /// allocation the size of a hostile shape fails and the run crashes instead of exiting 2.
  public static func addressSpaceLimit(kilobytes: Int) -> [String] {
    ["/bin/sh", "-c", "ulimit -v \(kilobytes) && exec \"$0\" \"$@\""]
  }
}
