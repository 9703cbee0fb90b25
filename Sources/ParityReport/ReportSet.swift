import Foundation
import Parity

/// Every report file of a run, rendered in memory first so a failure while rendering
/// leaves the files on disk as they were.
public struct ReportSet {
  /// File name (relative to the reports folder, `figures/…` for figures) and contents, in a
  /// fixed order: each report followed by its figures, then the index.
  public var files: [(name: String, contents: String)]

  public init(_ run: RunResult) {
    files = run.apis.flatMap { api -> [(name: String, contents: String)] in
      let report = MappingReport(api)
      return [(report.fileName, report.markdown)] + report.figures.map { ($0.path, $0.svg) }
    }
    files.append((ReportIndex.fileName, ReportIndex(run).markdown))
  }

  /// Writes each file atomically into `directory`, creating it and any subfolder as needed.
  public func write(to directory: String) throws {
    for file in files {
      let path = (directory as NSString).appendingPathComponent(file.name)
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try AtomicFile.write(file.contents, to: path)
    }
  }

  /// The names of files whose contents on disk differ from this set (missing ones included).
  public func stale(in directory: String) -> [String] {
    files.filter { file in
      let path = (directory as NSString).appendingPathComponent(file.name)
      return (try? String(contentsOfFile: path, encoding: .utf8)) != file.contents
    }.map(\.name)
  }
}

/// Writes a file by writing a temporary sibling and renaming it over the target, so readers
/// see the old file or the new one, never half of one.
public enum AtomicFile {
  public static func write(_ contents: String, to path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(contents.utf8)) else {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
    }
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }
  }
}
