import Foundation
import ParityFixtures
import ParityTestSupport
import XCTest

final class FixtureDiscoveryTests: XCTestCase {
  var directory: TemporaryDirectory!

  override func setUpWithError() throws {
    directory = try TemporaryDirectory()
    let fixture = FixtureText.example
    for path in [
      "b.json", "a.json", "sub/c.json", "a-b.json", "a/b.json", "sub/deeper/d.json",
      // Skipped: hidden files and everything under hidden folders, and non-JSON files.
      ".hidden.json", "record/.venv/lib/site-packages/pkg/data.json", "sub/.git/x.json", "notes.txt", "sub/data.JSON",
    ] {
      try directory.write(fixture, to: path)
    }
    try FileManager.default.createDirectory(atPath: directory.path + "/empty", withIntermediateDirectories: true)
  }

  override func tearDown() {
    directory.remove()
  }

  func testFindsJSONRecursivelyInSortedOrderSkippingHidden() throws {
    let root = directory.path
    let found = try FixtureLoader.discover([root])
    // Byte order: '-' (0x2D) sorts before '.' (0x2E) and '/' (0x2F).
    XCTAssertEqual(found, ["a-b.json", "a.json", "a/b.json", "b.json", "sub/c.json", "sub/deeper/d.json"].map { root + "/" + $0 })
  }

  func testRootsMayBeFilesAndOverlapWithoutDuplicates() throws {
    let root = directory.path
    let found = try FixtureLoader.discover([root + "/sub/", root + "/b.json", root + "//sub", root + "/sub/deeper/d.json"])
    XCTAssertEqual(found, [root + "/b.json", root + "/sub/c.json", root + "/sub/deeper/d.json"])
    // An explicitly named file is taken even when hidden.
    XCTAssertEqual(try FixtureLoader.discover([root + "/.hidden.json"]), [root + "/.hidden.json"])
    XCTAssertEqual(try FixtureLoader.discover([root + "/empty"]), [])
    XCTAssertEqual(try FixtureLoader.discover([]), [])
  }

  func testSymbolicLinksToFilesAreFollowedOnce() throws {
    let root = directory.path
    try FileManager.default.createSymbolicLink(atPath: root + "/sub/link.json", withDestinationPath: root + "/b.json")
    try FileManager.default.createSymbolicLink(atPath: root + "/sub/loop", withDestinationPath: root)
    let found = try FixtureLoader.discover([root + "/sub"])
    XCTAssertEqual(found, [root + "/sub/c.json", root + "/sub/deeper/d.json", root + "/sub/link.json"])
    // The link and its target are one file: listed once, under the path that sorts first.
    XCTAssertFalse(try FixtureLoader.discover([root]).contains(root + "/sub/link.json"))
  }

  func testMissingRootIsAnError() {
    let missing = directory.path + "/nope"
    XCTAssertThrowsError(try FixtureLoader.discover([missing])) { error in
      guard let error = error as? FixtureError, case .unreadable = error.reason else { return XCTFail("\(error)") }
      XCTAssertEqual(error.description, "\(missing): cannot read: no such file or directory")
    }
  }

  func testLoadAll() throws {
    let root = directory.path
    let fixtures = try FixtureLoader().loadAll(from: [root + "/sub"])
    XCTAssertEqual(fixtures.map(\.path), [root + "/sub/c.json", root + "/sub/deeper/d.json"])
    XCTAssertEqual(fixtures.map { $0.cases.count }, [1, 1])

    try directory.write("{}", to: "sub/deeper/b-broken.json")
    XCTAssertThrowsError(try FixtureLoader().loadAll(from: [root + "/sub"])) { error in
      XCTAssertEqual((error as? FixtureError)?.description, root + #"/sub/deeper/b-broken.json: missing required field "format""#)
    }
  }

  func testLoadAllReportsTheFirstBadFileInPathOrderWhateverDecodesFirst() throws {
    let root = directory.path
    // Files decode concurrently: a large bad file early in path order and a tiny one late must
    // still report the early one, every time.
    try directory.write("{\"format\": 7" + String(repeating: " ", count: 1 << 20) + "}", to: "sub/a-large-broken.json")
    try directory.write("[]", to: "sub/z-broken.json")
    for _ in 0..<20 {
      XCTAssertThrowsError(try FixtureLoader().loadAll(from: [root + "/sub"])) { error in
        XCTAssertEqual((error as? FixtureError)?.file, root + "/sub/a-large-broken.json")
      }
    }
  }
}
