import ParityCore
import ParityFixtures
import Parity

/// A Swift program that repeats a recorded call through Parity's adapter for that framework,
/// with every input written bit for bit.
enum SwiftSnippet {
  static func program(_ call: RecordedCall, of fixtureCase: FixtureCase, api: String, fixturePath: String) -> String {
    var lines = [
      "// Case \"\(fixtureCase.id)\" of \(fixturePath), through Parity's \(call.framework) adapter.",
      "// Save as Sources/repro/main.swift in a package that depends on Parity (product \"Parity\"),",
      "// add .executableTarget(name: \"repro\", dependencies: [.product(name: \"Parity\", package: \"Parity\")])",
      "// (for a local checkout, the package name is its folder's name),",
      "// then: swift run repro",
      "import ParityCore",
      "import ParityFixtures",
      "import Parity",
      "",
    ]
    for (name, tensor) in fixtureCase.tensors {
      lines.append("let \(identifier(name)) = Tensor(shape: \(tensor.shape), storage: \(storage(tensor.storage)))")
    }
    let tensors = fixtureCase.tensors.map { "(\(quote($0.name)), \(identifier($0.name)))" }.joined(separator: ", ")
    lines.append(
      "let fixtureCase = FixtureCase(id: \(quote(fixtureCase.id)), tags: [], tensors: [\(tensors)], calls: [], index: 0)")
    func list(_ arguments: [(name: String, value: Argument)]) -> String {
      "[" + arguments.map { "(\(quote($0.name)), \(argument($0.value)))" }.joined(separator: ", ") + "]"
    }
    let constructor = call.constructorArguments.map { ", constructorArguments: \(list($0))" } ?? ""
    lines += [
      "let adapter = MappingRegistry.standard.mapping(id: \(quote(api)))!.adapter(for: \(quote(call.framework)))!",
      "switch adapter.call(\(list(call.arguments))\(constructor), in: fixtureCase) {",
      "case .success(let output):",
      "  print(output.value.dtype, output.value.shape, output.value.storage.doubleValues, output.warnings)",
      "case .failure(let error):",
      "  print(\"error\", error.kind, error.message)",
      "}",
    ]
    return lines.joined(separator: "\n")
  }

  /// Elements as exact literals: hexadecimal floats for float32/float64 (exact by
  /// construction), bit patterns for the 16-bit types, named non-finite values.
  static func storage(_ storage: TensorStorage) -> String {
    switch storage {
    case .float16(let v): return ".float16([\(v.map { "Float16(bitPattern: 0x\(hex($0.bitPattern)))" }.joined(separator: ", "))])"
    case .bfloat16(let v): return ".bfloat16([\(v.map { "BFloat16(bitPattern: 0x\(hex($0.bitPattern)))" }.joined(separator: ", "))])"
    case .float32(let v): return ".float32([\(v.map { float(Double($0)) }.joined(separator: ", "))])"
    case .float64(let v): return ".float64([\(v.map(float).joined(separator: ", "))])"
    case .int32(let v): return ".int32(\(v))"
    case .int64(let v): return ".int64(\(v))"
    case .bool(let v): return ".bool(\(v))"
    }
  }

  static func float(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value < 0 ? "-.infinity" : ".infinity" }
    if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
    let sign = value < 0 ? "-" : ""
    let magnitude = abs(value)
    // 0x1.<fraction>p<exponent>, the fraction's trailing zero nibbles dropped.
    let exponent = Int(magnitude.exponent)
    let significand = magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0)
    var fraction = String(significand & ((1 << 52) - 1), radix: 16)
    fraction = String(repeating: "0", count: 13 - fraction.count) + fraction
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let lead = magnitude.isNormal ? "1" : "0"
    let power = magnitude.isNormal ? exponent : -1022  // subnormals: 0x0.<fraction>p-1022
    return "\(sign)0x\(lead)\(fraction.isEmpty ? "" : "." + fraction)p\(power)"
  }

  static func hex(_ bits: UInt16) -> String {
    let text = String(bits, radix: 16, uppercase: true)
    return String(repeating: "0", count: 4 - text.count) + text
  }

  static func argument(_ value: Argument) -> String {
    switch value {
    case .string(let s): return ".string(\(quote(s)))"
    case .integer(let i): return ".integer(\(i))"
    case .number(let d): return ".number(\(float(d)))"
    case .bool(let b): return ".bool(\(b))"
    case .null: return ".null"
    case .tensor(let name): return ".tensor(\(quote(name)))"
    }
  }

  static func quote(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case _ where scalar.value < 0x20: out += "\\u{\(String(scalar.value, radix: 16))}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  static func identifier(_ name: String) -> String {
    let cleaned = String(name.unicodeScalars.map { ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_" })
    return "tensor_" + cleaned
  }
}
