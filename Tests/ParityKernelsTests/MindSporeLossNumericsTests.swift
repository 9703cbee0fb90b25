import ParityCore
import XCTest
@testable import ParityKernels

/// The MindSpore pieces the regression losses share: nnacl's float32 Exp and Log, `_get_loss`
/// and the CPU reduce kernel, and the primitives' promotion (expected bits from the research
/// emulators that matched MindSpore 2.10.0 bit for bit).
final class MindSporeLossNumericsTests: XCTestCase {
  func testExpIsNnaclsPolynomialNotLibm() {
    let expected: [(Float, UInt32)] = [
      (0, 0x3F80_0000), (1, 0x402D_F84C), (-2.5, 0x3DA8_1C21), (10, 0x46AC_1502), (0.3, 0x3FAC_C824), (88, 0x7EF8_8425),
    ]
    for (x, bits) in expected {
      XCTAssertEqual(MindSporeLossExpLog.exp32(x).bitPattern, bits, "exp(\(x))")
    }
  }

  func testLogSeriesIsNnaclsSeriesNotLibm() {
    let expected: [(Float, UInt32)] = [(2, 0x3F31_7215), (0.1, 0xC013_5D8B), (3.7, 0x3FA7_7772), (1e-8, 0xC193_5D8C)]
    for (x, bits) in expected {
      XCTAssertEqual(MindSporeLossExpLog.logSeries(x).bitPattern, bits, "log(\(x))")
    }
  }

  func testLogKernelLeavesTheTailOfEachChunkToLogf() {
    let values = [Float](repeating: 2, count: 9)
    let logs = MindSporeLossExpLog.log32Kernel(values)
    XCTAssertEqual(logs[0..<8].map(\.bitPattern), Array(repeating: 0x3F31_7215, count: 8))
    XCTAssertEqual(logs[8], Float(0.693147182))
  }

  func testGetLossRoundsFloat64ThroughFloat32AndTruncatesIntegers() throws {
    let double = EagerTensor(shape: [1], dtype: .float64, values: [0.1])
    XCTAssertEqual(try MindSporeLossReduction.getLoss(double, .none).storage.doubleValues, [Double(Float(0.1))])
    let ints = EagerTensor(shape: [2], dtype: .int32, values: [1, 2])
    XCTAssertEqual(try MindSporeLossReduction.getLoss(ints, .mean), Tensor(shape: [], storage: .int32([1])))
  }

  func testGetLossOfAnEmptyLossHasNoDefinedMeanOrSum() throws {
    let empty = EagerTensor(shape: [0], dtype: .float32, values: [])
    XCTAssertEqual(try MindSporeLossReduction.getLoss(empty, .none).shape, [0])
    for reduction in [LossReduction.mean, .sum] {
      XCTAssertThrowsError(try MindSporeLossReduction.getLoss(empty, reduction)) { error in
        XCTAssertEqual((error as? KernelError)?.kind, .other)
      }
    }
  }

  func testReduceSumOfAColumnAccumulatesInFloat() {
    let values: [Double] = [1, 0x1p-24, 0x1p-24]
    XCTAssertEqual(MindSporeLossReduction.reduceSum(values, shape: [3, 1]), 1)
    XCTAssertEqual(MindSporeLossReduction.reduceSum(values, shape: [3]), 1 + 0x1p-23)
  }

  func testAPythonNumberWidensOnlyA0DFloat16() {
    let vector = EagerTensor(shape: [1], dtype: .float16, values: [1])
    let scalar = EagerTensor(shape: [], dtype: .float16, values: [1])
    XCTAssertEqual(MindSporeOps.primitiveScalar(vector, 0.5, *).dtype, .float16)
    XCTAssertEqual(MindSporeOps.primitiveScalar(scalar, 0.5, *).dtype, .float32)
  }

  func testSmoothL1OfFloat32AndFloat64ComputesInFloat32() throws {
    let x = Tensor([0.1] as [Float]), y = Tensor([0.3] as [Double])
    let loss = try SmoothL1Loss.mindspore(input: x, target: y, beta: 1, reduction: .none)
    let d = abs(Float(0.1) - Float(0.3))
    XCTAssertEqual(loss.storage.doubleValues, [Double(0.5 * d * d / 1)])
    XCTAssertEqual(loss.dtype, .float64)
  }
}
