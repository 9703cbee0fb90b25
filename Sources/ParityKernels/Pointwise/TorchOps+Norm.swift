import Foundation
import ParityCore

extension TorchOps {
  /// `at::pairwise_distance(x1, x2, p, eps)`: `norm(x1 - x2 + eps, p, dim=-1)` of the larger
  /// rank. The difference refuses bool operands and broadcasts; `eps` is `add`'s scalar (a 16-bit
  /// difference first rounds it to its own dtype) and, being a C++ double, makes an integer
  /// difference float32.
  static func pairwiseDistance(_ x1: EagerTensor, _ x2: EagerTensor, p: Double, eps: Double) throws(KernelError) -> EagerTensor {
    let difference = try subtract(x1, x2)
    let floating = difference.dtype.isFloatingPoint ? difference : cast(difference, to: .float32)
    return try vectorNorm(scalar(floating, .tensorDType(eps), +), p: p)
  }

  /// `at::norm(a, p, dim=-1)` (`linalg_vector_norm`) on the CPU: each slice of the last dimension
  /// reduced by `norm_kernel_tensor_iterator_impl` in the opmath type (Float for float32 and
  /// the 16-bit dtypes, Double for float64), the result rounded once to `a`'s dtype. A 0-d
  /// tensor is its own single slice. An empty slice is refused for `p < 0` or `p = inf` (no
  /// identity), and is 0 otherwise. A last dimension of size 1 reduces nothing: each element's
  /// `|x|` (exact, with no square to overflow), or for `p = 0` whether it is nonzero, as
  /// measured on torch 2.15 (a 0-d tensor, by contrast, runs the reduction: `sqrt(x * x)`).
  static func vectorNorm(_ a: EagerTensor, p: Double) throws(KernelError) -> EagerTensor {
    let dim = Swift.max(a.rank - 1, 0)
    if a.count == 0, p < 0 || p == .infinity, a.rank > 0, a.shape[dim] == 0 {
      throw KernelError(kind: .shape, message: "linalg.vector_norm cannot compute the \(TorchNorm.shown(p)) norm on the dimension "
        + "\(dim)because this dimension is empty and the operation does not have an identity")
    }
    let norm = TorchNorm(p: p, dtype: a.dtype)
    guard a.rank > 0 else {
      return EagerTensor(shape: [], dtype: a.dtype, values: a.values.map { EagerTensor.rounded(norm.generic([$0]), to: a.dtype) })
    }
    if a.shape[dim] == 1 {
      return EagerTensor(shape: Array(a.shape.dropLast()), dtype: a.dtype, values: a.values.map { p == 0 ? ($0 != 0 ? 1 : 0) : abs($0) })
    }
    return a.reducing(dim: dim) { norm.value(of: $0) }
  }

  /// `at::minimum(a, b)` (`at::min` of two tensors): NaN wins.
  static func minimum(_ a: EagerTensor, _ b: EagerTensor) throws(KernelError) -> EagerTensor {
    try binary(a, b) { x, y in x.isNaN || y.isNaN ? .nan : Swift.min(x, y) }
  }
}
