/// Bounds that keep a hostile or broken fixture from exhausting memory or time.
/// Every one is checked before the memory it guards is allocated.
public struct LoaderLimits: Sendable, Hashable {
  /// The most elements one tensor may have (checked from its shape, before its data).
  public var maxElementsPerTensor: Int
  /// The largest file the loader reads (checked from its size, before reading it).
  public var maxFileBytes: Int
  /// How deep arrays and objects may nest (at most `JSONParser.depthCeiling`).
  public var maxNestingDepth: Int
  /// The most UTF-8 bytes in one JSON string, which bounds a `base64` payload too.
  public var maxStringLength: Int
  /// The most JSON numbers in one file (checked as each is scanned): the parser keeps each
  /// as 32 bytes until the file is decoded, so a big file of `0,0,…` is refused before it
  /// costs 16 times its size. Large tensors belong in `base64`, which this does not count.
  public var maxNumbersPerFile: Int

  public init(
    maxElementsPerTensor: Int = 1 << 26,
    maxFileBytes: Int = 512 << 20,
    maxNestingDepth: Int = 64,
    maxStringLength: Int = 64 << 20,
    maxNumbersPerFile: Int = 1 << 24
  ) {
    self.maxElementsPerTensor = maxElementsPerTensor
    self.maxFileBytes = maxFileBytes
    self.maxNestingDepth = maxNestingDepth
    self.maxStringLength = maxStringLength
    self.maxNumbersPerFile = maxNumbersPerFile
  }

  /// The parser options these limits imply.
  public var parserOptions: JSONParser.Options {
    JSONParser.Options(maxDepth: maxNestingDepth, maxStringLength: maxStringLength, maxNumbers: maxNumbersPerFile)
  }
}
