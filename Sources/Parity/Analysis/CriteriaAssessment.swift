import ParityCore
import ParityFixtures

/// Judges a mapping on the table's five criteria from what was recorded: the frameworks'
/// outcomes case by case, and their signatures as the installed packages declare them.
///
/// Like `DifferenceAnalysis`, this is evidence about the frameworks, not about the Swift
/// port; the match/mismatch counts beside it say whether the port reproduces both.
public enum CriteriaAssessment {
  /// Topics whose cases pass each framework different arguments on purpose (legacy
  /// arguments resolved for MindSpore, spellings, invalid values, dtype mixes): they are
  /// evidence for the parameter and dtype criteria, not for the function.
  static let argumentTopics: Set<String> = [
    "legacy-args", "reduction-spelling", "invalid-argument", "mixed-dtype", "integer-input", "defaults",
  ]

  public static func assess(_ result: APIResult, first: String = "pytorch", second: String = "mindspore") -> [CriterionVerdict] {
    if let missing = missingAPI(result, second) { return missing }
    let signatures = (
      result.fixtures.lazy.compactMap { $0.frameworks.first { $0.key == first }?.signature }.first,
      result.fixtures.lazy.compactMap { $0.frameworks.first { $0.key == second }?.signature }.first)
    let pairs = SignaturePairing(first: signatures.0, second: signatures.1)
    return [
      function(result, first, second),
      parameters(pairs), names(pairs), defaults(pairs, result, first, second),
      dtypes(result, first, second),
    ]
  }

  // MARK: - Function

  static func function(_ result: APIResult, _ first: String, _ second: String) -> CriterionVerdict {
    var compared = 0
    var evidence: [String] = []
    var secondRan = false
    for caseResult in result.cases {
      let fixtureCase = caseResult.fixtureCase
      guard let a = fixtureCase.call(first)?.outcome, let b = fixtureCase.call(second)?.outcome else { continue }
      if case .value = b.result { secondRan = true }
      let topics = Set(fixtureCase.tags.filter { $0.hasPrefix("topic:") }.map { String($0.dropFirst(6)) })
      guard topics.isDisjoint(with: argumentTopics) else { continue }
      switch (a.result, b.result) {
      case (.value, .value):
        compared += 1
        if let cross = caseResult.crossFramework.first(where: { $0.first == first && $0.second == second }) {
          if !cross.comparison.passes {
            evidence.append("`\(fixtureCase.id)`: values differ (\(cross.comparison.failingElements) of "
              + "\(cross.comparison.elementCount) elements outside tolerance" + (cross.comparison.maxULP.map { ", max \($0) ULP" } ?? "") + ")")
          }
        } else if case .value(let x) = a.result, case .value(let y) = b.result {
          evidence.append("`\(fixtureCase.id)`: \(describe(x)) against \(describe(y))")
        }
      case (.value, .error(let e)) where e.type == RecordedError.undefinedResultType:
        compared += 1
        evidence.append("`\(fixtureCase.id)`: \(name(first)) returns a value, \(name(second))'s result is undefined (\(e.undefinedReason))")
      case (.error(let e), .value) where e.type == RecordedError.undefinedResultType:
        compared += 1
        evidence.append("`\(fixtureCase.id)`: \(name(first))'s result is undefined (\(e.undefinedReason)), \(name(second)) returns a value")
      case (.value, .error(let e)) where e.kind == .shape || e.kind == .other || e.kind == .argument:
        compared += 1
        evidence.append("`\(fixtureCase.id)`: \(name(first)) returns a value, \(name(second)) raises \(e.kind.rawValue) (\(e.type))")
      case (.error(let e), .value) where e.kind == .shape || e.kind == .other || e.kind == .argument:
        compared += 1
        evidence.append("`\(fixtureCase.id)`: \(name(first)) raises \(e.kind.rawValue) (\(e.type)), \(name(second)) returns a value")
      case (.error(let e1), .error(let e2)) where e1.kind != .unsupported && e2.kind != .unsupported:
        compared += 1
        if e1.kind != e2.kind {
          evidence.append("`\(fixtureCase.id)`: \(name(first)) raises \(e1.kind.rawValue), \(name(second)) raises \(e2.kind.rawValue)")
        }
      default:
        continue
      }
    }
    guard secondRan else {
      return CriterionVerdict(.function, .unverified, "\(name(second)) returned no value on the recording platform (no CPU kernel), so its results cannot be compared.")
    }
    if evidence.isEmpty {
      return CriterionVerdict(.function, .consistent, "The same outcome in all \(compared) comparable cases (values within the dtype's tolerance, or errors of one kind).")
    }
    return CriterionVerdict(
      .function, .differs, "\(evidence.count) of \(compared) comparable cases part ways (values beyond tolerance, or one framework raises where the other returns).",
      evidence: evidence)
  }

  // MARK: - Parameters, names, defaults (from the signatures)

  static func parameters(_ pairs: SignaturePairing) -> CriterionVerdict {
    guard pairs.isRecorded else { return unrecorded(.parameters) }
    var evidence: [String] = []
    if !pairs.onlyFirst.isEmpty {
      evidence.append("Only PyTorch takes " + pairs.onlyFirst.map { "`\($0.name)`" }.joined(separator: ", ") + ".")
    }
    let requiredOnlySecond = pairs.onlySecond.filter { $0.defaultValue == nil }
    if !requiredOnlySecond.isEmpty {
      evidence.append("Only MindSpore takes (required) " + requiredOnlySecond.map { "`\($0.name)`" }.joined(separator: ", ") + ".")
    }
    let firstOrder = pairs.matched.map(\.first.name)
    let secondOrder = pairs.matched.sorted { $0.secondIndex < $1.secondIndex }.map(\.first.name)
    if firstOrder != secondOrder {
      evidence.append("The shared parameters come in another order: PyTorch (\(pairs.firstOrderText)), MindSpore (\(pairs.secondOrderText)).")
    }
    if evidence.isEmpty {
      return CriterionVerdict(.parameters, .consistent, "The same \(pairs.matched.count) parameters in the same order (PyTorch (\(pairs.firstOrderText)), MindSpore (\(pairs.secondOrderText))).")
    }
    return CriterionVerdict(.parameters, .differs, evidence.joined(separator: " "), evidence: [
      "PyTorch: \(pairs.firstOrderText)", "MindSpore: \(pairs.secondOrderText)",
    ])
  }

  static func names(_ pairs: SignaturePairing) -> CriterionVerdict {
    guard pairs.isRecorded else { return unrecorded(.names) }
    let renamed = pairs.matched.filter { $0.first.name != $0.second.name }
    if renamed.isEmpty {
      return CriterionVerdict(.names, .consistent, "Every shared parameter has the same name.")
    }
    let list = renamed.map { "`\($0.first.name)` → `\($0.second.name)`" }
    return CriterionVerdict(.names, .differs, "Renamed: " + list.joined(separator: ", ") + ".", evidence: list)
  }

  static func defaults(_ pairs: SignaturePairing, _ result: APIResult, _ first: String, _ second: String) -> CriterionVerdict {
    guard pairs.isRecorded else { return unrecorded(.defaults) }
    var evidence: [String] = []
    for pair in pairs.matched where pair.first.defaultValue != pair.second.defaultValue {
      evidence.append("`\(pair.first.name)`: PyTorch \(pair.first.defaultValue?.pythonLiteral ?? "required"), "
        + "MindSpore `\(pair.second.name)` \(pair.second.defaultValue?.pythonLiteral ?? "required")")
    }
    // The calls that leave every argument at its default.
    for caseResult in result.cases where caseResult.fixtureCase.tags.contains("topic:defaults") {
      let fixtureCase = caseResult.fixtureCase
      guard let a = fixtureCase.call(first)?.outcome, let b = fixtureCase.call(second)?.outcome else { continue }
      // A dtype one framework refuses is the dtype criterion's evidence, not the defaults'.
      let refusesDType = [a, b].contains { if case .error(let e) = $0.result { return e.kind == .dtype } else { return false } }
      if refusesDType { continue }
      if OutcomeClass(a) != OutcomeClass(b) && !OutcomeClass(b).isUnsupported {
        evidence.append("`\(fixtureCase.id)`: \(name(first)) \(describe(a)), \(name(second)) \(describe(b))")
      } else if case .value(let x) = a.result, case .value(let y) = b.result, x.shape != y.shape {
        evidence.append("`\(fixtureCase.id)`: \(describe(x)) against \(describe(y))")
      }
    }
    if evidence.isEmpty {
      return CriterionVerdict(.defaults, .consistent, "Every shared parameter has the same default, and calls at the defaults agree.")
    }
    return CriterionVerdict(.defaults, .differs, "\(evidence.count) default\(evidence.count == 1 ? "" : "s") or default calls differ.", evidence: evidence)
  }

  static func unrecorded(_ criterion: Criterion) -> CriterionVerdict {
    CriterionVerdict(criterion, .unverified, "A framework's signature is not recorded (the API is missing, or the fixture predates signatures).")
  }

  // MARK: - Dtypes

  /// The table allows MindSpore a narrower set of input dtypes; it does not allow a wider one
  /// or another result dtype for the same inputs. The inputs are all of a call's tensors taken
  /// together (`float32 & int32`): a class index's or a weight's dtype counts as much as the
  /// scores', and one framework taking int32 class indices where the other takes only int64
  /// is not a narrower set. A combination counts as wider only where PyTorch refused it with
  /// a dtype error and never returned a value for it.
  static func dtypes(_ result: APIResult, _ first: String, _ second: String) -> CriterionVerdict {
    // Keyed by the combination's text, so that calls with and without an optional tensor of
    // the same dtype (a float32 weight beside float32 scores) count as one `float32`.
    var accepted: [String: Set<String>] = [first: [], second: []]
    var refusedByDType: Set<String> = []
    var inputsOf: [String: [DType]] = [:]
    var secondExample: [String: String] = [:]
    var evidence: [String] = []
    for caseResult in result.cases {
      let fixtureCase = caseResult.fixtureCase
      let inputs = fixtureCase.tensors.map(\.tensor.dtype)
      guard !inputs.isEmpty else { continue }
      let combination = inputs.combinationText
      inputsOf[combination] = inputsOf[combination] ?? inputs
      for key in [first, second] {
        guard let outcome = fixtureCase.call(key)?.outcome else { continue }
        switch outcome.result {
        case .value:
          accepted[key, default: []].insert(combination)
          if key == second, secondExample[combination] == nil { secondExample[combination] = fixtureCase.id }
        case .error(let error) where key == first && error.kind == .dtype:
          refusedByDType.insert(combination)
        case .error:
          break
        }
      }
      if let a = fixtureCase.call(first)?.outcome, let b = fixtureCase.call(second)?.outcome,
        case .value(let x) = a.result, case .value(let y) = b.result, x.dtype != y.dtype
      {
        evidence.append("`\(fixtureCase.id)`: PyTorch returns \(x.dtype.rawValue), MindSpore \(y.dtype.rawValue)")
      }
    }
    let p = accepted[first] ?? [], m = accepted[second] ?? []
    guard !m.isEmpty else {
      return CriterionVerdict(.dtypes, .unverified, "\(name(second)) returned no value on the recording platform, for any dtype.")
    }
    let ordered = { (s: Set<String>) in s.sorted { precedes(inputsOf[$0] ?? [], inputsOf[$1] ?? []) } }
    let wider = ordered(m.subtracting(p).intersection(refusedByDType))
    evidence.insert(
      contentsOf: wider.map { "MindSpore accepts \($0) (`\(secondExample[$0] ?? "")`), which PyTorch refuses." }, at: 0)
    let list = { (s: Set<String>) in ordered(s).joined(separator: ", ") }
    let summary = "PyTorch returns values for \(list(p)); MindSpore for \(list(m))."
    if evidence.isEmpty {
      let narrower = p.subtracting(m)
      return CriterionVerdict(
        .dtypes, .consistent,
        summary + (narrower.isEmpty ? "" : " MindSpore's narrower set (no \(list(narrower))) is allowed by the table's definition."))
    }
    return CriterionVerdict(.dtypes, .differs, summary + " " + (wider.isEmpty ? "Result dtypes differ for the same inputs." : "MindSpore's set is not narrower."), evidence: evidence)
  }

  /// Single-dtype calls first, then by each tensor's dtype in turn: a stable order for the lists.
  static func precedes(_ a: [DType], _ b: [DType]) -> Bool {
    let (uniformA, uniformB) = (!a.mixesDTypes, !b.mixesDTypes)
    if uniformA != uniformB { return uniformA }
    if uniformA { return a[0] < b[0] }
    return a.lexicographicallyPrecedes(b)
  }

  // MARK: - Text

  static func name(_ key: String) -> String { Framework.named(key).displayName }

  static func describe(_ tensor: Tensor) -> String {
    "\(tensor.dtype.rawValue) \(tensor.shape)"
  }

  static func describe(_ outcome: Outcome) -> String {
    switch outcome.result {
    case .value(let t): return "returns " + describe(t)
    case .error(let e): return "raises \(e.kind.rawValue) (\(e.type))"
    }
  }
}

/// Two recorded signatures side by side: parameters matched by position for the leading
/// tensors a loss is called with, by name for the rest.
struct SignaturePairing {
  struct Pair {
    var first: RecordedParameter
    var second: RecordedParameter
    var secondIndex: Int
  }

  var isRecorded: Bool
  var matched: [Pair] = []
  var onlyFirst: [RecordedParameter] = []
  var onlySecond: [RecordedParameter] = []
  var firstOrderText = ""
  var secondOrderText = ""

  /// PyTorch-only parameters the table calls "general differences" (it still calls such a row consistent).
  static let generalDifferences: Set<String> = ["out", "layout", "device", "requires_grad", "pin_memory", "memory_format"]

  init(first: RecordedSignature?, second: RecordedSignature?) {
    guard let first, let second else {
      isRecorded = false
      return
    }
    isRecorded = true
    // A class's parameters: its constructor's, then its call's (the tensors).
    let a = (first.constructor ?? []) + first.call, b = (second.constructor ?? []) + second.call
    let plain = { (p: RecordedParameter) in p.kind != .varPositional && p.kind != .varKeyword }
    let aList = a.filter(plain).filter { !Self.generalDifferences.contains($0.name) }, bList = b.filter(plain)
    // The call's leading required parameters are the tensors: pair them by position.
    let aTensors = first.call.filter { plain($0) && $0.defaultValue == nil }.map(\.name)
    let bTensors = second.call.filter { plain($0) && $0.defaultValue == nil }.map(\.name)
    var usedSecond = Set<String>()
    for parameter in aList {
      var partner: String?
      if let i = aTensors.firstIndex(of: parameter.name), i < bTensors.count {
        partner = bTensors[i]
      } else if bList.contains(where: { $0.name == parameter.name }) && !bTensors.contains(parameter.name) {
        partner = parameter.name
      }
      if let partner, let index = bList.firstIndex(where: { $0.name == partner }), !usedSecond.contains(partner) {
        usedSecond.insert(partner)
        matched.append(Pair(first: parameter, second: bList[index], secondIndex: index))
      } else {
        onlyFirst.append(parameter)
      }
    }
    onlySecond = bList.filter { !usedSecond.contains($0.name) }
    firstOrderText = Self.text(first)
    secondOrderText = Self.text(second)
  }

  /// `reduction='mean', beta=1.0)(input, target` style: constructor then call.
  static func text(_ signature: RecordedSignature) -> String {
    func list(_ parameters: [RecordedParameter]) -> String {
      parameters.map { p in p.defaultValue.map { "\(p.name)=\($0.pythonLiteral)" } ?? p.name }.joined(separator: ", ")
    }
    guard let constructor = signature.constructor else { return list(signature.call) }
    return "(\(list(constructor)))(\(list(signature.call)))"
  }
}
