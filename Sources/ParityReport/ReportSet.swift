import Foundation
import Parity

#if canImport(Glibc)
import Glibc
private let posixWrite = Glibc.write
#elseif canImport(Musl)
import Musl
private let posixWrite = Musl.write
#elseif canImport(Darwin)
import Darwin
private let posixWrite = Darwin.write
#endif

/// Every report file of a run, rendered in memory first so a failure while rendering
/// leaves the files on disk as they were.
public struct ReportSet {
  /// File name (relative to the reports folder, `figures/…` for figures) and contents, in a
  /// fixed order: each report followed by its figures, then the index.
  public var files: [(name: String, contents: String)]

  public init(_ run: RunResult) {
    let reports = run.apis.map(MappingReport.init)
    files = reports.flatMap { report -> [(name: String, contents: String)] in
      let (markdown, figures) = report.rendered()
      return [(report.fileName, markdown)] + figures.map { ($0.path, $0.svg) }
    }
    files.append((ReportIndex.fileName, ReportIndex(run, reports: reports).markdown))
  }

  /// Writes every file into `directory` (created if needed) so that a failure or a kill at
  /// any point leaves each report whole: the old one or the new one, never part of one.
  ///
  /// First every target is checked to be replaceable (not a folder), then every file is
  /// written to a fresh temporary sibling, and only then is each renamed over its target. A
  /// failure before the renames removes the temporaries and leaves the folder as it was.
  /// Files are written only inside `directory` (a report's figures in its subfolder); a
  /// symbolic link at a report's name is replaced, never written through.
  public func write(to directory: String) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let targets = files.map { (directory as NSString).appendingPathComponent($0.name) }
    for target in targets where AtomicFile.isDirectory(target) {
      throw AtomicFile.WriteError(path: target, code: EISDIR)
    }
    for target in targets {
      // Figures live in a subfolder (`figures/`); everything else is a direct child.
      try FileManager.default.createDirectory(
        atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    }
    var temporaries: [String] = []
    do {
      for (file, target) in zip(files, targets) {
        temporaries.append(try AtomicFile.temporary(file.contents, beside: target))
      }
    } catch {
      for temporary in temporaries { unlink(temporary) }
      throw error
    }
    for (index, (temporary, target)) in zip(temporaries, targets).enumerated() {
      do {
        try AtomicFile.commit(temporary, to: target)
      } catch {
        for later in temporaries[(index + 1)...] { unlink(later) }
        throw error
      }
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
///
/// The temporary is created new (`O_CREAT | O_EXCL | O_NOFOLLOW`) under a name no other
/// writer uses, so nothing planted at that name is written through, and `rename` replaces
/// whatever is at the target's name (a symbolic link included) without following it.
public enum AtomicFile {
  /// A failed write: the file and the system's message.
  public struct WriteError: Error, LocalizedError, CustomStringConvertible {
    public var path: String
    public var code: Int32

    public init(path: String, code: Int32) {
      self.path = path
      self.code = code
    }

    public var description: String {
      let message = strerror(code).map { String(cString: $0) } ?? "error \(code)"
      return "\(path): \(message)"
    }

    public var errorDescription: String? { description }
  }

  public static func write(_ contents: String, to path: String) throws {
    guard !isDirectory(path) else { throw WriteError(path: path, code: EISDIR) }
    try commit(try temporary(contents, beside: path), to: path)
  }

  /// Whether `path` is a folder (not following a symbolic link: a link is replaced).
  static func isDirectory(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
  }

  private static let counter = Counter()

  /// Writes `contents` to a new file beside `path`, flushed to disk, and returns its path.
  static func temporary(_ contents: String, beside path: String) throws -> String {
    let directory = (path as NSString).deletingLastPathComponent
    let prefix = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())-"
    var descriptor: Int32 = -1
    var temporary = ""
    while descriptor < 0 {
      temporary = prefix + String(counter.next())
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
      if descriptor < 0 && errno != EEXIST { throw WriteError(path: temporary, code: errno) }
    }
    defer { close(descriptor) }
    var bytes = Array(contents.utf8)
    let failure: Int32? = bytes.withUnsafeMutableBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = posixWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return fsync(descriptor) == 0 ? nil : errno
    }
    if let failure {
      unlink(temporary)
      throw WriteError(path: temporary, code: failure)
    }
    return temporary
  }

  /// Renames `temporary` over `path`; on failure removes `temporary`.
  static func commit(_ temporary: String, to path: String) throws {
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw WriteError(path: path, code: code)
    }
  }

  /// Numbers temporaries within the process, so concurrent writers never share a name.
  private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
      lock.lock()
      defer { lock.unlock() }
      value += 1
      return value
    }
  }
}
