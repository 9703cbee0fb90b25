/// Text made safe for XML content and attribute values.
enum XMLText {
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      // XML 1.0 allows no other control characters; a space keeps the text's shape.
      case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": out += " "
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
