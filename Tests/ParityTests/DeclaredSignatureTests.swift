import ParityFixtures
import ParityTestSupport
import XCTest
@testable import Parity

/// Every adapter declares its framework's API as the installed package declares it: the
/// recorded `signature` (inspect.signature) lists the same parameters, in the same order and
/// stages, with the same defaults. A mapping that drifted from the real API would bind
/// recorded calls differently from the framework.
final class DeclaredSignatureTests: XCTestCase {
  func testDeclaredSignaturesAreTheRecordedOnes() throws {
    var compared = 0
    for fixture in try CommittedFixtures.load() {
      let mapping = try XCTUnwrap(MappingRegistry.standard.mapping(id: fixture.api), fixture.path)
      for info in fixture.frameworks {
        guard let recorded = info.signature, let adapter = mapping.adapter(for: info.key) else { continue }
        XCTAssertEqual(adapter.api, info.api, "\(fixture.path): \(info.key)")
        let declared = adapter.signature.parameters
        let expected = (recorded.constructor ?? []).map { ($0, Parameter.Stage.construction) } + recorded.call.map { ($0, .call) }
        XCTAssertEqual(
          declared.map { "\($0.stage) \($0.name)" }, expected.map { "\($1) \($0.name)" }, "\(fixture.path): \(info.key)")
        for (parameter, (recordedParameter, _)) in zip(declared, expected) {
          XCTAssertEqual(
            parameter.defaultValue?.pythonLiteral, recordedParameter.defaultValue?.pythonLiteral,
            "\(fixture.path): \(info.key) \(parameter.name)")
        }
        compared += 1
      }
    }
    XCTAssertGreaterThan(compared, 0, "no fixture records a signature")
  }
}
