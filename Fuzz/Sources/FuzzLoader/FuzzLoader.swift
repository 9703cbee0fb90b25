import ParityCore
import ParityFixtures

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer entry point: any bytes into the fixture loader, twice (with the default limits,
/// and with limits small enough that every limit is reached), checking what it promises:
/// a refusal is a typed `FixtureError` naming the file; an accepted fixture has unique case
/// ids, tensors whose element counts match their shapes and the limit, and tensor arguments
/// that name tensors of their case. Anything else, or a trap, is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: size == 0 ? nil : data, count: size)
  check(FixtureLoader(), bytes)
  check(FixtureLoader(limits: tight), bytes)
  return 0
}

let tight = LoaderLimits(maxElementsPerTensor: 16, maxFileBytes: 1 << 16, maxNestingDepth: 6, maxStringLength: 48)
let path = "fuzz/input.json"

func check(_ loader: FixtureLoader, _ bytes: UnsafeRawBufferPointer) {
  let fixture: Fixture
  do {
    fixture = try loader.load(bytes: bytes, path: path)
  } catch {
    refused(error, loader.limits, bytes.count)
    return
  }
  accepted(fixture, loader.limits)
}

func refused(_ error: FixtureError, _ limits: LoaderLimits, _ size: Int) {
  guard error.file == path else { finding("error names \(error.file), not the file") }
  let text = error.description
  guard text.hasPrefix(path + ": ") else { finding("message does not start with the file: \(text)") }
  if case .text(_, let offset) = error.location, offset < 0 || offset > size {
    finding("text offset \(offset) outside 0...\(size)")
  }
  switch error.reason {
  case .tooManyElements(let count, let limit):
    guard limit == limits.maxElementsPerTensor, count > limit else { finding("tooManyElements \(count) vs \(limit)") }
  case .nestingTooDeep(let limit):
    guard limit == limits.maxNestingDepth else { finding("nestingTooDeep \(limit)") }
  case .stringTooLong(let limit):
    guard limit == limits.maxStringLength else { finding("stringTooLong \(limit)") }
  case .fileTooLarge(let bytes, let limit):
    guard limit == limits.maxFileBytes, bytes > limit else { finding("fileTooLarge \(bytes) vs \(limit)") }
  default:
    break
  }
}

func accepted(_ fixture: Fixture, _ limits: LoaderLimits) {
  var ids = Set<String>()
  for fixtureCase in fixture.cases {
    guard ids.insert(fixtureCase.id).inserted else { finding("duplicate case id \(fixtureCase.id) accepted") }
    for (_, tensor) in fixtureCase.tensors { checkTensor(tensor, limits) }
    let names = Set(fixtureCase.tensors.map(\.name))
    for call in fixtureCase.calls {
      for (_, argument) in call.arguments {
        if case .tensor(let name) = argument, !names.contains(name) { finding("argument names no tensor: \(name)") }
      }
      if case .value(let tensor) = call.outcome.result { checkTensor(tensor, limits) }
      if let tolerance = call.tolerance {
        guard tolerance.rtol.isFinite, tolerance.rtol >= 0, tolerance.atol.isFinite, tolerance.atol >= 0 else {
          finding("tolerance \(tolerance) accepted")
        }
      }
    }
  }
}

func checkTensor(_ tensor: Tensor, _ limits: LoaderLimits) {
  guard let count = Shape.elementCount(tensor.shape) else { finding("shape \(tensor.shape) has no element count") }
  guard count == tensor.storage.count else { finding("shape \(tensor.shape) holds \(tensor.storage.count) elements") }
  guard count <= limits.maxElementsPerTensor else { finding("\(count) elements accepted, limit \(limits.maxElementsPerTensor)") }
}

/// A broken promise: `fatalError` prints it and traps, which libFuzzer records as a crash.
func finding(_ message: String) -> Never {
  fatalError("FuzzLoader finding: \(message)")
}
