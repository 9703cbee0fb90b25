/// Vectorized `exp` and `log1p` for `Float` and `Double` in pure Swift SIMD, and the fused
/// SoftMarginLoss loops built on them.
///
/// Every function is faithfully rounded (error below 1 ULP, like the SLEEF `_u10` functions
/// PyTorch's CPU kernels call) and gets IEEE special values exactly right: overflow to
/// infinity, gradual underflow through the subnormals, signed zeros, NaN propagation.
/// Lanes never branch: special inputs are patched with bitwise lane selects. Only
/// operations SSE2 has are used (no fused multiply-add, no 64-bit integer compares or
/// conversions), so the code vectorizes at Swift's default x86-64 target under `-O` and
/// gives the same bits on every x86-64 machine, whatever `-target-cpu` a client builds with.
public enum VectorMath {}
