import Foundation
import Parity
import ParityTestSupport
import XCTest

/// A valid fixture Parity cannot fully check is reported, never skipped: an unknown API is an
/// error naming the file; a framework key with no adapter is a check marked `unverified`.
final class UnknownAPIAndFrameworkTests: XCTestCase {
  func testUnknownAPIIsAnErrorNamingTheFile() throws {
    let directory = try TemporaryDirectory(prefix: "parity-api")
    defer { directory.remove() }
    try directory.write(FixtureText.example, to: "fixtures/a.json")
    let header = FixtureText.header.replacingOccurrences(of: #""api": "SoftMarginLoss""#, with: #""api": "HingeEmbeddingLoss""#)
    try directory.write(FixtureText.document(header: header, cases: [FixtureText.exampleCase]), to: "fixtures/b.json")
    try directory.write("# previous\n", to: "Reports/README.md")
    let before = try DirectorySnapshot(directory.url)
    let outcome = try ParityProcess.run(["run", "--fixtures", "fixtures", "--json", "summary.json"], in: directory.url)
    XCTAssertEqual(outcome.status, 2)
    let known = MappingRegistry.standard.ids.joined(separator: ", ")
    XCTAssertEqual(outcome.stderr, #"error: fixtures/b.json: api: unknown API "HingeEmbeddingLoss" (Parity knows: "# + known + ")\n")
    XCTAssertEqual(outcome.stdout, "")
    XCTAssertEqual(try DirectorySnapshot(directory.url), before)
  }

  func testFrameworkKeyWithoutAnAdapterIsUnverifiedNotSkipped() throws {
    let directory = try TemporaryDirectory(prefix: "parity-framework")
    defer { directory.remove() }
    let header = FixtureText.header.replacingOccurrences(
      of: #""frameworks": {"#, with: #""frameworks": { "jax": { "api": "optax.hinge_loss", "package": "jax", "version": "0.4.30" },"#)
    let jaxCall = #""jax": { "args": { "predictor_outputs": {"tensor": "x"}, "targets": {"tensor": "y"} }, "outcome": { "value": { "dtype": "float32", "shape": [], "data": [0.6764238] } } },"#
    let fixtureCase = FixtureText.exampleCase.replacingOccurrences(of: #""calls": {"#, with: #""calls": {"# + "\n" + jaxCall)
    try directory.write(FixtureText.document(header: header, cases: [fixtureCase]), to: "fixtures/a.json")
    let outcome = try ParityProcess.run(["run", "--fixtures", "fixtures", "--json", "summary.json", "--no-write"], in: directory.url)
    XCTAssertEqual(outcome.status, 0, outcome.stderr)
    XCTAssertEqual(outcome.stderr, "")
    XCTAssertTrue(outcome.stdout.contains("Total: 1 match, 0 mismatch, 2 unverified"), outcome.stdout)

    let summary = try String(contentsOf: directory.url.appendingPathComponent("summary.json"), encoding: .utf8)
    XCTAssertTrue(summary.contains(#""totals": {"match": 1, "mismatch": 0, "unverified": 2}"#), summary)
    let jax = try XCTUnwrap(summary.split(separator: "\n").first { $0.contains(#""framework": "jax""#) })
    XCTAssertTrue(jax.contains(#""status": "unverified""#), String(jax))
    XCTAssertTrue(jax.contains(#""computed": null"#), String(jax))
    XCTAssertTrue(jax.contains(#""detail": "Parity has no adapter for framework key 'jax'""#), String(jax))
    XCTAssertTrue(jax.contains(#""case": "float32/2x2/mean/doc-example""#), String(jax))
  }
}
