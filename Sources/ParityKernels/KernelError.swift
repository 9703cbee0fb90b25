import ParityCore

/// Why a kernel refused its inputs: the contract's error kind plus a message worded like the
/// framework's own, so reports can show both side by side.
public struct KernelError: Error, Sendable, Equatable {
  public var kind: ErrorKind
  public var message: String
  /// The framework computes no defined result for these inputs (it returns or reads memory it
  /// never wrote), so no recording of it can confirm or refute the port.
  public var isUndefinedResult: Bool

  @inlinable
  public init(kind: ErrorKind, message: String) {
    self.kind = kind
    self.message = message
    self.isUndefinedResult = false
  }

  /// The framework's result is undefined for these inputs; `message` says why.
  public static func undefinedResult(_ message: String) -> KernelError {
    var error = KernelError(kind: .other, message: message)
    error.isUndefinedResult = true
    return error
  }
}
