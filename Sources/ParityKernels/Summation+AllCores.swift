extension Summation {
  /// Levels of `cascade`'s tree whose subtrees `cascadeOnAllCores` sums in parallel: 16
  /// leaves, enough for two or more cores to share evenly.
  static let parallelLevels = 4

  /// `cascade`, bit for bit, with the work on all cores for long sums.
  static func cascadeOnAllCores<T: BinaryFloatingPoint & SIMDScalar>(_ values: UnsafeBufferPointer<T>) -> T {
    guard let base = values.baseAddress else { return 0 }
    nonisolated(unsafe) let elements = base
    return cascadeOnAllCores(count: values.count) { leaf in block(elements + leaf.lowerBound, count: leaf.count) }
  }

  /// The sum `cascade` would give over `count` values that are never stored whole:
  /// `leafSum` gives `block`'s sum of the values in one leaf of the cascade's tree (at most
  /// `blockLength` of them), computed on demand. The top `parallelLevels` of the tree are
  /// split exactly as `cascade` splits them, their subtrees summed in parallel when the sum
  /// is long, and the subtree sums combined along the same tree.
  static func cascadeOnAllCores<T: BinaryFloatingPoint>(count: Int, leafSum: @escaping @Sendable (Range<Int>) -> T) -> T {
    guard count > 0 else { return 0 }
    var subtrees: [Range<Int>] = []
    func split(_ range: Range<Int>, levels: Int) {
      guard levels > 0, range.count > blockLength else { return subtrees.append(range) }
      let (left, right) = halves(range)
      split(left, levels: levels - 1)
      split(right, levels: levels - 1)
    }
    split(0..<count, levels: count >= Chunking.parallelThreshold ? parallelLevels : 0)
    let ranges = subtrees
    let sums = [T](unsafeUninitializedCapacity: ranges.count) { sums, initialized in
      nonisolated(unsafe) let sums = sums
      Chunking.forEach(ranges.count, elements: count) { subtree in sums[subtree] = tree(ranges[subtree], leafSum) }
      initialized = ranges.count
    }
    var next = 0
    func combine(_ range: Range<Int>) -> T {
      guard next < ranges.count, ranges[next] != range else {
        defer { next += 1 }
        return sums[next]
      }
      let (left, right) = halves(range)
      let leftSum = combine(left)
      return leftSum + combine(right)
    }
    return combine(0..<count)
  }

  /// `cascade`'s tree over `range`, with `leafSum` at its leaves.
  private static func tree<T: BinaryFloatingPoint>(_ range: Range<Int>, _ leafSum: (Range<Int>) -> T) -> T {
    guard range.count > blockLength else { return leafSum(range) }
    let (left, right) = halves(range)
    return tree(left, leafSum) + tree(right, leafSum)
  }

  /// Where `cascade` splits a range: at half, rounded up to a multiple of 32.
  private static func halves(_ range: Range<Int>) -> (Range<Int>, Range<Int>) {
    let middle = range.lowerBound + ((range.count / 2 + 31) & ~31)
    return (range.lowerBound..<middle, middle..<range.upperBound)
  }
}
