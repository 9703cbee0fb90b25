/// How a loss folds its elementwise values: kept as they are, averaged, or added up.
///
/// The raw values are the spellings both frameworks accept, so adapters can map a recorded
/// argument with `LossReduction(rawValue:)` after applying their own spelling rules
/// (PyTorch's `elementwise_mean` alias, MindSpore's case-insensitivity).
public enum LossReduction: String, Sendable, CaseIterable {
  case none, mean, sum
}
