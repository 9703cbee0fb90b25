import Parity

extension MappingReport {
  /// The table's five criteria, each with Parity's verdict and the evidence it rests on;
  /// the index links each verdict to its heading here.
  var criteriaSection: String {
    var text = """
      ## The mapping table's criteria, measured

      MindSpore's table calls a pair consistent when five things hold at once. Each is judged from the \
      recordings (outcomes case by case, and each framework's signature as installed):

      """
    var table = MarkdownTable(["Criterion", "Verdict", "Why"])
    for verdict in criteria {
      table.append([verdict.criterion.title, verdict.status.rawValue, verdict.reason])
    }
    text += "\n" + table.rendered + "\n"
    for verdict in criteria {
      text += "### \(verdict.criterion.title)\n\n**\(verdict.status.rawValue)**: \(verdict.reason)\n"
      if !verdict.evidence.isEmpty {
        text += "\n" + verdict.evidence.prefix(12).map { "- \($0)" }.joined(separator: "\n") + "\n"
        if verdict.evidence.count > 12 { text += "- and \(verdict.evidence.count - 12) more\n" }
      }
      text += "\n"
    }
    return text
  }

  /// The heading's anchor as GitHub derives it (lowercase, spaces to hyphens).
  static func anchor(_ criterion: Criterion) -> String {
    criterion.title.lowercased().replacingOccurrences(of: " ", with: "-")
  }
}
