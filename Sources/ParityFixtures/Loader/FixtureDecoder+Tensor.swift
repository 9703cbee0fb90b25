import ParityCore

/// Tensors: dtype, shape and exactly one of `data` or `base64`, checked in that order so the
/// element count is known, and bounded, before any element storage is allocated.
extension FixtureDecoder {
  func tensor(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> Tensor {
    let object = try self.object(value, at: path)
    let dtypePath = path.appending("dtype")
    let dtypeName = try string(required("dtype", in: object, at: path), at: dtypePath)
    guard let dtype = DType(rawValue: dtypeName) else { throw failure(.unknownDType(dtypeName), at: dtypePath) }
    let shapePath = path.appending("shape")
    let shape = try self.shape(required("shape", in: object, at: path), at: shapePath)
    let count = try elementCount(shape, at: shapePath)

    let storage: TensorStorage
    switch (object["data"], object["base64"]) {
    case (let data?, nil):
      storage = try storageFromData(data, dtype: dtype, count: count, shape: shape, at: path.appending("data"))
    case (nil, let encoded?):
      storage = try storageFromBase64(encoded, dtype: dtype, count: count, at: path.appending("base64"))
    case (nil, nil):
      throw failure(.exactlyOneOf(["data", "base64"], found: []), at: path)
    case (_?, _?):
      throw failure(.exactlyOneOf(["data", "base64"], found: ["data", "base64"]), at: path)
    }
    return Tensor(shape: shape, storage: storage)
  }

  func shape(_ value: JSONValue, at path: JSONPath) throws(FixtureError) -> [Int] {
    switch value {
    case .numbers(let numbers):
      var dimensions: [Int] = []
      dimensions.reserveCapacity(numbers.count)
      for (index, number) in numbers.enumerated() {
        dimensions.append(try dimension(number, in: value, at: path, index: index))
      }
      return dimensions
    case .array(let elements):
      // Empty (a scalar), or holding something that is not a number.
      for (index, element) in elements.enumerated() {
        guard case .number(let number) = element else {
          throw failure(.invalidDimension(quote(element)), at: path.appending(index))
        }
        _ = try dimension(number, in: value, at: path, index: index)
      }
      return []
    default:
      throw failure(.wrongType(expected: "an array", found: value.kind), at: path)
    }
  }

  private func dimension(_ number: JSONNumber, in shape: JSONValue, at path: JSONPath, index: Int) throws(FixtureError) -> Int {
    // `2.0` and `2e0` are refused with `2.5`: the contract's dimensions are JSON integers.
    guard number.isIntegerLiteral, number.double >= 0 || number.integer == 0 else {
      throw failure(.invalidDimension(literalText(number)), at: path.appending(index))
    }
    guard let integer = number.integer, let dimension = Int(exactly: integer) else {
      throw failure(.elementCountOverflow(shape: JSONText.render(shape, number: literalText)), at: path)
    }
    return dimension
  }

  /// The product of `shape`, refusing overflow and counts above the limit.
  ///
  /// Counted by `Shape.elementCount`, the rule `Tensor` itself checks, so a shape that is
  /// accepted here is one every later layer can count. (A zero dimension anywhere gives 0
  /// elements, so `[2^62, 4, 0]` is an empty tensor, not an overflow.)
  func elementCount(_ shape: [Int], at path: JSONPath) throws(FixtureError) -> Int {
    guard let count = Shape.elementCount(shape) else {
      throw failure(.elementCountOverflow(shape: "[" + shape.map(String.init).joined(separator: ", ") + "]"), at: path)
    }
    guard count <= limits.maxElementsPerTensor else {
      throw failure(.tooManyElements(count: count, limit: limits.maxElementsPerTensor), at: path)
    }
    return count
  }

  // MARK: data

  func storageFromData(_ value: JSONValue, dtype: DType, count: Int, shape: [Int], at path: JSONPath) throws(FixtureError) -> TensorStorage {
    switch value {
    case .numbers(let numbers):
      guard numbers.count == count else { throw failure(.dataLengthMismatch(count: numbers.count, shape: shape), at: path) }
      return try storage(numbers: numbers, dtype: dtype, at: path)
    case .array(let elements):
      guard elements.count == count else { throw failure(.dataLengthMismatch(count: elements.count, shape: shape), at: path) }
      return try storage(elements: elements, dtype: dtype, at: path)
    default:
      throw failure(.wrongType(expected: "an array", found: value.kind), at: path)
    }
  }

  /// The common case: every element a number, converted in one tight loop per dtype.
  func storage(numbers: [JSONNumber], dtype: DType, at path: JSONPath) throws(FixtureError) -> TensorStorage {
    switch dtype {
    case .float64:
      var values: [Double] = []
      values.reserveCapacity(numbers.count)
      for (index, number) in numbers.enumerated() {
        guard number.double.isFinite else { throw doesNotFit(.number(number), dtype, at: path, index) }
        values.append(number.double)
      }
      return .float64(values)
    case .float32: return .float32(try narrow(numbers, as: Float.self, dtype, at: path))
    case .float16: return .float16(try narrow(numbers, as: Float16.self, dtype, at: path))
    case .bfloat16: return .bfloat16(try narrow(numbers, as: BFloat16.self, dtype, at: path))
    case .int32:
      var values: [Int32] = []
      values.reserveCapacity(numbers.count)
      for (index, number) in numbers.enumerated() {
        guard let integer = number.integer, let value = Int32(exactly: integer) else {
          throw doesNotFit(.number(number), dtype, at: path, index)
        }
        values.append(value)
      }
      return .int32(values)
    case .int64:
      var values: [Int64] = []
      values.reserveCapacity(numbers.count)
      for (index, number) in numbers.enumerated() {
        guard let integer = number.integer else { throw doesNotFit(.number(number), dtype, at: path, index) }
        values.append(integer)
      }
      return .int64(values)
    case .bool:
      // `.numbers` is never empty, and a number is never a bool.
      throw doesNotFit(numbers.first.map { .number($0) } ?? .null, dtype, at: path, 0)
    }
  }

  private func narrow<T: NarrowFloat>(_ numbers: [JSONNumber], as type: T.Type, _ dtype: DType, at path: JSONPath) throws(FixtureError) -> [T] {
    var values: [T] = []
    values.reserveCapacity(numbers.count)
    for (index, number) in numbers.enumerated() {
      guard let value = T.rounding(number, in: bytes) else { throw doesNotFit(.number(number), dtype, at: path, index) }
      values.append(value)
    }
    return values
  }

  /// The general case: numbers mixed with the non-finite spellings (or wrong types).
  func storage(elements: [JSONValue], dtype: DType, at path: JSONPath) throws(FixtureError) -> TensorStorage {
    switch dtype {
    case .float64:
      return .float64(try map(elements, dtype, at: path) { element in
        switch element {
        case .number(let number): return number.double.isFinite ? number.double : nil
        case .string(let text): return Self.nonFinite(text)
        default: return nil
        }
      })
    case .float32: return .float32(try narrow(elements, as: Float.self, dtype, at: path))
    case .float16: return .float16(try narrow(elements, as: Float16.self, dtype, at: path))
    case .bfloat16: return .bfloat16(try narrow(elements, as: BFloat16.self, dtype, at: path))
    case .int32:
      return .int32(try map(elements, dtype, at: path) { element in
        guard case .number(let number) = element, let integer = number.integer else { return nil }
        return Int32(exactly: integer)
      })
    case .int64:
      return .int64(try map(elements, dtype, at: path) { element in
        guard case .number(let number) = element else { return nil }
        return number.integer
      })
    case .bool:
      return .bool(try map(elements, dtype, at: path) { element in
        guard case .bool(let flag) = element else { return nil }
        return flag
      })
    }
  }

  private func narrow<T: NarrowFloat>(_ elements: [JSONValue], as type: T.Type, _ dtype: DType, at path: JSONPath) throws(FixtureError) -> [T] {
    try map(elements, dtype, at: path) { element in
      switch element {
      case .number(let number): return T.rounding(number, in: bytes)
      case .string(let text): return Self.nonFinite(text).map { T(roundingFromDouble: $0) }
      default: return nil
      }
    }
  }

  private func map<T>(_ elements: [JSONValue], _ dtype: DType, at path: JSONPath, _ convert: (JSONValue) -> T?) throws(FixtureError) -> [T] {
    var values: [T] = []
    values.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      guard let value = convert(element) else { throw doesNotFit(element, dtype, at: path, index) }
      values.append(value)
    }
    return values
  }

  /// The contract's only strings in float data.
  static func nonFinite(_ text: String) -> Double? {
    switch text {
    case "nan": return .nan
    case "inf": return .infinity
    case "-inf": return -.infinity
    default: return nil
    }
  }

  func doesNotFit(_ element: JSONValue, _ dtype: DType, at path: JSONPath, _ index: Int) -> FixtureError {
    failure(.valueDoesNotFit(value: quote(element), dtype: dtype), at: path.appending(index))
  }

  // MARK: base64

  func storageFromBase64(_ value: JSONValue, dtype: DType, count: Int, at path: JSONPath) throws(FixtureError) -> TensorStorage {
    guard case .string(var text) = value else { throw failure(.wrongType(expected: "a string", found: value.kind), at: path) }
    let (expected, overflow) = count.multipliedReportingOverflow(by: dtype.byteWidth)
    guard !overflow else {
      // Only with a limit raised past Int.max / width: the bytes, not the elements, overflow,
      // so the limit that applies is the one the byte count allows.
      throw failure(.tooManyElements(count: count, limit: Int.max / dtype.byteWidth), at: path)
    }
    var result: Result<TensorStorage, FixtureError> = .success(.bool([]))
    text.withUTF8 { encoded in
      result = Result { () throws(FixtureError) -> TensorStorage in
        try storage(base64: encoded, dtype: dtype, count: count, expectedBytes: expected, at: path)
      }
    }
    return try result.get()
  }

  private func storage(base64 encoded: UnsafeBufferPointer<UInt8>, dtype: DType, count: Int, expectedBytes expected: Int, at path: JSONPath) throws(FixtureError) -> TensorStorage {
    let decodedCount: Int
    do throws(Base64Error) {
      decodedCount = try Base64.decodedCount(of: encoded)
    } catch {
      throw failure(.invalidBase64(error), at: path)
    }
    guard decodedCount == expected else {
      // The count comes from the length alone; text that is not base64 says so first.
      do throws(Base64Error) {
        try Base64.validate(encoded)
      } catch {
        throw failure(.invalidBase64(error), at: path)
      }
      throw failure(.byteCountMismatch(bytes: decodedCount, expected: expected, dtype: dtype), at: path)
    }
    switch dtype {
    case .float16: return .float16(try littleEndian(encoded, count: count, as: Float16.self, at: path))
    case .bfloat16:
      return .bfloat16(try littleEndian(encoded, count: count, as: UInt16.self, at: path).map(BFloat16.init(bitPattern:)))
    case .float32: return .float32(try littleEndian(encoded, count: count, as: Float.self, at: path))
    case .float64: return .float64(try littleEndian(encoded, count: count, as: Double.self, at: path))
    case .int32: return .int32(try littleEndian(encoded, count: count, as: Int32.self, at: path))
    case .int64: return .int64(try littleEndian(encoded, count: count, as: Int64.self, at: path))
    case .bool:
      let raw = try littleEndian(encoded, count: count, as: UInt8.self, at: path)
      // A `Bool` must be 0 or 1 in memory, so each byte is checked rather than reinterpreted.
      var flags: [Bool] = []
      flags.reserveCapacity(count)
      for (index, byte) in raw.enumerated() {
        guard byte <= 1 else {
          throw failure(.valueDoesNotFit(value: "byte \(byte) at element \(index)", dtype: .bool), at: path)
        }
        flags.append(byte == 1)
      }
      return .bool(flags)
    }
  }

  /// Decodes straight into the element array (one allocation), then fixes byte order on a
  /// big-endian host; on little-endian hosts the raw bytes already are the elements.
  private func littleEndian<T: BitwiseCopyable>(_ encoded: UnsafeBufferPointer<UInt8>, count: Int, as type: T.Type, at path: JSONPath) throws(FixtureError) -> [T] {
    var failure: Base64Error?
    let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      do throws(Base64Error) {
        try Base64.decode(encoded, into: UnsafeMutableRawBufferPointer(buffer))
        initialized = count
      } catch {
        failure = error
        initialized = 0
      }
    }
    if let failure { throw self.failure(.invalidBase64(failure), at: path) }
    #if _endian(big)
    var swapped = values
    let width = MemoryLayout<T>.size
    swapped.withUnsafeMutableBytes { raw in
      var start = 0
      while start + width <= raw.count {
        raw[start..<(start + width)].reverse()
        start += width
      }
    }
    return swapped
    #else
    return values
    #endif
  }
}
