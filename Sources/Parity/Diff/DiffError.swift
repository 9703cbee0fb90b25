/// Why two fixture sets cannot be compared.
public enum DiffError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Cases are matched by id within an API, so an id must not repeat across an API's files
  /// (the contract only makes it unique within one file).
  case duplicateCase(side: String, api: String, id: String, files: [String])

  public var description: String {
    switch self {
    case .duplicateCase(let side, let api, let id, let files):
      return "\(side): API \(api) has the case id \"\(id)\" in more than one file (\(files.joined(separator: ", "))); "
        + "a diff matches cases by id, so ids must be unique across an API's files"
    }
  }
}
