import ParityCore

/// Why a kernel refused its inputs: the contract's error kind plus a message worded like the
/// framework's own, so reports can show both side by side.
public struct KernelError: Error, Sendable, Equatable {
  public var kind: ErrorKind
  public var message: String

  @inlinable
  public init(kind: ErrorKind, message: String) {
    self.kind = kind
    self.message = message
  }
}
