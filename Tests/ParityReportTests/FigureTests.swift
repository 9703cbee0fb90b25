import Foundation
import XCTest
import ParityCore
import ParityKernels
import Parity
import ParityTestSupport
@testable import ParityReport

final class FigureTests: XCTestCase {
  static let fullRun: Result<RunResult, any Error> = Result { try Runner().run(CommittedFixtures.load()) }

  func fullReport() throws -> MappingReport {
    MappingReport(try XCTUnwrap(try Self.fullRun.get().apis.first))
  }

  func float32Panel() throws -> CurveSamples {
    try XCTUnwrap(MarginCurve.softMarginLoss.samples.first { $0.dtype == .float32 })
  }

  func testEveryFigureIsWellFormedPlainSVG() throws {
    let figures = try fullReport().figures
    XCTAssertEqual(
      figures.map(\.path),
      ["float16", "bfloat16", "float32", "float64"].map { "figures/SoftMarginLoss-margin-\($0).svg" }
        + ["figures/SoftMarginLoss-ulp.svg"])
    for figure in figures {
      let parsed = try SVGParse(figure.svg)
      XCTAssertEqual(parsed.root, "svg", figure.path)
      XCTAssertEqual(parsed.elements.first?.attributes["xmlns"], "http://www.w3.org/2000/svg")
      XCTAssertFalse(figure.svg.lowercased().contains("<script"), figure.path)
      XCTAssertFalse(figure.svg.contains("href"), "no external references: \(figure.path)")
      for element in parsed.elements {
        let numbers = ["x", "y", "x1", "y1", "x2", "y2", "width", "height", "cx", "cy", "r", "font-size"]
          .compactMap { element.attributes[$0] }
          + (element.attributes["points"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        for number in numbers {
          XCTAssertTrue(Double(number)?.isFinite ?? false, "\(figure.path): \(element.name) has \(number)")
          XCTAssertFalse(number.contains("e"), "fixed decimals, no exponent: \(number)")
        }
      }
      XCTAssertEqual(Set(parsed.elements.map(\.name)).subtracting(["svg", "title", "desc", "rect", "line", "polyline", "circle", "text"]), [])
      XCTAssertTrue(figure.svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
    }
  }

  func testFiguresAreByteIdenticalAcrossRenders() throws {
    let selection = MappingReportTests.selection
    let first = try Runner().run(CommittedFixtures.load(), selection: selection)
    let second = try Runner().run(CommittedFixtures.load(), selection: selection)
    let a = MappingReport(try XCTUnwrap(first.apis.first)).figures
    let b = MappingReport(try XCTUnwrap(second.apis.first)).figures
    XCTAssertEqual(a.map(\.path), b.map(\.path))
    XCTAssertEqual(a.map(\.svg), b.map(\.svg))
    XCTAssertEqual(ReportSet(first).files.map(\.contents), ReportSet(second).files.map(\.contents))
  }

  func testTheFloat32OverflowAnnotationLiesBetween88And89() throws {
    let panel = try float32Panel()
    let mark = try XCTUnwrap(panel.marks.first { $0.annotation.kind == .becomesInfinite && $0.annotation.series == "pytorch" })
    let margin = try XCTUnwrap(mark.margin)
    XCTAssertGreaterThan(margin, 88)
    XCTAssertLessThan(margin, 89)
    // The first float32 margin at which the port gives inf: the one below it is finite.
    XCTAssertEqual(try pytorch(Float(margin)), .infinity)
    XCTAssertTrue(try pytorch(Float(margin).nextDown).isFinite)

    // The figure draws it there and says so.
    let figure = MarginCurveFigure(curve: .softMarginLoss, samples: panel)
    let parsed = try SVGParse(figure.svg)
    XCTAssertTrue(parsed.texts.contains("PyTorch overflows to inf for m ≥ 88.72284"), "\(parsed.texts)")
    let x = AxisScale(domain: panel.range, from: MarginCurveFigure.plotLeft, to: MarginCurveFigure.plotRight)
    let annotationLines = parsed.elements("line", where: ["stroke-dasharray": "3 3"]).compactMap { Double($0.attributes["x1"] ?? "") }
    XCTAssertTrue(annotationLines.contains { $0 > x.position(88) && $0 < x.position(89) }, "\(annotationLines)")
  }

  func testTheFloat32ZeroPointIsWhereTheMindSporeSeriesFirstHitsZero() throws {
    let panel = try float32Panel()
    let mark = try XCTUnwrap(panel.marks.first { $0.annotation.kind == .becomesZero && $0.annotation.series == "mindspore" })
    let margin = try XCTUnwrap(mark.margin)
    // Every sample at or below it is 0, every one above is not.
    let values = try XCTUnwrap(panel.series("mindspore")?.log10Losses)
    for (m, value) in zip(panel.margins, values) {
      XCTAssertEqual(value == -.infinity, m <= margin, "m = \(m)")
    }
    // And to the float: the kernel form gives 0 there and not at the next float up.
    XCTAssertEqual(try mindspore(Float(margin)), 0)
    XCTAssertGreaterThan(try mindspore(Float(margin).nextUp), 0)
    // Where 1 + exp(m) rounds to 1 in float32: exp(m) at most 2^-24.
    XCTAssertEqual(margin, -24 * log(2.0), accuracy: 1e-5)
    // PyTorch's log1p keeps the loss there.
    XCTAssertGreaterThan(try pytorch(Float(margin)), 0)

    let parsed = try SVGParse(MarginCurveFigure(curve: .softMarginLoss, samples: panel).svg)
    XCTAssertTrue(parsed.texts.contains("log(1 + exp) rounds to 0 for m ≤ -16.635532"), "\(parsed.texts)")
  }

  func testASeriesWithoutTheDTypeIsLeftOutAndSaysWhy() throws {
    let panel = try XCTUnwrap(MarginCurve.softMarginLoss.samples.first { $0.dtype == .bfloat16 })
    let series = try XCTUnwrap(panel.series("mindspore"))
    XCTAssertNil(series.log10Losses)
    XCTAssertTrue(series.absence?.contains("Tensor[BFloat16]") ?? false, series.absence ?? "")
    XCTAssertNil(panel.marks.first { $0.annotation.series == "mindspore" }?.margin)
    let parsed = try SVGParse(MarginCurveFigure(curve: .softMarginLoss, samples: panel).svg)
    XCTAssertTrue(parsed.texts.contains("MindSpore kernel form: none for bfloat16"))
  }

  func testTheExactCurveStaysFiniteWherePyTorchDoesNot() throws {
    for panel in MarginCurve.softMarginLoss.samples {
      let exact = try XCTUnwrap(panel.series("exact")?.log10Losses)
      XCTAssertTrue(exact.allSatisfy(\.isFinite), "\(panel.dtype)")
      let pytorch = try XCTUnwrap(panel.series("pytorch")?.log10Losses)
      XCTAssertTrue(pytorch.contains(.infinity) && pytorch.contains(-.infinity), "\(panel.dtype) shows both ends")
    }
    // log10(log(1 + e^m)): m / ln 10 far below zero, log10(m) far above.
    XCTAssertEqual(MarginCurve.exactLog10Loss(-760), -760 / log(10.0), accuracy: 1e-12)
    XCTAssertEqual(MarginCurve.exactLog10Loss(-700), -700 / log(10.0), accuracy: 1e-12)
    XCTAssertEqual(MarginCurve.exactLog10Loss(0), log10(log(2.0)), accuracy: 1e-15)
    XCTAssertEqual(MarginCurve.exactLog10Loss(720), log10(720.0), accuracy: 1e-15)
  }

  func testHistogramCountsSumToTheElementCounts() throws {
    let api = try XCTUnwrap(try Self.fullRun.get().apis.first)
    let distribution = ULPDistribution(api)
    XCTAssertEqual(distribution.dtypes, [.float16, .bfloat16, .float32, .float64])
    XCTAssertEqual(distribution.sources, [.recordedAgainstExact(framework: "pytorch"), .swiftAgainstRecorded(framework: "pytorch")])
    for dtype in distribution.dtypes {
      let recorded = api.cases.flatMap { $0.recordedAgainstExact.map(\.comparison) }.filter { $0.dtype == dtype }
      let swift = api.cases.flatMap { $0.checks.compactMap(\.values) }.filter { $0.dtype == dtype }
      for (source, comparisons) in [
        (ULPSource.recordedAgainstExact(framework: "pytorch"), recorded), (.swiftAgainstRecorded(framework: "pytorch"), swift),
      ] {
        let h = try XCTUnwrap(distribution.histogram(source, dtype))
        XCTAssertEqual(h.total, comparisons.map(\.elementCount).reduce(0, +), "\(source) \(dtype)")
        XCTAssertEqual(h.nonFinite, comparisons.map(\.nonFiniteDisagreements).reduce(0, +), "\(source) \(dtype)")
        XCTAssertEqual(h.counts[0] + h.counts[1], comparisons.map(\.withinOneULPElements).reduce(0, +), "\(source) \(dtype)")
        let maxULP = comparisons.compactMap(\.maxULP).max() ?? 0
        XCTAssertEqual(h.counts.lastIndex { $0 > 0 }, ULPHistogram.bucket(maxULP), "\(source) \(dtype)")
      }
    }
    // The port reproduces PyTorch's infinities: no non-finite disagreement against the recording.
    XCTAssertTrue(distribution.dtypes.allSatisfy { distribution.histogram(.swiftAgainstRecorded(framework: "pytorch"), $0)?.nonFinite == 0 })
    // The figure says the same in its description.
    let figure = try XCTUnwrap(try fullReport().figures.last)
    let description = try XCTUnwrap(SVGParse(figure.svg).texts.dropFirst().first)
    let float16 = try XCTUnwrap(distribution.histogram(.recordedAgainstExact(framework: "pytorch"), .float16))
    XCTAssertTrue(description.contains("float16, PyTorch recorded vs exact: 0 ULP: \(float16.counts[0])"), description)
  }

  func testFiguresArePartOfTheReportSetAndItsStalenessCheck() throws {
    let run = try Runner().run(CommittedFixtures.load(), selection: MappingReportTests.selection)
    let set = ReportSet(run)
    XCTAssertEqual(set.files.map(\.name), ["SoftMarginLoss.md"] + MappingReport(run.apis[0]).figures.map(\.path) + ["README.md"])
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let reports = directory.url.appendingPathComponent("reports").path
    try set.write(to: reports)
    XCTAssertEqual(set.stale(in: reports), [])
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: reports + "/figures").sorted(),
      set.files.map(\.name).filter { $0.hasPrefix("figures/") }.map { String($0.dropFirst("figures/".count)) }.sorted())
    try "<svg/>\n".write(toFile: reports + "/figures/SoftMarginLoss-ulp.svg", atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: reports + "/figures/SoftMarginLoss-margin-float16.svg")
    XCTAssertEqual(set.stale(in: reports), ["figures/SoftMarginLoss-margin-float16.svg", "figures/SoftMarginLoss-ulp.svg"])
    let markdown = set.files[0].contents
    for figure in MappingReport(run.apis[0]).figures {
      XCTAssertTrue(markdown.contains("](\(figure.path))"), figure.path)
    }
  }

  func testTheSelectionHistogramMatchesItsSnapshot() throws {
    let run = try Runner().run(CommittedFixtures.load(), selection: MappingReportTests.selection)
    let figure = try XCTUnwrap(MappingReport(try XCTUnwrap(run.apis.first)).figures.last)
    XCTAssertEqual(figure.path, "figures/SoftMarginLoss-ulp.svg")
    Snapshot.assertMatches(figure.svg, named: "SoftMarginLoss-ulp-selection.svg")
  }

  /// The PyTorch port's loss at margin `m` (x = -m, y = 1) in float32.
  func pytorch(_ m: Float) throws -> Float {
    let value = try SoftMarginLoss.pytorch(input: Tensor([-m]), target: Tensor([Float(1)]), reduction: .none)
    guard case .float32(let v) = value.storage else { throw XCTSkip("not float32") }
    return v[0]
  }

  /// The MindSpore kernel form's loss at margin `m` (x = -m, y = 1) in float32.
  func mindspore(_ m: Float) throws -> Float {
    let value = try SoftMarginLoss.mindspore(logits: Tensor([-m]), labels: Tensor([Float(1)]), reduction: .none)
    guard case .float32(let v) = value.storage else { throw XCTSkip("not float32") }
    return v[0]
  }
}
