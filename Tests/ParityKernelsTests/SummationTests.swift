@testable import ParityKernels
import ParityTestSupport
import XCTest

final class SummationTests: XCTestCase {
  private func cascade(_ values: [Float]) -> Float { values.withUnsafeBufferPointer(Summation.cascade) }
  private func cascade(_ values: [Double]) -> Double { values.withUnsafeBufferPointer(Summation.cascade) }

  func testCascadeIsExactForSmallIntegersAtEveryBlockBoundary() {
    for count in [0, 1, 7, 31, 32, 33, 63, 64, 65, 2047, 2048, 2049, 4096, 4097, 10_001] {
      let values = (0..<count).map { Float($0 % 13) }
      let expected = (0..<count).reduce(0) { $0 + $1 % 13 }
      XCTAssertEqual(cascade(values), Float(expected), "count \(count)")
      XCTAssertEqual(cascade(values.map(Double.init)), Double(expected), "count \(count)")
    }
  }

  func testCascadeStaysAccurateWhereARunningSumDrifts() {
    // Adding the same value over and over rounds the same way each time, so a running
    // float32 sum drifts steadily; the cascade's partial sums stay small and accurate.
    for (seed, spread) in [(5 as UInt64, Float(0)), (6, 0.001)] {
      var rng = SplitMix64(seed: seed)
      let values = (0..<2_000_000).map { _ in 0.1 + Float.random(in: 0...1, using: &rng) * spread }
      let exact = values.reduce(0.0) { $0 + Double($1) }
      let running = values.reduce(Float(0), +)
      let cascaded = cascade(values)
      XCTAssertLessThan(abs(Double(cascaded) - exact) / exact, 2e-7, "spread \(spread)")
      XCTAssertGreaterThan(abs(Double(running) - exact) / exact, 1e-4, "the running sum no longer drifts: the test shows nothing")
    }
  }

  func testCascadePropagatesInfinityAndNaN() {
    XCTAssertEqual(cascade([1, .infinity, 2] as [Float]), .infinity)
    XCTAssertTrue(cascade([Float](repeating: 1, count: 100) + [.nan]).isNaN)
  }

  func testHalvingTreeAddsEveryElementOnce() {
    for count in 0...70 {
      var values = (0..<count).map { Double(1 << ($0 % 40)) }
      let expected = values.reduce(0, +)
      XCTAssertEqual(values.withUnsafeMutableBufferPointer { Summation.halvingTree($0) }, expected, "count \(count)")
    }
  }

  func testHalvingTreeOrderForFiveElements() {
    // n = 5: a0 += a4; stride 2: a0 += a2, a1 += a3; stride 1: a0 += a1.
    // In float16, 2048 + 1 + 1 loses both ones one at a time but not when they pair first.
    var values: [Float16] = [2048, 1, 0, 1, 0]
    XCTAssertEqual(values.withUnsafeMutableBufferPointer { Summation.halvingTree($0) }, 2050)
    var sequential: [Float16] = [2048, 0, 1, 0, 1]
    XCTAssertEqual(sequential.withUnsafeMutableBufferPointer { Summation.halvingTree($0) }, 2048)
  }
}

extension SummationTests {
  /// The parallel cascade splits and combines exactly as the serial one: the same bits, at
  /// lengths around the parallel threshold and the block size, powers of two and odd ones.
  func testCascadeOnAllCoresIsTheCascadeBitForBit() {
    var rng = SplitMix64(seed: 9)
    let values = (0..<(1 << 20) + 4099).map { _ in Float.random(in: -1...1, using: &rng) * Float(1 << Int(rng.next() % 20)) }
    for count in [0, 1, 255, Chunking.parallelThreshold - 1, Chunking.parallelThreshold, 40_001, 65_536, 100_003, 1 << 20, values.count] {
      let slice = Array(values.prefix(count))
      let serial = slice.withUnsafeBufferPointer(Summation.cascade)
      let parallel = slice.withUnsafeBufferPointer { Summation.cascadeOnAllCores($0) }
      XCTAssertEqual(parallel.bitPattern, serial.bitPattern, "count \(count)")
      let doubles = slice.map(Double.init)
      XCTAssertEqual(
        doubles.withUnsafeBufferPointer { Summation.cascadeOnAllCores($0) }.bitPattern,
        doubles.withUnsafeBufferPointer(Summation.cascade).bitPattern, "count \(count), Double")
    }
  }
}
