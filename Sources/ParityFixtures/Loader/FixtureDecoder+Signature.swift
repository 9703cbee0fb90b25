/// The optional `frameworks.<key>.signature` extension.
extension FixtureDecoder {
  func signature(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> RecordedSignature {
    let object = try self.object(value, at: path)
    var constructor: [RecordedParameter]?
    if let value = object["constructor"] { constructor = try parameters(value, at: path.appending("constructor")) }
    let call = try parameters(required("call", in: object, at: path), at: path.appending("call"))
    return RecordedSignature(constructor: constructor, call: call)
  }

  func parameters(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> [RecordedParameter] {
    var result: [RecordedParameter] = []
    for (index, element) in try array(value, at: path).enumerated() {
      let parameterPath = path.appending(index)
      let object = try self.object(element, at: parameterPath)
      let name = try string(required("name", in: object, at: parameterPath), at: parameterPath.appending("name"))
      guard !result.contains(where: { $0.name == name }) else {
        throw failure(.duplicateParameter(name), at: parameterPath.appending("name"))
      }
      let kindPath = parameterPath.appending("kind")
      let kindName = try string(required("kind", in: object, at: parameterPath), at: kindPath)
      guard let kind = RecordedParameter.Kind(rawValue: kindName) else { throw failure(.unknownParameterKind(kindName), at: kindPath) }
      var defaultValue: RecordedDefault?
      if let value = object["default"] { defaultValue = try self.defaultValue(value, at: parameterPath.appending("default")) }
      result.append(RecordedParameter(name: name, kind: kind, defaultValue: defaultValue))
    }
    return result
  }

  /// A JSON scalar, or `{"repr": "..."}` for a default JSON cannot hold.
  func defaultValue(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> RecordedDefault {
    let expected = "a string, number, boolean, null or {\"repr\": TEXT}"
    switch value {
    case .string(let text): return .string(text)
    case .number(let number):
      if let integer = number.integer { return .integer(integer) }
      return .number(number.double)
    case .bool(let flag): return .bool(flag)
    case .null: return .null
    case .object(let object):
      guard let repr = object["repr"] else { throw failure(.wrongType(expected: expected, found: .object), at: path) }
      return .repr(try string(repr, at: path.appending("repr")))
    case .array, .numbers:
      throw failure(.wrongType(expected: expected, found: .array), at: path)
    }
  }
}
