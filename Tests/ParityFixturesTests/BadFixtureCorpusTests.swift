import ParityFixtures
import ParityTestSupport
import XCTest

/// Every file of the bad-fixture corpus is refused with the reason and the whole message
/// (file, case id, JSON path or line and column) that `Corpus/bad/EXPECTED.tsv` gives it.
final class BadFixtureCorpusTests: XCTestCase {
  func testEveryFileIsRefusedWithItsReasonAndLocation() throws {
    let entries = try BadFixtureCorpus.entries()
    for entry in entries {
      let path = entry.path
      do {
        let fixture = try FixtureLoader(limits: entry.limits).load(contentsOf: path)
        XCTFail("\(entry.file): loaded \(fixture.cases.count) cases, expected \(entry.reason)")
      } catch {
        XCTAssertEqual(BadFixtureCorpus.reasonName(error.reason), entry.reason, entry.file)
        XCTAssertEqual(error.file, path, entry.file)
        XCTAssertEqual(error.description, "\(path): \(entry.message)", entry.file)
        // A message naming a case carries its id as data too.
        if entry.message.hasPrefix("case \"") {
          XCTAssertNotNil(error.caseID, entry.file)
          XCTAssertNotNil(error.jsonPath, entry.file)
        }
      }
    }
  }

  /// From memory the same bytes give the same error: nothing depends on how the file was read.
  func testBytesInMemoryGiveTheSameError() throws {
    for entry in try BadFixtureCorpus.entries() where !entry.flags.contains(where: { $0.hasPrefix("--max-file-bytes") }) {
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry.path)))
      do {
        _ = try FixtureLoader(limits: entry.limits).load(bytes: bytes, path: entry.file)
        XCTFail("\(entry.file): loaded")
      } catch {
        XCTAssertEqual(error.description, "\(entry.file): \(entry.message)")
      }
    }
  }

  func testManifestListsEveryFileExactlyOnce() throws {
    let listed = try BadFixtureCorpus.entries().map(\.file)
    let files = try BadFixtureCorpus.files()
    XCTAssertEqual(Set(listed).count, listed.count, "a file listed twice in EXPECTED.tsv")
    XCTAssertEqual(Set(files).subtracting(listed).sorted(), [], "files without a row in EXPECTED.tsv")
    XCTAssertEqual(Set(listed).subtracting(files).sorted(), [], "rows without a file")
    XCTAssertGreaterThanOrEqual(files.count, 40)
  }

  func testEveryRejectionClassHasAFile() throws {
    let reasons = Set(try BadFixtureCorpus.entries().map(\.reason))
    XCTAssertEqual(Set(BadFixtureCorpus.contractReasons).subtracting(reasons).sorted(), [])
    XCTAssertEqual(reasons.subtracting(BadFixtureCorpus.contractReasons).sorted(), [], "unknown reason names")
  }

  /// The files the issue names, so the corpus keeps them.
  func testNamedHostileInputsArePresent() throws {
    let files = Set(try BadFixtureCorpus.files())
    for name in [
      "zero-bytes.json", "truncated-object.json", "bad-utf8.json", "deep-nesting.json", "duplicate-case-id.json",
      "shape-overflows-int.json", "shape-2e40-three-values.json", "base64-wrong-length.json", "float16-1e40.json",
      "tensor-missing.json", "outcome-value-and-error.json", "error-kind-unknown.json",
    ] {
      XCTAssertTrue(files.contains(name), name)
    }
    XCTAssertEqual(try Data(contentsOf: BadFixtureCorpus.directory.appendingPathComponent("zero-bytes.json")).count, 0)
  }
}
