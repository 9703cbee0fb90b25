import ParityCore

/// Runs a `PointwiseChain` over tensors broadcast to one shape, in the arithmetic of a result
/// dtype: the part every pointwise loss shares once its framework's checks have passed.
enum PointwiseEvaluation {
  /// The stored losses of every element, in row-major order of `shape`, for rounding `R`.
  /// Operands are broadcast to `shape` and converted to `R.Scalar` (exactly, for any operand
  /// no wider than the result dtype).
  static func losses<C: PointwiseChain, R: StoreRounding>(
    _ chain: C, _ operands: PointwiseOperands, _ rounding: R.Type
  ) -> [R.Scalar] {
    let x = operands.x.values(R.Scalar.self, broadcastTo: operands.shape)
    let y = operands.y.values(R.Scalar.self, broadcastTo: operands.shape)
    let w = operands.weight?.values(R.Scalar.self, broadcastTo: operands.shape)
    let pw = operands.posWeight?.values(R.Scalar.self, broadcastTo: operands.shape)
    let count = x.count
    let chunkLength = Chunking.length(count)
    return [R.Scalar](unsafeUninitializedCapacity: count) { out, initialized in
      LargeOutput.adviseHugePages(out)
      x.withUnsafeBufferPointer { x in
        y.withUnsafeBufferPointer { y in
          nonisolated(unsafe) let (x, y, out) = (x, y, out)
          Chunking.forEach((count + chunkLength - 1) / chunkLength, elements: count) { chunk in
            let range = chunk * chunkLength..<min(count, (chunk + 1) * chunkLength)
            if w == nil && pw == nil {
              // The common case without weights: nothing optional in the loop, so it vectorizes.
              for i in range { out[i] = chain.element(ChainOperands(x: x[i], y: y[i]), R.self) }
            } else {
              for i in range {
                out[i] = chain.element(ChainOperands(x: x[i], y: y[i], weight: w?[i] ?? 1, posWeight: pw?[i] ?? 1), R.self)
              }
            }
          }
        }
      }
      initialized = count
    }
  }

  /// The losses in `dtype`'s arithmetic, reduced by `reduce` (the framework's reduction).
  /// `dtype` must be floating: integer and bool results are each loss's to refuse or handle.
  static func evaluate<C: PointwiseChain>(
    _ chain: C, _ operands: PointwiseOperands, dtype: DType, reduce: some LossReducer
  ) -> Tensor {
    func run<R: StoreRounding>(_ rounding: R.Type) -> Tensor {
      reduce.reduce(losses(chain, operands, rounding), shape: operands.shape, rounding)
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

/// How a framework folds a loss's stored elements into its result.
protocol LossReducer {
  func reduce<R: StoreRounding>(_ losses: [R.Scalar], shape: [Int], _ rounding: R.Type) -> Tensor
}

/// A loss's operands after its framework's checks: the tensors and the shape they broadcast to.
struct PointwiseOperands {
  var x: Tensor
  var y: Tensor
  var weight: Tensor?
  var posWeight: Tensor?
  var shape: [Int]
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
