import Foundation

/// `pow` of the C library in the type's own precision (`powf` for Float).
protocol ElementaryPower {
  static func power(_ base: Self, _ exponent: Self) -> Self
}

extension Float: ElementaryPower {
  static func power(_ base: Float, _ exponent: Float) -> Float { Foundation.powf(base, exponent) }
}

extension Double: ElementaryPower {
  static func power(_ base: Double, _ exponent: Double) -> Double { Foundation.pow(base, exponent) }
}
