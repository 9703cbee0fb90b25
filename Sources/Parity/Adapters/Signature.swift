import ParityCore
import ParityFixtures

/// A framework API's parameters in declaration order.
public struct Signature: Sendable {
  public var parameters: [Parameter]

  public init(_ parameters: [Parameter]) {
    self.parameters = parameters
  }

  public func parameter(named name: String) -> Parameter? {
    parameters.first { $0.name == name }
  }
}

extension Signature {
  /// Binds a recorded call's arguments: every name must be a parameter, every required
  /// parameter present and every value of the parameter's kind; absent ones take their default.
  /// A failure is what the framework raises for such a call (Python's `TypeError`), so it
  /// becomes an `argument` error the runner compares with the recording like any other.
  ///
  /// With `constructorArguments` (a fixture's `init_args`), those bind to the construction
  /// stage and `arguments` to the call; without, each name binds to the stage that declares
  /// it (the call's first, where both do).
  public func bind(
    _ arguments: [(name: String, value: Argument)], constructorArguments: [(name: String, value: Argument)]? = nil,
    tensors: (String) -> Tensor?, function: String
  ) throws(CallError) -> BoundArguments {
    var values: [Parameter.Stage: [String: ArgumentValue]] = [.call: [:], .construction: [:]]
    func bindEach(_ given: [(name: String, value: Argument)], stage: Parameter.Stage?) throws(CallError) {
      for (name, argument) in given {
        let parameter = stage.map { s in parameters.first { $0.name == name && $0.stage == s } }
          ?? (parameters.first { $0.name == name && $0.stage == .call } ?? parameter(named: name))
        guard let parameter else {
          let owner = stage == .construction ? "__init__" : function
          throw CallError(kind: .argument, message: "\(owner)() got an unexpected keyword argument '\(name)'")
        }
        values[parameter.stage, default: [:]][name] = try convert(argument, for: parameter, tensors: tensors, function: function)
      }
    }
    if let constructorArguments {
      try bindEach(constructorArguments, stage: .construction)
      try bindEach(arguments, stage: .call)
    } else {
      try bindEach(arguments, stage: nil)
    }
    for parameter in parameters where values[parameter.stage]?[parameter.name] == nil {
      guard let defaultValue = parameter.defaultValue else {
        throw CallError(kind: .argument, message: "\(function)() missing required argument: '\(parameter.name)'")
      }
      values[parameter.stage, default: [:]][parameter.name] = defaultValue
    }
    return BoundArguments(values: values)
  }

  private func convert(
    _ argument: Argument, for parameter: Parameter, tensors: (String) -> Tensor?, function: String
  ) throws(CallError) -> ArgumentValue {
    switch (argument, parameter.kind) {
    case (.null, _) where parameter.acceptsNone:
      return .none
    case (.tensor(let name), .tensor), (.tensor(let name), .object):
      guard let tensor = tensors(name) else {
        throw CallError(kind: .other, message: "\(function)(): no tensor named '\(name)' in the case")
      }
      return .tensor(tensor)
    case (.string(let s), .string), (.string(let s), .object):
      return .string(s)
    case (.bool(let b), .bool), (.bool(let b), .object):
      return .bool(b)
    case (.integer(let i), .number), (.integer(let i), .integer), (.integer(let i), .object):
      return .integer(i)
    case (.number(let d), .number), (.number(let d), .object):
      return .number(d)
    default:
      throw CallError(
        kind: .argument,
        message: "\(function)(): argument '\(parameter.name)' must be \(parameter.kind.description), not \(argument.kindDescription)")
    }
  }
}

extension Parameter.Kind: CustomStringConvertible {
  public var description: String {
    switch self {
    case .tensor: return "Tensor"
    case .string: return "str"
    case .bool: return "bool"
    case .number: return "float"
    case .integer: return "int"
    case .object: return "object"
    }
  }
}

extension Argument {
  var kindDescription: String {
    switch self {
    case .string: return "str"
    case .integer: return "int"
    case .number: return "float"
    case .bool: return "bool"
    case .null: return "None"
    case .tensor: return "Tensor"
    }
  }
}
