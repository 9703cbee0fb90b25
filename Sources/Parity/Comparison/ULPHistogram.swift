/// How many elements of a comparison lie at each ULP distance, in doubling buckets
/// (0, 1, 2, 3–4, 5–8, 9–16, >16), plus the elements where one side is inf or NaN and the
/// other is not the same value, which no ULP distance describes.
public struct ULPHistogram: Sendable, Equatable {
  /// The largest distance each bucket holds; the last bucket holds everything above 16.
  public static let upperBounds: [UInt64] = [0, 1, 2, 4, 8, 16, .max]
  /// Bucket names in `counts` order.
  public static let labels = ["0", "1", "2", "3–4", "5–8", "9–16", ">16"]

  /// Elements per bucket, in `labels` order.
  public var counts: [Int]
  /// Elements with a non-finite disagreement (counted in no bucket).
  public var nonFinite: Int

  public init(counts: [Int] = Array(repeating: 0, count: ULPHistogram.labels.count), nonFinite: Int = 0) {
    precondition(counts.count == Self.labels.count)
    self.counts = counts
    self.nonFinite = nonFinite
  }

  /// Counts one element `distance` ULP apart.
  @inlinable
  public mutating func add(_ distance: UInt64) {
    counts[Self.bucket(distance)] += 1
  }

  /// The bucket holding `distance`: 0, 1 and 2 alone, then one per power of two up to 16.
  @inlinable
  public static func bucket(_ distance: UInt64) -> Int {
    guard distance > 2 else { return Int(distance) }
    return min(65 - (distance - 1).leadingZeroBitCount, labels.count - 1)
  }

  /// Every element counted: the buckets and the non-finite disagreements.
  public var total: Int { counts.reduce(nonFinite, +) }

  public static func + (lhs: ULPHistogram, rhs: ULPHistogram) -> ULPHistogram {
    ULPHistogram(counts: zip(lhs.counts, rhs.counts).map(+), nonFinite: lhs.nonFinite + rhs.nonFinite)
  }
}
