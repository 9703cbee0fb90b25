#if canImport(Glibc)
import Glibc
#endif

/// Output buffers big enough that filling them costs more in page faults than in math.
///
/// A fresh multi-megabyte array comes straight from `mmap`, and on this kind of VM every
/// first touch of a 4 KiB page costs 0.5–3 µs: a 64 MiB float32 result takes about 16,000
/// faults, as long as computing it. Asking for transparent huge pages before the first
/// write makes that 32 faults of 2 MiB. Where the kernel has huge pages off, or this is not
/// Linux, the request does nothing and nothing changes but speed.
enum LargeOutput {
  /// Below this, the array may come from the heap and the faults are few anyway.
  static let hugePageThreshold = 4 << 20

  /// Asks for huge pages over the whole 2 MiB pages inside `buffer`, before it is written.
  static func adviseHugePages<T>(_ buffer: UnsafeMutableBufferPointer<T>) {
    #if os(Linux)
    let bytes = buffer.count * MemoryLayout<T>.stride
    guard bytes >= hugePageThreshold, let base = buffer.baseAddress else { return }
    let hugePage = 2 << 20
    let start = (UInt(bitPattern: base) + UInt(hugePage - 1)) & ~UInt(hugePage - 1)
    let end = (UInt(bitPattern: base) + UInt(bytes)) & ~UInt(hugePage - 1)
    guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
    // Advice only: a failure (no THP support) leaves ordinary pages, with the same contents.
    _ = madvise(aligned, Int(end - start), MADV_HUGEPAGE)
    #endif
  }
}
