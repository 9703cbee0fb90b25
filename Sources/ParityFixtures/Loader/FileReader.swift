#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and directory listings through POSIX, so a size limit is checked from
/// `fstat` before a byte is read and every failure carries the system's own message.
enum FileReader {
  static func systemMessage(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
  }

  static func unreadable(_ path: String, _ message: String) -> FixtureError {
    FixtureError(file: path, location: .path(.root), reason: .unreadable(message))
  }

  static func contents(of path: String, limit: Int) throws(FixtureError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw unreadable(path, systemMessage(errno)) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw unreadable(path, systemMessage(errno)) }
    guard status.st_mode & S_IFMT == S_IFREG else { throw unreadable(path, "not a regular file") }
    let size = Int(status.st_size)
    guard size <= limit else {
      throw FixtureError(file: path, location: .path(.root), reason: .fileTooLarge(bytes: size, limit: limit))
    }
    // Read straight into the result: no zero-filled staging buffer, no second copy. One
    // byte of slack shows whether the file grew since `fstat`; if it did, keep reading.
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, initialized in
      while initialized < buffer.count {
        let got = read(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
        if got < 0 {
          if errno == EINTR { continue }
          failure = errno
          break
        }
        if got == 0 { break }
        initialized += got
      }
    }
    if failure != 0 { throw unreadable(path, systemMessage(failure)) }
    guard bytes.count > size else { return bytes }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 {
        if errno == EINTR { continue }
        throw unreadable(path, systemMessage(errno))
      }
      if got == 0 { break }
      bytes.append(contentsOf: chunk[0..<got])
      if bytes.count > limit {
        throw FixtureError(file: path, location: .path(.root), reason: .fileTooLarge(bytes: bytes.count, limit: limit))
      }
    }
    guard bytes.count <= limit else {
      throw FixtureError(file: path, location: .path(.root), reason: .fileTooLarge(bytes: bytes.count, limit: limit))
    }
    return bytes
  }

  enum EntryKind { case directory, regularFile, other }

  struct Entry {
    var kind: EntryKind
    var device: UInt64
    var inode: UInt64
  }

  /// What `path` is; `follow` decides whether a symbolic link is looked through.
  static func entry(_ path: String, follow: Bool) -> Entry? {
    var status = stat()
    let result = follow ? stat(path, &status) : lstat(path, &status)
    guard result == 0 else { return nil }
    let kind: EntryKind
    switch status.st_mode & S_IFMT {
    case S_IFDIR: kind = .directory
    case S_IFREG: kind = .regularFile
    default: kind = .other
    }
    return Entry(kind: kind, device: UInt64(truncatingIfNeeded: status.st_dev), inode: UInt64(truncatingIfNeeded: status.st_ino))
  }

  /// The names in a directory, without `.` and `..`, in no particular order.
  static func names(in directory: String) throws(FixtureError) -> [String] {
    guard let stream = opendir(directory) else { throw unreadable(directory, systemMessage(errno)) }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }
}
