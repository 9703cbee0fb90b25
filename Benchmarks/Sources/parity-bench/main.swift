// parity-bench: the Swift half of Benchmarks/compare.py.
//
// A line protocol on stdin/stdout, so the Python driver can alternate its own timings with
// this process's inside one run, without paying process start-up per measurement. Every
// request is one line, its words separated by tabs (or by spaces when it has no tab); every
// answer is one line, `ok key=value ...` or `error <message>`.
//
//   info
//   kernel <float32|float64> <none|mean|sum> <x.bin> <y.bin> <n> <reps>
//       median/min seconds per SoftMarginLoss.pytorch call over <reps> timed calls, after
//       one warm-up call (whose time is `first`); inputs are raw little-endian files,
//       read once and kept while the same files are asked for.
//   loss <name> <none|mean> <x.bin> <y.bin> <n> <reps>
//       as `kernel`, float32, for a part-1 loss through its public PyTorch entry point:
//       l1, mse, smooth_l1, huber, bce, bce_with_logits, kl_div, poisson_nll
//   bandwidth <MiB> <reps>
//       read bandwidth: sum a <MiB> array on every core, median over <reps>, in GB/s (1e9 B/s)
//   load <dir> <reps>
//       median/min seconds of FixtureLoader().loadAll(from: [dir]) over <reps> timed loads,
//       after one warm-up load (whose time is `first`)
//   quit
//
// Only the public API of the main package is called, so a faster kernel behind
// `SoftMarginLoss.pytorch` is measured without any change here.

import Dispatch
import Foundation
import ParityCore
import ParityFixtures
import ParityKernels

// MARK: - Clock and statistics

/// Monotonic nanoseconds (CLOCK_MONOTONIC on Linux).
@inline(__always) func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func seconds(_ start: UInt64, _ end: UInt64) -> Double { Double(end &- start) / 1e9 }

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let mid = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

// MARK: - Kernel

/// The inputs of the last `kernel` request, kept so alternating rounds do not re-read files.
nonisolated(unsafe) var cachedInputs: (key: String, x: Tensor, y: Tensor)?
/// Every result is stored here after its timer stops: the call cannot be optimised away, and
/// the previous result is released outside the timed region.
nonisolated(unsafe) var lastResult: Tensor?

func readRaw<T>(_ path: String, count: Int, as type: T.Type) throws -> [T] {
  guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
  guard data.count == count * MemoryLayout<T>.stride else {
    throw BenchError("\(path) has \(data.count) bytes, expected \(count * MemoryLayout<T>.stride)")
  }
  return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
    data.withUnsafeBytes { raw in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
    }
    initialized = count
  }
}

func inputs(dtype: String, x xPath: String, y yPath: String, n: Int) throws -> (Tensor, Tensor) {
  let key = [dtype, xPath, yPath, String(n)].joined(separator: "\u{0}")
  if let cached = cachedInputs, cached.key == key { return (cached.x, cached.y) }
  cachedInputs = nil  // release the previous pair before reading the next one
  let x: Tensor
  let y: Tensor
  switch dtype {
  case "float32":
    x = Tensor(try readRaw(xPath, count: n, as: Float.self))
    y = Tensor(try readRaw(yPath, count: n, as: Float.self))
  case "float64":
    x = Tensor(try readRaw(xPath, count: n, as: Double.self))
    y = Tensor(try readRaw(yPath, count: n, as: Double.self))
  default:
    throw BenchError("unsupported dtype \(dtype) (float32 or float64)")
  }
  cachedInputs = (key, x, y)
  return (x, y)
}

/// A summary of a result that the driver compares with PyTorch's: the value of a 0-d result,
/// or the sum (in Double) of an elementwise one.
func checksum(_ tensor: Tensor) -> Double {
  switch tensor.storage {
  case .float32(let v): return v.reduce(0.0) { $0 + Double($1) }
  case .float64(let v): return v.reduce(0.0, +)
  default: return .nan
  }
}

func kernel(_ args: [Substring]) throws -> String {
  guard args.count == 6, let n = Int(args[4]), let reps = Int(args[5]), n >= 0, reps >= 1 else {
    throw BenchError("usage: kernel <dtype> <reduction> <x.bin> <y.bin> <n> <reps>")
  }
  guard let reduction = LossReduction(rawValue: String(args[1])) else { throw BenchError("unknown reduction \(args[1])") }
  let (x, y) = try inputs(dtype: String(args[0]), x: String(args[2]), y: String(args[3]), n: n)
  return try timed(reps) { () throws(KernelError) in try SoftMarginLoss.pytorch(input: x, target: y, reduction: reduction) }
}

/// The part-1 losses by the names the driver uses, each through its public PyTorch entry.
func loss(_ args: [Substring]) throws -> String {
  guard args.count == 6, let n = Int(args[4]), let reps = Int(args[5]), n >= 0, reps >= 1 else {
    throw BenchError("usage: loss <name> <reduction> <x.bin> <y.bin> <n> <reps>")
  }
  guard let r = LossReduction(rawValue: String(args[1])) else { throw BenchError("unknown reduction \(args[1])") }
  let (x, y) = try inputs(dtype: "float32", x: String(args[2]), y: String(args[3]), n: n)
  let call: () throws(KernelError) -> Tensor
  switch args[0] {
  case "l1": call = { () throws(KernelError) in try L1Loss.pytorch(input: x, target: y, reduction: r).value }
  case "mse": call = { () throws(KernelError) in try MSELoss.pytorch(input: x, target: y, reduction: r).value }
  case "smooth_l1": call = { () throws(KernelError) in try SmoothL1Loss.pytorch(input: x, target: y, reduction: r, beta: 1).value }
  case "huber": call = { () throws(KernelError) in try HuberLoss.pytorch(input: x, target: y, reduction: r, delta: 1).value }
  case "bce":
    call = { () throws(KernelError) in try BinaryCrossEntropy.pytorch(input: x, target: y, weight: nil, reduction: r).value }
  case "bce_with_logits":
    call = { () throws(KernelError) in
      try BinaryCrossEntropyWithLogits.pytorch(input: x, target: y, weight: nil, posWeight: nil, reduction: r).value
    }
  case "kl_div":
    call = { () throws(KernelError) in try KLDivLoss.pytorch(input: x, target: y, reduction: r, batchmean: false, logTarget: false).value }
  case "poisson_nll":
    call = { () throws(KernelError) in
      try PoissonNLLLoss.pytorch(input: x, target: y, logInput: true, full: false, eps: 1e-8, reduction: r).value
    }
  default: throw BenchError("unknown loss \(args[0])")
  }
  return try timed(reps, call)
}

/// median/min seconds of `call` over `reps` timed calls after one warm-up (`first`), and the
/// last result's checksum.
func timed(_ reps: Int, _ call: () throws(KernelError) -> Tensor) throws -> String {
  var samples: [Double] = []
  samples.reserveCapacity(reps)
  var first = 0.0
  for rep in -1..<reps {
    let start = now()
    let result: Tensor
    do throws(KernelError) {
      result = try call()
    } catch {
      throw BenchError("kernel error: \(error)")
    }
    let end = now()
    lastResult = result
    if rep < 0 { first = seconds(start, end) } else { samples.append(seconds(start, end)) }
  }
  let check = lastResult.map(checksum) ?? .nan
  return "median=\(median(samples)) min=\(samples.min()!) first=\(first) reps=\(reps) check=\(check)"
}

// MARK: - Memory-read bandwidth

/// Sums a large Float array on every core: one contiguous chunk per core (the same split on
/// every rep), four 8-lane accumulators per chunk so the adds never wait on each other.
final class BandwidthProbe: @unchecked Sendable {
  let base: UnsafeMutablePointer<Float>
  let count: Int
  let threads: Int
  let partials: UnsafeMutablePointer<Float>

  init(bytes: Int, threads: Int) {
    // A multiple of 32 lanes per chunk, so every chunk runs whole 4x8-lane steps.
    let step = 32 * threads
    count = max(step, bytes / MemoryLayout<Float>.stride / step * step)
    self.threads = threads
    base = .allocate(capacity: count)
    for i in 0..<count { base[i] = Float(i & 7) }  // touch every page before timing
    partials = .allocate(capacity: threads)
  }

  deinit {
    base.deallocate()
    partials.deallocate()
  }

  var bytes: Int { count * MemoryLayout<Float>.stride }

  func sum() -> Float {
    let chunk = count / threads
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      let start = UnsafeRawPointer(base + t * chunk)
      var a = SIMD8<Float>(), b = SIMD8<Float>(), c = SIMD8<Float>(), d = SIMD8<Float>()
      var offset = 0
      let end = chunk * MemoryLayout<Float>.stride
      while offset < end {
        a += start.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
        b += start.loadUnaligned(fromByteOffset: offset + 32, as: SIMD8<Float>.self)
        c += start.loadUnaligned(fromByteOffset: offset + 64, as: SIMD8<Float>.self)
        d += start.loadUnaligned(fromByteOffset: offset + 96, as: SIMD8<Float>.self)
        offset += 128
      }
      partials[t] = ((a + b) + (c + d)).sum()
    }
    var total: Float = 0
    for t in 0..<threads { total += partials[t] }
    return total
  }
}

func bandwidth(_ args: [Substring]) throws -> String {
  guard args.count == 2, let mib = Int(args[0]), let reps = Int(args[1]), mib > 0, reps >= 1 else {
    throw BenchError("usage: bandwidth <MiB> <reps>")
  }
  let threads = ProcessInfo.processInfo.activeProcessorCount
  let probe = BandwidthProbe(bytes: mib << 20, threads: threads)
  var rates: [Double] = []
  var sink: Float = 0
  for rep in -1..<reps {
    let start = now()
    sink += probe.sum()
    let end = now()
    if rep >= 0 { rates.append(Double(probe.bytes) / 1e9 / seconds(start, end)) }
  }
  return "gbps=\(median(rates)) best=\(rates.max()!) threads=\(threads) bytes=\(probe.bytes) sink=\(sink)"
}

// MARK: - Fixture loading

func load(_ args: [Substring]) throws -> String {
  guard args.count == 2, let reps = Int(args[1]), reps >= 1 else { throw BenchError("usage: load <dir> <reps>") }
  let root = String(args[0])
  let loader = FixtureLoader()
  var samples: [Double] = []
  var first = 0.0
  var cases = 0
  var files = 0
  for rep in -1..<reps {
    let start = now()
    let fixtures: [Fixture]
    do throws(FixtureError) {
      fixtures = try loader.loadAll(from: [root])
    } catch {
      throw BenchError("loader error: \(error)")
    }
    let end = now()
    if rep < 0 { first = seconds(start, end) } else { samples.append(seconds(start, end)) }
    files = fixtures.count
    cases = fixtures.reduce(0) { $0 + $1.cases.count }
  }
  return "median=\(median(samples)) min=\(samples.min()!) first=\(first) files=\(files) cases=\(cases)"
}

// MARK: - Protocol loop

func respond(_ line: String) -> String? {
  // Tab-separated when the line has a tab (paths may hold spaces), else space-separated.
  let separator: Character = line.contains("\t") ? "\t" : " "
  let words = line.split(separator: separator, omittingEmptySubsequences: true)
  guard let command = words.first else { return "error empty request" }
  let args = Array(words.dropFirst())
  do {
    switch command {
    case "info":
      #if DEBUG
        let configuration = "debug"
      #else
        let configuration = "release"
      #endif
      return "ok cores=\(ProcessInfo.processInfo.activeProcessorCount) configuration=\(configuration)"
    case "kernel": return "ok " + (try kernel(args))
    case "loss": return "ok " + (try loss(args))
    case "bandwidth": return "ok " + (try bandwidth(args))
    case "load": return "ok " + (try load(args))
    case "quit": return nil
    default: throw BenchError("unknown command \(command)")
    }
  } catch {
    return "error \(error)"
  }
}

// Written straight to the file descriptor: a pipe would otherwise buffer the answer.
while let line = readLine() {
  guard let answer = respond(line) else { break }
  FileHandle.standardOutput.write(Data((answer + "\n").utf8))
}
