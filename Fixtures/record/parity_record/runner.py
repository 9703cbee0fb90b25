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
from .isolated import CallFailure, release, workers_for
from .tensors import (TensorData, TupleResult, encode, from_mindspore, from_torch, make, to_mindspore, to_torch)

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
    """Framework tensors for Refs, Python floats for Num tokens (floats are written as Num)."""
    return {k: (tensors[v.name] if isinstance(v, Ref) else float(v) if isinstance(v, Num) else v)
            for k, v in args.items()}


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
        tname, msg = (err.type_name, err.message) if isinstance(err, CallFailure) else \
            (type(err).__name__, first_line(err))
        kind = classify(tname, msg)
        if kind == "other":
            others.append((case_id, fw, tname, msg))
            print(f"\n!!!!!!!! ERROR KIND 'other': {case_id} [{fw}] {tname}: {msg}\n", file=sys.stderr, flush=True)
        out = {"error": {"kind": kind, "type": tname, "message": msg}}
    elif isinstance(value, TupleResult):
        out = {"value": encode(value[0]), "more_values": [encode(t) for t in value[1:]]}
    else:
        out = {"value": encode(value)}
    if msgs:
        out["warnings"] = msgs
    return out


class NearBoundary(Exception):
    """An exact value whose error bound straddles a rounding boundary of the output dtype."""


def _round_exact(vals, fmt, prec, exact_values=()):
    """Round each mpf once to fmt; refuse if the working-precision error bound
    straddles a rounding boundary (then more precision would be needed). Indices in
    `exact_values` hold values known to be exact (the same at two precisions): a tie
    there is a real tie, rounded to even."""
    import mpmath
    rel = mpmath.mpf(2) ** (-(prec - 48))      # generous bound on accumulated relative error
    out = []
    with mpmath.workprec(prec + 64):
        for i, v in enumerate(vals):
            r = floats.round_mpf(v, fmt)
            if not (mpmath.isnan(v) or mpmath.isinf(v) or v == 0) and i not in exact_values:
                lo = floats.round_mpf(v * (1 - rel), fmt)
                hi = floats.round_mpf(v * (1 + rel), fmt)
                if not (floats.same_bits(lo, r, fmt) and floats.same_bits(hi, r, fmt)):
                    raise NearBoundary(f"exact value {v} too close to a rounding boundary of {fmt.name}")
            out.append(r)
    return out


def _exact_values(spec, case, pt_value, mpmath):
    """The spec's exact answers rounded to PyTorch's output dtype. Near a rounding boundary
    they are recomputed with more precision; a value that comes out the same at 4096 and
    8192 bits is exact (|x - y| of two floats, say), and a tie there is rounded to even."""
    fmt = floats.FORMATS[pt_value.dtype]

    def at(prec):
        with mpmath.workprec(prec):
            ctx = ExactContext(case, case.tensors, case.calls["pytorch"], pt_value.dtype, pt_value.shape, prec)
            return spec.exact(ctx)

    vals = at(EXACT_PREC)
    if vals is None:
        return None
    try:
        return _round_exact(vals, fmt, EXACT_PREC)
    except NearBoundary:
        pass
    high, higher = at(4096), at(8192)
    same = {i for i, (a, b) in enumerate(zip(high, higher)) if a == b}
    try:
        return _round_exact(higher, fmt, 8192, exact_values=same)
    except NearBoundary as exc:
        raise SystemExit(f"FATAL: {case.id}: {exc}")


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


def record_case(spec, case, stats: dict, others: list, workers) -> dict:
    fw = setup_frameworks()
    torch, ms, mpmath = fw["torch"], fw["mindspore"], fw["mpmath"]
    seed = sub_seed(case.id)
    calls = {}
    pt_value = None
    for key, args in case.calls.items():
        init = case.init.get(key)
        if key == "pytorch":
            torch.manual_seed(seed)
            tt = {n: to_torch(t) for n, t in case.tensors.items()}
            fn = (lambda: spec.call_pytorch(torch, _substitute(args, tt))) if init is None else \
                (lambda: spec.call_pytorch(torch, _substitute(args, tt), _substitute(init, tt)))
            value, err, msgs = _run(fn, from_torch)
            # (tensors, value) -> a message where PyTorch's kernel is known to return memory it
            # never wrote (multi_margin_loss reducing an empty input): no golden, like MindSpore's
            unwritten = getattr(spec, "pytorch_undefined_result", None)
            known = unwritten(case.tensors, value) if unwritten and value is not None else None
            if known:
                value, err = None, CallFailure("UndefinedResult", known)
            pt_value = value
        elif key == "mindspore":
            # in the worker process: a call that aborts the process is recorded, not fatal
            value, err, msgs = workers.call(spec, args, init, case.tensors, seed)
        else:
            raise SystemExit(f"FATAL: unknown framework {key} in {case.id}")
        out = _outcome(value, err, msgs, case.id, key, others)
        calls[key] = ({"init_args": _encode_args(init)} if init is not None else {}) | \
            {"args": _encode_args(args), "outcome": out}
        stats.setdefault(key, Counter())["value" if err is None else "error:" + out["error"]["kind"]] += 1
    # exact answer: only when PyTorch returned a value and every input is finite
    if pt_value is not None and hasattr(spec, "exact") and _all_finite(case.tensors) \
            and pt_value.dtype in floats.FORMATS:
        rounded = _exact_values(spec, case, pt_value, mpmath)
        if rounded is not None:
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
        signature = api_signature(fw[key if key == "mindspore" else "torch"], info["api"])
        if signature is not None:
            entry["signature"] = signature
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
                     "torch_cpu_capability": torch.backends.cpu.get_cpu_capability(),
                     **cpu_provenance(torch)},
    }


CPU_FLAGS_OF_INTEREST = ("avx", "avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512_bf16", "avx512_fp16", "amx_tile")


def cpu_provenance(torch) -> dict:
    """The recording CPU and the math libraries torch was built with: PyTorch's CPU results
    differ by 1-2 ULP between an AVX2 and an AVX-512 machine, so they are part of a golden."""
    vendor = model = ""
    flags: list = []
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                key, value = key.strip(), value.strip()
                if key == "vendor_id" and not vendor:
                    vendor = value
                elif key == "model name" and not model:
                    model = value
                elif key == "flags" and not flags:
                    have = set(value.split())
                    flags = [f for f in CPU_FLAGS_OF_INTEREST if f in have]
    except OSError:
        pass
    return {"cpu_vendor": vendor, "cpu_model": model, "cpu_flags": flags,
            "torch_mkl": bool(torch.backends.mkl.is_available()),
            "torch_mkldnn": bool(torch.backends.mkldnn.is_available()),
            "torch_openmp": bool(torch.backends.openmp.is_available())}


_KINDS = {"POSITIONAL_ONLY": "positional_only", "POSITIONAL_OR_KEYWORD": "positional_or_keyword",
          "KEYWORD_ONLY": "keyword_only", "VAR_POSITIONAL": "var_positional", "VAR_KEYWORD": "var_keyword"}


def _default(value):
    """A default as the contract writes it: a JSON scalar, else {"repr": ...} (addresses removed)."""
    import re
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return Num(repr(value))
    return {"repr": re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))}


def _parameters(fn, drop_self: bool):
    import inspect
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return None
    if drop_self and params and params[0].name == "self":
        params = params[1:]
    out = []
    for p in params:
        entry = {"name": p.name, "kind": _KINDS[p.kind.name]}
        if p.default is not inspect.Parameter.empty:
            entry["default"] = _default(p.default)
        out.append(entry)
    return out


def api_signature(package, dotted: str):
    """The installed API's signature (constructor and forward/construct for a class), or None
    when the API does not exist or cannot be introspected (the calls record what happened)."""
    import inspect
    obj = package
    for part in dotted.split(".")[1:]:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    if inspect.isclass(obj):
        method = getattr(obj, "forward", None) or getattr(obj, "construct", None)
        ctor, call = _parameters(obj.__init__, True), _parameters(method, True) if method else None
        if ctor is None or call is None:
            return None
        return {"constructor": ctor, "call": call}
    call = _parameters(obj, False)
    return None if call is None else {"call": call}


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
    workers = workers_for(spec)
    for i, case in enumerate(cases):
        if progress and (i % 50 == 0 or case.part):
            print(f"  [{spec.API}] {i + 1}/{len(cases)} {case.id}", file=sys.stderr, flush=True)
        parts.setdefault(case.part, []).append(record_case(spec, case, stats, others, workers))
    hdr = header(spec)
    files = {}
    for part in sorted(parts):
        name = f"{spec.API}.json" if not part else f"{spec.API}-{part}.json"
        files[name] = dumps({**hdr, "cases": parts[part]})
    if workers.leaked:
        print(f"  [{spec.API}] MindSpore errors drained after their call (not recorded): "
              + "; ".join(f"{k} x{v}" for k, v in sorted(workers.leaked.items())), file=sys.stderr, flush=True)
    release(workers)
    return files, stats, others
