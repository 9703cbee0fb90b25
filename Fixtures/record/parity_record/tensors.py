"""Framework-independent tensors and their JSON encoding (fixture format v1).

A TensorData holds `dtype` (a contract dtype string), `shape` and `values`, a numpy
array of that shape: float64 for the float dtypes (holding the exact values of the
dtype), int64 for int32/int64, bool for bool.
"""
from __future__ import annotations

import base64
import math
from dataclasses import dataclass

import numpy as np

from .floats import FORMATS, format_float, round_float, representable, to_bits
from .jsonout import Num

DTYPES = ("float16", "bfloat16", "float32", "float64", "int32", "int64", "bool")
BASE64_ABOVE = 4096          # tensors with more elements are written as base64
_INT_RANGE = {"int32": (-2**31, 2**31 - 1), "int64": (-2**63, 2**63 - 1)}
_NP_RAW = {"float16": "<f2", "float32": "<f4", "float64": "<f8", "int32": "<i4", "int64": "<i8", "bool": "u1"}


@dataclass
class TensorData:
    dtype: str
    values: np.ndarray

    @property
    def shape(self) -> tuple:
        return tuple(int(d) for d in self.values.shape)

    @property
    def numel(self) -> int:
        return int(self.values.size)

    def flat(self) -> list:
        return self.values.reshape(-1).tolist()


class TupleResult(tuple):
    """A call's several tensors, in order (the contract's `value` and `more_values`):
    `mindspore.ops.ctc_loss` returns (neg_log_likelihood, log_alpha)."""

    @property
    def shape(self) -> tuple:
        return self[0].shape

    @property
    def numel(self) -> int:
        return sum(t.numel for t in self)


def make(dtype: str, values, shape=None, *, round_to_dtype: bool = False) -> TensorData:
    """Build a tensor. Float values must already be values of `dtype` unless
    round_to_dtype=True (then each is rounded once, RNE, from its float64 value)."""
    if dtype not in DTYPES:
        raise ValueError(f"unknown dtype {dtype}")
    if dtype in FORMATS:
        arr = np.array(values, dtype=np.float64)
        if shape is not None:
            arr = arr.reshape(shape)
        fmt = FORMATS[dtype]
        flat = arr.reshape(-1)
        if round_to_dtype:
            flat = np.array([round_float(float(v), fmt) for v in flat.tolist()], dtype=np.float64)
            arr = flat.reshape(arr.shape)
        else:
            for v in flat.tolist():
                if not representable(v, fmt):
                    raise ValueError(f"{v!r} is not a {dtype} value")
    elif dtype == "bool":
        arr = np.array(values, dtype=bool)
        if shape is not None:
            arr = arr.reshape(shape)
    else:
        arr = np.array(values, dtype=np.int64)
        if shape is not None:
            arr = arr.reshape(shape)
        lo, hi = _INT_RANGE[dtype]
        if arr.size and (arr.min() < lo or arr.max() > hi):
            raise ValueError(f"value out of range for {dtype}")
    return TensorData(dtype, arr)


def _raw_bytes(t: TensorData) -> bytes:
    flat = t.values.reshape(-1)
    if t.dtype == "bfloat16":
        bits = [to_bits(v, FORMATS["bfloat16"]) for v in flat.tolist()]
        return np.array(bits, dtype="<u2").tobytes()
    if t.dtype == "bool":
        return flat.astype("u1").tobytes()
    return flat.astype(_NP_RAW[t.dtype]).tobytes()


def _from_raw(dtype: str, raw: bytes, shape) -> np.ndarray:
    if dtype == "bfloat16":
        u = np.frombuffer(raw, dtype="<u2").astype("<u4") << 16
        return u.view("<f4").astype(np.float64).reshape(shape)
    if dtype == "bool":
        return np.frombuffer(raw, dtype="u1").astype(bool).reshape(shape)
    a = np.frombuffer(raw, dtype=_NP_RAW[dtype])
    return (a.astype(np.float64) if dtype in FORMATS else a.astype(np.int64)).reshape(shape)


def _same(a: np.ndarray, b: np.ndarray, dtype: str) -> bool:
    if a.shape != b.shape:
        return False
    if dtype in FORMATS:
        an, bn = np.isnan(a), np.isnan(b)
        return bool(np.array_equal(an, bn) and np.array_equal(a[~an], b[~bn])
                    and np.array_equal(np.signbit(a[~an]), np.signbit(b[~bn])))
    return bool(np.array_equal(a, b))


def encode(t: TensorData) -> dict:
    """The contract's TENSOR object, with fixed key order."""
    out = {"dtype": t.dtype, "shape": list(t.shape)}
    if t.numel > BASE64_ABOVE:
        raw = _raw_bytes(t)
        back = _from_raw(t.dtype, raw, t.shape)
        if not _same(back, t.values, t.dtype):
            raise SystemExit(f"FATAL: base64 encoding of a {t.dtype} tensor does not round-trip")
        out["base64"] = base64.b64encode(raw).decode("ascii")
        return out
    flat = t.flat()
    if t.dtype in FORMATS:
        fmt = FORMATS[t.dtype]
        data = []
        for v in flat:
            tok, is_num = format_float(v, fmt)      # verifies decimal -> float64 -> dtype
            data.append(Num(tok) if is_num else tok)
    elif t.dtype == "bool":
        data = [bool(v) for v in flat]
    else:
        data = [int(v) for v in flat]
    out["data"] = data
    return out


# ---------------------------------------------------------------- framework bridges

def torch_dtype_name(dt) -> str:
    import torch
    names = {torch.float16: "float16", torch.bfloat16: "bfloat16", torch.float32: "float32",
             torch.float64: "float64", torch.int32: "int32", torch.int64: "int64", torch.bool: "bool"}
    if dt not in names:
        raise SystemExit(f"FATAL: torch dtype {dt} has no fixture dtype")
    return names[dt]


def to_torch(t: TensorData):
    import torch
    dt = {"float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32,
          "float64": torch.float64, "int32": torch.int32, "int64": torch.int64, "bool": torch.bool}[t.dtype]
    src = torch.from_numpy(np.array(t.values, order="C", copy=True))   # keeps 0-d shapes
    out = src.to(dt).reshape(t.shape)
    back = from_torch(out)
    if not _same(back.values, t.values, t.dtype):          # values are exact: must round-trip
        raise SystemExit(f"FATAL: converting a {t.dtype} tensor to torch changed its values")
    return out


def from_torch(x) -> TensorData:
    import torch
    if isinstance(x, (tuple, list)):
        return TupleResult(from_torch(e) for e in x)
    name = torch_dtype_name(x.dtype)
    x = x.detach().cpu()
    if name in FORMATS:
        vals = x.to(torch.float64).numpy().copy()
    elif name == "bool":
        vals = x.numpy().copy()
    else:
        vals = x.to(torch.int64).numpy().copy()
    return TensorData(name, np.array(vals).reshape(tuple(x.shape)))


def to_mindspore(t: TensorData):
    import mindspore as ms
    if t.dtype == "bfloat16":
        out = ms.Tensor(t.values.astype(np.float32), dtype=ms.bfloat16)
    else:
        np_dt = {"float16": np.float16, "float32": np.float32, "float64": np.float64,
                 "int32": np.int32, "int64": np.int64, "bool": np.bool_}[t.dtype]
        out = ms.Tensor(t.values.astype(np_dt))
    back = from_mindspore(out)
    if back.dtype != t.dtype or not _same(back.values, t.values, t.dtype):
        raise SystemExit(f"FATAL: converting a {t.dtype} tensor to mindspore changed it")
    return out


def mindspore_dtype_name(dt) -> str:
    import mindspore as ms
    names = {ms.float16: "float16", ms.bfloat16: "bfloat16", ms.float32: "float32", ms.float64: "float64",
             ms.int32: "int32", ms.int64: "int64", ms.bool_: "bool"}
    if dt not in names:
        raise SystemExit(f"FATAL: mindspore dtype {dt} has no fixture dtype")
    return names[dt]


def from_mindspore(x) -> TensorData:
    """Materialises the tensor (call inside the try: PyNative is asynchronous)."""
    import mindspore as ms
    if isinstance(x, (tuple, list)):
        return TupleResult(from_mindspore(e) for e in x)
    name = mindspore_dtype_name(x.dtype)
    if name == "bfloat16":
        vals = x.astype(ms.float32).asnumpy().astype(np.float64)
    elif name in FORMATS:
        vals = x.asnumpy().astype(np.float64)
    elif name == "bool":
        vals = x.asnumpy().astype(bool)
    else:
        vals = x.asnumpy().astype(np.int64)
    return TensorData(name, np.array(vals).reshape(tuple(x.shape)))
