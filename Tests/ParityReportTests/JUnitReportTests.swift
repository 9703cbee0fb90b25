import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import ParityFixtures
import Parity
import ParityTestSupport
@testable import ParityReport

final class JUnitReportTests: XCTestCase {
  /// Reads JUnit XML and checks it against the structure CI systems accept (the Ant/Jenkins
  /// JUnit schema's elements and required attributes), collecting what it found.
  final class StrictJUnitReader: NSObject, XMLParserDelegate {
    var stack: [String] = []
    var problems: [String] = []
    var testcases = 0
    var failures = 0
    var skipped = 0
    var suites: [(name: String, tests: Int, failures: Int, skipped: Int)] = []
    var suiteCounts = (tests: 0, failures: 0, skipped: 0)

    static let allowedChildren: [String: Set<String>] = [
      "": ["testsuites"], "testsuites": ["testsuite"], "testsuite": ["testcase", "properties", "system-out", "system-err"],
      "testcase": ["failure", "skipped", "error", "system-out", "system-err"],
    ]
    static let required: [String: [String]] = [
      "testsuites": ["tests", "failures"], "testsuite": ["name", "tests", "failures", "errors", "skipped"],
      "testcase": ["name", "classname", "time"], "failure": ["message", "type"], "skipped": ["message"],
    ]

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      let parent = stack.last ?? ""
      if !(Self.allowedChildren[parent]?.contains(name) ?? false) { problems.append("<\(name)> inside <\(parent)>") }
      for attribute in Self.required[name] ?? [] where attributes[attribute] == nil {
        problems.append("<\(name)> without \(attribute)")
      }
      for key in ["tests", "failures", "errors", "skipped"] where attributes[key] != nil && Int(attributes[key]!) == nil {
        problems.append("<\(name)> \(key)=\(attributes[key]!) is not a count")
      }
      switch name {
      case "testsuite":
        suites.append((attributes["name"] ?? "", Int(attributes["tests"] ?? "") ?? -1, Int(attributes["failures"] ?? "") ?? -1, Int(attributes["skipped"] ?? "") ?? -1))
        suiteCounts = (0, 0, 0)
      case "testcase": testcases += 1; suiteCounts.tests += 1
      case "failure": failures += 1; suiteCounts.failures += 1
      case "skipped": skipped += 1; suiteCounts.skipped += 1
      default: break
      }
      stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "testsuite", let suite = suites.last,
        (suite.tests, suite.failures, suite.skipped) != (suiteCounts.tests, suiteCounts.failures, suiteCounts.skipped)
      {
        problems.append("testsuite \(suite.name) declares \(suite) but holds \(suiteCounts)")
      }
      stack.removeLast()
    }

    static func read(_ xml: String) -> (StrictJUnitReader, Bool) {
      let reader = StrictJUnitReader()
      let parser = XMLParser(data: Data(xml.utf8))
      parser.delegate = reader
      return (reader, parser.parse())
    }
  }

  func testCommittedRunIsValidJUnit() throws {
    let result = try Runner().run(CommittedFixtures.load())
    let xml = JUnitReport(result).xml
    let (reader, parsed) = StrictJUnitReader.read(xml)
    XCTAssertTrue(parsed)
    XCTAssertEqual(reader.problems, [])
    XCTAssertEqual(reader.testcases, result.totals.checks)
    XCTAssertEqual(reader.failures, result.totals.mismatch)
    XCTAssertEqual(reader.skipped, result.totals.unverified)
    XCTAssertEqual(reader.suites.map(\.name), result.apis.map(\.mapping.id))
    XCTAssertEqual(reader.suites.count, 18)
    XCTAssertTrue(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
    XCTAssertEqual(xml, JUnitReport(try Runner().run(CommittedFixtures.load())).xml, "deterministic")
  }

  func testAMismatchIsAFailureWithFiguresAndEveryAwkwardCharacterIsEscaped() throws {
    let awkward = #"a&b<c>\"d'e\u0001f"#  // JSON text: the id holds a quote and a control character
    let text = FixtureText.document(cases: [
      FixtureText.case(
        id: awkward,
        tensors: #"{ "x": { "dtype": "float32", "shape": [2], "data": [0.5, -1] }, "y": { "dtype": "float32", "shape": [2], "data": [1, 1] } }"#,
        calls: #"{ "pytorch": { "args": { "input": {"tensor": "x"}, "target": {"tensor": "y"} }, "outcome": { "value": { "dtype": "float32", "shape": [], "data": [9] } } } }"#)
    ])
    let fixture = try FixtureLoader().load(bytes: Array(text.utf8), path: "t<&>.json")
    let xml = JUnitReport(try Runner().run([fixture])).xml
    let (reader, parsed) = StrictJUnitReader.read(xml)
    XCTAssertTrue(parsed, xml)
    XCTAssertEqual(reader.problems, [])
    XCTAssertEqual(reader.failures, 1)
    XCTAssertTrue(xml.contains(#"name="a&amp;b&lt;c&gt;&quot;d&apos;e\u{1}f""#), xml)
    XCTAssertTrue(xml.contains(#"file="t&lt;&amp;&gt;.json""#), xml)
    XCTAssertTrue(xml.contains("1 of 1 elements outside rtol"), xml)
    XCTAssertFalse(xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control characters")
  }

  func testEscapeCoversXMLSpecialsAndInvalidCharacters() {
    XCTAssertEqual(JUnitReport.escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
    XCTAssertEqual(JUnitReport.escape("tab\tline\ncr\r"), "tab&#9;line&#10;cr&#13;")
    XCTAssertEqual(JUnitReport.escape("\u{0}\u{1B}\u{FFFE}é"), "\\u{0}\\u{1b}\\u{fffe}é")
  }
}
