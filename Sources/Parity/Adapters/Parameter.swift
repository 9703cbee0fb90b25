/// One parameter of a framework's API, declared once and used to bind every recorded call.
public struct Parameter: Sendable {
  /// The values the parameter accepts, besides `None` where `acceptsNone` is set.
  public enum Kind: Sendable, Equatable {
    case tensor, string, bool, number, integer
    /// Any Python value (a tensor, str, bool, int, float or `None`), bound as given: for a
    /// framework that checks the argument's type itself, at a point of its own
    /// (MindSpore's `beta`, `delta`, `eps`).
    case object
  }

  /// When the value is given: to a constructor (MindSpore's `nn.SoftMarginLoss(reduction)`)
  /// or to the call itself. Binding treats both alike; signatures and snippets do not.
  public enum Stage: Sendable, Equatable {
    case construction, call
  }

  public var name: String
  public var kind: Kind
  public var acceptsNone: Bool
  /// The value used when the call does not pass this parameter; `nil` makes it required.
  public var defaultValue: ArgumentValue?
  public var stage: Stage

  public init(name: String, kind: Kind, acceptsNone: Bool = false, defaultValue: ArgumentValue? = nil, stage: Stage = .call) {
    self.name = name
    self.kind = kind
    self.acceptsNone = acceptsNone
    self.defaultValue = defaultValue
    self.stage = stage
  }

  public static func tensor(_ name: String, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .tensor, stage: stage)
  }

  public static func string(_ name: String, default value: String, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .string, defaultValue: .string(value), stage: stage)
  }

  /// A tensor that defaults to `None` (a loss's `weight`, `pos_weight`).
  public static func optionalTensor(_ name: String, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .tensor, acceptsNone: true, defaultValue: ArgumentValue.none, stage: stage)
  }

  public static func bool(_ name: String, default value: Bool, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .bool, defaultValue: .bool(value), stage: stage)
  }

  /// A Python float (an `int` is accepted, as Python accepts it).
  public static func number(_ name: String, default value: Double, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .number, defaultValue: .number(value), stage: stage)
  }

  public static func integer(_ name: String, default value: Int64, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .integer, defaultValue: .integer(value), stage: stage)
  }

  /// A parameter taking any Python value (`Kind.object`), with its default.
  public static func object(_ name: String, default value: ArgumentValue, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .object, acceptsNone: true, defaultValue: value, stage: stage)
  }

  /// A boolean that defaults to `None`, like PyTorch's deprecated `size_average` and `reduce`.
  public static func optionalBool(_ name: String, stage: Stage = .call) -> Parameter {
    Parameter(name: name, kind: .bool, acceptsNone: true, defaultValue: ArgumentValue.none, stage: stage)
  }

  public var isRequired: Bool { defaultValue == nil }
}
