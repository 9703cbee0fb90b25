import ParityCore
import ParityKernels

extension PyTorchLossAdapters {
  /// A `float` parameter of an ATen op as its Python argument parser takes it: a float, an
  /// int, a bool or a 0-d tensor will do; anything else is the TypeError naming the parameter's
  /// position in the op's schema (`margin_ranking_loss(): argument 'margin' (position 4) ...`).
  static func atenFloat(_ value: ArgumentValue?, op: String, name: String, position: Int) throws(CallError) -> Double {
    if case .tensor(let t)? = value, t.rank == 0 { return t.storage.doubleValues[0] }
    guard let number = MindSporeRegressionAdapters.number(value) else {
      throw CallError(kind: .argument, message: "\(op)(): argument '\(name)' (position \(position)) must be float, "
        + "not \(MindSporeRegressionAdapters.typeName(value, qualified: false))")
    }
    return number
  }
}
