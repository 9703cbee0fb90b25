import CParityCPU
import Dispatch
import Foundation
import Synchronization

/// Helper threads for the chunked kernels that stay awake for a moment after each job.
///
/// Dispatch's workers go to sleep as soon as a `concurrentPerform` ends, and waking one takes
/// about 13 µs on this kind of VM (measured: 16 chunks of 4 µs took 45 µs on two cores,
/// against 32 µs of work each), a sixth of a 2^16-element loss. PyTorch's OpenMP threads
/// spin between parallel regions; these spin for `spinDuration` and then wait on a
/// condition. Which thread runs a chunk never changes a result: each chunk writes only its
/// own outputs. One job runs at a time; a caller that finds the workers busy uses Dispatch.
final class ChunkWorkers: @unchecked Sendable {
  static let shared = ChunkWorkers(helpers: max(usableCores() - 1, 0))

  /// The cores this thread may run on: the affinity mask where the system has one (a process
  /// started under `taskset`, or in a container limited to some cores, must not get a
  /// spinning helper per core it cannot use), else the active processor count.
  static func usableCores() -> Int {
    let cores = Int(parity_cpu_usable_cores())
    return cores > 0 ? cores : ProcessInfo.processInfo.activeProcessorCount
  }

  /// How long an idle helper keeps checking for the next job before it sleeps.
  static let spinDuration: UInt64 = 200_000  // ns

  private let helpers: Int
  private let busy = Atomic<Bool>(false)
  /// Odd while a job is open, even between jobs; bumped when a job opens and when it closes.
  /// A helper runs chunks only of the job it saw open, and only while that job is open.
  private let generation = Atomic<Int>(0)
  private let nextChunk = Atomic<Int>(0)
  private let unfinished = Atomic<Int>(0)
  /// Helpers between picking up a job and letting go of its body.
  private let inside = Atomic<Int>(0)
  private let wake = NSCondition()
  private var started = false
  // Written only while no helper is inside (see `run`), read only by helpers inside.
  private var body: (@Sendable (Int) -> Void)?
  private var chunks = 0

  init(helpers: Int) {
    self.helpers = helpers
  }

  /// Runs `body(chunk)` for every chunk in `0..<chunks`, on this thread and the helpers, and
  /// returns when all have finished.
  func run(_ chunks: Int, _ body: @escaping @Sendable (Int) -> Void) {
    guard helpers > 0 else {
      // One usable core: other threads would only take turns on it.
      for chunk in 0..<chunks { body(chunk) }
      return
    }
    guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
      DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
      return
    }
    defer { busy.store(false, ordering: .releasing) }
    startHelpersOnce()
    self.body = body
    self.chunks = chunks
    nextChunk.store(0, ordering: .relaxed)
    unfinished.store(chunks, ordering: .relaxed)
    wake.lock()
    generation.add(1, ordering: .sequentiallyConsistent)  // open
    wake.broadcast()
    wake.unlock()

    runChunks(body, chunks)
    waitUntil { unfinished.load(ordering: .acquiring) == 0 }
    // Close, then wait out the helpers inside. A helper counts itself inside before it
    // checks that the job is open, so (all four steps sequentially consistent) either it
    // sees the job closed or this sees it inside: none runs a chunk after this loop, when
    // the caller's buffers may be gone.
    generation.add(1, ordering: .sequentiallyConsistent)
    waitUntil { inside.load(ordering: .sequentiallyConsistent) == 0 }
    self.body = nil
  }

  /// Spins until `done()`; after the first thousand checks, yields the core between checks,
  /// in case the thread it waits for shares it (a process limited to one core).
  private func waitUntil(_ done: () -> Bool) {
    var checks = 0
    while !done() {
      checks += 1
      if checks > 1000 { sched_yield() }
    }
  }

  /// Claims chunks until none are left.
  private func runChunks(_ body: (Int) -> Void, _ chunks: Int) {
    while true {
      let chunk = nextChunk.add(1, ordering: .relaxed).oldValue
      guard chunk < chunks else { return }
      body(chunk)
      unfinished.subtract(1, ordering: .releasing)
    }
  }

  private func startHelpersOnce() {
    guard !started else { return }
    started = true
    for _ in 0..<helpers {
      let thread = Thread { [self] in helperLoop() }
      thread.name = "parity-chunks"
      thread.start()
    }
  }

  private func helperLoop() {
    var seen = generation.load(ordering: .acquiring)
    while true {
      seen = waitForJob(after: seen)
      inside.add(1, ordering: .sequentiallyConsistent)
      if generation.load(ordering: .sequentiallyConsistent) == seen, let body {
        runChunks(body, chunks)
      }
      inside.subtract(1, ordering: .releasing)
    }
  }

  /// The generation of the next open job after `seen`: spins for `spinDuration`, then sleeps.
  private func waitForJob(after seen: Int) -> Int {
    func opened(_ current: Int) -> Bool { current != seen && current & 1 == 1 }
    let start = DispatchTime.now().uptimeNanoseconds
    var polls = 0
    while true {
      let current = generation.load(ordering: .acquiring)
      if opened(current) { return current }
      polls += 1
      if polls % 64 == 0, DispatchTime.now().uptimeNanoseconds - start > Self.spinDuration { break }
    }
    wake.lock()
    defer { wake.unlock() }
    while true {
      let current = generation.load(ordering: .acquiring)
      if opened(current) { return current }
      wake.wait()
    }
  }
}
