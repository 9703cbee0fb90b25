import ParityCore

/// A call's arguments after binding: every declared parameter has a value of its kind.
///
/// Values are kept per stage, because a constructor and its call may share a name
/// (`torch.nn.PoissonNLLLoss(log_input=True)` is called as `(log_input, target)`). The
/// accessors look in the stage given, or, without one, in the call and then the
/// constructor. They throw rather than trap when an implementation asks for a name its own
/// signature does not declare, so a slip in a mapping surfaces as a failed check.
public struct BoundArguments: Sendable {
  public var values: [Parameter.Stage: [String: ArgumentValue]]

  public init(values: [Parameter.Stage: [String: ArgumentValue]]) {
    self.values = values
  }

  /// The bound value of `name`, `nil` when no parameter of that name (and stage) is declared.
  public func value(_ name: String, stage: Parameter.Stage? = nil) -> ArgumentValue? {
    if let stage { return values[stage]?[name] }
    return values[.call]?[name] ?? values[.construction]?[name]
  }

  public func tensor(_ name: String, stage: Parameter.Stage? = nil) throws(CallError) -> Tensor {
    guard case .tensor(let t)? = value(name, stage: stage) else { throw undeclared(name, "tensor") }
    return t
  }

  /// `nil` for `None`.
  public func optionalTensor(_ name: String, stage: Parameter.Stage? = nil) throws(CallError) -> Tensor? {
    switch value(name, stage: stage) {
    case .tensor(let t)?: return t
    case .none?: return nil
    default: throw undeclared(name, "optional tensor")
    }
  }

  public func string(_ name: String, stage: Parameter.Stage? = nil) throws(CallError) -> String {
    guard case .string(let s)? = value(name, stage: stage) else { throw undeclared(name, "string") }
    return s
  }

  public func bool(_ name: String, stage: Parameter.Stage? = nil) throws(CallError) -> Bool {
    guard case .bool(let b)? = value(name, stage: stage) else { throw undeclared(name, "bool") }
    return b
  }

  /// `nil` for `None`.
  public func optionalBool(_ name: String, stage: Parameter.Stage? = nil) throws(CallError) -> Bool? {
    switch value(name, stage: stage) {
    case .bool(let b)?: return b
    case .none?: return nil
    default: throw undeclared(name, "optional bool")
    }
  }

  /// A Python number: an `int` widens exactly as Python's `float(i)` does.
  public func number(_ name: String, stage: Parameter.Stage? = nil) throws(CallError) -> Double {
    switch value(name, stage: stage) {
    case .number(let d)?: return d
    case .integer(let i)?: return Double(i)
    default: throw undeclared(name, "number")
    }
  }

  private func undeclared(_ name: String, _ kind: String) -> CallError {
    CallError(kind: .other, message: "mapping error: no \(kind) parameter '\(name)' is bound")
  }
}
