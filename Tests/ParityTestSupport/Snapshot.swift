import Foundation
import XCTest

/// Golden-file checks: text compared with a file under `__Snapshots__` beside the test.
///
/// Set `PARITY_RECORD_SNAPSHOTS=1` to write the current text as the new snapshot; the test
/// then fails once, so a recording is never mistaken for a pass.
public enum Snapshot {
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["PARITY_RECORD_SNAPSHOTS"] == "1"
  }

  public static func assertMatches(
    _ text: String, named name: String, testFile: StaticString = #filePath, line: UInt = #line
  ) {
    let folder = URL(fileURLWithPath: "\(testFile)").deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let url = folder.appendingPathComponent(name)
    if isRecording {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        XCTFail("recorded snapshot \(name); run again without PARITY_RECORD_SNAPSHOTS", file: testFile, line: line)
      } catch {
        XCTFail("cannot record snapshot \(url.path): \(error)", file: testFile, line: line)
      }
      return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      XCTFail("no snapshot at \(url.path); run with PARITY_RECORD_SNAPSHOTS=1 to record it", file: testFile, line: line)
      return
    }
    if expected != text {
      let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let b = text.split(separator: "\n", omittingEmptySubsequences: false)
      let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
      let was = index < a.count ? String(a[index]) : "<end>"
      let now = index < b.count ? String(b[index]) : "<end>"
      XCTFail(
        "snapshot \(name) differs at line \(index + 1):\n  snapshot: \(was)\n  now:      \(now)\n"
          + "(PARITY_RECORD_SNAPSHOTS=1 records the new text)", file: testFile, line: line)
    }
  }
}
