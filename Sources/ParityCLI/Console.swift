import Foundation

/// Where commands print: the real streams in the executable, buffers in tests.
public protocol Console: AnyObject {
  func out(_ text: String)
  func err(_ text: String)
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
}

/// Collects what a command prints, for tests.
public final class BufferConsole: Console {
  public private(set) var output = ""
  public private(set) var errors = ""

  public init() {}

  public func out(_ text: String) { output += text }
  public func err(_ text: String) { errors += text }
}
