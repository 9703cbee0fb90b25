"""Runs a spec against the real frameworks and builds the fixture documents."""
from __future__ import annotations

import math
import os
import platform
import sys
import warnings
from collections import Counter

from . import floats
from .errors import classify, first_line
from .jsonout import dumps, Num
from .spec import SEED, ExactContext, Ref, check_tags, sub_seed, torch_resolved_reduction
from .tensors import (TensorData, encode, from_mindspore, from_torch, make, to_mindspore, to_torch)

THREADS = 1
EXACT_PREC = 256           # bits (~77 decimal digits) for the exact answers
SCRIPT = "Fixtures/record/record.py"

_fw = {}


def setup_frameworks():
    """Import and configure torch and mindspore once (CPU, one thread, fixed seeds)."""
    if _fw:
        return _fw
    os.environ.setdefault("GLOG_v", "3")                 # mindspore: errors only
    os.environ.setdefault("OMP_NUM_THREADS", str(THREADS))
    import torch
    torch.set_num_threads(THREADS)
    torch.manual_seed(SEED)
    import mindspore
    mindspore.set_context(mode=mindspore.PYNATIVE_MODE, device_target="CPU")
    mindspore.set_seed(SEED)
    import mpmath
    import numpy
    _fw.update(torch=torch, mindspore=mindspore, mpmath=mpmath, numpy=numpy)
    return _fw


def _substitute(args: dict, tensors: dict) -> dict:
    return {k: (tensors[v.name] if isinstance(v, Ref) else v) for k, v in args.items()}


def _encode_args(args: dict) -> dict:
    out = {}
    for k, v in args.items():
        if isinstance(v, Ref):
            out[k] = {"tensor": v.name}
        elif isinstance(v, float):
            raise TypeError("float arguments: pass them as Num with an explicit decimal")
        else:
            out[k] = v
    return out


def _run(fn, convert_back):
    """Call fn() and materialise its result INSIDE the try, capturing warnings."""
    value = err = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            value = convert_back(fn())
        except Exception as exc:        # noqa: BLE001 - every framework error is recorded
            err = exc
    msgs = [str(w.message) for w in caught]
    return value, err, msgs


def _outcome(value: TensorData | None, err, msgs, case_id: str, fw: str, others: list):
    if err is not None:
        tname = type(err).__name__
        msg = first_line(err)
        kind = classify(tname, msg)
        if kind == "other":
            others.append((case_id, fw, tname, msg))
            print(f"\n!!!!!!!! ERROR KIND 'other': {case_id} [{fw}] {tname}: {msg}\n", file=sys.stderr, flush=True)
        out = {"error": {"kind": kind, "type": tname, "message": msg}}
    else:
        out = {"value": encode(value)}
    if msgs:
        out["warnings"] = msgs
    return out


def _round_exact(vals, fmt, prec):
    """Round each mpf once to fmt; refuse if the working-precision error bound
    straddles a rounding boundary (then more precision would be needed)."""
    import mpmath
    rel = mpmath.mpf(2) ** (-(prec - 48))      # generous bound on accumulated relative error
    out = []
    with mpmath.workprec(prec + 64):
        for v in vals:
            r = floats.round_mpf(v, fmt)
            if not (mpmath.isnan(v) or mpmath.isinf(v) or v == 0):
                lo = floats.round_mpf(v * (1 - rel), fmt)
                hi = floats.round_mpf(v * (1 + rel), fmt)
                if not (floats.same_bits(lo, r, fmt) and floats.same_bits(hi, r, fmt)):
                    raise SystemExit(f"FATAL: exact value {v} too close to a rounding boundary of {fmt.name}")
            out.append(r)
    return out


LEAKED = Counter()


def _ms_drain(ms, where: str) -> None:
    """MindSpore PyNative runs ops asynchronously; an error that was already raised
    at a call's .asnumpy() is sometimes raised AGAIN at a later, unrelated sync
    point (seen on 2.10.0 CPU, a few % of calls). Run a tiny op to a sync point
    until it succeeds twice in a row, so a stale error can never be recorded as the
    outcome of the next call. Drained errors are counted and reported, not recorded."""
    import numpy as np
    ok = 0
    for _ in range(20):
        try:
            ms.Tensor(np.zeros(1, np.float32)).astype(ms.float16).asnumpy()
            ok += 1
            if ok == 2:
                return
        except Exception as exc:          # noqa: BLE001
            ok = 0
            LEAKED[f"{where}: {type(exc).__name__}: {first_line(exc)}"] += 1
    raise SystemExit("FATAL: MindSpore keeps raising at a sync point")


def _all_finite(tensors: dict) -> bool:
    import numpy as np
    for t in tensors.values():
        if t.dtype in floats.FORMATS and not bool(np.all(np.isfinite(t.values))):
            return False
    return True


def record_case(spec, case, stats: dict, others: list) -> dict:
    fw = setup_frameworks()
    torch, ms, mpmath = fw["torch"], fw["mindspore"], fw["mpmath"]
    seed = sub_seed(case.id)
    calls = {}
    pt_value = None
    for key, args in case.calls.items():
        if key == "pytorch":
            torch.manual_seed(seed)
            tt = {n: to_torch(t) for n, t in case.tensors.items()}
            value, err, msgs = _run(lambda: spec.call_pytorch(torch, _substitute(args, tt)), from_torch)
            pt_value = value
        elif key == "mindspore":
            ms.set_seed(seed % (2**31))
            _ms_drain(ms, "before")
            mt = {n: to_mindspore(t) for n, t in case.tensors.items()}
            _ms_drain(ms, "before")
            value, err, msgs = _run(lambda: spec.call_mindspore(ms, _substitute(args, mt)), from_mindspore)
            _ms_drain(ms, "after")
        else:
            raise SystemExit(f"FATAL: unknown framework {key} in {case.id}")
        out = _outcome(value, err, msgs, case.id, key, others)
        calls[key] = {"args": _encode_args(args), "outcome": out}
        stats.setdefault(key, Counter())["value" if err is None else "error:" + out["error"]["kind"]] += 1
    # exact answer: only when PyTorch returned a value and every input is finite
    if pt_value is not None and hasattr(spec, "exact") and _all_finite(case.tensors) \
            and pt_value.dtype in floats.FORMATS:
        with mpmath.workprec(EXACT_PREC):
            ctx = ExactContext(case, case.tensors, case.calls["pytorch"], pt_value.dtype, pt_value.shape, EXACT_PREC)
            vals = spec.exact(ctx)
            if vals is not None:
                fmt = floats.FORMATS[pt_value.dtype]
                rounded = _round_exact(vals, fmt, EXACT_PREC)
                ex = make(pt_value.dtype, rounded, pt_value.shape)
                _sanity(case.id, ex, pt_value)
                calls["exact"] = {"outcome": {"value": encode(ex)}}
                stats.setdefault("exact", Counter())["value"] += 1
    return {"id": case.id, "tags": list(case.tags),
            "tensors": {n: encode(t) for n, t in case.tensors.items()}, "calls": calls}


def _sanity(case_id, ex: TensorData, pt: TensorData):
    """Loose agreement between the exact answer and PyTorch (catches a spec that
    resolved the wrong reduction). Prints, never changes the recording."""
    import numpy as np
    a, b = ex.values, pt.values
    both = np.isfinite(a) & np.isfinite(b)
    with np.errstate(invalid="ignore", over="ignore"):
        bad = both & (np.abs(a - b) > 0.05 * np.abs(a) + 1e-3)
    if bool(np.any(bad)):
        print(f"NOTE: {case_id}: exact and PyTorch differ by >5% at {int(bad.sum())} element(s)",
              file=sys.stderr, flush=True)


def header(spec) -> dict:
    fw = setup_frameworks()
    torch, ms, mpmath = fw["torch"], fw["mindspore"], fw["mpmath"]
    versions = {"pytorch": torch.__version__, "mindspore": ms.__version__}
    frameworks = {}
    for key, info in spec.FRAMEWORKS.items():
        entry = {"api": info["api"], "package": info["package"], "version": versions[key]}
        if key == "pytorch":
            entry["device"] = "cpu"
        else:
            entry["device"] = "CPU"
            entry["mode"] = "PYNATIVE_MODE"
        frameworks[key] = entry
    if hasattr(spec, "exact"):
        frameworks["exact"] = {"api": "mpmath", "package": "mpmath", "version": mpmath.__version__,
                               "precision_bits": EXACT_PREC,
                               "rounding": "once, to nearest even, to PyTorch's output dtype"}
    return {
        "format": "api-mapping-fixture",
        "version": 1,
        "api": spec.API,
        "frameworks": frameworks,
        "recorder": {"script": SCRIPT, "python": platform.python_version(),
                     "platform": f"{platform.system()}-{platform.machine()}",
                     "seed": SEED, "threads": THREADS,
                     "numpy": fw["numpy"].__version__,
                     "torch_cpu_capability": torch.backends.cpu.get_cpu_capability()},
    }


def record_spec(spec, progress=True):
    """Returns ({file name: text}, stats, others)."""
    cases = list(spec.cases())
    ids = [c.id for c in cases]
    dup = [i for i, n in Counter(ids).items() if n > 1]
    if dup:
        raise SystemExit(f"FATAL: duplicate case ids in {spec.API}: {dup[:5]}")
    for case in cases:
        check_tags(case)
        if case.id.count("/") != 3 or any(not seg for seg in case.id.split("/")):
            raise SystemExit(f"FATAL: case id {case.id!r} is not <dtype>/<shape>/<reduction>/<what>")
    parts: dict[str, list] = {}
    stats: dict = {}
    others: list = []
    for i, case in enumerate(cases):
        if progress and (i % 50 == 0 or case.part):
            print(f"  [{spec.API}] {i + 1}/{len(cases)} {case.id}", file=sys.stderr, flush=True)
        parts.setdefault(case.part, []).append(record_case(spec, case, stats, others))
    hdr = header(spec)
    files = {}
    for part in sorted(parts):
        name = f"{spec.API}.json" if not part else f"{spec.API}-{part}.json"
        files[name] = dumps({**hdr, "cases": parts[part]})
    if LEAKED:
        print(f"  [{spec.API}] MindSpore errors drained after their call (not recorded): "
              + "; ".join(f"{k} x{v}" for k, v in sorted(LEAKED.items())), file=sys.stderr, flush=True)
    return files, stats, others
