/// The five things MindSpore's API mapping table requires at once of a "Consistent" row
/// (its own definition): function, number and order of parameters, parameter names,
/// default values, and supported dtypes.
public enum Criterion: String, Sendable, CaseIterable {
  case function
  case parameters
  case names
  case defaults
  case dtypes

  /// As the report's heading and the table's column say it.
  public var title: String {
    switch self {
    case .function: return "Function"
    case .parameters: return "Number and order of parameters"
    case .names: return "Parameter names"
    case .defaults: return "Default values"
    case .dtypes: return "Supported dtypes"
    }
  }
}

/// Parity's measured verdict on one criterion for one mapping, with what it rests on.
public struct CriterionVerdict: Sendable, Equatable {
  public enum Status: String, Sendable {
    /// The evidence agrees with the table's "Consistent".
    case consistent
    /// The evidence contradicts it.
    case differs
    /// Nothing recorded can decide it (the reason says why).
    case unverified
  }

  public var criterion: Criterion
  public var status: Status
  /// One sentence: why this status.
  public var reason: String
  /// The lines of evidence: parameter lists, or case ids with what they show.
  public var evidence: [String]

  public init(_ criterion: Criterion, _ status: Status, _ reason: String, evidence: [String] = []) {
    self.criterion = criterion
    self.status = status
    self.reason = reason
    self.evidence = evidence
  }
}
