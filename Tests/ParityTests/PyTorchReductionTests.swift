import XCTest
import ParityKernels
@testable import Parity

final class PyTorchReductionTests: XCTestCase {
  /// torch/nn/_reduction.py's legacy_get_string, all nine combinations of None/True/False.
  func testLegacyTruthTable() throws {
    let table: [(Bool?, Bool?, LossReduction?)] = [
      (nil, nil, nil),  // neither given: `reduction` applies
      (nil, true, .mean), (nil, false, LossReduction.none),
      (true, nil, .mean), (true, true, .mean), (true, false, LossReduction.none),
      (false, nil, .sum), (false, true, .sum), (false, false, LossReduction.none),
    ]
    for (sizeAverage, reduce, expected) in table {
      let resolved = try PyTorchReduction.resolve(sizeAverage: sizeAverage, reduce: reduce, reduction: "sum")
      XCTAssertEqual(resolved.reduction, expected ?? .sum, "size_average=\(String(describing: sizeAverage)) reduce=\(String(describing: reduce))")
      if expected == nil {
        XCTAssertEqual(resolved.warnings, [])
      } else {
        XCTAssertEqual(
          resolved.warnings,
          ["size_average and reduce args will be deprecated, please use reduction='\(expected!.rawValue)' instead."])
      }
    }
  }

  func testLegacyArgumentsOverrideAnInvalidReduction() throws {
    // The legacy pair replaces `reduction` before it is validated, as in PyTorch.
    let resolved = try PyTorchReduction.resolve(sizeAverage: false, reduce: nil, reduction: "avg")
    XCTAssertEqual(resolved.reduction, .sum)
  }

  func testElementwiseMeanIsADeprecatedAliasOfMean() throws {
    let resolved = try PyTorchReduction.resolve(sizeAverage: nil, reduce: nil, reduction: "elementwise_mean")
    XCTAssertEqual(resolved.reduction, .mean)
    XCTAssertEqual(resolved.warnings.count, 1)
  }

  func testReductionSpellingIsCaseSensitive() {
    for spelling in ["MEAN", "avg", "", "Sum"] {
      XCTAssertThrowsError(try PyTorchReduction.resolve(sizeAverage: nil, reduce: nil, reduction: spelling)) { error in
        XCTAssertEqual((error as? CallError)?.kind, .argument)
        XCTAssertEqual((error as? CallError)?.message, "\(spelling) is not a valid value for reduction")
      }
    }
  }

  func testMindSporeReductionIsCaseInsensitiveAndRejectsTheAlias() throws {
    XCTAssertEqual(try MindSporeReduction.resolve("MEAN", primitive: "SoftMarginLoss"), .mean)
    XCTAssertEqual(try MindSporeReduction.resolve("Sum", primitive: "SoftMarginLoss"), .sum)
    for spelling in ["elementwise_mean", "avg", ""] {
      XCTAssertThrowsError(try MindSporeReduction.resolve(spelling, primitive: "SoftMarginLoss")) { error in
        XCTAssertEqual((error as? CallError)?.kind, .argument)
      }
    }
  }
}
