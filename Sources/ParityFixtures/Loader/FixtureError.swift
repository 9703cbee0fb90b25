import ParityCore

/// Why a fixture was refused: the file, the case (once its id is known), where in the
/// document, and a typed reason that tests and tools can match on.
///
/// Prints as `Fixtures/x.json: case "f32/2x2/mean": cases[3].tensors.x.data: 3 values for
/// shape [2, 2]`; a JSON syntax error gives `line L, column C` in place of the path.
public struct FixtureError: Error, Sendable, Equatable {
  public enum Location: Sendable, Equatable {
    /// A value in the parsed document; the root path means the document (or file) itself.
    case path(JSONPath)
    /// A position in the text, for errors found while parsing it.
    case text(TextPosition, offset: Int)
  }

  /// The file as given to the loader.
  public var file: String
  /// The id of the case the error is in, when it is in one whose id has been read.
  public var caseID: String?
  public var location: Location
  public var reason: Reason

  public init(file: String, caseID: String? = nil, location: Location, reason: Reason) {
    self.file = file
    self.caseID = caseID
    self.location = location
    self.reason = reason
  }

  /// The JSON path, for errors found after parsing.
  public var jsonPath: JSONPath? {
    if case .path(let path) = location { return path }
    return nil
  }
}

extension FixtureError: CustomStringConvertible {
  public var description: String {
    var parts = [file]
    if let caseID { parts.append("case " + JSONText.quoted(caseID, limit: 200)) }
    switch location {
    case .path(let path): if !path.isRoot { parts.append(path.description) }
    case .text(let position, _): parts.append(position.description)
    }
    parts.append(reason.description)
    return parts.joined(separator: ": ")
  }
}
