import Dispatch
import Foundation
@testable import ParityKernels
import Synchronization
import XCTest

/// `ChunkWorkers` runs every chunk exactly once per job, whether its helpers are spinning,
/// asleep, or busy with another caller's job.
final class ChunkWorkersTests: XCTestCase {
  /// Counts of how often each chunk ran, for one job.
  final class Tally: Sendable {
    let counts: Mutex<[Int]>
    init(_ chunks: Int) { counts = Mutex([Int](repeating: 0, count: chunks)) }
    func record(_ chunk: Int) { counts.withLock { $0[chunk] += 1 } }
    var ranOnceEach: Bool { counts.withLock { $0.allSatisfy { $0 == 1 } } }
  }

  func testEveryChunkRunsOnceInJobsBackToBack() {
    let workers = ChunkWorkers(helpers: 2)
    for job in 0..<2000 {
      let chunks = 1 + job % 37
      let tally = Tally(chunks)
      workers.run(chunks) { tally.record($0) }
      XCTAssertTrue(tally.ranOnceEach, "job \(job): \(chunks) chunks")
    }
  }

  /// Gaps longer than `spinDuration` put the helpers to sleep between jobs.
  func testEveryChunkRunsOnceAfterTheHelpersSleep() {
    let workers = ChunkWorkers(helpers: 1)
    for job in 0..<20 {
      let tally = Tally(16)
      workers.run(16) { chunk in
        tally.record(chunk)
        usleep(50)
      }
      XCTAssertTrue(tally.ranOnceEach, "job \(job)")
      usleep(UInt32(ChunkWorkers.spinDuration / 1000) * 2)
    }
  }

  /// Callers that find the workers busy fall back to Dispatch; every job still completes.
  func testConcurrentCallersEachGetEveryChunk() {
    let workers = ChunkWorkers(helpers: 1)
    let failures = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: 8) { caller in
      for job in 0..<200 {
        let chunks = 1 + (caller * 7 + job) % 23
        let tally = Tally(chunks)
        workers.run(chunks) { tally.record($0) }
        if !tally.ranOnceEach { failures.add(1, ordering: .relaxed) }
      }
    }
    XCTAssertEqual(failures.load(ordering: .relaxed), 0)
  }

  /// `usableCores` follows the affinity mask: this test runs itself again under
  /// `taskset -c 0`, where the machine may have more cores but the process has one.
  func testUsableCoresFollowTheAffinityMask() throws {
    if ProcessInfo.processInfo.environment["PARITY_EXPECT_ONE_CORE"] != nil {
      XCTAssertEqual(ChunkWorkers.usableCores(), 1)
      return
    }
    XCTAssertEqual(ChunkWorkers.usableCores(), ProcessInfo.processInfo.activeProcessorCount)
    let taskset = "/usr/bin/taskset"
    guard FileManager.default.isExecutableFile(atPath: taskset) else { throw XCTSkip("no \(taskset)") }
    let child = Process()
    child.executableURL = URL(fileURLWithPath: taskset)
    child.arguments = ["-c", "0", CommandLine.arguments[0], "ParityKernelsTests.ChunkWorkersTests/testUsableCoresFollowTheAffinityMask"]
    child.environment = ProcessInfo.processInfo.environment.merging(["PARITY_EXPECT_ONE_CORE": "1"]) { $1 }
    child.standardOutput = FileHandle.nullDevice
    child.standardError = FileHandle.nullDevice
    try child.run()
    child.waitUntilExit()
    XCTAssertEqual(child.terminationStatus, 0, "the test under taskset -c 0 failed")
  }

  func testNoHelpersRunsOnTheCallersTerms() {
    let tally = Tally(5)
    ChunkWorkers(helpers: 0).run(5) { tally.record($0) }
    XCTAssertTrue(tally.ranOnceEach)
  }
}
