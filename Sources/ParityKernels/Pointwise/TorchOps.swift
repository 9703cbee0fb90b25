import Foundation
import ParityCore

/// PyTorch's eager CPU ops on `EagerTensor`s, one at a time: what a composite ATen function
/// (a loss written as a sequence of `at::` calls) computes. Each op promotes and broadcasts as TensorIterator
/// does, computes every element in Double from its operands, and rounds once to the result
/// dtype (through Float for the 16-bit dtypes, whose kernels compute in Float). In-place ops
/// keep their output's dtype and shape and refuse what TensorIterator refuses.
///
/// Double evaluation then rounding is the correctly rounded result of each op; PyTorch's
/// vectorized exp/log/log1p (MKL, Sleef) are within 1 ULP of it.
/// A Python number in an op (`1 - target`, `input + eps`): it never promotes a float tensor.
enum TorchScalar {
  /// An op whose kernel reads the scalar in the compute type (Float for 16-bit tensors):
  /// `mul`, `div`, `rsub`.
  case opmath(Double)
  /// `add`'s scalar, which a 16-bit tensor first converts to its own dtype (`x + 1e-8` adds
  /// Half(1e-8) = 0 to a float16 tensor).
  case tensorDType(Double)

  /// An integral scalar keeps an integer tensor's dtype (`1 - long_target` is long).
  var isIntegral: Bool {
    switch self {
    case .opmath(let v), .tensorDType(let v): return v.rounded() == v
    }
  }
}

enum TorchOps {
  /// A binary op out of place: promoted dtype, broadcast shape.
  static func binary(
    _ a: EagerTensor, _ b: EagerTensor, _ op: (Double, Double) -> Double
  ) throws(KernelError) -> EagerTensor {
    let shape = try PyTorchLossArguments.broadcast(a.shape, b.shape)
    let dtype = DType.torchResultType(a.dtype, rank: a.rank, b.dtype, rank: b.rank)
    let x = PyTorchFactors.broadcast(a.values, from: a.shape, to: shape)
    let y = PyTorchFactors.broadcast(b.values, from: b.shape, to: shape)
    return EagerTensor(shape: shape, dtype: dtype, values: zip(x, y).map { EagerTensor.rounded(op($0, $1), to: dtype) })
  }

  /// `a - b`, which refuses bool operands before anything else.
  static func subtract(_ a: EagerTensor, _ b: EagerTensor) throws(KernelError) -> EagerTensor {
    try PyTorchLossArguments.checkSubtraction(a.dtype, b.dtype)
    return try binary(a, b, -)
  }

  /// A binary op in place into `a`: the result keeps `a`'s dtype and shape.
  static func binaryInPlace(
    _ a: EagerTensor, _ b: EagerTensor, _ op: (Double, Double) -> Double
  ) throws(KernelError) -> EagerTensor {
    let shape = try PyTorchLossArguments.broadcast(a.shape, b.shape)
    guard shape == a.shape else {
      throw KernelError(kind: .shape, message: "output with shape \(Shape.listText(a.shape)) "
        + "doesn't match the broadcast shape \(Shape.listText(shape))")
    }
    let common = DType.torchResultType(a.dtype, rank: a.rank, b.dtype, rank: b.rank)
    try checkCast(common, to: a.dtype)
    let y = PyTorchFactors.broadcast(b.values, from: b.shape, to: shape)
    // Computed in the common dtype, then cast to the output's.
    return EagerTensor(
      shape: shape, dtype: a.dtype, values: zip(a.values, y).map { EagerTensor.rounded(EagerTensor.rounded(op($0, $1), to: common), to: a.dtype) })
  }

  /// A tensor-scalar op: the tensor's dtype (an integer tensor with a float scalar becomes float32).
  static func scalar(_ a: EagerTensor, _ s: TorchScalar, _ op: (Double, Double) -> Double) -> EagerTensor {
    let dtype = a.dtype.isFloatingPoint || s.isIntegral ? a.dtype : .float32
    let value: Double
    switch s {
    case .opmath(let v): value = dtype == .float64 ? v : Double(Float(v))
    case .tensorDType(let v): value = EagerTensor.rounded(v, to: dtype)
    }
    return EagerTensor(shape: a.shape, dtype: dtype, values: a.values.map { EagerTensor.rounded(op($0, value), to: dtype) })
  }

  /// A unary float op (`exp`, `log`): an integer or bool tensor computes in float32.
  static func unary(_ a: EagerTensor, _ op: (Double) -> Double) -> EagerTensor {
    let dtype = a.dtype.isFloatingPoint ? a.dtype : .float32
    return EagerTensor(shape: a.shape, dtype: dtype, values: a.values.map { EagerTensor.rounded(op($0), to: dtype) })
  }

  /// TensorIterator's `canCast`: no float into an integer, no integer into bool.
  static func checkCast(_ from: DType, to: DType) throws(KernelError) {
    let refused = (from.isFloatingPoint && !to.isFloatingPoint) || (from != .bool && to == .bool)
    if refused {
      throw KernelError(kind: .dtype, message: "result type \(from.torchName) can't be cast to the desired "
        + "output type \(to.torchName)")
    }
  }

  /// `apply_loss_reduction` on a loss computed op by op.
  static func reduced(_ loss: EagerTensor, _ reduction: LossReduction) throws(KernelError) -> Tensor {
    switch reduction {
    case .none:
      return loss.tensor
    case .sum, .mean:
      guard loss.dtype.isFloatingPoint else {
        if reduction == .mean { throw PyTorchLossArguments.integerMean(loss.dtype) }
        return Tensor(shape: [], storage: .int64([loss.values.reduce(0) { $0 &+ Int64($1) }]))
      }
      return PointwiseEvaluation.reduce(loss.tensor, PyTorchLossReduction(reduction: reduction))
    }
  }
}
