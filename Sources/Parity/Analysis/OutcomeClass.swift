import ParityCore
import ParityFixtures

/// An outcome coarsened to what distinguishes framework behaviour: a value of some dtype,
/// or an error of some kind and exception type.
public enum OutcomeClass: Sendable, Hashable, Comparable {
  case value(DType)
  case error(ErrorKind, type: String)

  public init(_ outcome: Outcome) {
    switch outcome.result {
    case .value(let t): self = .value(t.dtype)
    case .error(let e): self = .error(e.kind, type: e.type)
    }
  }

  public var isValue: Bool {
    if case .value = self { return true }
    return false
  }

  public var isUnsupported: Bool {
    if case .error(.unsupported, _) = self { return true }
    return false
  }

  public static func < (lhs: OutcomeClass, rhs: OutcomeClass) -> Bool {
    switch (lhs, rhs) {
    case (.value(let a), .value(let b)): return a < b
    case (.value, .error): return true
    case (.error, .value): return false
    case (.error(let k1, let t1), .error(let k2, let t2)): return (k1.rawValue, t1) < (k2.rawValue, t2)
    }
  }
}
