/// The two-class logistic loss `log(1 + exp(-y * x))`, as each framework computes it.
///
/// The frameworks share a formula but not numerics: PyTorch rounds four separate ops and
/// keeps tiny losses through `log1p`; MindSpore's kernel rounds `log(1 + exp(...))` and
/// flushes them to zero. Each flavour reproduces its framework's checks and rounding, so
/// the harness can tell a mapping difference from a floating-point one.
public enum SoftMarginLoss {}
