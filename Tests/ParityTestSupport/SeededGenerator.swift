/// The loader tests' name for the shared seeded generator.
public typealias SeededGenerator = SplitMix64
