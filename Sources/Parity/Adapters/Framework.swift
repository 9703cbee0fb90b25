/// What Parity knows of a framework key beyond any one API: how to name it in a report.
public struct Framework: Sendable, Equatable {
  public var key: String
  public var displayName: String

  public static let pytorch = Framework(key: "pytorch", displayName: "PyTorch")
  public static let mindspore = Framework(key: "mindspore", displayName: "MindSpore")

  /// The framework for `key`; an unknown key is shown as written.
  public static func named(_ key: String) -> Framework {
    [pytorch, mindspore].first { $0.key == key } ?? Framework(key: key, displayName: key)
  }
}
