import Foundation
import XCTest
@testable import ParityReport

final class SVGDocumentTests: XCTestCase {
  func testNumbersHaveFixedDecimalsAndNoNegativeZero() {
    XCTAssertEqual(SVGNumber.format(0), "0.00")
    XCTAssertEqual(SVGNumber.format(-0.0), "0.00")
    XCTAssertEqual(SVGNumber.format(-0.004), "0.00")
    XCTAssertEqual(SVGNumber.format(-0.005), "-0.01")
    XCTAssertEqual(SVGNumber.format(12.5), "12.50")
    XCTAssertEqual(SVGNumber.format(1e-9), "0.00")
    XCTAssertEqual(SVGNumber.format(123456.789), "123456.79")
    XCTAssertEqual(SVGNumber.format(-3.14159, decimals: 4), "-3.1416")
    XCTAssertEqual(SVGNumber.format(7.6, decimals: 0), "8")
  }

  func testTextAndAttributesAreEscaped() {
    XCTAssertEqual(XMLText.escape(#"<a href="x">&'b'</a>"#), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;b&apos;&lt;/a&gt;")
    XCTAssertEqual(XMLText.escape("tab\tbell\u{7}"), "tab\tbell ")
  }

  func testAHostileDocumentIsStillWellFormedPlainSVG() throws {
    var svg = SVGDocument(width: 100, height: 50, title: "<script>alert(1)</script>", summary: "a & b ]]> c")
    svg.text("</text><script>x</script>", x: 1, y: 2, anchor: .middle, bold: true, halo: true, rotation: -90)
    svg.polyline([(0, 0), (1.005, -2.5)], stroke: "#000\"onload=\"x", width: 1, dash: "3 3")
    svg.line(x1: 0, y1: 0, x2: 1, y2: 1, stroke: "#111111")
    svg.rect(x: 0, y: 0, width: 1, height: 1, fill: "none", stroke: "#222222")
    svg.circle(cx: 1, cy: 1, r: 2, fill: "red")
    let text = svg.rendered
    let parsed = try SVGParse(text)
    XCTAssertEqual(parsed.root, "svg")
    XCTAssertFalse(parsed.elements.contains { $0.name == "script" })
    XCTAssertFalse(text.contains("<script"))
    XCTAssertEqual(parsed.texts.first { $0.hasPrefix("</text>") }, "</text><script>x</script>")
    XCTAssertTrue(text.hasSuffix("</svg>\n"))
    XCTAssertEqual(text, svg.rendered)
  }

  func testRoundTicks() {
    XCTAssertEqual(AxisScale.roundStep(span: 210, count: 10), 50)
    XCTAssertEqual(AxisScale.roundStep(span: 34, count: 10), 5)
    XCTAssertEqual(AxisScale.roundStep(span: 1480, count: 10), 200)
    XCTAssertEqual(AxisScale.roundStep(span: 0.3, count: 8, minimum: 1), 1)
    let scale = AxisScale(domain: -110...100, from: 0, to: 210)
    XCTAssertEqual(scale.ticks(step: 50), [-100, -50, 0, 50, 100])
    XCTAssertEqual(scale.position(-110), 0)
    XCTAssertEqual(scale.position(0), 110)
    XCTAssertEqual(AxisScale.label(-50, step: 50), "-50")
    XCTAssertEqual(AxisScale.label(0.25, step: 0.05), "0.25")
  }
}
