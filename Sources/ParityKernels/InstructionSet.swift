import CParityCPU
import Foundation

/// Which build of ParityMath's vector loops this process runs: the portable one, or the one
/// compiled for Haswell-class x86-64 (AVX2, FMA). Both give the same results (no operation
/// is contracted or reordered differently; the portable build's fused multiply-adds go
/// through the C library's `fma`; only a NaN's sign may differ), so the choice changes
/// speed, never values.
enum InstructionSet: Sendable {
  case portable
  case haswell

  /// Decided once per process from the CPU's feature flags. `PARITY_INSTRUCTION_SET=portable`
  /// in the environment forces the portable build, to compare the two or to rule one out.
  static let current: InstructionSet = {
    if ProcessInfo.processInfo.environment["PARITY_INSTRUCTION_SET"] == "portable" { return .portable }
    return parity_cpu_runs_haswell_code() != 0 ? .haswell : .portable
  }()
}
