/// Where a value sits in a fixture document, spelled the way a reader would look for it:
/// `cases[3].tensors.x.data[7]`. The root is the empty path.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
  public enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  public var components: [Component]

  public init(_ components: [Component] = []) {
    self.components = components
  }

  public static let root = JSONPath()

  public func appending(_ key: String) -> JSONPath { JSONPath(components + [.key(key)]) }
  public func appending(_ index: Int) -> JSONPath { JSONPath(components + [.index(index)]) }

  public var isRoot: Bool { components.isEmpty }

  /// Keys that are plain names print after a dot; any other key prints quoted in brackets,
  /// so a name with a dot or space still reads unambiguously.
  public var description: String {
    var out = ""
    for component in components {
      switch component {
      case .index(let index):
        out += "[\(index)]"
      case .key(let key):
        if Self.isPlainName(key) {
          if !out.isEmpty { out += "." }
          out += key
        } else {
          out += "[" + JSONText.quoted(key, limit: 64) + "]"
        }
      }
    }
    return out
  }

  static func isPlainName(_ key: String) -> Bool {
    !key.isEmpty && key.utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
        return true
      default:
        return false
      }
    }
  }
}
