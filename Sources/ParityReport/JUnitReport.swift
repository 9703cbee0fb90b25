import Parity

/// JUnit XML for CI systems: one `testsuite` per API, one `testcase` per check; a mismatch
/// is a `failure` carrying the figures, an unverified check is `skipped` with its reason.
///
/// Times are written as 0 so that equal runs give equal bytes.
public struct JUnitReport {
  public var run: RunResult

  public init(_ run: RunResult) {
    self.run = run
  }

  public var xml: String {
    let totals = run.totals
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      #"<testsuites name="parity" tests="\#(totals.checks)" failures="\#(totals.mismatch)" errors="0" skipped="\#(totals.unverified)" time="0">"#,
    ]
    for api in run.apis {
      let t = api.totals
      lines.append(
        #"  <testsuite name="\#(Self.escape(api.mapping.id))" tests="\#(t.checks)" failures="\#(t.mismatch)" errors="0" skipped="\#(t.unverified)" time="0">"#)
      for caseResult in api.cases {
        for check in caseResult.checks {
          let classname = Self.escape("\(api.mapping.id).\(check.framework)")
          let open = #"    <testcase classname="\#(classname)" name="\#(Self.escape(caseResult.id))" file="\#(Self.escape(caseResult.fixturePath))" time="0""#
          let detail = Self.escape(FindingText.describe(check))
          switch check.status {
          case .match:
            lines.append(open + "/>")
          case .unverified:
            lines.append(open + ">")
            lines.append(#"      <skipped message="\#(detail)"/>"#)
            lines.append("    </testcase>")
          case .mismatch:
            lines.append(open + ">")
            let reproduce = Self.escape("parity show '\(caseResult.id)' --api \(api.mapping.id)")
            lines.append(#"      <failure type="mismatch" message="\#(detail)">\#(detail)&#10;Reproduce: \#(reproduce)</failure>"#)
            lines.append("    </testcase>")
          }
        }
      }
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Escapes text for an XML 1.0 attribute or element; characters XML 1.0 cannot carry at
  /// all (most control characters) become `\u{…}` text rather than invalid bytes.
  public static func escape(_ text: String) -> String {
    XMLText.escape(text, unrepresentable: .visible)
  }
}
