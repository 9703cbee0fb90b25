import ParityCore

/// One fixture file: the golden outcomes of one API mapping, as recorded from the frameworks.
public struct Fixture: Sendable {
  /// The path the fixture was read from, as given to the loader; errors and reports name it.
  public var path: String
  /// The mapping's id, looked up in the harness's registry (for example `SoftMarginLoss`).
  public var api: String
  /// Which framework API each framework key was recorded from, in the file's key order.
  public var frameworks: [FrameworkInfo]
  /// Free-form provenance, kept as text pairs in the file's order.
  public var recorder: [(key: String, value: String)]
  public var cases: [FixtureCase]

  public init(
    path: String, api: String, frameworks: [FrameworkInfo],
    recorder: [(key: String, value: String)], cases: [FixtureCase]
  ) {
    self.path = path
    self.api = api
    self.frameworks = frameworks
    self.recorder = recorder
    self.cases = cases
  }

  public func framework(_ key: String) -> FrameworkInfo? {
    frameworks.first { $0.key == key }
  }
}

/// A `frameworks` entry: the recorded framework's API, package and version.
public struct FrameworkInfo: Sendable, Equatable {
  /// The key used under `calls` (`pytorch`, `mindspore`, or any other a recorder chose).
  public var key: String
  public var api: String?
  public var package: String?
  public var version: String?
  public var device: String?
  /// Every string-valued field of the entry, including the ones above.
  public var fields: [String: String]
  /// The API as the installed framework declares it, when the recorder wrote it.
  public var signature: RecordedSignature?

  public init(
    key: String, api: String?, package: String?, version: String?, device: String?, fields: [String: String],
    signature: RecordedSignature? = nil
  ) {
    self.key = key
    self.api = api
    self.package = package
    self.version = version
    self.device = device
    self.fields = fields
    self.signature = signature
  }
}
