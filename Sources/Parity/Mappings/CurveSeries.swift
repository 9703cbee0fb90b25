import Foundation
import ParityCore

/// One way of computing a curve: what it is called, what computed it, and log10 of the loss
/// at margins that are values of the panel's dtype.
///
/// log10 keeps losses past `Double`'s range (the exact value far below the smallest
/// subnormal) and maps a loss of exactly 0 to -inf and an infinite loss to +inf.
public struct CurveSeries: Sendable {
  /// A framework key, or `exact` for the reference.
  public var key: String
  public var label: String
  /// What computed it, for the figure's caption.
  public var provenance: String
  /// log10(loss) per margin; throws when the computation has no such dtype.
  public var log10Losses: @Sendable (_ dtype: DType, _ margins: [Double]) throws -> [Double]

  public init(
    key: String, label: String, provenance: String,
    log10Losses: @escaping @Sendable (_ dtype: DType, _ margins: [Double]) throws -> [Double]
  ) {
    self.key = key
    self.label = label
    self.provenance = provenance
    self.log10Losses = log10Losses
  }

  /// A series from losses computed in the dtype (widened to `Double` exactly).
  public init(
    key: String, label: String, provenance: String,
    losses: @escaping @Sendable (_ dtype: DType, _ margins: [Double]) throws -> [Double]
  ) {
    self.init(
      key: key, label: label, provenance: provenance,
      log10Losses: { dtype, margins in try losses(dtype, margins).map { Foundation.log10($0) } })
  }
}
