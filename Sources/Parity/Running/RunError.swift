/// Why a run could not start: the fixtures ask for something Parity does not have.
public enum RunError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A fixture's `api` has no mapping in the registry.
  case unknownAPI(file: String, api: String, known: [String])

  public var description: String {
    switch self {
    case .unknownAPI(let file, let api, let known):
      return "\(file): api: unknown API \"\(api)\" (Parity knows: \(known.joined(separator: ", ")))"
    }
  }
}
