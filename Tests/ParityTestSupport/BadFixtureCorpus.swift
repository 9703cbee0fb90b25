import Foundation
import ParityFixtures

/// The bad-fixture corpus in `Tests/ParityFixturesTests/Corpus/bad`: malformed fixture files
/// and `EXPECTED.tsv`, which gives for each the reason, the loader flags it needs, and the
/// exact error after "<file>: ". Shared by the loader's tests and the command line's.
public enum BadFixtureCorpus {
  public struct Entry: Sendable {
    /// The file's name in `directory`.
    public var file: String
    /// The `FixtureError.Reason` case, by name (see `reasonName(_:)`).
    public var reason: String
    /// Command-line limit flags (`--max-depth=4`); empty for the defaults.
    public var flags: [String]
    /// The error as printed after "<path>: ": case, JSON path or line and column, reason.
    public var message: String

    public var path: String { BadFixtureCorpus.directory.appendingPathComponent(file).path }

    /// The loader limits `flags` ask for.
    public var limits: LoaderLimits {
      var limits = LoaderLimits()
      for flag in flags {
        let parts = flag.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let value = Int(parts[1]) else { preconditionFailure("bad flag \(flag) in EXPECTED.tsv") }
        switch parts[0] {
        case "--max-elements": limits.maxElementsPerTensor = value
        case "--max-file-bytes": limits.maxFileBytes = value
        case "--max-depth": limits.maxNestingDepth = value
        case "--max-string-length": limits.maxStringLength = value
        case "--max-numbers": limits.maxNumbersPerFile = value
        default: preconditionFailure("unknown flag \(flag) in EXPECTED.tsv")
        }
      }
      return limits
    }
  }

  public static var directory: URL {
    ParityProcess.packageRoot.appendingPathComponent("Tests/ParityFixturesTests/Corpus/bad")
  }

  public static var manifest: URL { directory.appendingPathComponent("EXPECTED.tsv") }

  /// The rows of `EXPECTED.tsv`, in its order (comments and blank lines skipped).
  public static func entries() throws -> [Entry] {
    let text = try String(contentsOf: manifest, encoding: .utf8)
    return try text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line -> Entry? in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 4 else {
        throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "EXPECTED.tsv: not 4 fields: \(line)"])
      }
      let flags = fields[2] == "-" ? [] : fields[2].split(separator: " ").map(String.init)
      return Entry(file: fields[0], reason: fields[1], flags: flags, message: fields[3])
    }
  }

  /// The `*.json` files in the corpus folder, sorted.
  public static func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
  }

  /// Every reason the contract (and the limits) can give, by the names `reasonName` uses;
  /// `unreadable` is left out: a committed file cannot be unreadable.
  public static let contractReasons = [
    "fileTooLarge", "notJSON", "invalidUTF8", "duplicateKey", "nestingTooDeep", "stringTooLong",
    "tooManyNumbers", "notAnObject", "wrongFormat", "unsupportedVersion", "missingField", "wrongType", "duplicateCaseID",
    "unknownDType", "invalidDimension", "elementCountOverflow", "tooManyElements", "dataLengthMismatch",
    "valueDoesNotFit", "exactlyOneOf", "invalidBase64", "byteCountMismatch", "unknownTensor",
    "unknownErrorKind", "invalidTolerance", "fieldNotAllowed", "unknownParameterKind", "duplicateParameter",
  ]

  /// The case name of a reason; exhaustive, so a new reason must be named here (and given a
  /// corpus file) before the tests compile.
  public static func reasonName(_ reason: FixtureError.Reason) -> String {
    switch reason {
    case .unreadable: return "unreadable"
    case .fileTooLarge: return "fileTooLarge"
    case .notJSON: return "notJSON"
    case .invalidUTF8: return "invalidUTF8"
    case .duplicateKey: return "duplicateKey"
    case .nestingTooDeep: return "nestingTooDeep"
    case .stringTooLong: return "stringTooLong"
    case .tooManyNumbers: return "tooManyNumbers"
    case .notAnObject: return "notAnObject"
    case .wrongFormat: return "wrongFormat"
    case .unsupportedVersion: return "unsupportedVersion"
    case .missingField: return "missingField"
    case .wrongType: return "wrongType"
    case .duplicateCaseID: return "duplicateCaseID"
    case .unknownDType: return "unknownDType"
    case .invalidDimension: return "invalidDimension"
    case .elementCountOverflow: return "elementCountOverflow"
    case .tooManyElements: return "tooManyElements"
    case .dataLengthMismatch: return "dataLengthMismatch"
    case .valueDoesNotFit: return "valueDoesNotFit"
    case .exactlyOneOf: return "exactlyOneOf"
    case .invalidBase64: return "invalidBase64"
    case .byteCountMismatch: return "byteCountMismatch"
    case .unknownTensor: return "unknownTensor"
    case .unknownErrorKind: return "unknownErrorKind"
    case .invalidTolerance: return "invalidTolerance"
    case .fieldNotAllowed: return "fieldNotAllowed"
    case .unknownParameterKind: return "unknownParameterKind"
    case .duplicateParameter: return "duplicateParameter"
    }
  }
}
