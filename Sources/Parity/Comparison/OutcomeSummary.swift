import ParityCore
import ParityFixtures

/// An outcome reduced to what checks and reports talk about: a value's dtype and shape, or
/// an error's kind and text.
public enum OutcomeSummary: Sendable, Equatable {
  case value(dtype: DType, shape: [Int])
  case error(kind: ErrorKind, type: String?, message: String)

  public init(_ outcome: Outcome) {
    switch outcome.result {
    case .value(let t): self = .value(dtype: t.dtype, shape: t.shape)
    case .error(let e): self = .error(kind: e.kind, type: e.type, message: e.message)
    }
  }

  public init(_ result: Result<FrameworkAdapter.Output, CallError>) {
    switch result {
    case .success(let output): self = .value(dtype: output.value.dtype, shape: output.value.shape)
    case .failure(let e): self = .error(kind: e.kind, type: nil, message: e.message)
    }
  }

  /// `value float32 []` or `error shape`, short enough for a table cell.
  public var brief: String {
    switch self {
    case .value(let dtype, let shape): return "\(dtype.rawValue) [\(shape.map(String.init).joined(separator: ", "))]"
    case .error(let kind, _, _): return "\(kind.rawValue) error"
    }
  }
}
