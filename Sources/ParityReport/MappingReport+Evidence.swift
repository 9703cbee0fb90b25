import ParityCore
import ParityFixtures
import Parity

extension MappingReport {

  var verdict: String {
    let count = differences.count
    let totals = result.totals
    let perAdapter = mapping.adapters.map { adapter -> String in
      let t = result.totals(for: adapter.framework)
      return "through the \(name(adapter.framework)) adapter \(t.match) match, \(t.mismatch) mismatch, \(t.unverified) unverified"
    }.joined(separator: "; ")
    return """
      ## What the recordings show

      The page says: "\(mapping.documentation.claim)"

      The recordings show \(count == 0 ? "no differences" : "\(count) kinds of difference") between the frameworks \
      (below, each with the cases that show it). The Swift port was checked against every recorded outcome: \
      \(perAdapter) (\(totals.checks) checks in all).

      """
  }

  var observedDifferences: String {
    guard !differences.isEmpty else { return "## Observed differences\n\nNone recorded.\n" }
    var text = "## Observed differences\n\n"
    for (index, difference) in differences.enumerated() {
      text += "\(index + 1). \(describe(difference))\n   Cases: \(Markdown.caseList(difference.caseIDs)).\n"
    }
    return text
  }

  func describe(_ difference: ObservedDifference) -> String {
    let topic = difference.topic.map { "**\($0)**: " } ?? ""
    switch difference.kind {
    case .noKernel(let framework, let others):
      let message = firstError(framework: framework, in: difference.caseIDs).map { " (`\($0)`)" } ?? ""
      return "**No \(name(framework)) kernel on the recording platform.** \(name(framework)) raised an `unsupported` error\(message) "
        + "in \(difference.caseIDs.count) cases where \(others.map(name).joined(separator: " and ")) returned a value. "
        + "The page does not mention platform support."
    case .outcomes(let outcomes):
      let parts = outcomes.map { "\(name($0.framework)) \(phrase($0.outcome))" }.joined(separator: "; ")
      return topic + parts + inputDTypes(difference.caseIDs) + "."
    case .values(let first, let second):
      return topic + "\(name(first)) and \(name(second)) both return values that differ beyond tolerance "
        + "(\(FindingText.ulpText(difference.maxULP)))."
    case .nonFiniteWhereExactIsFinite(let framework):
      return topic + "\(name(framework)) returns inf or nan where the exact loss is finite."
    case .outsideToleranceOfExact(let framework):
      return topic + "\(name(framework)) returns values outside the default tolerance of the exact loss "
        + "(\(FindingText.ulpText(difference.maxULP)))."
    }
  }

  func phrase(_ outcome: OutcomeClass) -> String {
    switch outcome {
    case .value(let dtype): return "returns a \(dtype.rawValue) value"
    case .error(let kind, let type): return "raises \(type) (\(kind.rawValue))"
    }
  }

  /// ` (inputs float16 & float32)` when the cases mix input dtypes.
  func inputDTypes(_ ids: [String]) -> String {
    var combos: [String] = []
    for caseResult in result.cases where ids.contains(caseResult.id) {
      let dtypes = caseResult.fixtureCase.tensors.map(\.tensor.dtype)
      guard dtypes.mixesDTypes else { continue }
      let combo = dtypes.combinationText
      if !combos.contains(combo) { combos.append(combo) }
    }
    return combos.isEmpty ? "" : " (inputs \(combos.joined(separator: ", ")))"
  }

  func firstError(framework: String, in ids: [String]) -> String? {
    for caseResult in result.cases where caseResult.id == ids.first {
      if case .error(let e)? = caseResult.fixtureCase.call(framework)?.outcome.result { return "\(e.type): \(e.message)" }
    }
    return nil
  }

  /// What each framework returns when the inputs' dtypes differ: the result-type rules a
  /// port must follow, which mapping pages rarely state. Swift columns show what the port
  /// predicts through each adapter, including where the recording cannot say (no kernel).
  var mixedDTypes: String {
    var combos: [(inputs: String, cases: [CaseResult])] = []
    for caseResult in result.cases {
      let dtypes = caseResult.fixtureCase.tensors.map(\.tensor.dtype)
      guard dtypes.mixesDTypes else { continue }
      let inputs = dtypes.combinationText
      if let i = combos.firstIndex(where: { $0.inputs == inputs }) {
        combos[i].cases.append(caseResult)
      } else {
        combos.append((inputs, [caseResult]))
      }
    }
    guard !combos.isEmpty else { return "" }
    let keys = frameworkKeys
    var table = MarkdownTable(
      ["Inputs", "Cases"] + keys.map(name) + mapping.adapters.map { "Swift via \(name($0.framework)) adapter" })
    func distinct(_ briefs: [String]) -> String {
      var seen: [String] = []
      for brief in briefs where !seen.contains(brief) { seen.append(brief) }
      return seen.isEmpty ? "-" : seen.joined(separator: "; ")
    }
    for combo in combos {
      let recorded = keys.map { key in
        distinct(combo.cases.compactMap { $0.fixtureCase.call(key).map { OutcomeSummary($0.outcome).brief } })
      }
      let computed = mapping.adapters.map { adapter in
        distinct(combo.cases.compactMap { $0.check(for: adapter.framework)?.computed?.brief })
      }
      table.append([combo.inputs, String(combo.cases.count)] + recorded + computed)
    }
    return "## Result dtypes for mixed inputs\n\n"
      + "The dtype each framework returns (or the error it raises) when the inputs' dtypes differ, with the shape "
      + "of the result; the Swift columns are what the port computes through each adapter.\n\n" + table.rendered + "\n"
  }

  /// The tag prefixes the behaviour tables group by, in this order.
  static let facets: [(prefix: String, title: String)] = [
    ("dtype:", "By dtype"), ("shape:", "By shape class"), ("reduction:", "By reduction"), ("topic:", "By topic"),
  ]

  var behaviourTables: String {
    var text = "## Measured behaviour\n\n"
    text += "Recorded columns count each framework's outcomes (a value, or the error kind) and give the largest ULP distance "
      + "of its values from the exact loss; Swift columns count the checks of the port through each adapter "
      + "against that framework's recording, with the largest ULP distance among them.\n\n"
    let keys = frameworkKeys
    for facet in Self.facets {
      var values: [String] = []
      for caseResult in result.cases {
        for tag in caseResult.fixtureCase.tags where tag.hasPrefix(facet.prefix) && !values.contains(tag) {
          values.append(tag)
        }
      }
      guard !values.isEmpty else { continue }
      var table = MarkdownTable(
        [String(facet.prefix.dropLast()), "Cases"] + keys.map(name)
          + mapping.adapters.map { "Swift via \(name($0.framework)) adapter" })
      for tag in values {
        let group = result.cases.filter { $0.fixtureCase.tags.contains(tag) }
        table.append(
          [String(tag.dropFirst(facet.prefix.count)), String(group.count)]
            + keys.map { recordedCell($0, group) } + mapping.adapters.map { swiftCell($0.framework, group) })
      }
      text += "### \(facet.title)\n\n" + table.rendered + "\n"
    }
    return text
  }

  func recordedCell(_ framework: String, _ group: [CaseResult]) -> String {
    var counts: [(label: String, order: Int, count: Int)] = []
    var maxULP: UInt64? = nil
    var nonFinite = 0
    for caseResult in group {
      guard let call = caseResult.fixtureCase.call(framework) else { continue }
      let (label, order): (String, Int)
      switch call.outcome.result {
      case .value: (label, order) = ("value", -1)
      case .error(let e): (label, order) = (e.kind.rawValue, ErrorKind.allCases.firstIndex(of: e.kind) ?? 0)
      }
      if let i = counts.firstIndex(where: { $0.label == label }) {
        counts[i].count += 1
      } else {
        counts.append((label, order, 1))
      }
      for (key, comparison) in caseResult.recordedAgainstExact where key == framework {
        if let u = comparison.maxULP { maxULP = max(maxULP ?? 0, u) }
        nonFinite += comparison.nonFiniteDisagreements
      }
    }
    guard !counts.isEmpty else { return "-" }
    var cell = counts.sorted { $0.order < $1.order }.map { "\($0.label) \($0.count)" }.joined(separator: " · ")
    var notes: [String] = []
    if let maxULP { notes.append("≤ \(maxULP) ULP of exact") }
    if nonFinite > 0 { notes.append("\(nonFinite) elements inf/nan where exact is finite") }
    if !notes.isEmpty { cell += " (" + notes.joined(separator: "; ") + ")" }
    return cell
  }

  func swiftCell(_ framework: String, _ group: [CaseResult]) -> String {
    var totals = Totals()
    var maxULP: UInt64? = nil
    for caseResult in group {
      guard let check = caseResult.check(for: framework) else { continue }
      totals.add(check.status)
      if let u = check.values?.maxULP { maxULP = max(maxULP ?? 0, u) }
    }
    guard totals.checks > 0 else { return "-" }
    var parts: [String] = []
    if totals.match > 0 { parts.append("match \(totals.match)") }
    if totals.mismatch > 0 { parts.append("**mismatch \(totals.mismatch)**") }
    if totals.unverified > 0 { parts.append("unverified \(totals.unverified)") }
    return parts.joined(separator: " · ") + (maxULP.map { " (≤ \($0) ULP)" } ?? "")
  }

  var accuracy: String {
    var text = "## Swift port: element-by-element agreement\n\n"
    text += "Every element of every value check, by output dtype, for elementwise results (`reduction='none'`, "
      + "rank ≥ 1) and reduced ones (0-d): against the framework's recorded value, and against the exact loss "
      + "(rounded once to the dtype; elements where either side is inf or nan are left out of the ULP figures).\n\n"
    var table = MarkdownTable(
      ["Adapter", "Output", "dtype", "Elements", "Bit-exact", "≤ 1 ULP", "Max ULP", "Max ULP of exact"])
    for adapter in mapping.adapters {
      for elementwise in [true, false] {
        for dtype in DType.allCases {
          var elements = 0
          var exact = 0
          var withinOne = 0
          var maxULP: UInt64? = nil
          var maxExact: UInt64? = nil
          for caseResult in result.cases {
            guard let check = caseResult.check(for: adapter.framework), let v = check.values, v.dtype == dtype,
              case .value(_, let shape)? = check.computed, shape.isEmpty != elementwise
            else { continue }
            elements += v.elementCount
            exact += v.bitExactElements
            withinOne += v.withinOneULPElements
            if let u = v.maxULP { maxULP = max(maxULP ?? 0, u) }
            if let u = check.againstExact?.maxULP { maxExact = max(maxExact ?? 0, u) }
          }
          guard elements > 0 else { continue }
          table.append(
            [name(adapter.framework), elementwise ? "elementwise" : "reduced", dtype.rawValue, String(elements),
             Self.percent(exact, of: elements), Self.percent(withinOne, of: elements),
             maxULP.map(String.init) ?? "-", maxExact.map(String.init) ?? "-"])
        }
      }
    }
    return text + (table.rows.isEmpty ? "No value checks.\n" : table.rendered)
  }

  static func percent(_ part: Int, of whole: Int) -> String {
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(part) (\(tenths / 10).\(tenths % 10)%)"
  }

  /// Mismatches with the command that shows each in full; the first few also carry their
  /// reproduction snippets inline, folded, so a reader can run them straight from the report.
  static let inlineReproductions = 5

  var mismatches: String {
    var text = "\n## Mismatches\n\n"
    var shown = 0
    for caseResult in result.cases {
      for check in caseResult.checks where check.status == .mismatch {
        let command = "swift run parity show '\(caseResult.id)' --api \(mapping.id)"
        text += "- \(Markdown.code(caseResult.id)) via \(name(check.framework)): \(FindingText.describe(check)). "
          + "Reproduce: \(Markdown.code(command))\n"
        guard shown < Self.inlineReproductions,
          let call = caseResult.fixtureCase.call(check.framework), let adapter = mapping.adapter(for: check.framework)
        else { continue }
        shown += 1
        text += "\n  <details><summary>Reproduction</summary>\n\n"
          + "  ```python\n\(indent(PythonSnippet.call(call, of: caseResult.fixtureCase, adapter: adapter, style: .reproduction)))\n  ```\n\n"
          + "  ```swift\n\(indent(SwiftSnippet.program(call, of: caseResult.fixtureCase, api: mapping.id, fixturePath: caseResult.fixturePath)))\n  ```\n\n"
          + "  </details>\n\n"
      }
    }
    return text + (text.hasSuffix("## Mismatches\n\n") ? "None: every recorded outcome that could be checked matched.\n" : "")
  }

  func indent(_ code: String) -> String {
    code.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }

  var provenance: String {
    var text = "\n## Provenance\n\n"
    for fixture in result.fixtures {
      text += "- \(Markdown.code(fixture.path))\n"
      for info in fixture.frameworks {
        let parts = [info.api, info.package.map { "\($0) \(info.version ?? "")" }, info.device].compactMap { $0 }
        text += "  - \(info.key): \(parts.joined(separator: ", "))\n"
      }
      if !fixture.recorder.isEmpty {
        text += "  - recorder: " + fixture.recorder.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
      }
    }
    return text
  }
}
