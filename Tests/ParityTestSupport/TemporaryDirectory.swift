import Foundation

/// A fresh directory under the system's temporary folder, removed when the test is done with it.
public struct TemporaryDirectory: Sendable {
  public let url: URL
  public var path: String { url.path }

  public init(prefix: String = "parity-test") throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  /// Writes `contents` at `relativePath`, creating intermediate folders; returns the full path.
  @discardableResult
  public func write(_ contents: String, to relativePath: String) throws -> String {
    try write(Data(contents.utf8), to: relativePath)
  }

  @discardableResult
  public func write(_ contents: Data, to relativePath: String) throws -> String {
    let file = url.appendingPathComponent(relativePath)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: file)
    return file.path
  }

  public func remove() {
    try? FileManager.default.removeItem(at: url)
  }
}
