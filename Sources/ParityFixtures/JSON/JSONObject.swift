/// A JSON object with its members in file order.
///
/// The parser has already rejected duplicate keys, so a key names at most one member.
public struct JSONObject: Sendable, Equatable {
  public struct Member: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  public var members: [Member]

  public init(members: [Member] = []) {
    self.members = members
  }

  /// The value of the member named `key`. Linear: the objects a fixture looks up in are small.
  public subscript(key: String) -> JSONValue? {
    for member in members where member.key == key { return member.value }
    return nil
  }

  public var keys: [String] { members.map(\.key) }
  public var count: Int { members.count }
  public var isEmpty: Bool { members.isEmpty }
}
