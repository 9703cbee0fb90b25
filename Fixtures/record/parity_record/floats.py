"""Exact binary floating-point formats: rounding, bit patterns and shortest decimals.

Everything here is done with integers, independently of numpy/torch, so that the
recorder can round high-precision values to float16 / bfloat16 / float32 / float64
exactly once, with round-to-nearest-even, gradual underflow and overflow to inf.

A value that fits one of these formats is always held as a Python float (float64
holds every float16, bfloat16 and float32 value exactly, including -0.0, inf, nan).
"""
from __future__ import annotations

import math
import struct
from dataclasses import dataclass
from decimal import Decimal, ROUND_FLOOR, ROUND_CEILING, localcontext


@dataclass(frozen=True)
class Format:
    name: str
    p: int      # significand bits, including the implicit leading bit
    emin: int   # exponent of the smallest normal number
    emax: int   # exponent of the largest finite number
    nbytes: int

    @property
    def max_finite(self) -> float:
        return math.ldexp((1 << self.p) - 1, self.emax - self.p + 1)

    @property
    def min_normal(self) -> float:
        return math.ldexp(1, self.emin)

    @property
    def min_subnormal(self) -> float:
        return math.ldexp(1, self.emin - self.p + 1)


FLOAT16 = Format("float16", 11, -14, 15, 2)
BFLOAT16 = Format("bfloat16", 8, -126, 127, 2)
FLOAT32 = Format("float32", 24, -126, 127, 4)
FLOAT64 = Format("float64", 53, -1022, 1023, 8)
FORMATS = {f.name: f for f in (FLOAT16, BFLOAT16, FLOAT32, FLOAT64)}


def is_float_dtype(dtype: str) -> bool:
    return dtype in FORMATS


def round_binary(negative: bool, man: int, exp: int, fmt: Format, mode: str = "nearest") -> float:
    """Round the exact value (-1)^negative * man * 2^exp (man >= 0) to `fmt`.

    mode: "nearest" (ties to even), "floor" (toward -inf), "ceil" (toward +inf).
    Returns a Python float holding the rounded value exactly (inf on overflow).
    """
    if man < 0:
        raise ValueError("man must be >= 0")
    if man == 0:
        return -0.0 if negative else 0.0
    lead = man.bit_length() - 1 + exp              # exponent of the leading bit
    if lead < fmt.emin - fmt.p - 1:
        # |value| < 2^(emin-p) = half the smallest subnormal (without building huge ints)
        if (mode == "ceil" and not negative) or (mode == "floor" and negative):
            return -fmt.min_subnormal if negative else fmt.min_subnormal
        return -0.0 if negative else 0.0
    if lead > fmt.emax + 1:
        man, exp = 1, fmt.emax + 2                 # any value this large behaves the same
        lead = fmt.emax + 2
    e = max(lead, fmt.emin)
    qe = e - (fmt.p - 1)                            # exponent of one unit in the last place
    shift = qe - exp
    if shift <= 0:
        n = man << (-shift)
    else:
        n = man >> shift
        rem = man - (n << shift)
        if rem:
            if mode == "nearest":
                half = 1 << (shift - 1)
                up = rem > half or (rem == half and (n & 1))
            elif mode == "floor":
                up = negative
            elif mode == "ceil":
                up = not negative
            else:
                raise ValueError(mode)
            if up:
                n += 1
    # n <= 2^p here (a carry may give exactly 2^p, which is still representable
    # unless it is past emax)
    if n == 0:
        return -0.0 if negative else 0.0
    top = n.bit_length() - 1 + qe
    if top > fmt.emax:
        # overflow: nearest -> inf; directed modes -> inf away from the direction, else max finite
        if mode == "nearest" or (mode == "ceil" and not negative) or (mode == "floor" and negative):
            return -math.inf if negative else math.inf
        return -fmt.max_finite if negative else fmt.max_finite
    v = math.ldexp(n, qe)                           # exact: n < 2^53 and qe >= -1074
    return -v if negative else v


def round_float(x: float, fmt: Format, mode: str = "nearest") -> float:
    """Round a Python float (an exact binary value) to `fmt`. nan/inf pass through."""
    if math.isnan(x) or math.isinf(x):
        return x
    negative = math.copysign(1.0, x) < 0
    num, den = abs(x).as_integer_ratio()            # den is a power of two
    return round_binary(negative, num, -(den.bit_length() - 1), fmt, mode)


def round_mpf(v, fmt: Format, mode: str = "nearest") -> float:
    """Round an mpmath mpf (exactly man*2^exp) to `fmt`."""
    import mpmath
    if mpmath.isnan(v):
        return math.nan
    if mpmath.isinf(v):
        return math.inf if v > 0 else -math.inf
    sign, man, exp, _bc = v._mpf_
    return round_binary(bool(sign), int(man), int(exp), fmt, mode)


def round_decimal_str(s: str, fmt: Format) -> float:
    """The contract's read-back path: decimal -> float64 (RNE) -> fmt (RNE)."""
    return round_float(float(s), fmt)


def representable(x: float, fmt: Format) -> bool:
    if math.isnan(x) or math.isinf(x):
        return True
    return round_float(x, fmt) == x


# ---------------------------------------------------------------- bit patterns

def to_bits(x: float, fmt: Format) -> int:
    """Bit pattern of a value that is exactly representable in fmt."""
    if fmt is FLOAT64:
        return struct.unpack("<Q", struct.pack("<d", x))[0]
    if fmt is FLOAT32:
        return struct.unpack("<I", struct.pack("<f", x))[0]
    if fmt is BFLOAT16:
        b = struct.unpack("<I", struct.pack("<f", x))[0]
        if math.isnan(x):
            return 0x7FC0 | ((b >> 16) & 0x8000)
        if b & 0xFFFF:
            raise ValueError(f"{x!r} is not a bfloat16 value")
        return b >> 16
    if fmt is FLOAT16:
        return struct.unpack("<H", struct.pack("<e", x))[0]
    raise ValueError(fmt)


def same_bits(a: float, b: float, fmt: Format) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


# ---------------------------------------------------------------- shortest decimal

def _python_style(d: Decimal) -> str:
    """Format a finite Decimal like Python's repr() formats floats."""
    sign, digits, exp = d.as_tuple()
    ds = "".join(map(str, digits)).rstrip("0") or "0"
    # value = 0.ds * 10^decpt
    ndig_orig = len(digits)
    decpt = ndig_orig + exp
    if ds == "0":
        decpt = 1
    s = "-" if sign else ""
    if -4 < decpt <= 16:
        if decpt <= 0:
            body = "0." + "0" * (-decpt) + ds
        elif decpt >= len(ds):
            body = ds + "0" * (decpt - len(ds)) + ".0"
        else:
            body = ds[:decpt] + "." + ds[decpt:]
    else:
        x = decpt - 1
        mant = ds[0] + ("." + ds[1:] if len(ds) > 1 else "")
        body = f"{mant}e{'-' if x < 0 else '+'}{abs(x):02d}"
    return s + body


def shortest_decimal(x: float, fmt: Format) -> str:
    """Shortest decimal string that reads back (decimal -> float64 -> fmt, RNE) to
    exactly x. Raises if x is not a finite value of fmt. Ties between two candidates
    of the same length go to the one closer to x (then the even last digit)."""
    if math.isnan(x) or math.isinf(x):
        raise ValueError("non-finite")
    if not representable(x, fmt):
        raise ValueError(f"{x!r} is not a {fmt.name} value")
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    exact = Decimal(x)                      # exact value of the binary number
    for k in range(1, 18):
        quantum = Decimal(1).scaleb(exact.adjusted() - k + 1)
        with localcontext() as ctx:
            ctx.prec = 60
            lo = exact.quantize(quantum, rounding=ROUND_FLOOR)    # k-digit neighbours of x
            hi = exact.quantize(quantum, rounding=ROUND_CEILING)
        cands = []
        for c in {lo, hi}:
            s = _python_style(c)
            if same_bits(round_decimal_str(s, fmt), x, fmt):
                cands.append((abs(c - exact), int(c.as_tuple().digits[-1]) % 2, s))
        if cands:
            cands.sort()
            return cands[0][2]
    raise AssertionError(f"no decimal of <= 17 digits reads back to {x!r} as {fmt.name}")


def format_float(x: float, fmt: Format):
    """JSON token for a float element: a raw number string, or "nan"/"inf"/"-inf"
    as a Python str to be written as a JSON string. Verifies the read-back."""
    if math.isnan(x):
        return "nan", False
    if math.isinf(x):
        return ("inf" if x > 0 else "-inf"), False
    s = shortest_decimal(x, fmt)
    back = round_decimal_str(s, fmt)
    if not same_bits(back, x, fmt):   # belt and braces: abort the recording
        raise SystemExit(f"FATAL: {s} does not read back to {x!r} as {fmt.name}")
    return s, True
