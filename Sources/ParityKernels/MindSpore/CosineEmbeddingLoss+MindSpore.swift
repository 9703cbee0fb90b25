import Foundation
import ParityCore

extension CosineEmbeddingLoss {
  /// Which MindSpore API runs: the cell and the function check their arguments differently and
  /// compute alike.
  public enum MindSporeAPI: Sendable {
    /// `mindspore.nn.CosineEmbeddingLoss`: `SameTypeShape` on the two inputs (no promotion, no
    /// broadcasting); integer inputs are computed as they are.
    case cell
    /// `mindspore.ops.cosine_embedding_loss`: input dtypes equal, the target's shape checked
    /// against input1's without dimension 1, int32/int64 inputs cast to float32.
    case function
  }

  /// MindSpore's cosine embedding loss once `margin` and (for the cell) `reduction` are checked,
  /// op by op as its Python reads, with no epsilon: `ReduceSum(x1 * x2, (1,))`,
  /// `Sqrt(ReduceSum(Square(x1), (1,))) * Sqrt(ReduceSum(Square(x2), (1,)))`, `cos = prod / denom`
  /// (two zero vectors: 0/0 = nan), `1.0 - cos`, `Maximum(cos - margin, 0.0)` (NaN becomes 0),
  /// `Select(target == 1, ...) + Select(target == -1, ...)`, then `_get_loss` in float32. Any rank
  /// from 2 (dimension 1 reduced); a 1-d input has no axis 1. Ops of more than one element run on
  /// the pool's threads (`onPoolThreads`: float32/float64 subnormals flushed). CPU kernels: no
  /// `ReduceSum` for bfloat16, no `Square` for bool.
  public static func mindspore(
    input1: Tensor, input2: Tensor, target: Tensor, margin: Double, reduction: Result<LossReduction, KernelError>,
    api: MindSporeAPI
  ) throws(KernelError) -> Tensor {
    var x1 = EagerTensor(input1), x2 = EagerTensor(input2)
    switch api {
    case .cell:
      try checkSameTypeShape(input1, input2)
    case .function:
      try checkFunctionArguments(input1, input2, target)
      if [.int32, .int64].contains(x1.dtype) { x1 = MindSporeOps.cast(x1, to: .float32) }
      if [.int32, .int64].contains(x2.dtype) { x2 = MindSporeOps.cast(x2, to: .float32) }
    }
    func pooled(_ operands: [EagerTensor], _ op: ([EagerTensor]) throws(KernelError) -> EagerTensor) throws(KernelError) -> EagerTensor {
      try MindSporeOps.onPoolThreads(operands, op)
    }
    func reduceSum(_ a: EagerTensor) throws(KernelError) -> EagerTensor {
      guard a.rank >= 2 else {
        throw KernelError(kind: .shape, message: "For primitive[ReduceSum], the axis value must be in [\(-a.rank),\(a.rank)), but got 1.")
      }
      guard a.dtype != .bfloat16 else { throw MindSporeOps.unsupported("ReduceSum") }
      return try pooled([a]) { (x) throws(KernelError) in try MindSporeOps.sum(x[0], axis: 1) }
    }
    func square(_ a: EagerTensor) throws(KernelError) -> EagerTensor {
      guard a.dtype != .bool else { throw MindSporeOps.unsupported("Square") }
      return try pooled([a]) { x in MindSporeOps.unary(x[0]) { $0 * $0 } }
    }
    func sqrt(_ a: EagerTensor) throws(KernelError) -> EagerTensor {
      try pooled([a.dtype.isFloatingPoint ? a : MindSporeOps.cast(a, to: .float32)]) { x in MindSporeOps.unary(x[0]) { $0.squareRoot() } }
    }
    func binary(_ a: EagerTensor, _ b: EagerTensor, _ names: MindSporeOps.OperandNames, _ op: @escaping (Double, Double) -> Double) throws(KernelError) -> EagerTensor {
      try pooled([a, b]) { (x) throws(KernelError) in try MindSporeOps.binary(x[0], x[1], names, op) }
    }
    let prodSum = try reduceSum(try binary(x1, x2, .mul, *))
    let square1 = try reduceSum(try square(x1))
    let square2 = try reduceSum(try square(x2))
    let denom = try binary(try sqrt(square1), try sqrt(square2), .mul, *)
    let cosine = try binary(prodSum, denom, .div, /)
    let posValue = try pooled([cosine]) { x in MindSporeOps.scalar(x[0], 1) { v, one in one - v } }
    let shifted = try pooled([cosine]) { x in MindSporeOps.scalar(x[0], margin, -) }
    let negValue = try pooled([shifted]) { x in MindSporeOps.primitiveScalar(x[0], 0) { v, zero in v > zero ? v : zero } }
    let zeros = EagerTensor(shape: cosine.shape, dtype: cosine.dtype, values: Array(repeating: 0, count: cosine.count))
    let t = EagerTensor(target)
    let posPart = try MindSporeOps.select(t, equals: 1, posValue, zeros)
    let negPart = try MindSporeOps.select(t, equals: -1, negValue, zeros)
    let output = try binary(posPart, negPart, .add, +)
    let checked = try reduction.get()
    try checkNoSubnormalProducts(x1, x2)
    return try MindSporeLossReduction.getLoss(output, checked)
  }

  /// A float32/float64 input with a nonzero element below the square root of the smallest
  /// normal (its square or a product is subnormal) has no defined result: mindspore 2.10
  /// flushes subnormals on some of its CPU threads and not on others, and which thread computes
  /// which elements varied between identical calls (a first call kept -inf where the next ones
  /// gave nan). The recorder records such a value as `UndefinedResult`.
  static func checkNoSubnormalProducts(_ tensors: EagerTensor...) throws(KernelError) {
    for t in tensors {
      let smallest: Double
      switch t.dtype {
      case .float32: smallest = Double(Float.leastNormalMagnitude)
      case .float64: smallest = Double.leastNormalMagnitude
      default: continue
      }
      let tiny = smallest.squareRoot()
      if t.values.contains(where: { $0 != 0 && abs($0) < tiny }) {
        throw KernelError.undefinedResult("mindspore 2.10 flushes \(t.dtype.mindSporeName) subnormals on some CPU threads "
          + "and not on others: an input whose squares or products are subnormal has no defined result")
      }
    }
  }

  /// `inner.same_type_shape_(logits_x1, logits_x2)`: the dtype, then the shape, each naming
  /// logits_x2's as the one expected.
  static func checkSameTypeShape(_ x: Tensor, _ y: Tensor) throws(KernelError) {
    guard x.dtype == y.dtype else {
      throw KernelError(kind: .dtype, message: "For 'SameTypeShape', the x dtype should be = y dtype: "
        + "\(y.dtype.mindSporeName), but got \(x.dtype.mindSporeName).")
    }
    guard x.shape == y.shape else {
      throw KernelError(kind: .shape, message: "For 'SameTypeShape', the x shape should be = y shape: "
        + "\(Shape.tupleText(y.shape)), but got \(Shape.tupleText(x.shape)).")
    }
  }

  /// `ops.cosine_embedding_loss`'s checks before any op: `check_input_dtype`, then
  /// `check_reduce_shape`: the target's shape must be input1's without dimension 1 (a 1-d
  /// input keeps its only dimension, so no target fits it but one of its own shape, which then
  /// fails in `ReduceSum`). input2's shape is not checked: it broadcasts in `Mul`.
  public static func checkFunctionArguments(_ x1: Tensor, _ x2: Tensor, _ target: Tensor) throws(KernelError) {
    guard x1.dtype == x2.dtype else {
      throw KernelError(kind: .dtype, message: "For ops.cosine_embedding_loss, the input1 dtype should be equal to input2 dtype, "
        + "but got input1 dtype:\(x1.dtype.mindSporeName), input2 dtype:\(x2.dtype.mindSporeName).")
    }
    let expected = x1.shape.enumerated().filter { $0.offset != 1 }.map(\.element)
    guard target.shape == expected else {
      throw KernelError(kind: .shape, message: "For 'ops.cosine_embedding_loss', the shape of parameter 'input1' reduce on "
        + "'axis': (1,) must be equal to the shape of 'target': \(Shape.tupleText(target.shape)), but got \(Shape.tupleText(x1.shape)).")
    }
  }
}
