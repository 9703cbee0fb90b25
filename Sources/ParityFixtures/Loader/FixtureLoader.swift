import ParityCore

/// Reads fixture files (version 1 of the format in `shared/fixture-format.md`) into
/// `Fixture` values, refusing anything the contract does not allow with a `FixtureError`
/// that names the file, the case and the JSON path.
///
/// A value type holding only its limits: loading has no shared state, so one loader can be
/// used from any number of threads.
public struct FixtureLoader: Sendable {
  public var limits: LoaderLimits

  public init(limits: LoaderLimits = LoaderLimits()) {
    self.limits = limits
  }

  /// Reads and decodes the file at `path`; errors and the fixture name `path` as given.
  public func load(contentsOf path: String) throws(FixtureError) -> Fixture {
    let bytes = try FileReader.contents(of: path, limit: limits.maxFileBytes)
    return try load(bytes: bytes, path: path)
  }

  /// Decodes a fixture held in memory; `path` is only what errors and the fixture call it.
  public func load(bytes: [UInt8], path: String) throws(FixtureError) -> Fixture {
    try bytes.withUnsafeBufferPointer { (buffer) throws(FixtureError) -> Fixture in
      try load(buffer: buffer, path: path)
    }
  }

  public func load(bytes: UnsafeRawBufferPointer, path: String) throws(FixtureError) -> Fixture {
    try load(buffer: UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count), path: path)
  }

  /// Every fixture under `roots`, in the order of `discover(_:)`. Stops at the first file
  /// that is refused: a run on a partly unreadable fixture set would be silently partial.
  public func loadAll(from roots: [String]) throws(FixtureError) -> [Fixture] {
    // Files decode on all cores; the error reported is the first in path order, as a serial
    // load would report it, whatever finished first.
    let loaded = try Self.discover(roots).concurrentMap { path in
      Result { () throws(FixtureError) -> Fixture in try load(contentsOf: path) }
    }
    return try loaded.map { (result) throws(FixtureError) -> Fixture in try result.get() }
  }

  func load(buffer: UnsafeBufferPointer<UInt8>, path: String) throws(FixtureError) -> Fixture {
    guard buffer.count <= limits.maxFileBytes else {
      throw FixtureError(file: path, location: .path(.root), reason: .fileTooLarge(bytes: buffer.count, limit: limits.maxFileBytes))
    }
    let document: JSONValue
    do throws(JSONError) {
      document = try JSONParser(options: limits.parserOptions).parse(buffer)
    } catch {
      let position = TextPosition(offset: error.offset, in: buffer)
      throw FixtureError(file: path, location: .text(position, offset: error.offset), reason: FixtureError.Reason(error.kind))
    }
    var decoder = FixtureDecoder(bytes: buffer, file: path, limits: limits)
    return try decoder.fixture(from: document)
  }
}

extension FixtureError.Reason {
  init(_ kind: JSONError.Kind) {
    switch kind {
    case .syntax(let message): self = .notJSON(message)
    case .invalidUTF8: self = .invalidUTF8
    case .duplicateKey(let key): self = .duplicateKey(key)
    case .nestingTooDeep(let limit): self = .nestingTooDeep(limit: limit)
    case .stringTooLong(let limit): self = .stringTooLong(limit: limit)
    case .tooManyNumbers(let limit): self = .tooManyNumbers(limit: limit)
    }
  }
}
