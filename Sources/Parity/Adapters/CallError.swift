import ParityCore
import ParityKernels

/// Why a call through an adapter failed: the error the emulated framework would raise.
public struct CallError: Error, Sendable, Equatable {
  public var kind: ErrorKind
  public var message: String
  /// The emulated framework has no defined result for this call (`KernelError.undefinedResult`).
  public var isUndefinedResult = false

  public init(kind: ErrorKind, message: String) {
    self.kind = kind
    self.message = message
  }

  public init(_ error: KernelError) {
    self.init(kind: error.kind, message: error.message)
    isUndefinedResult = error.isUndefinedResult
  }
}

extension CallError {
  /// Runs a kernel and reports its failure as the adapter's, kind and message kept.
  @inlinable
  public static func rethrowing<T>(_ body: () throws(KernelError) -> T) throws(CallError) -> T {
    do throws(KernelError) {
      return try body()
    } catch {
      throw CallError(error)
    }
  }
}
