import Foundation
import XCTest
import ParityTestSupport
@testable import ParityCLI

final class CIFormatTests: XCTestCase {
  var fixtures: String { CommittedFixtures.directory }

  func checks(_ json: String) throws -> [String] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
    let checks = try XCTUnwrap(object?["checks"] as? [[String: Any]])
    return checks.map { "\($0["api"]!) \($0["case"]!) \($0["framework"]!) \($0["status"]!)" }
  }

  func testShardsAreDisjointAndTheirUnionIsTheWholeRun() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let whole = directory.url.appendingPathComponent("whole.json").path
    XCTAssertEqual(try ParityProcess.run(["run", "--fixtures", fixtures, "--no-write", "--json", whole]).status, 0)
    var union: [String] = []
    for i in 1...3 {
      let part = directory.url.appendingPathComponent("part\(i).json").path
      let run = try ParityProcess.run(["run", "--fixtures", fixtures, "--no-write", "--shard", "\(i)/3", "--json", part])
      XCTAssertEqual(run.status, 0, run.stderr)
      let shard = try checks(part)
      XCTAssertGreaterThan(shard.count, 300)
      union += shard
    }
    XCTAssertEqual(union.count, Set(union).count, "shards overlap")
    XCTAssertEqual(Set(union), Set(try checks(whole)))
  }

  func testBadShardsAreUsageErrors() throws {
    for shard in ["0/3", "4/3", "1/0", "x", "1/2/3", "-1/2"] {
      let run = try ParityProcess.run(["run", "--no-write", "--shard", shard])
      XCTAssertEqual(run.status, 2, shard)
      XCTAssertTrue(run.stderr.contains("--shard takes I/N"), run.stderr)
    }
  }

  func testJUnitFileIsWritten() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let junit = directory.url.appendingPathComponent("junit.xml").path
    let run = try ParityProcess.run(["run", "--fixtures", fixtures, "--no-write", "--junit", junit])
    XCTAssertEqual(run.status, 0, run.stderr)
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    XCTAssertTrue(xml.contains(#"<testsuite name="SoftMarginLoss" tests="1346" failures="0" errors="0" skipped="630""#), String(xml.prefix(400)))
  }

  func testQuietPrintsNothingButKeepsTheExitCode() throws {
    let quiet = try ParityProcess.run(["run", "--fixtures", fixtures, "--no-write", "--quiet"])
    XCTAssertEqual(quiet.status, 0)
    XCTAssertEqual(quiet.stdout, "")
    XCTAssertEqual(quiet.stderr, "")
    let wrong = ParityProcess.packageRoot.appendingPathComponent("Tests/ParityCLITests/Fixtures/wrong-golden").path
    let failing = try ParityProcess.run(["run", "--fixtures", wrong, "--no-write", "-q"])
    XCTAssertEqual(failing.status, 1)
    XCTAssertEqual(failing.stdout, "")
  }

  func testColourOnlyOnATerminalAndNeverWithNoColor() {
    let arguments = ["run", "--fixtures", fixtures, "--no-write"]
    let plain = BufferConsole(terminal: false)
    XCTAssertEqual(ParityCommand.main(arguments, console: plain), 0)
    XCTAssertFalse(plain.output.contains("\u{1B}["))

    let terminal = BufferConsole(terminal: true)
    XCTAssertEqual(ParityCommand.main(arguments, console: terminal), 0)
    XCTAssertTrue(terminal.output.contains("\u{1B}[32m"), terminal.output)

    let noColor = BufferConsole(terminal: true, environment: ["NO_COLOR": ""])
    XCTAssertEqual(ParityCommand.main(arguments, console: noColor), 0)
    XCTAssertFalse(noColor.output.contains("\u{1B}["))
  }

  func testShowPrintsTheCaseWithReproductionSnippets() throws {
    let run = try ParityProcess.run(["show", "float32/2x2/mean/doc-example", "--fixtures", fixtures])
    XCTAssertEqual(run.status, 0, run.stderr)
    for expected in [
      "# SoftMarginLoss: `float32/2x2/mean/doc-example`",
      "Recorded: value float32 [] = 0.6764237880706787",
      "Swift computed: value float32 [] = 0.6764237880706787",
      "x = torch.tensor([[0.30000001192092896, 0.699999988079071], [0.5, 0.5]], dtype=torch.float32)",
      "output = mindspore.nn.SoftMarginLoss(reduction='mean')(logits=x, labels=y)",
      "storage: .float32([0x1.333334p-2, 0x1.666666p-1, 0x1p-1, 0x1p-1])",
      "Recorded: unsupported error: RuntimeError: The kernel SoftMarginLoss unregistered.",
    ] {
      XCTAssertTrue(run.stdout.contains(expected), expected)
    }
    let nonFinite = try ParityProcess.run(["show", "float16/8/none/edge-input-large", "--fixtures", fixtures])
    XCTAssertTrue(nonFinite.stdout.contains("float('inf')"), nonFinite.stdout)
    XCTAssertTrue(nonFinite.stdout.contains("Float16(bitPattern: 0x"), nonFinite.stdout)

    let typo = try ParityProcess.run(["show", "float32/2x2/mean/doc-exampel", "--fixtures", fixtures])
    XCTAssertEqual(typo.status, 2)
    XCTAssertTrue(typo.stderr.contains("did you mean 'float32/2x2/mean/doc-example'"), typo.stderr)

    let wrong = ParityProcess.packageRoot.appendingPathComponent("Tests/ParityCLITests/Fixtures/wrong-golden").path
    let mismatch = try ParityProcess.run(["show", "float32/2x2/mean/doc-example-wrong-golden", "--fixtures", wrong])
    XCTAssertEqual(mismatch.status, 1)
    XCTAssertTrue(mismatch.stdout.contains("**mismatch**"), mismatch.stdout)
  }

  func testSubcommandHelpHasExamples() throws {
    for command in ["run", "list", "show", "diff"] {
      let run = try ParityProcess.run([command, "--help"])
      XCTAssertEqual(run.status, 0)
      XCTAssertTrue(run.stdout.contains("EXAMPLES:"), command)
    }
  }
}
