import ParityCore
import ParityFixtures
import Parity

/// Everything needed to reproduce one case: its inputs, what each framework recorded, what
/// the Swift port computed, and ready-to-run snippets for each framework and for Swift.
public struct CaseReproduction {
  public var api: APIResult
  public var caseResult: CaseResult

  public init(api: APIResult, caseResult: CaseResult) {
    self.api = api
    self.caseResult = caseResult
  }

  public var markdown: String {
    let fixtureCase = caseResult.fixtureCase
    var text = "# \(api.mapping.id): `\(fixtureCase.id)`\n\n"
    text += "From `\(caseResult.fixturePath)`; tags: \(fixtureCase.tags.map { "`\($0)`" }.joined(separator: ", ")).\n\n"
    for (name, tensor) in fixtureCase.tensors {
      text += "- `\(name)`: \(tensor.dtype.rawValue) \(tensor.shape) = \(PythonSnippet.nestedList(tensor, exact: true))\n"
    }
    if let exact = DifferenceAnalysis.exactValue(of: fixtureCase) {
      text += "- exact answer: \(exact.dtype.rawValue) \(exact.shape) = \(PythonSnippet.nestedList(exact, exact: true))\n"
    }
    for call in fixtureCase.calls where call.framework != RecordedCall.exactKey {
      let name = Framework.named(call.framework).displayName
      text += "\n## \(name)\n\n"
      text += "Recorded: \(Self.describe(call.outcome))\n"
      if let check = caseResult.check(for: call.framework) {
        text += "Swift via the \(name) adapter: **\(check.status.rawValue)**: \(FindingText.describe(check))\n"
        if let value = check.computedValue {
          text += "Swift computed: value \(value.dtype.rawValue) \(value.shape) = \(PythonSnippet.nestedList(value, exact: true))\n"
        } else if case .error(let kind, _, let message)? = check.computed {
          text += "Swift computed: \(kind.rawValue) error: \(message)\n"
        }
      }
      if let adapter = api.mapping.adapter(for: call.framework) {
        text += "\n```python\n\(PythonSnippet.call(call, of: fixtureCase, adapter: adapter, style: .reproduction))\n```\n"
        text += "\n```swift\n\(SwiftSnippet.program(call, of: fixtureCase, api: api.mapping.id, fixturePath: caseResult.fixturePath))\n```\n"
      }
    }
    return text
  }

  static func describe(_ outcome: Outcome) -> String {
    var text: String
    switch outcome.result {
    case .value(let t): text = "value \(t.dtype.rawValue) \(t.shape) = \(PythonSnippet.nestedList(t, exact: true))"
    case .error(let e): text = "\(e.kind.rawValue) error: \(e.type): \(e.message)"
    }
    if !outcome.warnings.isEmpty { text += "; warnings: \(outcome.warnings)" }
    return text
  }
}
