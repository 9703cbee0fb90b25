import ParityCore
import Parity

/// Sentences for the runner's typed findings; the one place they are worded.
public enum FindingText {
  public static func describe(_ check: Check) -> String {
    let recorded = Framework.named(check.framework).displayName
    switch check.finding {
    case .valuesAgree:
      return "values agree" + (check.values.map { ", \(ulpText($0.maxULP))" } ?? "")
    case .errorsAgree(let kind):
      return "both raise a \(kind.rawValue) error"
    case .valuesDiffer:
      guard let v = check.values else { return "values differ" }
      var text = "\(v.failingElements) of \(v.elementCount) elements outside rtol \(v.tolerance.rtol), atol \(v.tolerance.atol); \(ulpText(v.maxULP))"
      if let f = v.firstFailure { text += "; first at [\(f.index)]: Swift \(f.actual), \(recorded) \(f.expected)" }
      return text
    case .dtypeDiffers(let computed, let recordedType):
      return "Swift returns \(computed.rawValue), \(recorded) returned \(recordedType.rawValue)"
    case .shapeDiffers(let computed, let recordedShape):
      return "Swift returns shape \(computed), \(recorded) returned \(recordedShape)"
    case .errorKindDiffers(let computed, let recordedKind):
      return "Swift raises a \(computed.rawValue) error, \(recorded) raised \(recordedKind.rawValue)"
    case .unexpectedError(let kind, let message):
      return "Swift raises a \(kind.rawValue) error (\(message)) where \(recorded) returned a value"
    case .missingError(let kind):
      return "Swift returns a value where \(recorded) raised a \(kind.rawValue) error"
    case .warningsDiffer(let computed, let recordedWarnings):
      return "warnings differ: Swift \(computed), \(recorded) \(recordedWarnings)"
    case .moreValueDiffers(let position, let detail):
      return "the first value agrees; tensor \(position) of the tuple result differs: \(detail)"
    case .undefinedInFramework(let why):
      return "the port models \(recorded)'s result here as undefined (\(why)); the recorded value confirms nothing"
    case .recordedUndefined(let why):
      return "\(recorded)'s result is undefined here (\(why)), so nothing can be checked"
    case .recordedUnsupported:
      return "\(recorded) has no kernel for this call on the recording platform"
    case .noAdapter:
      return "Parity has no adapter for framework key '\(check.framework)'"
    }
  }

  static func ulpText(_ ulp: UInt64?) -> String {
    guard let ulp else { return "no ULP figure" }
    return ulp == 1 ? "max 1 ULP" : "max \(ulp) ULP"
  }
}
