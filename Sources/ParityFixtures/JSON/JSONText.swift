/// Small helpers for writing JSON text back out: quoting strings in messages and rendering
/// free-form values (such as `recorder` entries) as compact JSON.
public enum JSONText {
  /// `s` as a JSON string literal, escaping quotes, backslashes and control characters.
  public static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  /// `s` quoted, cut to about `limit` characters so a hostile value cannot flood a message.
  public static func quoted(_ s: String, limit: Int) -> String {
    if s.count <= limit { return quoted(s) }
    return quoted(String(s.prefix(limit))) + "…"
  }

  /// Compact JSON for `value`; `number` renders each number (by default its shortest form).
  public static func render(_ value: JSONValue, number: (JSONNumber) -> String = { $0.description }) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return number(n)
    case .string(let s): return quoted(s)
    case .numbers(let ns): return "[" + ns.map(number).joined(separator: ",") + "]"
    case .array(let elements): return "[" + elements.map { render($0, number: number) }.joined(separator: ",") + "]"
    case .object(let object):
      let members = object.members.map { quoted($0.key) + ":" + render($0.value, number: number) }
      return "{" + members.joined(separator: ",") + "}"
    }
  }
}
