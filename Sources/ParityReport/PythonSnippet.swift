import Foundation
import ParityCore
import ParityFixtures
import Parity

/// Python source that repeats a recorded call in its framework.
enum PythonSnippet {
  enum Style {
    /// As a mapping page writes it: shortest decimals of each dtype, `print(output)`.
    case page
    /// Bit-exact: every float written as the exact value (which any conversion keeps), and
    /// the output printed with its dtype, shape and every element.
    case reproduction
  }

  static func call(_ call: RecordedCall, of fixtureCase: FixtureCase, adapter: FrameworkAdapter, style: Style = .page) -> String {
    let syntax = FrameworkSyntax.named(call.framework, style: style)
    var lines = syntax.imports
    let used = call.allArguments.compactMap { argument -> String? in
      if case .tensor(let name) = argument.value { return name }
      return nil
    }
    for (name, tensor) in fixtureCase.tensors where used.contains(name) {
      lines.append("\(name) = \(syntax.tensor(tensor))")
    }
    func rendered(_ stage: Parameter.Stage) -> String {
      let given = call.constructorArguments.map { stage == .construction ? $0 : call.arguments }
        ?? call.arguments.filter { adapter.signature.parameter(named: $0.name)?.stage ?? .call == stage }
      return given.map { "\($0.name)=\(literal($0.value))" }.joined(separator: ", ")
    }
    let hasConstruction = adapter.signature.parameters.contains { $0.stage == .construction }
    let callee = hasConstruction ? "\(adapter.api)(\(rendered(.construction)))" : adapter.api
    lines.append("output = \(callee)(\(rendered(.call)))")
    lines.append("print(\(syntax.materialise("output")))")
    return lines.joined(separator: "\n")
  }

  static func literal(_ argument: Argument) -> String {
    switch argument {
    case .string(let s): return "'\(s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'"))'"
    case .integer(let i): return String(i)
    case .number(let d): return float(d)
    case .bool(let b): return b ? "True" : "False"
    case .null: return "None"
    case .tensor(let name): return name
    }
  }

  /// The shortest decimal that reads back to the same value of `dtype` (or, for `.float64`,
  /// the exact value of any float dtype), or Python's spelling of a non-finite value.
  static func float(_ value: Double, dtype: DType = .float64) -> String {
    if value.isNaN { return "float('nan')" }
    if value.isInfinite { return value < 0 ? "float('-inf')" : "float('inf')" }
    switch dtype {
    case .float16: return Float16(value).description
    case .float32, .bfloat16: return Float(value).description
    default: return value.description
    }
  }

  /// Nested Python lists in row-major order; `exact` writes every float as its exact value.
  static func nestedList(_ tensor: Tensor, exact: Bool = false) -> String {
    let values: [String]
    switch tensor.storage {
    case .int32(let v): values = v.map(String.init)
    case .int64(let v): values = v.map(String.init)
    case .bool(let v): values = v.map { $0 ? "True" : "False" }
    default: values = tensor.storage.doubleValues.map { float($0, dtype: exact ? .float64 : tensor.dtype) }
    }
    if tensor.shape.isEmpty { return values.first ?? "" }
    func nest(_ dims: ArraySlice<Int>, _ items: ArraySlice<String>) -> String {
      guard let first = dims.first, dims.count > 1 else { return "[" + items.joined(separator: ", ") + "]" }
      let stride = first == 0 ? 0 : items.count / first
      let parts = (0..<first).map { i in
        nest(dims.dropFirst(), items.dropFirst(i * stride).prefix(stride))
      }
      return "[" + parts.joined(separator: ", ") + "]"
    }
    return nest(tensor.shape[...], values[...])
  }
}

/// How a framework spells imports, tensors and materialisation in Python.
struct FrameworkSyntax {
  var imports: [String]
  var tensor: (Tensor) -> String
  var materialise: (String) -> String

  static func named(_ key: String, style: PythonSnippet.Style = .page) -> FrameworkSyntax {
    let exact = style == .reproduction
    switch key {
    case "pytorch":
      return FrameworkSyntax(
        imports: ["import torch"],
        tensor: { t in
          let data = PythonSnippet.nestedList(t, exact: exact)
          return t.shape.contains(0)
            ? "torch.empty(\(t.shape), dtype=torch.\(t.dtype.rawValue))"
            : "torch.tensor(\(data), dtype=torch.\(t.dtype.rawValue))"
        },
        materialise: { exact ? "\($0).dtype, tuple(\($0).shape), \($0).tolist()" : $0 })
    case "mindspore":
      return FrameworkSyntax(
        imports: ["import mindspore", "import numpy as np"],
        tensor: { t in
          let numpyType = t.dtype == .bfloat16 ? "float32" : (t.dtype == .bool ? "bool_" : t.dtype.rawValue)
          let array = t.shape.contains(0)
            ? "np.empty(\(t.shape), dtype=np.\(numpyType))"
            : "np.array(\(PythonSnippet.nestedList(t, exact: exact)), dtype=np.\(numpyType))"
          return t.dtype == .bfloat16
            ? "mindspore.Tensor(\(array)).astype(mindspore.bfloat16)" : "mindspore.Tensor(\(array))"
        },
        materialise: { o in
          exact
            ? "\(o).dtype, \(o).shape, (\(o).astype(mindspore.float32) if \(o).dtype == mindspore.bfloat16 else \(o)).asnumpy().tolist()"
            : "\(o).asnumpy()"
        })
    default:
      return FrameworkSyntax(
        imports: ["import numpy as np"],
        tensor: { t in "np.array(\(PythonSnippet.nestedList(t, exact: exact)), dtype=np.\(t.dtype.rawValue))" },
        materialise: { $0 })
    }
  }
}
