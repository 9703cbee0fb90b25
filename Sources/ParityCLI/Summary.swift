import Parity
import ParityReport

/// The one-screen summary a run prints: per API, counts, then the first mismatches.
struct Summary {
  var result: RunResult
  static let mismatchesShown = 10

  init(_ result: RunResult) {
    self.result = result
  }

  var text: String {
    var lines: [String] = []
    for api in result.apis {
      let t = api.totals
      lines.append("\(api.mapping.id): \(api.cases.count) cases, \(t.checks) checks: \(t.match) match, \(t.mismatch) mismatch, \(t.unverified) unverified")
      for adapter in api.mapping.adapters {
        let f = api.totals(for: adapter.framework)
        lines.append("  via \(Framework.named(adapter.framework).displayName) adapter: \(f.match) match, \(f.mismatch) mismatch, \(f.unverified) unverified")
      }
      var shown = 0
      for caseResult in api.cases {
        for check in caseResult.checks where check.status == .mismatch {
          if shown < Self.mismatchesShown {
            lines.append("  MISMATCH \(caseResult.id) [\(check.framework)]: \(FindingText.describe(check))")
          }
          shown += 1
        }
      }
      if shown > Self.mismatchesShown { lines.append("  ... and \(shown - Self.mismatchesShown) more mismatches") }
    }
    let t = result.totals
    lines.append("Total: \(t.match) match, \(t.mismatch) mismatch, \(t.unverified) unverified")
    return lines.joined(separator: "\n") + "\n"
  }
}
