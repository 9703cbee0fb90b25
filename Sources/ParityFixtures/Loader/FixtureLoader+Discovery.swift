extension FixtureLoader {
  /// The fixture files under `roots`, without reading them: every `*.json` found
  /// recursively under each root (a root may also be a file), in byte-wise sorted path
  /// order so runs are deterministic whatever order the file system lists entries in.
  ///
  /// Files and folders whose names start with `.` are skipped below a root: a Python
  /// virtualenv (`Fixtures/record/.venv`) is full of JSON that is not fixtures. Symbolic
  /// links to folders are not followed (no cycles); links to files are. A file reached
  /// twice, by overlapping roots or by links, is listed once, under the path that sorts first.
  public static func discover(_ roots: [String]) throws(FixtureError) -> [String] {
    var found: [(path: String, device: UInt64, inode: UInt64)] = []
    for root in roots {
      let path = normalized(root)
      guard let entry = FileReader.entry(path, follow: true) else {
        throw FileReader.unreadable(root, "no such file or directory")
      }
      switch entry.kind {
      case .regularFile: found.append((path, entry.device, entry.inode))
      case .directory: try walk(path, into: &found)
      case .other: throw FileReader.unreadable(root, "not a file or directory")
      }
    }
    found.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    var seen = Set<[UInt64]>()
    var paths: [String] = []
    for file in found where seen.insert([file.device, file.inode]).inserted {
      paths.append(file.path)
    }
    return paths
  }

  private static func walk(_ directory: String, into found: inout [(path: String, device: UInt64, inode: UInt64)]) throws(FixtureError) {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    for name in try FileReader.names(in: directory) where !name.hasPrefix(".") {
      let path = prefix + name
      guard let entry = FileReader.entry(path, follow: false) else { continue }  // vanished meanwhile
      switch entry.kind {
      case .directory:
        try walk(path, into: &found)
      case .regularFile:
        if name.hasSuffix(".json") { found.append((path, entry.device, entry.inode)) }
      case .other:
        if name.hasSuffix(".json"), let target = FileReader.entry(path, follow: true), target.kind == .regularFile {
          found.append((path, target.device, target.inode))
        }
      }
    }
  }

  /// `a//b/` as `a/b`, so one folder spelled two ways gives the same paths.
  static func normalized(_ path: String) -> String {
    var out = ""
    var previousSlash = false
    for character in path {
      if character == "/" {
        if previousSlash { continue }
        previousSlash = true
      } else {
        previousSlash = false
      }
      out.append(character)
    }
    while out.count > 1 && out.hasSuffix("/") { out.removeLast() }
    return out
  }
}
