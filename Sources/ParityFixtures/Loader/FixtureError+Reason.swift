import ParityCore

extension FixtureError {
  /// One case per class of refusal, so a caller can tell them apart without reading text.
  public enum Reason: Sendable, Equatable {
    // Reading the file.
    /// The file or folder could not be opened or read; the payload is the system's message.
    case unreadable(String)
    case fileTooLarge(bytes: Int, limit: Int)

    // Parsing it (these come with a line and column).
    /// Not JSON: the payload says what the parser expected.
    case notJSON(String)
    case invalidUTF8
    case duplicateKey(String)
    case nestingTooDeep(limit: Int)
    case stringTooLong(limit: Int)
    case tooManyNumbers(limit: Int)

    // The document's structure.
    case notAnObject(found: JSONValue.Kind)
    /// `format` is not `api-mapping-fixture`; the payload is what it was.
    case wrongFormat(String)
    /// `version` is a number other than 1; the payload is its literal.
    case unsupportedVersion(String)
    case missingField(String)
    /// A field holds the wrong JSON type; `expected` reads "a string", "an object", ...
    case wrongType(expected: String, found: JSONValue.Kind)
    /// A case id used before, by `cases[firstIndex]`.
    case duplicateCaseID(String, firstIndex: Int)

    // Tensors.
    case unknownDType(String)
    /// A dimension that is negative or not an integer literal; the payload is the value.
    case invalidDimension(String)
    /// The product of the dimensions does not fit `Int`; the payload is the shape as written.
    case elementCountOverflow(shape: String)
    /// The shape has more elements than `LoaderLimits.maxElementsPerTensor`.
    case tooManyElements(count: Int, limit: Int)
    /// `data` has `count` values where the shape needs another number.
    case dataLengthMismatch(count: Int, shape: [Int])
    /// A `data` value that is not a value of the dtype: out of range, not an integer for an
    /// integer dtype, the wrong JSON type, an unknown string, a byte other than 0 or 1 for bool.
    case valueDoesNotFit(value: String, dtype: DType)
    /// Not exactly one of the named fields (`data`/`base64`, `value`/`error`) is present.
    case exactlyOneOf([String], found: [String])
    case invalidBase64(Base64Error)
    /// `base64` decodes to `bytes` bytes where the shape and dtype need `expected`.
    case byteCountMismatch(bytes: Int, expected: Int, dtype: DType)

    // Calls.
    /// `{"tensor": NAME}` names no tensor of the case.
    case unknownTensor(String)
    case unknownErrorKind(String)
    /// `rtol` or `atol` is negative or not finite; the payload is the literal.
    case invalidTolerance(String)
    /// A field that the contract allows only beside another (`more_values` beside `value`).
    case fieldNotAllowed(String, reason: String)

    // Signatures.
    /// A parameter `kind` that is not one of `inspect.Parameter`'s five.
    case unknownParameterKind(String)
    /// A parameter name used twice in one parameter list.
    case duplicateParameter(String)
  }
}

extension FixtureError.Reason: CustomStringConvertible {
  public var description: String {
    switch self {
    case .unreadable(let message):
      return "cannot read: \(message)"
    case .fileTooLarge(let bytes, let limit):
      return "file is \(bytes) bytes, more than the limit of \(limit)"
    case .notJSON(let message):
      return "not JSON: \(message)"
    case .invalidUTF8:
      return "invalid UTF-8 in a string"
    case .duplicateKey(let key):
      return "duplicate key \(JSONText.quoted(key, limit: 64))"
    case .nestingTooDeep(let limit):
      return "arrays and objects nest deeper than \(limit) levels"
    case .stringTooLong(let limit):
      return "string longer than \(limit) bytes"
    case .tooManyNumbers(let limit):
      return "more than \(limit) numbers in the file"
    case .notAnObject(let found):
      return "expected an object at the top level, found \(found)"
    case .wrongFormat(let format):
      return "format is \(JSONText.quoted(format, limit: 64)), expected \"api-mapping-fixture\""
    case .unsupportedVersion(let version):
      return "unsupported version \(version) (this loader reads version 1)"
    case .missingField(let name):
      return "missing required field \(JSONText.quoted(name))"
    case .wrongType(let expected, let found):
      return "expected \(expected), found \(found)"
    case .duplicateCaseID(let id, let firstIndex):
      return "duplicate case id \(JSONText.quoted(id, limit: 200)) (first used by cases[\(firstIndex)])"
    case .unknownDType(let name):
      return "unknown dtype \(JSONText.quoted(name, limit: 64)) (expected one of \(DType.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .invalidDimension(let value):
      return "dimension \(value) is not a non-negative integer"
    case .elementCountOverflow(let shape):
      return "the element count of shape \(shape) overflows"
    case .tooManyElements(let count, let limit):
      return "\(count) elements, more than the limit of \(limit)"
    case .dataLengthMismatch(let count, let shape):
      return "\(count) value\(count == 1 ? "" : "s") for shape \(shape)"
    case .valueDoesNotFit(let value, let dtype):
      return "\(value) is not a \(dtype.rawValue) value"
    case .exactlyOneOf(let names, let found):
      let expected = names.map { JSONText.quoted($0) }.joined(separator: " and ")
      let seen = found.isEmpty ? "neither" : found.count == names.count && names.count == 2 ? "both" : found.map { JSONText.quoted($0) }.joined(separator: ", ")
      return "expected exactly one of \(expected), found \(seen)"
    case .invalidBase64(let error):
      return "invalid base64: \(error)"
    case .byteCountMismatch(let bytes, let expected, let dtype):
      return "base64 holds \(bytes) bytes, expected \(expected) (\(expected / dtype.byteWidth) \(dtype.rawValue) elements)"
    case .unknownTensor(let name):
      return "no tensor named \(JSONText.quoted(name, limit: 64)) in this case"
    case .unknownErrorKind(let kind):
      return "unknown error kind \(JSONText.quoted(kind, limit: 64)) (expected one of \(ErrorKind.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .invalidTolerance(let value):
      return "tolerance \(value) is not a finite non-negative number"
    case .fieldNotAllowed(let name, let reason):
      return "field \(JSONText.quoted(name)) is not allowed \(reason)"
    case .unknownParameterKind(let kind):
      return "unknown parameter kind \(JSONText.quoted(kind, limit: 64)) (expected one of \(RecordedParameter.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"
    case .duplicateParameter(let name):
      return "parameter \(JSONText.quoted(name, limit: 64)) is listed twice"
    }
  }
}
