import ParityCore
import ParityFixtures
import Parity

/// The machine-readable summary behind `--json`: totals and one object per check.
///
/// Written by hand, keys in a fixed order and numbers in shortest form, so equal runs give
/// equal bytes.
public struct JSONSummary {
  public static let schema = "parity-summary/1"
  public var run: RunResult

  public init(_ run: RunResult) {
    self.run = run
  }

  public var json: String {
    let totals = run.totals
    var lines = [
      "{",
      "  \"schema\": \(quote(Self.schema)),",
      "  \"totals\": {\"match\": \(totals.match), \"mismatch\": \(totals.mismatch), \"unverified\": \(totals.unverified)},",
      "  \"checks\": [",
    ]
    var entries: [String] = []
    for api in run.apis {
      for caseResult in api.cases {
        for check in caseResult.checks {
          var fields = [
            "\"api\": \(quote(api.mapping.id))",
            "\"fixture\": \(quote(caseResult.fixturePath))",
            "\"case\": \(quote(caseResult.id))",
            "\"framework\": \(quote(check.framework))",
            "\"status\": \(quote(check.status.rawValue))",
            "\"recorded\": \(quote(check.recorded.brief))",
            "\"computed\": \(check.computed.map { quote($0.brief) } ?? "null")",
            "\"detail\": \(quote(FindingText.describe(check)))",
          ]
          if let v = check.values {
            fields.append("\"elements\": \(v.elementCount)")
            fields.append("\"bit_exact_elements\": \(v.bitExactElements)")
            fields.append("\"within_one_ulp_elements\": \(v.withinOneULPElements)")
            fields.append("\"max_ulp\": \(v.maxULP.map(String.init) ?? "null")")
            fields.append("\"failing_elements\": \(v.failingElements)")
          }
          entries.append("    {" + fields.joined(separator: ", ") + "}")
        }
      }
    }
    lines.append(entries.joined(separator: ",\n"))
    lines.append("  ]")
    lines.append("}")
    return lines.filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
  }

  func quote(_ s: String) -> String { JSONText.quoted(s) }
}
