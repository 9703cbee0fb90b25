// lane-study: what `Float`-lane arithmetic would buy the float32 SoftMarginLoss kernel, and
// what it would cost in agreement with PyTorch. Prints a markdown table: the time per element
// of each chain on one thread over a 256-element block (in L1), and each chain's distance
// in ULPs from PyTorch's recorded results (the goldens) and from the kernel's chain on
// random inputs. Run from the repository root, on an AVX2/FMA machine, with nothing else
// running:
//
//   swift run -c release --package-path Benchmarks lane-study [fixtures-folder]

import CParityCPU
import Dispatch
import Foundation
import ParityCore
import ParityFixtures
import enum ParityMathHaswell.HaswellVectorMath

typealias Chain = (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void

/// The kernel's float32 chain: each op evaluated in `Double` and rounded to `Float`.
func faithful(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ count: Int) {
  HaswellVectorMath.softMarginLossRounded(
    input: UnsafeBufferPointer(start: x, count: count), target: UnsafeBufferPointer(start: y, count: count),
    output: UnsafeMutableBufferPointer(start: out, count: count))
}

let chains: [(name: String, run: Chain)] = [
  ("faithful: each op in `Double`, rounded (the kernel)", faithful),
  ("`Double` `exp` (ParityMath's `expForFloat`, one pass) + musl-style `log1pf` in `Float` lanes", HybridChain.run),
  ("Cephes-style `expf` + musl-style `log1pf`, all in `Float` lanes", FloatChain.run),
  ("short `Float` chain (degree-5 `exp`, degree-3 `log1p`, no overflow or subnormal care)", ShortChain.run),
]

/// `chain` over `x`, `y`, zero-padded to a multiple of 8.
func evaluate(_ chain: Chain, _ x: [Float], _ y: [Float]) -> [Float] {
  let padded = (x.count + 7) / 8 * 8
  let px = x + [Float](repeating: 0, count: padded - x.count), py = y + [Float](repeating: 0, count: padded - y.count)
  var out = [Float](repeating: 0, count: padded)
  px.withUnsafeBufferPointer { xb in
    py.withUnsafeBufferPointer { yb in
      out.withUnsafeMutableBufferPointer { ob in chain(xb.baseAddress!, yb.baseAddress!, ob.baseAddress!, padded) }
    }
  }
  return Array(out.prefix(x.count))
}

/// ULPs between two floats as the reports count them (`ULP.distance`); NaN against NaN is 0,
/// NaN against a number is as far as it gets.
func ulps(_ a: Float, _ b: Float) -> Int {
  if a.isNaN && b.isNaN { return 0 }
  return ULP.distance(Double(a), Double(b), in: .float32).map { Int($0) } ?? Int.max
}

/// Counts of 0, 1 and 2-or-more ULPs.
struct Tally {
  var exact = 0, one = 0, more = 0
  var total: Int { exact + one + more }
  mutating func add(_ distance: Int) {
    switch distance {
    case 0: exact += 1
    case 1: one += 1
    default: more += 1
    }
  }
  var counts: String { "\(exact) / \(one) / \(more)" }
  var shares: String {
    func pct(_ n: Int) -> String { String(format: "%.2f%%", 100 * Double(n) / Double(total)) }
    return "\(pct(exact)) / \(pct(one)) / \(pct(more))"
  }
}

guard parity_cpu_runs_haswell_code() != 0 else {
  FileHandle.standardError.write("lane-study: needs a CPU with AVX2 and FMA\n".data(using: .utf8)!)
  exit(2)
}
let fixturesFolder = CommandLine.arguments.dropFirst().first ?? "Fixtures"

// MARK: Goldens: PyTorch's float32 results of reduction 'none' with equal input and target shapes

var goldenInputs: [(x: [Float], y: [Float], expected: [Float])] = []
do {
  for fixture in try FixtureLoader().loadAll(from: [fixturesFolder]) {
    for fixtureCase in fixture.cases {
      guard let call = fixtureCase.call("pytorch"), case .value(let output) = call.outcome.result,
        output.dtype == .float32
      else { continue }
      var reduction = "mean", legacy = false, reduce = true
      var names: [String: String] = [:]
      for (name, value) in call.arguments {
        switch (name, value) {
        case ("reduction", .string(let s)): reduction = s
        case ("reduce", .bool(let b)): (legacy, reduce) = (true, b)
        case ("reduce", _), ("size_average", _): legacy = true
        case (_, .tensor(let tensorName)): names[name] = tensorName
        default: break
        }
      }
      guard (legacy ? !reduce : reduction == "none"),
        let input = names["input"].flatMap(fixtureCase.tensor(named:)),
        let target = names["target"].flatMap(fixtureCase.tensor(named:)),
        input.dtype == .float32, target.dtype == .float32, input.shape == target.shape, output.count == input.count
      else { continue }
      goldenInputs.append((
        input.storage.doubleValues.map { Float($0) }, target.storage.doubleValues.map { Float($0) },
        output.storage.doubleValues.map { Float($0) }))
    }
  }
} catch {
  FileHandle.standardError.write("lane-study: \(error)\n".data(using: .utf8)!)
  exit(2)
}
var goldenTallies = [Tally](repeating: Tally(), count: chains.count)
for golden in goldenInputs {
  for (c, chain) in chains.enumerated() {
    for (got, expected) in zip(evaluate(chain.run, golden.x, golden.y), golden.expected) {
      goldenTallies[c].add(ulps(got, expected))
    }
  }
}

// MARK: Random inputs: x normal with standard deviation 3 (SplitMix64, Box-Muller), y = ±1

/// SplitMix64: a small, seeded, reproducible generator.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
var generator = SplitMix64(state: 0x5EED)
let randomCount = 1 << 22
var randomX = [Float](), randomY = [Float]()
randomX.reserveCapacity(randomCount)
randomY.reserveCapacity(randomCount)
for _ in 0..<randomCount {
  let u1 = Double(generator.next() >> 11) * 0x1p-53 + 0x1p-60, u2 = Double(generator.next() >> 11) * 0x1p-53
  randomX.append(Float(3 * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)))
  randomY.append(generator.next() & 1 == 0 ? 1 : -1)
}
let reference = evaluate(chains[0].run, randomX, randomY)
var randomTallies = [Tally](repeating: Tally(), count: chains.count)
for c in chains.indices.dropFirst() {
  for (got, expected) in zip(evaluate(chains[c].run, randomX, randomY), reference) { randomTallies[c].add(ulps(got, expected)) }
}

// MARK: Time per element, one 256-element block in L1, the chains taking turns

let timedX = Array(randomX.prefix(block)), timedY = Array(randomY.prefix(block))
var timedOut = [Float](repeating: 0, count: block)
let rounds = 7, samplesPerRound = 9, passes = 200
var samples = [[Double]](repeating: [], count: chains.count)
timedX.withUnsafeBufferPointer { x in
  timedY.withUnsafeBufferPointer { y in
    timedOut.withUnsafeMutableBufferPointer { out in
      for _ in 0..<rounds {
        for (c, chain) in chains.enumerated() {
          chain.run(x.baseAddress!, y.baseAddress!, out.baseAddress!, block)
          for _ in 0..<samplesPerRound {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<passes { chain.run(x.baseAddress!, y.baseAddress!, out.baseAddress!, block) }
            let end = DispatchTime.now().uptimeNanoseconds
            samples[c].append(Double(end - start) / Double(passes * block))
          }
        }
      }
    }
  }
}
func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

print("| chain | ns per element (one thread, L1) | goldens: bit-exact / 1 ULP / 2+ ULP from PyTorch | random: bit-exact / 1 ULP / 2+ ULP from the faithful chain |")
print("| --- | --- | --- | --- |")
for (c, chain) in chains.enumerated() {
  let random = c == 0 ? "—" : randomTallies[c].shares
  print("| \(chain.name) | \(String(format: "%.2f", median(samples[c]))) | \(goldenTallies[c].counts) | \(random) |")
}
print("")
print("\(goldenTallies[0].total) golden elements from \(goldenInputs.count) cases; \(randomCount) random elements.")
