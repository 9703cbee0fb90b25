/// Text made safe for XML 1.0 content and attribute values: the five markup characters as
/// entities, and the characters XML 1.0 cannot carry at all written in one of two ways.
enum XMLText {
  /// What becomes of tab, newline and carriage return, and of the characters XML 1.0 cannot
  /// carry (the other C0 controls, U+FFFE, U+FFFF).
  enum Unrepresentable {
    /// Tab and newline stay as they are; the others become a space, keeping the text's shape
    /// (figure labels).
    case space
    /// Tab, newline and carriage return become character references, so attribute values
    /// keep them; the others become `\u{…}` text, so a reader still sees them (JUnit).
    case visible
  }

  static func escape(_ text: String, unrepresentable: Unrepresentable = .space) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        switch unrepresentable {
        case .space:
          if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
            out += " "
          } else {
            out.unicodeScalars.append(scalar)
          }
        case .visible:
          switch scalar {
          case "\n": out += "&#10;"
          case "\r": out += "&#13;"
          case "\t": out += "&#9;"
          case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
            out += "\\u{\(String(scalar.value, radix: 16))}"
          default: out.unicodeScalars.append(scalar)
          }
        }
      }
    }
    return out
  }
}
