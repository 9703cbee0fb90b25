import Foundation
import ParityCore
import ParityKernels
import XCTest

/// float16 and bfloat16: PyTorch computes each op in Float and rounds it back to 16 bits,
/// and reduces in Float, rounding once at the end.
final class SoftMarginLossPyTorchReducedPrecisionTests: XCTestCase {
  private func loss(_ input: Tensor, _ target: Tensor, _ reduction: LossReduction = .none) throws -> Tensor {
    try SoftMarginLoss.pytorch(input: input, target: target, reduction: reduction)
  }

  private let labels: [Float] = [1, -1, 0.5, -3]

  func testFloat16ChainRoundsEveryOpForEveryFiniteInput() throws {
    let x = (UInt16.min...UInt16.max).map(Float16.init(bitPattern:)).filter(\.isFinite)
    var differsFromRoundingOnce = 0
    for label in labels {
      let y = [Float16](repeating: Float16(label), count: x.count)
      let result = try loss(Tensor(float16: x), Tensor(float16: y))
      XCTAssertEqual(result.dtype, .float16)
      guard case .float16(let values) = result.storage else { return XCTFail("storage \(result.storage.dtype)") }
      var mismatches: [String] = []
      for i in x.indices {
        let expected = Reference.pytorch(x[i], y[i])
        if values[i].bitPattern != expected.bitPattern && !(values[i].isNaN && expected.isNaN) {
          mismatches.append("x=\(x[i]) y=\(label): \(values[i]) vs \(expected)")
        }
        // The same formula rounded only at the end: a kernel that skipped the intermediate
        // roundings would match this instead.
        let once = Float16(log1p(exp(-Float(x[i]) * label)))
        if once.bitPattern != values[i].bitPattern { differsFromRoundingOnce += 1 }
      }
      XCTAssertEqual(mismatches.count, 0, mismatches.prefix(5).joined(separator: "; "))
    }
    XCTAssertGreaterThan(differsFromRoundingOnce, 1000, "the sweep does not tell the two roundings apart")
  }

  func testBFloat16ChainRoundsEveryOpForEveryFiniteInput() throws {
    let x = (UInt16.min...UInt16.max).map(BFloat16.init(bitPattern:)).filter(\.isFinite)
    var differsFromRoundingOnce = 0
    for label in labels {
      let y = [BFloat16](repeating: BFloat16(label), count: x.count)
      let result = try loss(Tensor(bfloat16: x), Tensor(bfloat16: y))
      XCTAssertEqual(result.dtype, .bfloat16)
      guard case .bfloat16(let values) = result.storage else { return XCTFail("storage \(result.storage.dtype)") }
      var mismatches: [String] = []
      for i in x.indices {
        let expected = Reference.pytorch(x[i], y[i])
        if values[i] != expected && !(values[i].isNaN && expected.isNaN) {
          mismatches.append("x=\(x[i]) y=\(label): \(values[i]) vs \(expected)")
        }
        let once = BFloat16(log1p(exp(-x[i].floatValue * label)))
        if once != values[i] { differsFromRoundingOnce += 1 }
      }
      XCTAssertEqual(mismatches.count, 0, mismatches.prefix(5).joined(separator: "; "))
    }
    XCTAssertGreaterThan(differsFromRoundingOnce, 1000, "the sweep does not tell the two roundings apart")
  }

  // MARK: Mixed dtypes

  func testFloat16InputWithFloat32TargetGivesFloat16() throws {
    let x: [Float16] = [0.3, -1.7, 5.5, -11]
    let y: [Float] = [1 + 0x1p-20, -0.3, 1, 0.999]
    let result = try loss(Tensor(float16: x), Tensor(y))
    XCTAssertEqual(result.dtype, .float16)
    XCTAssertEqual(result.shape, [4])
    // The multiply runs in float32 (the promoted type), then rounds to float16.
    let expected = zip(x, y).map { Reference.pytorchTail(product: Float16(-Float($0) * $1)) }
    XCTAssertEqual(result, Tensor(float16: expected))
  }

  func testFloat64TargetNarrowsTheProductThroughFloat() throws {
    // c10::Half converts from float only, so a double product reaches float16 rounded twice.
    // For -x = 2 and this y the two paths differ: 2 (through Float) against 2.002 (direct).
    let x: Float16 = -2
    let y = 1 + 0x1p-11 + 0x1p-40
    let twice = Float16(Float(Double(-x) * y)), once = Float16(Double(-x) * y)
    XCTAssertNotEqual(twice, once)
    let result = try loss(Tensor(float16: [x]), Tensor([y]))
    XCTAssertEqual(result.dtype, .float16)
    XCTAssertEqual(result, Tensor(float16: [Reference.pytorchTail(product: twice)]))
    XCTAssertNotEqual(result, Tensor(float16: [Reference.pytorchTail(product: once)]))
  }

  func testZeroDimFloat32TargetIsReadAsFloatByTheScalarFastPath() throws {
    // A 0-d target does not promote a float16 input, and mul's reduced-float fast path
    // multiplies by its float value instead of first rounding it to float16.
    let y: Float = 1 + 0x1p-11 + 0x1p-20
    let result = try loss(Tensor(float16: [-3, -3]), Tensor([y], shape: []))
    let fast = Float16(3 * y), castFirst = Float16(3 * Float(Float16(y)))
    XCTAssertNotEqual(Reference.pytorchTail(product: fast), Reference.pytorchTail(product: castFirst))
    XCTAssertEqual(result, Tensor(float16: [Reference.pytorchTail(product: fast), Reference.pytorchTail(product: fast)]))
  }

  func testIntegerTargetIsCastToFloat16BeforeTheMultiply() throws {
    // 2051 is not a float16: cast first it becomes 2052, which changes the product.
    let x = Float16(-3 * 0x1p-13)
    let result = try loss(Tensor(float16: [x, x]), Tensor(shape: [2], storage: .int64([2051, 2051])))
    let castFirst = Float16(Float(-x) * 2052), exact = Float16(Float(-x) * 2051)
    XCTAssertNotEqual(castFirst, exact)
    XCTAssertEqual(result.doubles[0], Double(Reference.pytorchTail(product: castFirst)))
  }

  func testFloat16WithBFloat16TargetMultipliesInFloat32() throws {
    let x: [Float16] = [0.3, -1.7]
    let y = [BFloat16(Float(0.3)), BFloat16(Float(-2.5))]
    let result = try loss(Tensor(float16: x), Tensor(bfloat16: y))
    XCTAssertEqual(result.dtype, .float16)
    let expected = zip(x, y).map { Reference.pytorchTail(product: Float16(-Float($0) * $1.floatValue)) }
    XCTAssertEqual(result, Tensor(float16: expected))
  }

  // MARK: Reductions in Float

  func testFloat16MeanSumsInFloatWhereAFloat16RunningSumWouldStall() throws {
    // 4096 losses of log 2: a float16 running sum stops growing at 2048.
    let n = 4096
    let x = Tensor(float16: [Float16](repeating: 0, count: n))
    let y = Tensor(float16: [Float16](repeating: 1, count: n))
    let element = Reference.pytorch(Float16(0), Float16(1))
    var running = Float16(0)
    for _ in 0..<n { running += element }
    XCTAssertEqual(running, 2048)
    let sum = try loss(x, y, .sum)
    XCTAssertEqual(sum.dtype, .float16)
    XCTAssertEqual(sum.scalar, Double(Float16(Float(element) * Float(n))))
    let mean = try loss(x, y, .mean)
    XCTAssertEqual(mean.dtype, .float16)
    XCTAssertEqual(mean.scalar, Double(element))
  }

  func testFloat16MeanDividesTheFloatSumBeforeRounding() throws {
    // Rounding the sum to float16 before dividing would give 3.594 here instead of 3.592.
    let x: [Float16] = [-6, -4.75, 4.1]
    let losses = x.map { Reference.pytorch($0, Float16(1)) }
    let sum = losses.reduce(Float(0)) { $0 + Float($1) }
    let once = Float16(sum / 3), twice = Float16(Float(Float16(sum)) / 3)
    XCTAssertNotEqual(once, twice)
    let mean = try loss(Tensor(float16: x), Tensor(float16: [1, 1, 1]), .mean)
    XCTAssertEqual(mean, Tensor(shape: [], storage: .float16([once])))
  }

  func testBFloat16SumAndMeanRoundOnce() throws {
    let n = 1000
    let x = (0..<n).map { BFloat16(Float($0 % 17) * 0.25 - 2) }
    let y = [BFloat16](repeating: BFloat16(Float(1)), count: n)
    let losses = zip(x, y).map(Reference.pytorch)
    let floatSum = losses.reduce(Float(0)) { $0 + $1.floatValue }
    var running = BFloat16(Float(0))
    for value in losses { running = BFloat16(running.floatValue + value.floatValue) }
    XCTAssertNotEqual(running, BFloat16(floatSum))  // bfloat16 accumulation would lose most of it
    let sum = try loss(Tensor(bfloat16: x), Tensor(bfloat16: y), .sum)
    XCTAssertEqual(sum.dtype, .bfloat16)
    XCTAssertEqual(sum.shape, [])
    XCTAssertEqual(sum.scalar, BFloat16(floatSum).doubleValue)
    let mean = try loss(Tensor(bfloat16: x), Tensor(bfloat16: y), .mean)
    XCTAssertEqual(mean.scalar, BFloat16(floatSum / Float(n)).doubleValue)
  }
}
