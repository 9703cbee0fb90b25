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
  public func bind(
    _ arguments: [(name: String, value: Argument)], tensors: (String) -> Tensor?, function: String
  ) throws(CallError) -> BoundArguments {
    var values: [String: ArgumentValue] = [:]
    for (name, argument) in arguments {
      guard let parameter = parameter(named: name) else {
        throw CallError(kind: .argument, message: "\(function)() got an unexpected keyword argument '\(name)'")
      }
      values[name] = try convert(argument, for: parameter, tensors: tensors, function: function)
    }
    for parameter in parameters where values[parameter.name] == nil {
      guard let defaultValue = parameter.defaultValue else {
        throw CallError(kind: .argument, message: "\(function)() missing required argument: '\(parameter.name)'")
      }
      values[parameter.name] = defaultValue
    }
    return BoundArguments(values: values)
  }

  private func convert(
    _ argument: Argument, for parameter: Parameter, tensors: (String) -> Tensor?, function: String
  ) throws(CallError) -> ArgumentValue {
    switch (argument, parameter.kind) {
    case (.null, _) where parameter.acceptsNone:
      return .none
    case (.tensor(let name), .tensor):
      guard let tensor = tensors(name) else {
        throw CallError(kind: .other, message: "\(function)(): no tensor named '\(name)' in the case")
      }
      return .tensor(tensor)
    case (.string(let s), .string):
      return .string(s)
    case (.bool(let b), .bool):
      return .bool(b)
    case (.integer(let i), .number):
      return .integer(i)
    case (.number(let d), .number):
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
    case .number: return "Number"
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
