"""Self-check of the exact rounding, the shortest-decimal formatting and the error classifier.

Run: Fixtures/record/.venv/bin/python -m parity_record.selfcheck (from Fixtures/record),
or `record.py --selfcheck`. record.py also runs it before every recording.
"""
from __future__ import annotations

import math
import random
import struct

from .errors import classify
from .floats import (BFLOAT16, FLOAT16, FLOAT32, FLOAT64, round_float, round_mpf,
                     shortest_decimal, format_float, to_bits)

L = math.ldexp


# Recorded messages and the kind each must get.
CLASSIFIED = [
    ("RuntimeError", "Unsupported op [TripletMarginLoss] on CPU, Please confirm whether the device target setting is correct, "
                     "or refer to 'mindspore.ops' at https://www.mindspore.cn to query the operator support list.", "unsupported"),
    ("ValueError", "avg is not a valid value for reduction", "argument"),
    ("ValueError", "For 'HingeEmbeddingLoss', 'reduction' must be one of 'none', 'mean', 'sum',but got avg.", "argument"),
    ("RuntimeError", "label_smoothing must be between 0.0 and 1.0. Got: 1.5", "argument"),
    ("ValueError", "only p == 1 and p == 2 supported", "argument"),
    ("TypeError", "multi_margin_loss(): argument 'margin' (position 4) must be Number, not NoneType", "argument"),
    ("TypeError", "cannot assign 'float' object to buffer 'weight' (torch Tensor or None required)", "argument"),
    ("RuntimeError", "expected scalar type Float but found Double", "dtype"),
    ("TypeError", "For 'CrossEntropyLoss', the 'labels' should be Int32, but got 'mindspore.int64'.", "dtype"),
    ("TypeError", "For 'CrossEntropyLoss', the 'logits' should be one of [mindspore.float16, mindspore.float32], "
                  "but got 'mindspore.float64'.", "dtype"),
    ("TypeError", "For 'NLLLoss', the 'weight' should be one of [mindspore.float16, mindspore.float32], "
                  "but got 'mindspore.int64'.", "dtype"),
    ("RuntimeError", "Expected floating point type for target with class probabilities, got Long", "dtype"),
    ("ValueError", "Expected input batch_size (4) to match target batch_size (5).", "shape"),
    ("RuntimeError", "Expected target size [2, 4], got [2, 5]", "shape"),
    ("RuntimeError", "size mismatch (got input: [2, 3, 4, 5] , target: [2, 4, 6]", "shape"),
    ("RuntimeError", "inconsistent weight size, expected 4 but got [5]", "shape"),
    ("IndexError", "Target 3 is out of bounds.", "other"),
    ("RuntimeError", "For 'GatherD', the value of 'index' must be in [-3, 3), but got: 3", "other"),
]


def _eq(a, b):
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


def check(verbose: bool = False, full: bool = True) -> int:
    """full=False: fewer random samples and no exhaustive 16-bit sweep (a few seconds)."""
    n = 0
    samples = 20000 if full else 2000

    def expect(got, want, what):
        nonlocal n
        n += 1
        if not _eq(got, want):
            raise AssertionError(f"selfcheck: {what}: got {got!r}, want {want!r}")

    R = round_float
    # --- ties to even, normal range
    expect(R(1 + L(1, -11), FLOAT16), 1.0, "f16 tie 1+2^-11 -> 1")
    expect(R(1 + 3 * L(1, -11), FLOAT16), 1 + L(1, -9), "f16 tie 1+3*2^-11 -> 1+2^-9")
    expect(R(1 + L(1, -11) + L(1, -40), FLOAT16), 1 + L(1, -10), "f16 just above tie")
    expect(R(1 + L(1, -8), BFLOAT16), 1.0, "bf16 tie 1+2^-8 -> 1")
    expect(R(1 + 3 * L(1, -8), BFLOAT16), 1 + L(1, -6), "bf16 tie 1+3*2^-8")
    expect(R(1 + L(1, -24), FLOAT32), 1.0, "f32 tie")
    expect(R(-(1 + 3 * L(1, -24)), FLOAT32), -(1 + L(1, -22)), "f32 negative tie")
    # --- no double rounding: direct to bf16, not via float32
    x = 1 + L(1, -8) + L(1, -30)
    expect(R(x, BFLOAT16), 1 + L(1, -7), "bf16 direct (via f32 would give 1.0)")
    expect(R(R(x, FLOAT32), BFLOAT16), 1.0, "bf16 via f32 double-rounds (demonstration)")
    # --- max finite and overflow
    expect(R(65504.0, FLOAT16), 65504.0, "f16 max")
    expect(R(65519.99, FLOAT16), 65504.0, "f16 below overflow tie")
    expect(R(65520.0, FLOAT16), math.inf, "f16 overflow tie -> inf")
    expect(R(-65520.0, FLOAT16), -math.inf, "f16 -overflow")
    expect(FLOAT16.max_finite, 65504.0, "f16 max_finite")
    expect(BFLOAT16.max_finite, 3.3895313892515355e38, "bf16 max_finite")
    expect(FLOAT32.max_finite, 3.4028234663852886e38, "f32 max_finite")
    expect(FLOAT64.max_finite, 1.7976931348623157e308, "f64 max_finite")
    bfm = BFLOAT16.max_finite
    expect(R(bfm + L(1, 119), BFLOAT16), math.inf, "bf16 max + half ulp -> inf (tie to even)")
    expect(R(bfm + L(1, 119) - L(1, 90), BFLOAT16), bfm, "bf16 just below overflow tie")
    expect(R(FLOAT32.max_finite + L(1, 103), FLOAT32), math.inf, "f32 overflow tie")
    expect(R(1e300, FLOAT32), math.inf, "f32 overflow")
    expect(R(1e300, FLOAT16, "floor"), 65504.0, "floor overflow -> max")
    # --- subnormals
    expect(FLOAT16.min_subnormal, L(1, -24), "f16 min subnormal")
    expect(R(L(1, -25), FLOAT16), 0.0, "f16 half min subnormal tie -> 0")
    expect(R(-L(1, -25), FLOAT16), -0.0, "f16 -half min subnormal -> -0")
    expect(R(L(1, -25) + L(1, -60), FLOAT16), L(1, -24), "f16 above half min subnormal")
    expect(R(3 * L(1, -25), FLOAT16), L(1, -23), "f16 subnormal tie -> even")
    expect(R(5 * L(1, -25), FLOAT16), L(1, -23), "f16 subnormal tie 2.5 -> 2")
    expect(R(L(1, -14) - L(1, -25), FLOAT16), L(1, -14), "f16 rounds up into normal")
    expect(R(L(1, -133), BFLOAT16), L(1, -133), "bf16 min subnormal")
    expect(R(1.5 * L(1, -149), FLOAT32), L(1, -148), "f32 min subnormal tie 1.5 -> 2")
    expect(R(L(1, -150), FLOAT32), 0.0, "f32 half min subnormal -> 0")
    expect(R(5e-324, FLOAT64), 5e-324, "f64 min subnormal")
    # --- mpf inputs (beyond float64 precision)
    import mpmath
    with mpmath.workprec(300):
        v = mpmath.mpf(1) + mpmath.mpf(2) ** -53 + mpmath.mpf(2) ** -200
        expect(round_mpf(v, FLOAT64), 1 + L(1, -52), "mpf just above f64 tie")
        v = mpmath.mpf(1) + mpmath.mpf(2) ** -53
        expect(round_mpf(v, FLOAT64), 1.0, "mpf f64 tie -> even")
        expect(round_mpf(mpmath.mpf(2) ** -1075, FLOAT64), 0.0, "mpf f64 2^-1075 tie -> 0")
        expect(round_mpf(mpmath.mpf(2) ** -1075 * 3, FLOAT64), L(1, -1073), "mpf f64 subnormal tie")
        expect(round_mpf(mpmath.mpf(10) ** 400, FLOAT64), math.inf, "mpf overflow")
        expect(round_mpf(mpmath.exp(-20000), FLOAT64), 0.0, "mpf underflow")
        expect(round_mpf(-mpmath.exp(-200000), FLOAT16), -0.0, "mpf deep underflow keeps sign")
        expect(round_mpf(mpmath.exp(-200000), FLOAT16, "ceil"), L(1, -24), "mpf deep underflow ceil")
        expect(round_mpf(mpmath.exp(200000), BFLOAT16), math.inf, "mpf huge -> inf")
        expect(round_mpf(mpmath.exp(200000), BFLOAT16, "floor"), BFLOAT16.max_finite, "mpf huge floor")
        expect(round_mpf(mpmath.mpf(2) ** -25 * (1 + mpmath.mpf(2) ** -100), FLOAT16), L(1, -24), "just above half min sub")
        expect(round_mpf(mpmath.mpf(2) ** -26, FLOAT16), 0.0, "quarter min sub")
    # --- against numpy's direct conversions (float64 -> float32/float16, RNE)
    import numpy as np
    rnd = random.Random(12345)
    for _ in range(samples):
        x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if math.isnan(x):
            continue
        with np.errstate(over="ignore"):
            expect(R(x, FLOAT32), float(np.float64(x).astype(np.float32)), f"f32 vs numpy {x!r}")
            expect(R(x, FLOAT16), float(np.float64(x).astype(np.float16)), f"f16 vs numpy {x!r}")
        y = rnd.uniform(-70000, 70000) * 2.0 ** rnd.randint(-30, 0)
        with np.errstate(over="ignore"):
            expect(R(y, FLOAT16), float(np.float64(y).astype(np.float16)), f"f16 vs numpy {y!r}")
    # --- shortest decimal
    def sd(x, fmt, want):
        nonlocal n
        n += 1
        got = shortest_decimal(x, fmt)
        if got != want:
            raise AssertionError(f"selfcheck: shortest({x!r}, {fmt.name}) = {got}, want {want}")
    sd(R(0.3, FLOAT32), FLOAT32, "0.3")
    sd(R(0.6764238, FLOAT32), FLOAT32, "0.6764238")
    sd(65504.0, FLOAT16, "65500.0")   # spacing is 32 there: 65500 reads back to 65504
    sd(2049.0 + 1.0, FLOAT16, "2050.0")
    sd(R(10000.0, BFLOAT16), BFLOAT16, "10000.0")  # 9984 in bfloat16
    sd(L(1, -24), FLOAT16, "6e-08")
    sd(L(1, -149), FLOAT32, "1e-45")
    sd(1 + L(1, -7), BFLOAT16, "1.01")
    sd(bfm, BFLOAT16, "3.39e+38")
    sd(-0.0, FLOAT32, "-0.0")
    sd(1.0, FLOAT64, "1.0")
    sd(1e16, FLOAT64, "1e+16")
    sd(5e-324, FLOAT64, "5e-324")
    for _ in range(samples):
        x = struct.unpack("<d", struct.pack("<Q", rnd.getrandbits(64)))[0]
        if math.isnan(x) or math.isinf(x):
            continue
        sd(x, FLOAT64, repr(x))
        f = R(x, FLOAT32)
        if not math.isinf(f) and f != 0:
            s = shortest_decimal(f, FLOAT32)
            # numpy's shortest (decimal -> float32 directly) has the same digit count
            # except in rare double-rounding cases
            ref = np.format_float_scientific(np.float32(f), unique=True)
            nd = len(ref.split("e")[0].replace("-", "").replace(".", "").rstrip("0"))
            mine = len(s.split("e")[0].replace("-", "").replace(".", "").strip("0"))
            if mine > nd + 1:
                raise AssertionError(f"selfcheck: f32 {f!r}: {s} vs numpy {ref}")
            format_float(f, FLOAT32)
    # every float16 and bfloat16 value round-trips
    for bits in (range(1 << 16) if full else range(0, 1 << 16, 97)):
        h = float(np.array([bits], dtype=np.uint16).view(np.float16)[0])
        b = struct.unpack("<f", struct.pack("<I", bits << 16))[0]
        for v, fmt in ((h, FLOAT16), (b, BFLOAT16)):
            if math.isnan(v):
                continue
            format_float(v, fmt)
            if to_bits(v, fmt) != bits:
                raise AssertionError(f"to_bits {fmt.name} {bits:#x}")
            n += 1
    # --- error kinds: messages as recorded, one or more per rule; a message the rules miss
    # becomes `other`, and a rule reordered can move one to another kind
    for type_name, message, kind in CLASSIFIED:
        got = classify(type_name, message)
        if got != kind:
            raise AssertionError(f"selfcheck: classify({type_name}: {message!r}): got {got}, want {kind}")
        n += 1
    if verbose:
        print(f"selfcheck: {n} checks passed")
    return n


if __name__ == "__main__":
    check(verbose=True)
