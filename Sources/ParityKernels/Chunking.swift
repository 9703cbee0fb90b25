/// How the kernels split elementwise work into chunks and spread them over the cores.
enum Chunking {
  /// Elements per parallel chunk for `count` elements: about a sixteenth of them (a power of
  /// two in [2^12, 2^16]), so a core that starts late or runs slow leaves the others work to
  /// take, while each chunk stays long enough to amortize handing it out. A function of the
  /// count alone, so chunk boundaries, and with them the rounding of a sum, are the same on
  /// any number of cores and under any scheduling.
  static func length(_ count: Int) -> Int {
    let sixteenth = max(count >> 4, 1)
    return min(max(1 << (Int.bitWidth - 1 - sixteenth.leadingZeroBitCount), 1 << 12), 1 << 16)
  }

  /// Below this many elements one thread does all chunks: waking workers costs more than
  /// they save.
  static let parallelThreshold = 1 << 15

  /// Runs `body` for every chunk index, on all cores (`ChunkWorkers`) when there are enough
  /// elements.
  static func forEach(_ chunks: Int, elements: Int, _ body: @escaping @Sendable (Int) -> Void) {
    if elements < parallelThreshold || chunks < 2 {
      for chunk in 0..<chunks { body(chunk) }
    } else {
      ChunkWorkers.shared.run(chunks, body)
    }
  }
}

extension Chunking {
  /// An array of `count` elements that `fill` writes chunk by chunk (`forEach`), each call
  /// given its chunk's range of indices and the whole output buffer, which it writes in that
  /// range only. Large outputs get huge pages first (`LargeOutput`).
  static func array<T>(
    count: Int, _ fill: @escaping @Sendable (Range<Int>, UnsafeMutableBufferPointer<T>) -> Void
  ) -> [T] {
    let chunkLength = length(count)
    return [T](unsafeUninitializedCapacity: count) { out, initialized in
      LargeOutput.adviseHugePages(out)
      nonisolated(unsafe) let out = out
      forEach((count + chunkLength - 1) / chunkLength, elements: count) { chunk in
        fill(chunk * chunkLength..<min(count, (chunk + 1) * chunkLength), out)
      }
      initialized = count
    }
  }
}
