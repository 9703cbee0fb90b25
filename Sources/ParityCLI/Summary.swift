import Parity
import ParityReport

/// The one-screen summary a run prints: per API, counts, then the first mismatches.
struct Summary {
  var result: RunResult
  var style: TerminalStyle
  static let mismatchesShown = 10

  init(_ result: RunResult, style: TerminalStyle) {
    self.result = result
    self.style = style
  }

  func counts(_ t: Totals) -> String {
    let mismatch = "\(t.mismatch) mismatch"
    return "\(style.green("\(t.match) match")), \(t.mismatch > 0 ? style.red(mismatch) : mismatch), \(t.unverified) unverified"
  }

  var text: String {
    var lines: [String] = []
    for api in result.apis {
      let t = api.totals
      lines.append("\(style.bold(api.mapping.id)): \(api.cases.count) cases, \(t.checks) checks: \(counts(t))")
      for adapter in api.mapping.adapters {
        let f = api.totals(for: adapter.framework)
        lines.append("  via \(Framework.named(adapter.framework).displayName) adapter: \(counts(f))")
      }
      var shown = 0
      for caseResult in api.cases {
        for check in caseResult.checks where check.status == .mismatch {
          if shown < Self.mismatchesShown {
            lines.append("  \(style.red("MISMATCH")) \(caseResult.id) [\(check.framework)]: \(FindingText.describe(check))")
          }
          shown += 1
        }
      }
      if shown > Self.mismatchesShown { lines.append("  ... and \(shown - Self.mismatchesShown) more mismatches") }
      if shown > 0 { lines.append("  Reproduce one: parity show CASE_ID --api \(api.mapping.id)") }
    }
    let t = result.totals
    lines.append("Total: \(counts(t))")
    return lines.joined(separator: "\n") + "\n"
  }
}
