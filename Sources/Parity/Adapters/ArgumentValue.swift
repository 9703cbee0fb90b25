import ParityCore

/// A parameter's value once a recorded call is bound to a signature: tensors resolved,
/// defaults filled in, `None` kept apart from "not passed".
public enum ArgumentValue: Sendable, Equatable {
  case tensor(Tensor)
  case string(String)
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  /// Python's `None`, passed explicitly or as the default.
  case none
}

extension ArgumentValue {
  /// The value as Python source (`'mean'`, `None`, `True`), for signatures in reports.
  public var pythonLiteral: String {
    switch self {
    case .tensor: return "<tensor>"
    case .string(let s): return "'\(s)'"
    case .bool(let b): return b ? "True" : "False"
    case .integer(let i): return String(i)
    case .number(let d): return String(d)
    case .none: return "None"
    }
  }
}
