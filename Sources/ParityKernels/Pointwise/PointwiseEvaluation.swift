import ParityCore

/// Runs a `PointwiseChain` over tensors broadcast to one shape, in the arithmetic of a result
/// dtype: the part every pointwise loss shares once its framework's checks have passed.
enum PointwiseEvaluation {
  /// `reduce`'s result for `count` losses of `shape` (row-major) that `fill(range, out)`
  /// writes to `out[0..<range.count]`. A reduction that needs only the sum takes it in
  /// `cascade`'s order (`Summation.cascadeOnAllCores`), each leaf of its tree filled into a
  /// stack buffer and summed there (or summed by `leafSum`, which must give
  /// `Summation.block`'s bits), never stored whole; the others get every loss, filled chunk
  /// by chunk on all cores.
  static func reduced<R: StoreRounding>(
    count: Int, shape: [Int], _ rounding: R.Type, reduce: some LossReducer,
    leafSum: (@Sendable (Range<Int>) -> R.Scalar)? = nil,
    fill: @escaping @Sendable (Range<Int>, UnsafeMutablePointer<R.Scalar>) -> Void
  ) -> Tensor {
    let sum = {
      Summation.cascadeOnAllCores(count: count, leafSum: leafSum ?? { leaf in
        withUnsafeTemporaryAllocation(of: R.Scalar.self, capacity: leaf.count) { buffer in
          fill(leaf, buffer.baseAddress!)
          return Summation.block(buffer.baseAddress!, count: leaf.count)
        }
      })
    }
    if let reduced = reduce.reduce(sum: sum, count: count, rounding) { return reduced }
    let losses = Chunking.array(count: count) { range, out in fill(range, out.baseAddress! + range.lowerBound) }
    return reduce.reduce(losses, shape: shape, rounding)
  }

  /// The losses in `dtype`'s arithmetic, reduced by `reduce` (the framework's reduction).
  /// `dtype` must be floating: integer and bool results are each loss's to refuse or handle.
  /// A chain with a fused float32 loop runs it for same-shape float32 operands without weights.
  static func evaluate<C: PointwiseChain>(
    _ chain: C, _ operands: PointwiseOperands, dtype: DType, reduce: some LossReducer
  ) -> Tensor {
    if dtype == .float32, operands.weight == nil, operands.posWeight == nil, let fused = chain.fusedFloat,
      let result = fused.evaluate(input: operands.x, target: operands.y, shape: operands.shape, reduce: reduce)
    {
      return result
    }
    func run<R: StoreRounding>(_ rounding: R.Type) -> Tensor {
      PreparedOperands<R.Scalar>(operands).withElements { elements in
        reduced(count: elements.count, shape: operands.shape, rounding, reduce: reduce) { range, out in
          elements.fill(chain, R.self, range, out)
        }
      }
    }
    switch dtype {
    case .float32: return run(NativeRounding<Float>.self)
    case .float64: return run(NativeRounding<Double>.self)
    case .float16: return run(ReducedRounding<Float16>.self)
    case .bfloat16: return run(ReducedRounding<BFloat16>.self)
    case .int32, .int64, .bool: preconditionFailure("a pointwise loss evaluates floating dtypes only")
    }
  }
}

extension PointwiseEvaluation {
  /// Stored losses of a floating dtype (a composite loss's last op) reduced by `reduce`, in
  /// the dtype's compute scalar.
  static func reduce(_ losses: Tensor, _ reduce: some LossReducer) -> Tensor {
    func run<R: StoreRounding>(_ rounding: R.Type) -> Tensor {
      reduce.reduce(losses.values(R.Scalar.self, broadcastTo: losses.shape), shape: losses.shape, rounding)
    }
    switch losses.dtype {
    case .float32: return run(NativeRounding<Float>.self)
    case .float64: return run(NativeRounding<Double>.self)
    case .float16: return run(ReducedRounding<Float16>.self)
    case .bfloat16: return run(ReducedRounding<BFloat16>.self)
    case .int32, .int64, .bool: preconditionFailure("a pointwise loss reduces floating dtypes only")
    }
  }
}

/// How a framework folds a loss's stored elements into its result.
protocol LossReducer {
  func reduce<R: StoreRounding>(_ losses: [R.Scalar], shape: [Int], _ rounding: R.Type) -> Tensor
  /// The result from the losses' `cascade` sum alone (`sum` computes it without storing the
  /// losses), for a reduction that needs nothing else; nil when it needs the losses.
  func reduce<R: StoreRounding>(sum: () -> R.Scalar, count: Int, _ rounding: R.Type) -> Tensor?
}

extension LossReducer {
  func reduce<R: StoreRounding>(sum: () -> R.Scalar, count: Int, _ rounding: R.Type) -> Tensor? { nil }
}

/// A loss's operands after its framework's checks: the tensors and the shape they broadcast to.
struct PointwiseOperands {
  var x: Tensor
  var y: Tensor
  var weight: Tensor?
  var posWeight: Tensor?
  var shape: [Int]

  /// Elements of the broadcast shape.
  var count: Int { shape.reduce(1, *) }
}

/// The operands converted to the chain's scalar and broadcast to the result's shape
/// (float32 and float64 operands of the result's shape are shared, not copied).
struct PreparedOperands<Scalar: ChainScalar> {
  let x: [Scalar]
  let y: [Scalar]
  let weight: [Scalar]?
  let posWeight: [Scalar]?

  init(_ operands: PointwiseOperands) {
    x = operands.x.values(Scalar.self, broadcastTo: operands.shape)
    y = operands.y.values(Scalar.self, broadcastTo: operands.shape)
    weight = operands.weight?.values(Scalar.self, broadcastTo: operands.shape)
    posWeight = operands.posWeight?.values(Scalar.self, broadcastTo: operands.shape)
  }

  /// `body` with the operands' elements, valid for its duration.
  func withElements<T>(_ body: (OperandElements<Scalar>) -> T) -> T {
    x.withUnsafeBufferPointer { x in
      y.withUnsafeBufferPointer { y in
        (weight ?? []).withUnsafeBufferPointer { w in
          (posWeight ?? []).withUnsafeBufferPointer { pw in
            body(OperandElements(
              count: x.count, x: x.baseAddress, y: y.baseAddress,
              weight: weight == nil ? nil : w.baseAddress, posWeight: posWeight == nil ? nil : pw.baseAddress))
          }
        }
      }
    }
  }
}

/// Pointers to prepared operands, for the chunks and leaves that read them concurrently.
struct OperandElements<Scalar: ChainScalar>: @unchecked Sendable {
  let count: Int
  let x: UnsafePointer<Scalar>?
  let y: UnsafePointer<Scalar>?
  let weight: UnsafePointer<Scalar>?
  let posWeight: UnsafePointer<Scalar>?

  /// Writes the stored losses of the elements in `range` to `out[0..<range.count]`.
  @inline(__always)
  func fill<C: PointwiseChain, R: StoreRounding>(_ chain: C, _: R.Type, _ range: Range<Int>, _ out: UnsafeMutablePointer<Scalar>)
  where R.Scalar == Scalar {
    guard let x, let y else { return }
    let (x0, y0, n) = (x + range.lowerBound, y + range.lowerBound, range.count)
    if weight == nil && posWeight == nil {
      // The common case without weights: nothing optional in the loop, so it vectorizes.
      for i in 0..<n { out[i] = chain.element(ChainOperands(x: x0[i], y: y0[i]), R.self) }
    } else {
      for i in 0..<n {
        let o = ChainOperands(
          x: x0[i], y: y0[i], weight: weight?[range.lowerBound + i] ?? 1, posWeight: posWeight?[range.lowerBound + i] ?? 1)
        out[i] = chain.element(o, R.self)
      }
    }
  }
}
extension Tensor {
  /// Every element converted to `S`, repeated to fill `shape` (which it must broadcast to).
  /// Elements already of type `S` are shared, not copied.
  func values<S: ChainScalar>(_: S.Type, broadcastTo shape: [Int]) -> [S] {
    let own: [S]
    switch storage {
    case .float32(let v) where S.self == Float.self: own = unsafeBitCast(v, to: [S].self)
    case .float64(let v) where S.self == Double.self: own = unsafeBitCast(v, to: [S].self)
    case .float16(let v): own = v.map { S(Float($0)) }
    case .bfloat16(let v): own = v.map { S($0.floatValue) }
    case .int32(let v): own = v.map { S(Double($0)) }
    case .int64(let v): own = v.map { S(Double($0)) }
    case .bool(let v): own = v.map { $0 ? 1 : 0 }
    case .float32(let v): own = v.map { S(Double($0)) }
    case .float64(let v): own = v.map { S($0) }
    }
    return PyTorchFactors.broadcast(own, from: self.shape, to: shape)
  }
}
