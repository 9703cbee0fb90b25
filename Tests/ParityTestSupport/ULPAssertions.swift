import ParityCore
import XCTest

/// Fails unless `actual` and `expected` (values of `dtype`, held in `Double`s) lie within
/// `ulps` units in the last place of `dtype`. NaN matches only NaN; infinities must be equal.
public func XCTAssertULPDistance(
  _ actual: Double, _ expected: Double, in dtype: DType, atMost ulps: UInt64,
  _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
  if let problem = ulpMismatch(actual, expected, in: dtype, atMost: ulps) {
    XCTFail("\(problem) \(message())", file: file, line: line)
  }
}

/// Fails unless both tensors have the same dtype and shape and every element pair is within
/// `ulps`; reports the first few offending elements with their indices.
public func XCTAssertULPDistance(
  _ actual: Tensor, _ expected: Tensor, atMost ulps: UInt64,
  _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
  guard actual.dtype == expected.dtype, actual.shape == expected.shape else {
    XCTFail("got \(actual.dtype) \(actual.shape), expected \(expected.dtype) \(expected.shape) \(message())",
            file: file, line: line)
    return
  }
  let a = actual.storage.doubleValues, e = expected.storage.doubleValues
  var problems: [String] = []
  for i in a.indices {
    if let problem = ulpMismatch(a[i], e[i], in: actual.dtype, atMost: ulps) {
      problems.append("[\(i)] \(problem)")
    }
  }
  if !problems.isEmpty {
    XCTFail("\(problems.count) of \(a.count) elements differ: \(problems.prefix(5).joined(separator: "; ")) \(message())",
            file: file, line: line)
  }
}

/// Why `actual` is not within `ulps` of `expected`, or `nil` when it is.
public func ulpMismatch(_ actual: Double, _ expected: Double, in dtype: DType, atMost ulps: UInt64) -> String? {
  if actual.isNaN || expected.isNaN {
    return actual.isNaN && expected.isNaN ? nil : "\(actual) vs \(expected): NaN matches only NaN"
  }
  if actual.isInfinite || expected.isInfinite {
    return actual == expected ? nil : "\(actual) vs \(expected): infinities must be equal"
  }
  guard let distance = ULP.distance(actual, expected, in: dtype) else {
    return "\(actual) vs \(expected): no ULP distance in \(dtype)"
  }
  return distance <= ulps ? nil : "\(actual) vs \(expected): \(distance) ULPs of \(dtype) apart (allowed \(ulps))"
}
