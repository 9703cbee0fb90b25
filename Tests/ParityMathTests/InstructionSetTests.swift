import CParityCPU
import ParityMath
import enum ParityMathHaswell.HaswellVectorMath
import XCTest

/// `HaswellVectorMath`, ParityMath's SoftMarginLoss loops built with AVX2 and FMA, against
/// the portable build (`VectorMath`, built for baseline x86-64): the same source with fused
/// multiply-adds either way, so the kernels may pick either build at run time only if every
/// element and every sum comes out the same. Counts cover every tail
/// length and the vector, accumulator, stage (256) and summation (4096) block edges; inputs
/// mix in zeros, infinities, NaN, subnormals and values whose exp overflows or underflows.
/// Skipped where the CPU cannot run the Haswell build.
///
/// ParityMathHaswell compiles ParityMath's sources itself, so even a debug run compares two
/// separate builds; a release run (`swift test -c release -Xswiftc -enable-testing`) compares
/// the optimized AVX2/FMA code, which is what the kernels run. "The same" means the same
/// bits, except that a NaN's sign and payload may differ (see `same`).
final class InstructionSetTests: XCTestCase {
  private static let counts = Array(0...70) + [4095, 4096, 4097, 10_000, 70_000]

  private static let floatSpecials: [Float] = [
    0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0x1.5p-133, -0x1.5p-133,
    .leastNormalMagnitude, 100, -100, 1e-30, -1e-30, .greatestFiniteMagnitude,
  ]

  private static let doubleSpecials: [Double] = [
    0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 0x1.5p-1030, -0x1.5p-1030,
    .leastNormalMagnitude, 100, -100, 1e-30, -1e-30, 800, -800, .greatestFiniteMagnitude,
  ]

  private func requireHaswell() throws {
    if parity_cpu_runs_haswell_code() == 0 {
      throw XCTSkip("this CPU cannot run the Haswell build (parity_cpu_runs_haswell_code() == 0)")
    }
  }

  /// x mostly uniform in [-30, 30] and y mostly ±1 (with 0.5, 2, -3), about one in eight of
  /// each a special value.
  private static func floatInputs(_ count: Int, seed: UInt64) -> (x: [Float], y: [Float]) {
    var random = Lanes.Random(seed: seed)
    let targets: [Float] = [1, -1, 1, -1, 0.5, 2, -3]
    func special() -> Float { floatSpecials[Int(random.next() % UInt64(floatSpecials.count))] }
    let x = (0..<count).map { _ in random.next() % 8 == 0 ? special() : Float(random.uniform(-30, 30)) }
    let y = (0..<count).map { _ in
      random.next() % 8 == 0 ? special() : targets[Int(random.next() % UInt64(targets.count))]
    }
    return (x, y)
  }

  private static func doubleInputs(_ count: Int, seed: UInt64) -> (x: [Double], y: [Double]) {
    var random = Lanes.Random(seed: seed)
    let targets: [Double] = [1, -1, 1, -1, 0.5, 2, -3]
    func special() -> Double { doubleSpecials[Int(random.next() % UInt64(doubleSpecials.count))] }
    let x = (0..<count).map { _ in random.next() % 8 == 0 ? special() : random.uniform(-30, 30) }
    let y = (0..<count).map { _ in
      random.next() % 8 == 0 ? special() : targets[Int(random.next() % UInt64(targets.count))]
    }
    return (x, y)
  }

  // MARK: Float, the rounded chain

  func testFloatRoundedChainIsBitIdentical() throws {
    try requireHaswell()
    for count in Self.counts {
      let (x, y) = Self.floatInputs(count, seed: 500 + UInt64(count))
      // Different fillers, so an element either build leaves unwritten shows.
      var portable = [Float](repeating: 1, count: count)
      var haswell = [Float](repeating: 2, count: count)
      let (portableSum, haswellSum) = x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          portable.withUnsafeMutableBufferPointer { VectorMath.softMarginLossRounded(input: xb, target: yb, output: $0) }
          haswell.withUnsafeMutableBufferPointer { HaswellVectorMath.softMarginLossRounded(input: xb, target: yb, output: $0) }
          return (
            VectorMath.softMarginLossRoundedSum(input: xb, target: yb),
            HaswellVectorMath.softMarginLossRoundedSum(input: xb, target: yb)
          )
        }
      }
      assertIdentical(haswell, portable, x, y, "Float elements, count \(count)")
      assertSame(haswellSum, portableSum, "Float sum, count \(count): \(haswellSum) vs \(portableSum)")
    }
  }

  // MARK: Double

  func testDoubleIsBitIdentical() throws {
    try requireHaswell()
    for count in Self.counts {
      let (x, y) = Self.doubleInputs(count, seed: 600 + UInt64(count))
      var portable = [Double](repeating: 1, count: count)
      var haswell = [Double](repeating: 2, count: count)
      let (portableSum, haswellSum) = x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          portable.withUnsafeMutableBufferPointer { VectorMath.softMarginLoss(input: xb, target: yb, output: $0) }
          haswell.withUnsafeMutableBufferPointer { HaswellVectorMath.softMarginLoss(input: xb, target: yb, output: $0) }
          return (
            VectorMath.softMarginLossSum(input: xb, target: yb),
            HaswellVectorMath.softMarginLossSum(input: xb, target: yb)
          )
        }
      }
      assertIdentical(haswell, portable, x, y, "Double elements, count \(count)")
      assertSame(haswellSum, portableSum, "Double sum, count \(count): \(haswellSum) vs \(portableSum)")
    }
  }

  /// A sum over inputs without special values, so the comparison is of finite sums (with
  /// specials most sums above a few elements are NaN or +inf).
  func testFiniteSumsAreBitIdentical() throws {
    try requireHaswell()
    for count in [1, 7, 8, 9, 63, 4095, 4096, 4097, 10_000, 70_000] {
      var random = Lanes.Random(seed: 700 + UInt64(count))
      let xf = (0..<count).map { _ in Float(random.uniform(-30, 30)) }
      let yf = (0..<count).map { _ in random.next() & 1 == 0 ? Float(1) : -1 }
      let xd = (0..<count).map { _ in random.uniform(-30, 30) }
      let yd = yf.map(Double.init)
      let (pf, hf) = xf.withUnsafeBufferPointer { xb in
        yf.withUnsafeBufferPointer { yb in
          (VectorMath.softMarginLossRoundedSum(input: xb, target: yb), HaswellVectorMath.softMarginLossRoundedSum(input: xb, target: yb))
        }
      }
      let (pd, hd) = xd.withUnsafeBufferPointer { xb in
        yd.withUnsafeBufferPointer { yb in
          (VectorMath.softMarginLossSum(input: xb, target: yb), HaswellVectorMath.softMarginLossSum(input: xb, target: yb))
        }
      }
      XCTAssertTrue(pf.isFinite && pd.isFinite, "count \(count)")
      assertSame(hf, pf, "Float sum, count \(count): \(hf) vs \(pf)")
      assertSame(hd, pd, "Double sum, count \(count): \(hd) vs \(pd)")
    }
  }

  // MARK: Aliasing

  /// `output` may be `input` or `target` itself, in both builds: the stages read each
  /// block's inputs before they rewrite it, so the results are those of separate buffers.
  func testOutputMayAliasAnInputInBothBuilds() throws {
    try requireHaswell()
    for count in [0, 1, 7, 8, 9, 37, 255, 256, 257, 4097] {
      let (x, y) = Self.floatInputs(count, seed: 800 + UInt64(count))
      var expected = [Float](repeating: 0, count: count)
      x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          expected.withUnsafeMutableBufferPointer { VectorMath.softMarginLossRounded(input: xb, target: yb, output: $0) }
        }
      }
      let builds: [(String, (UnsafeBufferPointer<Float>, UnsafeBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) -> Void)] = [
        ("portable", { VectorMath.softMarginLossRounded(input: $0, target: $1, output: $2) }),
        ("haswell", { HaswellVectorMath.softMarginLossRounded(input: $0, target: $1, output: $2) }),
      ]
      for (name, run) in builds {
        var overInput = x
        overInput.withUnsafeMutableBufferPointer { buffer in
          y.withUnsafeBufferPointer { run(UnsafeBufferPointer(buffer), $0, buffer) }
        }
        assertIdentical(overInput, expected, x, y, "Float \(name), output = input, count \(count)")
        var overTarget = y
        overTarget.withUnsafeMutableBufferPointer { buffer in
          x.withUnsafeBufferPointer { run($0, UnsafeBufferPointer(buffer), buffer) }
        }
        assertIdentical(overTarget, expected, x, y, "Float \(name), output = target, count \(count)")
      }
    }

    for count in [0, 1, 3, 4, 5, 37, 255, 256, 257, 4097] {
      let (x, y) = Self.doubleInputs(count, seed: 900 + UInt64(count))
      var expected = [Double](repeating: 0, count: count)
      x.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
          expected.withUnsafeMutableBufferPointer { VectorMath.softMarginLoss(input: xb, target: yb, output: $0) }
        }
      }
      let builds: [(String, (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void)] = [
        ("portable", { VectorMath.softMarginLoss(input: $0, target: $1, output: $2) }),
        ("haswell", { HaswellVectorMath.softMarginLoss(input: $0, target: $1, output: $2) }),
      ]
      for (name, run) in builds {
        var overInput = x
        overInput.withUnsafeMutableBufferPointer { buffer in
          y.withUnsafeBufferPointer { run(UnsafeBufferPointer(buffer), $0, buffer) }
        }
        assertIdentical(overInput, expected, x, y, "Double \(name), output = input, count \(count)")
        var overTarget = y
        overTarget.withUnsafeMutableBufferPointer { buffer in
          x.withUnsafeBufferPointer { run($0, UnsafeBufferPointer(buffer), buffer) }
        }
        assertIdentical(overTarget, expected, x, y, "Double \(name), output = target, count \(count)")
      }
    }
  }

  // MARK: Helpers

  /// Whether two results count as the same: equal bits, or both NaN. x86 returns the first
  /// operand's NaN when both are NaN, and the optimizer may order `(-x)·y`'s operands
  /// differently in the two builds (seen: `0xffc00000` against `0x7fc00000` where x and y
  /// were both NaN), so a NaN's sign and payload are not part of the promise.
  private func same<T: BinaryFloatingPoint>(_ a: T, _ b: T) -> Bool {
    (a.isNaN && b.isNaN) || a == b && a.sign == b.sign
  }

  private func assertSame<T: BinaryFloatingPoint>(
    _ actual: T, _ expected: T, _ label: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertTrue(same(actual, expected), label, file: file, line: line)
  }

  /// Fails unless the elements are the same (`same`) one by one, naming the first few that
  /// differ.
  private func assertIdentical<T: BinaryFloatingPoint, Value>(
    _ actual: [T], _ expected: [T], _ x: [Value], _ y: [Value], _ label: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    guard actual.count == expected.count else {
      XCTFail("\(label): \(actual.count) elements, expected \(expected.count)", file: file, line: line)
      return
    }
    let differing = actual.indices.filter { !same(actual[$0], expected[$0]) }
    guard !differing.isEmpty else { return }
    let shown = differing.prefix(5).map { i in "[\(i)] x \(x[i]) y \(y[i]): \(actual[i]) vs \(expected[i])" }
    XCTFail("\(label): \(differing.count) elements differ: \(shown.joined(separator: "; "))", file: file, line: line)
  }
}
