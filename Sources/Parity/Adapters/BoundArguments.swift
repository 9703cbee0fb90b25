import ParityCore

/// A call's arguments after binding: every declared parameter has a value of its kind.
///
/// The accessors throw rather than trap when an implementation asks for a name its own
/// signature does not declare, so a slip in a mapping surfaces as a failed check.
public struct BoundArguments: Sendable {
  public var values: [String: ArgumentValue]

  public init(values: [String: ArgumentValue]) {
    self.values = values
  }

  public func tensor(_ name: String) throws(CallError) -> Tensor {
    guard case .tensor(let t)? = values[name] else { throw undeclared(name, "tensor") }
    return t
  }

  public func string(_ name: String) throws(CallError) -> String {
    guard case .string(let s)? = values[name] else { throw undeclared(name, "string") }
    return s
  }

  /// `nil` for `None`.
  public func optionalBool(_ name: String) throws(CallError) -> Bool? {
    switch values[name] {
    case .bool(let b)?: return b
    case .none?: return nil
    default: throw undeclared(name, "optional bool")
    }
  }

  private func undeclared(_ name: String, _ kind: String) -> CallError {
    CallError(kind: .other, message: "mapping error: no \(kind) parameter '\(name)' is bound")
  }
}
