extension Summation {
  /// Levels of `cascade`'s tree whose subtrees `cascadeOnAllCores` sums in parallel: 16
  /// leaves, enough for two or more cores to share evenly.
  static let parallelLevels = 4

  /// `cascade`, bit for bit, with the work on all cores for long sums: the top
  /// `parallelLevels` of its tree are split exactly as `cascade` splits them, the subtrees
  /// summed in parallel, and their sums combined along the same tree.
  static func cascadeOnAllCores<T: BinaryFloatingPoint & SIMDScalar>(_ values: UnsafeBufferPointer<T>) -> T {
    guard let base = values.baseAddress, values.count >= Chunking.parallelThreshold else { return cascade(values) }
    var leaves: [Range<Int>] = []
    func split(_ range: Range<Int>, levels: Int) {
      guard levels > 0, range.count > blockLength else { return leaves.append(range) }
      let half = (range.count / 2 + 31) & ~31
      split(range.lowerBound..<range.lowerBound + half, levels: levels - 1)
      split(range.lowerBound + half..<range.upperBound, levels: levels - 1)
    }
    split(0..<values.count, levels: parallelLevels)
    let ranges = leaves
    nonisolated(unsafe) let base_ = base
    let sums = [T](unsafeUninitializedCapacity: ranges.count) { sums, initialized in
      nonisolated(unsafe) let sums = sums
      Chunking.forEach(ranges.count, elements: values.count) { leaf in
        sums[leaf] = cascade(base_ + ranges[leaf].lowerBound, count: ranges[leaf].count)
      }
      initialized = ranges.count
    }
    var next = 0
    func combine(_ range: Range<Int>, levels: Int) -> T {
      guard levels > 0, range.count > blockLength else {
        defer { next += 1 }
        return sums[next]
      }
      let half = (range.count / 2 + 31) & ~31
      let left = combine(range.lowerBound..<range.lowerBound + half, levels: levels - 1)
      return left + combine(range.lowerBound + half..<range.upperBound, levels: levels - 1)
    }
    return combine(0..<values.count, levels: parallelLevels)
  }
}
