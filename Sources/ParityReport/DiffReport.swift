import ParityCore
import ParityFixtures
import Parity

/// The markdown for `parity diff`: a summary line, the provenance that differs, then the
/// changed outcomes, values beyond tolerance, minor changes, added and removed cases.
///
/// Rows follow NEW's case order (APIs by id); removed cases follow OLD's order. When more
/// than one API is compared, every table starts with an API column.
public struct DiffReport {
  public var diff: FixtureDiff
  /// How the two sets are named in the title (the paths given on the command line).
  public var oldName: String
  public var newName: String

  public init(_ diff: FixtureDiff, old oldName: String, new newName: String) {
    self.diff = diff
    self.oldName = oldName
    self.newName = newName
  }

  public var markdown: String {
    [header, provenance, changedOutcomes, beyondTolerance, minorChanges, caseList(added: true), caseList(added: false), oneSided]
      .compactMap { $0 }
      .joined(separator: "\n")
  }

  var header: String {
    "# Fixture diff: \(Markdown.code(oldName)) → \(Markdown.code(newName))\n\n\(summary)\n"
  }

  /// One line: the verdict, then the counts.
  public var summary: String {
    let t = diff.totals
    let verdict = diff.behaviourChanged ? "**Behaviour changed.**" : "**No behaviour change.**"
    var text = "\(verdict) \(Self.count(t.apisCompared, "API")) compared, \(Self.count(t.commonCases, "case")) in both sets: "
      + "\(t.casesWithBehaviourChanges) with behaviour changes, \(t.casesWithMinorChangesOnly) with minor changes only, "
      + "\(t.unchangedCases) unchanged; \(t.addedCases) added, \(t.removedCases) removed. "
      + "Findings: \(Self.count(t.changedOutcomes, "changed outcome")), \(t.valuesBeyondTolerance) beyond tolerance, "
      + "\(t.minorChanges) minor, \(Self.count(t.provenanceChanges, "provenance difference"))."
    if t.apisOnlyInOld + t.apisOnlyInNew > 0 {
      text += " APIs in one set only: \(t.apisOnlyInOld) in OLD, \(t.apisOnlyInNew) in NEW."
    }
    return text
  }

  var multipleAPIs: Bool { diff.apis.count > 1 }

  /// A table whose rows carry their API in a leading column when several APIs are compared.
  func table(_ header: [String], _ rows: [(api: String, cells: [String])]) -> String {
    var table = MarkdownTable(multipleAPIs ? ["API"] + header : header)
    for row in rows { table.append(multipleAPIs ? [row.api] + row.cells : row.cells) }
    return table.rendered
  }

  var provenance: String {
    let rows = diff.apis.flatMap { api in
      api.provenance.map { (api.api, [Markdown.code($0.field), Self.provenanceValue($0.old), Self.provenanceValue($0.new)]) }
    }
    let body = rows.isEmpty ? "No provenance differences.\n" : table(["Field", "Old", "New"], rows)
    return "## Provenance\n\n\(body)"
  }

  /// Rows for every change of a kind, in report order.
  func rows(_ cells: (APIDiff, CaseDiff, CallDiff, CallChange) -> [String]?) -> [(api: String, cells: [String])] {
    var rows: [(api: String, cells: [String])] = []
    for api in diff.apis {
      for fixtureCase in api.changedCases {
        for call in fixtureCase.calls {
          for change in call.changes {
            if let row = cells(api, fixtureCase, call, change) { rows.append((api.api, row)) }
          }
        }
      }
    }
    return rows
  }

  var changedOutcomes: String? {
    let rows = rows { _, fixtureCase, call, change -> [String]? in
      let id = Markdown.code(fixtureCase.id)
      let framework = Self.name(call.framework)
      let note = Self.note(fixtureCase, call)
      switch change {
      case .added(let outcome): return [id, framework, "no call", Self.phrase(outcome), note]
      case .removed(let outcome): return [id, framework, Self.phrase(outcome), "no call", note]
      case .outcomeChanged(let old, let new): return [id, framework, Self.phrase(old), Self.phrase(new), note]
      case .warningsChanged(let old, let new): return [id, framework, Self.warnings(old), Self.warnings(new), note]
      default: return nil
      }
    }
    guard !rows.isEmpty else { return nil }
    return "## Changed outcomes\n\n" + table(["Case", "Framework", "Old", "New", "Note"], rows)
  }

  var beyondTolerance: String? {
    let rows = rows { _, fixtureCase, call, change -> [String]? in
      guard case .valuesBeyondTolerance(let v) = change else { return nil }
      let outside = "\(v.failingElements) of \(v.elementCount) (rtol \(v.tolerance.rtol), atol \(v.tolerance.atol))"
      var ulp = v.maxULP.map(String.init) ?? "—"
      if v.nonFiniteDisagreements > 0 { ulp += " (+\(v.nonFiniteDisagreements) non-finite)" }
      let first = v.firstFailure.map {
        "[\($0.index)]: old \(Self.number($0.expected, v.dtype)), new \(Self.number($0.actual, v.dtype))"
      } ?? "—"
      return [Markdown.code(fixtureCase.id), Self.name(call.framework), outside, ulp, first, Self.note(fixtureCase, call)]
    }
    guard !rows.isEmpty else { return nil }
    return "## Values beyond tolerance\n\nNEW measured against OLD, with OLD's tolerance.\n\n"
      + table(["Case", "Framework", "Elements outside", "Max ULP", "First failure", "Note"], rows)
  }

  var minorChanges: String? {
    var rows: [(api: String, cells: [String])] = []
    for api in diff.apis {
      for fixtureCase in api.changedCases {
        let id = Markdown.code(fixtureCase.id)
        if fixtureCase.inputsDiffer {
          rows.append((api.api, [id, "—", fixtureCase.inputChanges.map(Self.input).joined(separator: "; ")]))
        }
        if let tags = fixtureCase.tagChange {
          let added = tags.new.filter { !tags.old.contains($0) }.map(Markdown.code)
          let removed = tags.old.filter { !tags.new.contains($0) }.map(Markdown.code)
          var parts: [String] = []
          if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
          if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
          rows.append((api.api, [id, "—", "tags: " + parts.joined(separator: "; ")]))
        }
        for call in fixtureCase.calls {
          for change in call.changes {
            if let text = Self.minor(change) { rows.append((api.api, [id, Self.name(call.framework), text])) }
          }
        }
      }
    }
    guard !rows.isEmpty else { return nil }
    return "## Minor changes\n\nReported, but not a behaviour change.\n\n" + table(["Case", "Framework", "Change"], rows)
  }

  func caseList(added: Bool) -> String? {
    var lines: [String] = []
    for api in diff.apis {
      for id in added ? api.addedCases : api.removedCases {
        lines.append("- " + (multipleAPIs ? "\(api.api) " : "") + Markdown.code(id))
      }
    }
    guard !lines.isEmpty else { return nil }
    let title = added ? "## Added cases\n\nIn NEW only.\n\n" : "## Removed cases\n\nIn OLD only.\n\n"
    return title + lines.joined(separator: "\n") + "\n"
  }

  var oneSided: String? {
    let lines = diff.onlyInOld.map { ($0, "OLD") } + diff.onlyInNew.map { ($0, "NEW") }
    guard !lines.isEmpty else { return nil }
    return "## APIs in one set only\n\n"
      + lines.map { api, side in
        "- \(Markdown.code(api.api)): only in \(side) (\(Self.count(api.caseCount, "case")) in \(Self.count(api.files.count, "file")))"
      }.joined(separator: "\n") + "\n"
  }

  // MARK: Phrasing

  static func name(_ key: String) -> String { Framework.named(key).displayName }

  static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

  static func provenanceValue(_ value: String?) -> String { value ?? "(absent)" }

  /// Why an outcome change may not be the framework's doing.
  static func note(_ fixtureCase: CaseDiff, _ call: CallDiff) -> String {
    var notes: [String] = []
    if fixtureCase.inputsDiffer { notes.append("inputs differ") }
    if call.argumentsDiffer { notes.append("arguments differ") }
    return notes.joined(separator: "; ")
  }

  static func phrase(_ outcome: OutcomeSummary) -> String {
    switch outcome {
    case .value(let dtype, let shape): return "returns \(dtype.rawValue) \(shapeText(shape))"
    case .error(let kind, let type, let message):
      return "raises \(type ?? "an error") (\(kind.rawValue)): \(Markdown.code(message))"
    }
  }

  static func shapeText(_ shape: [Int]) -> String { "[\(shape.map(String.init).joined(separator: ", "))]" }

  static func warnings(_ warnings: [String]) -> String {
    warnings.isEmpty ? "no warnings" : "warns " + warnings.map(Markdown.code).joined(separator: ", ")
  }

  static func minor(_ change: CallChange) -> String? {
    switch change {
    case .errorTextChanged(let old, let new):
      return "error text: \(old.type) \(Markdown.code(old.message)) → \(new.type) \(Markdown.code(new.message))"
    case .valuesWithinTolerance(let v):
      return "values within tolerance: \(v.elementCount - v.bitExactElements) of \(v.elementCount) elements not bit-identical, "
        + FindingText.ulpText(v.maxULP)
    case .argumentsChanged(let changes):
      return "arguments: " + changes.map { "\($0.name) \(argument($0.old)) → \(argument($0.new))" }.joined(separator: "; ")
    case .toleranceChanged(let old, let new):
      return "tolerance: \(tolerance(old)) → \(tolerance(new))"
    case .added, .removed, .outcomeChanged, .valuesBeyondTolerance, .warningsChanged:
      return nil
    }
  }

  static func input(_ change: InputChange) -> String {
    func signature(_ s: InputChange.Signature?) -> String { s.map { "\($0.dtype.rawValue) \(shapeText($0.shape))" } ?? "absent" }
    if let n = change.differingElements, let s = change.new {
      return "input \(change.name): \(n) of \(Shape.elementCount(s.shape) ?? 0) elements differ"
    }
    return "input \(change.name): \(signature(change.old)) → \(signature(change.new))"
  }

  /// An argument as Python would show it; `absent` when not passed.
  static func argument(_ value: Argument?) -> String {
    guard let value else { return "absent" }
    switch value {
    case .string(let s): return "'\(s)'"
    case .integer(let i): return String(i)
    case .number(let d): return "\(d)"
    case .bool(let b): return b ? "True" : "False"
    case .null: return "None"
    case .tensor(let name): return "tensor \(name)"
    }
  }

  static func tolerance(_ t: Tolerance?) -> String {
    t.map { "rtol \($0.rtol), atol \($0.atol)" } ?? "dtype default"
  }

  /// The shortest text that reads back as the value in `dtype`.
  static func number(_ x: Double, _ dtype: DType) -> String {
    switch dtype {
    case .float16: return "\(Float16(x))"
    case .bfloat16, .float32: return "\(Float(x))"
    case .float64: return "\(x)"
    case .int32, .int64: return x.isFinite ? String(Int64(x)) : "\(x)"
    case .bool: return x != 0 ? "true" : "false"
    }
  }
}
