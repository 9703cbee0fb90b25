/// A provenance field (`frameworks.pytorch.version`, `recorder.python`, ...) whose value
/// differs between the OLD and NEW fixtures of an API.
public struct ProvenanceChange: Sendable, Equatable {
  /// `frameworks.KEY.FIELD` or `recorder.FIELD`.
  public var field: String
  /// `nil`: absent on that side. When an API's files disagree among themselves, their
  /// distinct values in file order, joined by " / ".
  public var old: String?
  public var new: String?

  public init(field: String, old: String?, new: String?) {
    self.field = field
    self.old = old
    self.new = new
  }
}
