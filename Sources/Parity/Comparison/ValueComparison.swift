import ParityCore
import ParityFixtures

/// Element-by-element figures for one tensor against another of the same dtype and shape:
/// what decides a value check, and the ULP evidence reports quote.
public struct ValueComparison: Sendable, Equatable {
  public var dtype: DType
  public var elementCount: Int
  public var tolerance: Tolerance
  /// Elements outside the tolerance.
  public var failingElements: Int
  /// Elements with identical bits (so -0 against +0 is not bit-exact, though within tolerance).
  public var bitExactElements: Int
  /// Elements at most one ULP apart (bit-exact ones included).
  public var withinOneULPElements: Int
  /// The largest ULP distance over elements where both are finite (or both the same
  /// infinity); `nil` when there are none or the dtype is not floating point. Distances to an
  /// infinity are counted in `nonFiniteDisagreements` instead: they measure the format, not
  /// the computation.
  public var maxULP: UInt64?
  /// Elements where one side is inf or NaN and the other is not the same non-finite value.
  public var nonFiniteDisagreements: Int
  /// The largest |actual - expected| over elements where both are finite.
  public var maxAbsoluteError: Double
  /// The first element outside the tolerance, with both values.
  public var firstFailure: (index: Int, actual: Double, expected: Double)?
  /// Every element's ULP distance, bucketed (same non-finite values at 0); for a floating
  /// dtype its `total` is `elementCount`. Empty for other dtypes.
  public var ulpHistogram = ULPHistogram()

  public var passes: Bool { failingElements == 0 }

  public static func == (lhs: ValueComparison, rhs: ValueComparison) -> Bool {
    lhs.dtype == rhs.dtype && lhs.elementCount == rhs.elementCount && lhs.tolerance == rhs.tolerance
      && lhs.failingElements == rhs.failingElements && lhs.bitExactElements == rhs.bitExactElements
      && lhs.withinOneULPElements == rhs.withinOneULPElements && lhs.maxULP == rhs.maxULP
      && lhs.nonFiniteDisagreements == rhs.nonFiniteDisagreements
      && lhs.maxAbsoluteError.bitPattern == rhs.maxAbsoluteError.bitPattern
      && lhs.firstFailure?.index == rhs.firstFailure?.index && lhs.ulpHistogram == rhs.ulpHistogram
  }
}

extension ValueComparison {
  /// Compares `actual` with `expected`, which must have the same dtype and element count.
  public init(actual: Tensor, expected: Tensor, tolerance: Tolerance) {
    precondition(actual.dtype == expected.dtype && actual.count == expected.count)
    let dtype = expected.dtype
    let a = actual.storage.doubleValues
    let e = expected.storage.doubleValues
    let bitsA = actual.storage.bitPatterns
    let bitsE = expected.storage.bitPatterns
    var failing = 0
    var bitExact = 0
    var withinOne = 0
    var maxULP: UInt64? = nil
    var nonFinite = 0
    var maxAbs = 0.0
    var firstFailure: (Int, Double, Double)? = nil
    var histogram = ULPHistogram()
    for i in 0..<e.count {
      let ok = tolerance.accepts(a[i], e[i])
      if !ok {
        failing += 1
        if firstFailure == nil { firstFailure = (i, a[i], e[i]) }
      }
      // The contract spells every NaN "nan", so payload and sign cannot be compared.
      let exact = bitsA[i] == bitsE[i] || (a[i].isNaN && e[i].isNaN)
      if exact { bitExact += 1 }
      let bothFinite = a[i].isFinite && e[i].isFinite
      let sameNonFinite = !bothFinite && (a[i] == e[i] || (a[i].isNaN && e[i].isNaN))
      if !bothFinite && !sameNonFinite { nonFinite += 1 }
      if sameNonFinite {
        withinOne += 1
        if dtype.isFloatingPoint {
          maxULP = max(maxULP ?? 0, 0)
          histogram.add(0)
        }
      } else if bothFinite, let d = ULP.distance(a[i], e[i], in: dtype) {
        maxULP = max(maxULP ?? 0, d)
        histogram.add(d)
        if d <= 1 { withinOne += 1 }
      } else if exact {
        withinOne += 1
      }
      if a[i].isFinite && e[i].isFinite { maxAbs = max(maxAbs, abs(a[i] - e[i])) }
    }
    if dtype.isFloatingPoint { histogram.nonFinite = nonFinite }
    self.init(
      dtype: dtype, elementCount: e.count, tolerance: tolerance, failingElements: failing,
      bitExactElements: bitExact, withinOneULPElements: withinOne, maxULP: maxULP,
      nonFiniteDisagreements: nonFinite, maxAbsoluteError: maxAbs, firstFailure: firstFailure.map { (index: $0.0, actual: $0.1, expected: $0.2) },
      ulpHistogram: histogram)
  }
}

extension TensorStorage {
  /// Each element's raw bits, widened, for bit-exact comparison.
  public var bitPatterns: [UInt64] {
    switch self {
    case .float16(let v): return v.map { UInt64($0.bitPattern) }
    case .bfloat16(let v): return v.map { UInt64($0.bitPattern) }
    case .float32(let v): return v.map { UInt64($0.bitPattern) }
    case .float64(let v): return v.map { $0.bitPattern }
    case .int32(let v): return v.map { UInt64(UInt32(bitPattern: $0)) }
    case .int64(let v): return v.map { UInt64(bitPattern: $0) }
    case .bool(let v): return v.map { $0 ? 1 : 0 }
    }
  }
}
