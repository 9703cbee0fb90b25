import ParityCore

/// How a class-index loss reads its input and target, shared by NLL and cross entropy: the
/// input seen as `(batch, classes, inner)` scores (a `(C,)` input is one sample, `(N, C)` has
/// `inner` 1, `(N, C, d1, ...)` has `inner = d1 * ...`), and the target as `batch * inner`
/// class indices in the same order, sample by sample.
public struct ClassIndexLayout: Sendable, Equatable {
  public var batch: Int
  public var classes: Int
  public var inner: Int

  /// The layout of an input of `shape` (rank 1 or more).
  public init(input shape: [Int]) {
    if shape.count == 1 {
      (batch, classes, inner) = (1, shape[0], 1)
    } else {
      (batch, classes, inner) = (shape[0], shape[1], shape.dropFirst(2).reduce(1, *))
    }
  }

  /// The number of target positions (`batch * inner`).
  public var positions: Int { batch * inner }

  /// The flat index of class `c`'s score at target position `p`.
  public func score(_ p: Int, _ c: Int) -> Int {
    let (n, k) = p.quotientAndRemainder(dividingBy: inner)
    return (n * classes + c) * inner + k
  }
}

/// One target position: ignored, a class in range, or an index out of range.
public enum ClassIndexTarget: Sendable, Equatable {
  case ignored
  case valid(Int)
  case outOfRange(Int64)

  /// `target` against `ignoreIndex` (tested first, as both frameworks do) and `[0, classes)`.
  public init(_ target: Int64, classes: Int, ignoreIndex: Int64) {
    if target == ignoreIndex {
      self = .ignored
    } else if target >= 0 && target < Int64(classes) {
      self = .valid(Int(target))
    } else {
      self = .outOfRange(target)
    }
  }
}
