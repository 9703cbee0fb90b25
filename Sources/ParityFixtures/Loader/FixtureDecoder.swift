import ParityCore

/// Turns a parsed document into a `Fixture`, checking every rule of the contract.
///
/// Keeps the document's bytes so it can quote a number exactly as written and round a
/// literal once to a narrow dtype. Unknown keys are ignored everywhere: the contract allows
/// optional additions, and a version-1 loader must accept a file that has them.
struct FixtureDecoder {
  typealias Reason = FixtureError.Reason

  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  let limits: LoaderLimits
  /// The id of the case being decoded, once read, so every error inside it names it.
  var caseID: String?

  init(bytes: UnsafeBufferPointer<UInt8>, file: String, limits: LoaderLimits) {
    self.bytes = bytes
    self.file = file
    self.limits = limits
  }

  static let format = "api-mapping-fixture"
  static let argumentTypes = "a string, number, boolean, null or {\"tensor\": NAME}"

  func failure(_ reason: Reason, at path: JSONPath) -> FixtureError {
    FixtureError(file: file, caseID: caseID, location: .path(path), reason: reason)
  }

  mutating func fixture(from root: JSONValue) throws(FixtureError) -> Fixture {
    caseID = nil
    guard case .object(let document) = root else { throw failure(.notAnObject(found: root.kind), at: .root) }
    let path = JSONPath.root

    let format = try string(required("format", in: document, at: path), at: path.appending("format"))
    guard format == Self.format else { throw failure(.wrongFormat(format), at: path.appending("format")) }

    let versionPath = path.appending("version")
    let versionValue = try required("version", in: document, at: path)
    guard case .number(let version) = versionValue else {
      throw failure(.wrongType(expected: "a number", found: versionValue.kind), at: versionPath)
    }
    guard version.double == 1 else { throw failure(.unsupportedVersion(literalText(version)), at: versionPath) }

    let api = try string(required("api", in: document, at: path), at: path.appending("api"))
    let frameworks = try frameworkInfos(required("frameworks", in: document, at: path), at: path.appending("frameworks"))
    var recorder: [(key: String, value: String)] = []
    if let value = document["recorder"] {
      recorder = try recorderEntries(value, at: path.appending("recorder"))
    }

    let casesPath = path.appending("cases")
    let caseValues = try array(required("cases", in: document, at: path), at: casesPath)
    var cases: [FixtureCase] = []
    cases.reserveCapacity(caseValues.count)
    var firstIndexOfID: [String: Int] = [:]
    for (index, value) in caseValues.enumerated() {
      cases.append(try fixtureCase(value, index: index, at: casesPath.appending(index), firstIndexOfID: &firstIndexOfID))
    }
    caseID = nil
    return Fixture(path: file, api: api, frameworks: frameworks, recorder: recorder, cases: cases)
  }

  func frameworkInfos(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> [FrameworkInfo] {
    let frameworks = try object(value, at: path)
    var infos: [FrameworkInfo] = []
    for member in frameworks.members {
      let entryPath = path.appending(member.key)
      let entry = try object(member.value, at: entryPath)
      var fields: [String: String] = [:]
      for field in entry.members {
        if case .string(let text) = field.value { fields[field.key] = text }
      }
      var signature: RecordedSignature?
      if let value = entry["signature"] { signature = try self.signature(value, at: entryPath.appending("signature")) }
      infos.append(FrameworkInfo(
        key: member.key,
        api: try optionalString("api", in: entry, at: entryPath),
        package: try optionalString("package", in: entry, at: entryPath),
        version: try optionalString("version", in: entry, at: entryPath),
        device: try optionalString("device", in: entry, at: entryPath),
        fields: fields, signature: signature))
    }
    return infos
  }

  /// Provenance is free-form: scalars become their text (numbers exactly as written), and
  /// anything nested becomes compact JSON, so nothing a recorder wrote is lost.
  func recorderEntries(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> [(key: String, value: String)] {
    let recorder = try object(value, at: path)
    return recorder.members.map { member in
      switch member.value {
      case .string(let text): return (member.key, text)
      default: return (member.key, JSONText.render(member.value, number: literalText))
      }
    }
  }

  mutating func fixtureCase(
    _ value: JSONValue, index: Int, at path: JSONPath, firstIndexOfID: inout [String: Int]
  ) throws(FixtureError) -> FixtureCase {
    caseID = nil
    let object = try self.object(value, at: path)
    let id = try string(required("id", in: object, at: path), at: path.appending("id"))
    caseID = id
    if let first = firstIndexOfID[id] { throw failure(.duplicateCaseID(id, firstIndex: first), at: path.appending("id")) }
    firstIndexOfID[id] = index

    var tags: [String] = []
    if let value = object["tags"] { tags = try strings(value, at: path.appending("tags")) }

    let tensorsPath = path.appending("tensors")
    let tensorObject = try self.object(required("tensors", in: object, at: path), at: tensorsPath)
    var tensors: [(name: String, tensor: Tensor)] = []
    tensors.reserveCapacity(tensorObject.count)
    for member in tensorObject.members {
      tensors.append((member.key, try tensor(member.value, at: tensorsPath.appending(member.key))))
    }
    let tensorNames = Set(tensors.map(\.name))

    let callsPath = path.appending("calls")
    let callObject = try self.object(required("calls", in: object, at: path), at: callsPath)
    var calls: [RecordedCall] = []
    for member in callObject.members {
      calls.append(try call(member.value, framework: member.key, tensorNames: tensorNames, at: callsPath.appending(member.key)))
    }
    return FixtureCase(id: id, tags: tags, tensors: tensors, calls: calls, index: index)
  }

  func call(_ value: JSONValue, framework: String, tensorNames: Set<String>, at path: JSONPath) throws(FixtureError) -> RecordedCall {
    let object = try self.object(value, at: path)
    var arguments: [(name: String, value: Argument)] = []
    if let argsValue = object["args"] {
      arguments = try self.arguments(argsValue, tensorNames: tensorNames, at: path.appending("args"))
    } else if framework != RecordedCall.exactKey {
      // Only the exact reference has no arguments; for a framework, no `args` would read as
      // "called with all defaults", which a recorder always writes as `{}`.
      throw failure(.missingField("args"), at: path)
    }
    var constructorArguments: [(name: String, value: Argument)]?
    if let initValue = object["init_args"] {
      constructorArguments = try self.arguments(initValue, tensorNames: tensorNames, at: path.appending("init_args"))
    }
    let outcome = try self.outcome(required("outcome", in: object, at: path), at: path.appending("outcome"))
    var tolerance: Tolerance?
    if let value = object["tolerance"] { tolerance = try self.tolerance(value, at: path.appending("tolerance")) }
    return RecordedCall(
      framework: framework, arguments: arguments, constructorArguments: constructorArguments, outcome: outcome,
      tolerance: tolerance)
  }

  /// An `args` or `init_args` object, in the file's order.
  func arguments(_ value: JSONValue, tensorNames: Set<String>, at path: JSONPath) throws(FixtureError) -> [(name: String, value: Argument)] {
    let members = try object(value, at: path).members
    var arguments: [(name: String, value: Argument)] = []
    arguments.reserveCapacity(members.count)
    for member in members {
      arguments.append((member.key, try argument(member.value, tensorNames: tensorNames, at: path.appending(member.key))))
    }
    return arguments
  }

  func argument(_ value: JSONValue, tensorNames: Set<String>, at path: JSONPath) throws(FixtureError) -> Argument {
    switch value {
    case .string(let text): return .string(text)
    case .number(let number):
      if let integer = number.integer { return .integer(integer) }
      return .number(number.double)
    case .bool(let flag): return .bool(flag)
    case .null: return .null
    case .object(let reference):
      guard let nameValue = reference["tensor"] else {
        throw failure(.wrongType(expected: Self.argumentTypes, found: .object), at: path)
      }
      let name = try string(nameValue, at: path.appending("tensor"))
      guard tensorNames.contains(name) else { throw failure(.unknownTensor(name), at: path.appending("tensor")) }
      return .tensor(name)
    case .array, .numbers:
      throw failure(.wrongType(expected: Self.argumentTypes, found: .array), at: path)
    }
  }

  func outcome(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> Outcome {
    let object = try self.object(value, at: path)
    let valueField = object["value"]
    let errorField = object["error"]
    var warnings: [String] = []
    if let value = object["warnings"] { warnings = try strings(value, at: path.appending("warnings")) }
    switch (valueField, errorField) {
    case (let tensorValue?, nil):
      let first = try tensor(tensorValue, at: path.appending("value"))
      var more: [Tensor] = []
      if let moreValue = object["more_values"] {
        let morePath = path.appending("more_values")
        for (index, element) in try array(moreValue, at: morePath).enumerated() {
          more.append(try tensor(element, at: morePath.appending(index)))
        }
      }
      return Outcome(.value(first), warnings: warnings, moreValues: more)
    case (nil, let errorValue?):
      if object["more_values"] != nil {
        throw failure(.fieldNotAllowed("more_values", reason: "beside \"error\" (it continues a \"value\")"), at: path)
      }
      return Outcome(.error(try recordedError(errorValue, at: path.appending("error"))), warnings: warnings)
    default:
      let found = valueField == nil ? [] : ["value", "error"]
      throw failure(.exactlyOneOf(["value", "error"], found: found), at: path)
    }
  }

  func recordedError(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> RecordedError {
    let object = try self.object(value, at: path)
    let kindName = try string(required("kind", in: object, at: path), at: path.appending("kind"))
    guard let kind = ErrorKind(rawValue: kindName) else { throw failure(.unknownErrorKind(kindName), at: path.appending("kind")) }
    let type = try string(required("type", in: object, at: path), at: path.appending("type"))
    let message = try string(required("message", in: object, at: path), at: path.appending("message"))
    return RecordedError(kind: kind, type: type, message: message)
  }

  func tolerance(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> Tolerance {
    let object = try self.object(value, at: path)
    func bound(_ name: String) throws(FixtureError) -> Double {
      let boundPath = path.appending(name)
      let value = try required(name, in: object, at: path)
      guard case .number(let number) = value else {
        throw failure(.wrongType(expected: "a number", found: value.kind), at: boundPath)
      }
      guard number.double.isFinite, number.double >= 0 else {
        throw failure(.invalidTolerance(literalText(number)), at: boundPath)
      }
      return number.double
    }
    return Tolerance(rtol: try bound("rtol"), atol: try bound("atol"))
  }
}
