import Foundation

/// A GitHub-flavoured markdown table, cells escaped so a `|` or newline in recorded text
/// cannot break the layout.
struct MarkdownTable {
  var header: [String]
  var rows: [[String]] = []

  init(_ header: [String]) {
    self.header = header
  }

  mutating func append(_ row: [String]) {
    rows.append(row)
  }

  var rendered: String {
    var lines = ["| " + header.map(Markdown.cell).joined(separator: " | ") + " |"]
    lines.append("|" + header.map { _ in " --- |" }.joined())
    for row in rows {
      lines.append("| " + row.map(Markdown.cell).joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

enum Markdown {
  static func cell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  /// Inline code that survives backticks in the text.
  static func code(_ text: String) -> String {
    text.contains("`") ? "`` \(text) ``" : "`\(text)`"
  }

  /// At most `limit` ids as inline code, then how many more.
  static func caseList(_ ids: [String], limit: Int = 6) -> String {
    let shown = ids.prefix(limit).map(code).joined(separator: ", ")
    return ids.count > limit ? "\(shown) and \(ids.count - limit) more" : shown
  }
}
