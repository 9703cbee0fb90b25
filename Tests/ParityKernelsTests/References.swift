import Foundation
import ParityCore

/// Scalar, step-by-step references the kernels are checked against: one element at a time,
/// every rounding written out, no buffers, no generics shared with the kernels.
enum Reference {
  /// PyTorch's float32 chain with each op correctly rounded: the product is exact in Double
  /// and rounded once; exp and log1p are evaluated in Double and rounded once to Float.
  static func pytorch(_ x: Float, _ y: Float) -> Float {
    let product = Float(Double(-x) * Double(y))
    let e = Float(exp(Double(product)))
    return Float(log1p(Double(e)))
  }

  #if arch(x86_64) && !os(Windows)
  /// PyTorch's float64 chain with exp and log1p in 80-bit extended precision, each rounded
  /// once to Double.
  static func pytorch(_ x: Double, _ y: Double) -> Double {
    let product = -x * y
    let e = Double(expl(Float80(product)))
    return Double(log1pl(Float80(e)))
  }
  #endif

  /// PyTorch's float16 chain with float16 operands: each op in Float, rounded to float16.
  static func pytorch(_ x: Float16, _ y: Float16) -> Float16 {
    let negated = -x
    let product = Float16(Float(negated) * Float(y))
    let e = Float16(exp(Float(product)))
    return Float16(log1p(Float(e)))
  }

  /// PyTorch's bfloat16 chain with bfloat16 operands: each op in Float, rounded to bfloat16.
  static func pytorch(_ x: BFloat16, _ y: BFloat16) -> BFloat16 {
    let negated = BFloat16(-x.floatValue)
    let product = BFloat16(negated.floatValue * y.floatValue)
    let e = BFloat16(exp(product.floatValue))
    return BFloat16(log1p(e.floatValue))
  }

  /// The same chain from an already rounded 16-bit product (mixed-dtype multiplies).
  static func pytorchTail(product: Float16) -> Float16 {
    Float16(log1p(Float(Float16(exp(Float(product))))))
  }

  /// MindSpore's GPU form in float32, each op correctly rounded: log(1 + exp(-y * x)).
  static func mindspore(_ x: Float, _ y: Float) -> Float {
    let product = -y * x
    let e = Float(exp(Double(product)))
    let onePlus = 1 + e
    return Float(log(Double(onePlus)))
  }

  /// MindSpore's GPU form in float16, each op rounded to float16.
  static func mindspore(_ x: Float16, _ y: Float16) -> Float16 {
    let product = Float16(Float(-y) * Float(x))
    let e = Float16(exp(Float(product)))
    let onePlus = Float16(1 + Float(e))
    return Float16(log(Float(onePlus)))
  }
}
