import ParityCore

/// MindSpore's eager CPU ops, one at a time, for the losses MindSpore writes in Python
/// (`ops.l1_loss`, `nn.HuberLoss`, `nn.PoissonNLLLoss`, ...): each op promotes and broadcasts,
/// computes every element from its operands and stores it in its result dtype.
///
/// An element is computed in `Double` and rounded once to the dtype (16-bit dtypes through
/// `Float`, as their kernels compute in float): for `+ - * /` on values of the dtype this is
/// the kernel's own correctly rounded result. Exp and Log, which MindSpore approximates, are
/// `MindSporeLossExpLog`'s.
enum MindSporeOps {
  /// The two operands' names in a primitive's broadcast error: `SubExt` says
  /// `input`/`other`, the older `Sub` and `Mul` say `input1`/`input2`.
  struct OperandNames {
    var op: String
    var first: String
    var second: String

    static let subExt = OperandNames(op: "SubExt", first: "input", second: "other")
    static let sub = OperandNames(op: "Sub", first: "input1", second: "input2")
    static let mul = OperandNames(op: "Mul", first: "input1", second: "input2")
    static let add = OperandNames(op: "Add", first: "input1", second: "input2")
    static let div = OperandNames(op: "Div", first: "input1", second: "input2")
  }

  /// The dtype of a binary op between two tensors: bool yields to anything, integers to
  /// floats, int32 with int64 is int64, float16 with bfloat16 meet at float32 (on these
  /// dtypes, `torch.promote_types`). Modelled by dtype alone: the recordings mix dtypes only
  /// between tensors of equal rank.
  static func promoted(_ a: DType, _ b: DType) -> DType {
    DType.torchPromoted(a, b)
  }

  /// The broadcast shape of `a` and `b`, or the primitive's error naming the first
  /// mismatching dimension from the right (1-based, as MindSpore prints it).
  static func broadcastShape(_ a: [Int], _ b: [Int], _ names: OperandNames) throws(KernelError) -> [Int] {
    if let shape = Shape.broadcast(a, b) { return shape }
    var (i, j) = (a.count, b.count)
    while i > 0 && j > 0 && (a[i - 1] == b[j - 1] || a[i - 1] == 1 || b[j - 1] == 1) {
      i -= 1
      j -= 1
    }
    let (x, y) = (names.first, names.second)
    throw KernelError(kind: .shape, message: "For '\(names.op)', \(x).shape and \(y).shape need to broadcast. "
      + "The value of \(x).shape[\(i)] or \(y).shape[\(j)] must be 1 or -1 when they are not the same, "
      + "but got \(x).shape = \(Shape.listText(a)) and \(y).shape = \(Shape.listText(b))")
  }

  /// A tensor-tensor op: promoted dtype (or `dtype` when the op fixes it), broadcast shape.
  static func binary(
    _ a: EagerTensor, _ b: EagerTensor, _ names: OperandNames, dtype: DType? = nil,
    _ op: (Double, Double) -> Double
  ) throws(KernelError) -> EagerTensor {
    let shape = try broadcastShape(a.shape, b.shape, names)
    let result = dtype ?? promoted(a.dtype, b.dtype)
    let x = PyTorchFactors.broadcast(a.values, from: a.shape, to: shape)
    let y = PyTorchFactors.broadcast(b.values, from: b.shape, to: shape)
    return EagerTensor(shape: shape, dtype: result, values: zip(x, y).map { EagerTensor.rounded(op($0, $1), to: result) })
  }

  /// A tensor with a Python float: a float tensor keeps its dtype and the number is first
  /// converted to float32, then to it (`float64_tensor + 0.1` adds Float(0.1), and `+ 1e300`
  /// adds inf; measured in margin_ranking_loss's margins and GaussianNLLLoss's float64 `eps`
  /// and `full` cases); an integer or bool tensor computes in float32.
  static func scalar(_ a: EagerTensor, _ s: Double, _ op: (Double, Double) -> Double) -> EagerTensor {
    let dtype = a.dtype.isFloatingPoint ? a.dtype : .float32
    let value = EagerTensor.rounded(EagerTensor.rounded(s, to: .float32), to: dtype)
    return EagerTensor(shape: a.shape, dtype: dtype, values: a.values.map { EagerTensor.rounded(op($0, value), to: dtype) })
  }

  /// An old-style primitive (`P.Mul()(0.5, x)`, `P.Sub()(z, 0.5)`) with a Python float: the
  /// number becomes a 0-d float32 tensor, which promotes like any operand except that a
  /// 0-d one does not widen a tensor with dimensions of its own category. So a float16
  /// tensor with dimensions stays float16 (the number rounded to it), a 0-d float16 or an
  /// integer tensor computes in float32.
  static func primitiveScalar(_ a: EagerTensor, _ s: Double, _ op: (Double, Double) -> Double) -> EagerTensor {
    let dtype = DType.torchResultType(a.dtype, rank: a.shape.count, .float32, rank: 0)
    let value = EagerTensor.rounded(s, to: dtype)
    return EagerTensor(shape: a.shape, dtype: dtype, values: a.values.map { EagerTensor.rounded(op($0, value), to: dtype) })
  }

  /// An op keeping its operand's dtype (`Abs`, `Square`).
  static func unary(_ a: EagerTensor, _ op: (Double) -> Double) -> EagerTensor {
    EagerTensor(shape: a.shape, dtype: a.dtype, values: a.values.map { EagerTensor.rounded(op($0), to: a.dtype) })
  }

  /// `Neg`, in `a`'s dtype.
  static func negate(_ a: EagerTensor) -> EagerTensor {
    unary(a) { -$0 }
  }

  /// `ops.Cast`.
  static func cast(_ a: EagerTensor, to dtype: DType) -> EagerTensor {
    guard a.dtype != dtype else { return a }
    return EagerTensor(shape: a.shape, dtype: dtype, values: a.values.map { EagerTensor.rounded($0, to: dtype) })
  }

  /// The error CPU kernel selection raises when an op has no kernel for a dtype.
  static func unsupported(_ op: String) -> KernelError {
    KernelError(kind: .dtype, message: "Select CPU operator[\(op)] fail! Unsupported data type!")
  }
}

extension MindSporeOps {
  /// `ops.select(condition == value, a, b)`: `Equal`, then `Select` on the pool's threads, the
  /// three broadcast together in `a`'s dtype.
  static func select(
    _ condition: EagerTensor, equals value: Double, _ a: EagerTensor, _ b: EagerTensor
  ) throws(KernelError) -> EagerTensor {
    let shape = try selectBroadcastShape(condition.shape, Shape.broadcast(a.shape, b.shape) ?? a.shape)
    let c = PyTorchFactors.broadcast(condition.values, from: condition.shape, to: shape)
    let x = PyTorchFactors.broadcast(a.values, from: a.shape, to: shape)
    let y = PyTorchFactors.broadcast(b.values, from: b.shape, to: shape)
    let picked = EagerTensor(shape: shape, dtype: a.dtype, values: (0..<c.count).map { c[$0] == value ? x[$0] : y[$0] })
    return try onPoolThreads([picked]) { p in p[0] }
  }

  /// `Select`'s broadcast check. Its message numbers the dimensions unlike `broadcastShape`'s:
  /// each shape's rank plus the number of compatible dimensions left of the rightmost mismatch
  /// (measured: `[4]`/`[3]` prints 1 and 1, `[2, 3]`/`[2, 4]` 3 and 3, `[5, 2, 3]`/`[5, 2, 4]` 5
  /// and 5, `[2, 3, 1]`/`[2, 4]` 3 and 2, `[2]`/`[2, 4]` 1 and 2).
  static func selectBroadcastShape(_ a: [Int], _ b: [Int]) throws(KernelError) -> [Int] {
    if let shape = Shape.broadcast(a, b) { return shape }
    let aligned = Swift.min(a.count, b.count)
    let compatible = { (k: Int) in
      let (x, y) = (a[a.count - 1 - k], b[b.count - 1 - k])
      return x == y || x == 1 || y == 1
    }
    let mismatch = (0..<aligned).first { !compatible($0) } ?? 0
    let left = (mismatch + 1..<aligned).filter(compatible).count
    throw KernelError(kind: .shape, message: "For 'Select', condition.shape and input.shape need to broadcast. "
      + "The value of condition.shape[\(a.count + left)] or input.shape[\(b.count + left)] must be 1 or -1 when they are "
      + "not the same, but got condition.shape = \(Shape.listText(a)) and input.shape = \(Shape.listText(b))")
  }
}
