import ParityCore
import ParityFixtures

/// A named input tensor that differs between the OLD and NEW recordings of a case.
public struct InputChange: Sendable, Equatable {
  /// A tensor's dtype and shape, without its elements.
  public struct Signature: Sendable, Equatable {
    public var dtype: DType
    public var shape: [Int]

    public init(_ tensor: Tensor) {
      dtype = tensor.dtype
      shape = tensor.shape
    }
  }

  public var name: String
  /// `nil`: the case has no tensor of this name on that side.
  public var old: Signature?
  public var new: Signature?
  /// With the same dtype and shape on both sides, how many elements differ bit for bit.
  public var differingElements: Int?

  public init(name: String, old: Signature?, new: Signature?, differingElements: Int?) {
    self.name = name
    self.old = old
    self.new = new
    self.differingElements = differingElements
  }

  /// The change between two tensors of one name, or `nil` when they are bit-identical.
  public init?(name: String, old: Tensor?, new: Tensor?) {
    guard old != new else { return nil }
    var differing: Int? = nil
    if let old, let new, old.dtype == new.dtype, old.shape == new.shape {
      let a = old.storage.bitPatterns
      let b = new.storage.bitPatterns
      let x = old.storage.doubleValues
      let y = new.storage.doubleValues
      // The contract spells every NaN "nan": two NaNs are the same recorded value.
      differing = a.indices.filter { a[$0] != b[$0] && !(x[$0].isNaN && y[$0].isNaN) }.count
      if differing == 0 { return nil }
    }
    self.init(name: name, old: old.map(Signature.init), new: new.map(Signature.init), differingElements: differing)
  }
}
