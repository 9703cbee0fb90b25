import Dispatch
import Foundation
import Parity
import ParityFixtures
import ParityReport
import ParityTestSupport
import XCTest

/// The library's side of determinism: `Runner.run` renders the same reports and summary
/// whatever order its fixtures come in, and the same as checking every case one at a time
/// on one thread, or while other runs compete for the cores.
final class RunnerDeterminismTests: XCTestCase {
  nonisolated(unsafe) static var cached: [Fixture]?

  /// The committed fixtures, loaded once for the class, paths relative to the package root.
  func fixtures() throws -> [Fixture] {
    if let cached = Self.cached { return cached }
    let root = ParityProcess.packageRoot.path
    let loaded = try FixtureLoader().loadAll(from: [root + "/Fixtures"]).map { fixture -> Fixture in
      var fixture = fixture
      fixture.path = String(fixture.path.dropFirst(root.count + 1))
      return fixture
    }
    // Every committed file, in byte-wise path order (the seed's first: "S" sorts before "n").
    XCTAssertEqual(loaded.map(\.path), loaded.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    XCTAssertEqual(loaded.prefix(2).map(\.path), ["Fixtures/SoftMarginLoss-long.json", "Fixtures/SoftMarginLoss.json"])
    Self.cached = loaded
    return loaded
  }

  /// `Fixtures/SoftMarginLoss.json` cut into five fixtures of consecutive cases (paths
  /// `...json#0` to `#4`), so that shuffling the list really changes the order.
  func pieces() throws -> [Fixture] {
    let whole = try XCTUnwrap(try fixtures().first { $0.path == "Fixtures/SoftMarginLoss.json" })
    let size = (whole.cases.count + 4) / 5
    return stride(from: 0, to: whole.cases.count, by: size).enumerated().map { index, start in
      var piece = whole
      piece.path = whole.path + "#\(index)"
      piece.cases = Array(whole.cases[start..<min(start + size, whole.cases.count)])
      return piece
    }
  }

  static func rendered(_ result: RunResult) -> [String] {
    ReportSet(result).files.map { "\($0.name)\n\($0.contents)" } + [JSONSummary(result).json]
  }

  func testFixtureOrderDoesNotMatter() throws {
    let fixtures = try pieces()
    XCTAssertEqual(fixtures.count, 5)
    let expected = Self.rendered(try Runner().run(fixtures))
    XCTAssertEqual(Self.rendered(try Runner().run(fixtures.reversed())), expected)
    var random = SeededGenerator(seed: 0x0D7E)
    for _ in 0..<2 {
      XCTAssertEqual(Self.rendered(try Runner().run(fixtures.shuffled(using: &random))), expected)
    }
    // And the whole committed set, in both orders.
    let all = try self.fixtures()
    XCTAssertEqual(Self.rendered(try Runner().run(all.reversed())), Self.rendered(try Runner().run(all)))
  }

  /// Every case checked in order on this thread, assembled as the runner assembles its result.
  func testOneThreadGivesWhatAllCoresGive() throws {
    let fixtures = try fixtures()
    let concurrent = try Runner().run(fixtures)
    var apis: [APIResult] = []
    for id in Set(fixtures.map(\.api)).sorted() {
      let mapping = try XCTUnwrap(MappingRegistry.standard.mapping(id: id))
      let mine = fixtures.filter { $0.api == id }
      var cases: [CaseResult] = []
      for fixture in mine {
        for fixtureCase in fixture.cases { cases.append(Runner.run(fixtureCase, from: fixture.path, mapping: mapping)) }
      }
      apis.append(APIResult(mapping: mapping, fixtures: mine.map(FixtureHeader.init), cases: cases))
    }
    let sequential = RunResult(apis: apis)
    XCTAssertEqual(Self.rendered(sequential), Self.rendered(concurrent))
  }

  /// Four runs at once oversubscribe the cores, so cases finish in other orders.
  func testCompetingRunsGiveTheSameOutput() throws {
    let fixtures = try pieces()
    let expected = Self.rendered(try Runner().run(fixtures))
    let results = ResultBox(count: 4)
    DispatchQueue.concurrentPerform(iterations: 4) { index in
      results.set(index, (try? Runner().run(index.isMultiple(of: 2) ? fixtures : fixtures.reversed())).map(Self.rendered))
    }
    for index in 0..<4 { XCTAssertEqual(results.get(index), expected, "run \(index)") }
  }
}

private final class ResultBox: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [[String]?]

  init(count: Int) { values = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: [String]?) {
    lock.lock()
    values[index] = value
    lock.unlock()
  }

  func get(_ index: Int) -> [String]? {
    lock.lock()
    defer { lock.unlock() }
    return values[index]
  }
}
