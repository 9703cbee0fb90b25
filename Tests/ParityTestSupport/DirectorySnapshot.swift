import Foundation

/// Everything under a folder, hidden entries included: each path (relative) with what it is
/// and, for files, their bytes; for symbolic links, their target. Two snapshots are equal
/// when nothing was added, removed, replaced or rewritten.
public struct DirectorySnapshot: Equatable, CustomStringConvertible {
  public enum Entry: Equatable {
    case directory
    case file(Data)
    case symbolicLink(String)
  }

  public var entries: [String: Entry]

  public init(_ url: URL) throws {
    entries = [:]
    let manager = FileManager.default
    guard let walker = manager.enumerator(atPath: url.path) else { return }
    while let relative = walker.nextObject() as? String {
      let path = url.appendingPathComponent(relative).path
      let attributes = try manager.attributesOfItem(atPath: path)
      switch attributes[.type] as? FileAttributeType {
      case .typeDirectory?: entries[relative] = .directory
      case .typeSymbolicLink?: entries[relative] = .symbolicLink(try manager.destinationOfSymbolicLink(atPath: path))
      default: entries[relative] = .file(try Data(contentsOf: URL(fileURLWithPath: path)))
      }
    }
  }

  public var paths: [String] { entries.keys.sorted() }

  public var description: String {
    paths.map { path -> String in
      switch entries[path]! {
      case .directory: return path + "/"
      case .file(let data): return "\(path) (\(data.count) bytes)"
      case .symbolicLink(let target): return "\(path) -> \(target)"
      }
    }.joined(separator: ", ")
  }
}
