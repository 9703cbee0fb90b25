/// The type of PyTorch's `out *= target` operand: the multiply runs in this type and its
/// result is rounded to Float (and then, for a 16-bit input, on to 16 bits).
protocol ProductFactor {
  static func product(_ value: Float, _ factor: Self) -> Float
}

extension Float: ProductFactor {
  @inline(__always)
  static func product(_ value: Float, _ factor: Float) -> Float { value * factor }
}

extension Double: ProductFactor {
  /// Computed in Double, then rounded to Float: for a 16-bit output PyTorch narrows
  /// double → float → 16 bits (c10::Half/BFloat16 convert from float only), so the
  /// intermediate Float rounding is part of the semantics.
  @inline(__always)
  static func product(_ value: Float, _ factor: Double) -> Float { Float(Double(value) * factor) }
}
