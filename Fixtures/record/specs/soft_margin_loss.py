"""SoftMarginLoss: torch.nn.functional.soft_margin_loss vs mindspore.nn.SoftMarginLoss.

Case ids are <dtype>/<shape>/<reduction>/<what>: <dtype> is the input's dtype, or
"<x>+<y>" when they differ; <shape> is the input's shape ("scalar", "0", "2x3"), or
"<x>+<y>" when the shapes differ; <reduction> is the value passed ("default" when
absent, "null" for None, "empty-string" for ''). Random data is seeded from the
id without its reduction, so the none/mean/sum cases of one set share their data.
"""
from __future__ import annotations

import math

import numpy as np

from parity_record.floats import FORMATS, round_float
from parity_record.spec import (ABSENT, Case, Ref, reduction_segment, reduction_tag, rng_for, shape_class,
                                shape_str, torch_resolved_reduction)
from parity_record.tensors import TensorData, make

API = "SoftMarginLoss"
FRAMEWORKS = {
    "pytorch": {"api": "torch.nn.functional.soft_margin_loss", "package": "torch"},
    "mindspore": {"api": "mindspore.nn.SoftMarginLoss", "package": "mindspore"},
}

FLOATS = ("float16", "bfloat16", "float32", "float64")
REDUCTIONS = ("none", "mean", "sum")


# ------------------------------------------------------------------ calls

def call_pytorch(torch, args):
    return torch.nn.functional.soft_margin_loss(**args)


def call_mindspore(mindspore, args):
    args = dict(args)
    ctor = {"reduction": args.pop("reduction")} if "reduction" in args else {}
    return mindspore.nn.SoftMarginLoss(**ctor)(**args)


# ------------------------------------------------------------------ exact answer

_elem_cache: dict = {}


def _mp(v):
    import mpmath
    return mpmath.mpf(int(v)) if isinstance(v, (bool, int, np.integer, np.bool_)) else mpmath.mpf(float(v))


def exact(ctx):
    """log1p(exp(-x*y)) per element from the stored values, exact sum / mean."""
    import mpmath
    red = torch_resolved_reduction(ctx.pytorch_args)
    x = ctx.tensors["x"].values
    y = np.broadcast_to(ctx.tensors["y"].values, x.shape)        # target broadcasts to input
    elems = []
    for a, b in zip(x.reshape(-1).tolist(), y.reshape(-1).tolist()):
        key = (a, b, ctx.prec)
        v = _elem_cache.get(key)
        if v is None:
            v = mpmath.log1p(mpmath.exp(-(_mp(a) * _mp(b))))
            _elem_cache[key] = v
        elems.append(v)
    if red == "none":
        assert tuple(x.shape) == tuple(ctx.out_shape), ctx.case.id
        return elems
    assert tuple(ctx.out_shape) == (), ctx.case.id
    if red == "sum":
        return [mpmath.fsum(elems)]                                # empty sum: 0
    if red == "mean":
        return [mpmath.fsum(elems) / len(elems)] if elems else [mpmath.nan]
    raise AssertionError(f"{ctx.case.id}: unexpected reduction {red!r}")


# ------------------------------------------------------------------ case building





def _case(what: str, x: TensorData, y: TensorData, topics, *, reduction=ABSENT,
          size_average=ABSENT, reduce=ABSENT, bare=(), part="") -> Case:
    dseg = x.dtype if x.dtype == y.dtype else f"{x.dtype}+{y.dtype}"
    sseg = shape_str(x.shape) if x.shape == y.shape else f"{shape_str(x.shape)}+{shape_str(y.shape)}"
    cid = f"{dseg}/{sseg}/{reduction_segment(reduction)}/{what}"

    if x.shape == y.shape:
        scls = shape_class(x.shape)
    else:
        try:
            ok = np.broadcast_shapes(x.shape, y.shape) == x.shape     # target broadcasts TO input
        except ValueError:
            ok = False
        scls = "broadcast" if ok else "mismatch"
    tags = list(bare) + [f"dtype:{x.dtype}"]
    if x.dtype != y.dtype:
        tags.append(f"dtype:{x.dtype}+{y.dtype}")
    tags += [f"shape:{scls}", reduction_tag(reduction)] + [f"topic:{t}" for t in topics]

    pt = {"input": Ref("x"), "target": Ref("y")}
    if size_average is not ABSENT:
        pt["size_average"] = size_average
    if reduce is not ABSENT:
        pt["reduce"] = reduce
    if reduction is not ABSENT:
        pt["reduction"] = reduction
    ms = {"logits": Ref("x"), "labels": Ref("y")}
    legacy = (size_average not in (ABSENT, None)) or (reduce not in (ABSENT, None))
    if legacy:
        # MindSpore has no size_average/reduce: it gets the reduction PyTorch resolves to
        ms["reduction"] = torch_resolved_reduction(
            {k: v for k, v in pt.items() if k in ("size_average", "reduce", "reduction")})
    elif reduction is not ABSENT:
        ms["reduction"] = reduction
    return Case(cid, tags, {"x": x, "y": y}, {"pytorch": pt, "mindspore": ms}, part)


def _t(dtype, values, shape=None) -> TensorData:
    """A tensor from float64 values rounded once (RNE) to dtype."""
    if dtype in FORMATS:
        return make(dtype, values, shape, round_to_dtype=True)
    return make(dtype, values, shape)


def _signs(rng, shape):
    return np.where(rng.random(shape) < 0.5, -1.0, 1.0)


DISTRIBUTIONS = {
    "normal": lambda rng, shape: rng.standard_normal(shape) * 2.0,
    "uniform30": lambda rng, shape: rng.uniform(-30.0, 30.0, shape),
    "near-zero": lambda rng, shape: rng.uniform(-1e-3, 1e-3, shape),
}

RANDOM_SHAPES = [(), (1,), (2,), (7,), (33,), (1000,), (5, 8), (3, 4, 5), (2, 3, 4, 5), (4, 1, 3)]
EMPTY_SHAPES = [(0,), (3, 0)]


def _random_pair(dtype, shape, dist, key, ydtype=None):
    rng = rng_for(key)
    x = DISTRIBUTIONS[dist](rng, shape)
    y = _signs(rng, shape)
    return _t(dtype, x, shape), _t(ydtype or dtype, y, shape)


def random_cases():
    for dt in FLOATS:
        for shape in RANDOM_SHAPES:
            for dist in DISTRIBUTIONS:
                what = f"random-{dist}"
                x, y = _random_pair(dt, shape, dist, f"{dt}/{shape_str(shape)}/{what}")
                for red in REDUCTIONS:
                    yield _case(what, x, y, ["random"], reduction=red)
        for shape in EMPTY_SHAPES:
            x, y = _t(dt, np.zeros(shape)), _t(dt, np.zeros(shape))
            for red in REDUCTIONS:
                yield _case("empty", x, y, ["random"], reduction=red)


def doc_cases():
    x = _t("float32", [[0.3, 0.7], [0.5, 0.5]])
    y = _t("float32", [[-1, 1], [1, -1]])
    # as in the fixture contract's example: reduction='mean' passed explicitly
    yield _case("doc-example", x, y, ["doc-example"], reduction="mean", bare=["doc-example"])
    # as on the mapping page: no reduction argument (both defaults are 'mean')
    yield _case("doc-example", x, y, ["doc-example"], bare=["doc-example"])


def legacy_cases():
    x, y = _random_pair("float32", (2, 3), "normal", "float32/2x3/legacy")
    opts = [ABSENT, None, True, False]
    name = lambda v: "absent" if v is ABSENT else repr(v)
    for sa in opts:
        for rd in opts:
            yield _case(f"legacy-size_average={name(sa)}-reduce={name(rd)}", x, y, ["legacy-args"],
                        size_average=sa, reduce=rd)
    # legacy arguments together with an explicit reduction they override (or not)
    for red, sa, rd in [("sum", ABSENT, False), ("none", True, ABSENT), ("mean", False, ABSENT),
                        ("none", ABSENT, True), ("sum", None, None), ("avg", ABSENT, True),
                        ("MEAN", False, False)]:
        yield _case(f"legacy-size_average={name(sa)}-reduce={name(rd)}", x, y, ["legacy-args"],
                    reduction=red, size_average=sa, reduce=rd)


def spelling_cases():
    x, y = _random_pair("float32", (2, 3), "normal", "float32/2x3/reduction-spelling")
    for red in ["elementwise_mean", "avg", "MEAN", "", None, "Sum", "NONE"]:
        yield _case("reduction-spelling", x, y, ["reduction-spelling"], reduction=red)
    # also the 16-bit dtypes for the one spelling PyTorch accepts beyond the usual three
    for dt in ("float16", "bfloat16", "float64"):
        xd, yd = _random_pair(dt, (2, 3), "normal", f"{dt}/2x3/reduction-spelling")
        yield _case("reduction-spelling", xd, yd, ["reduction-spelling"], reduction="elementwise_mean")


def shape_cases():
    pairs = [((2, 3), (3,), "target-broadcast"), ((5,), (), "target-scalar"),
             ((2, 3), (1, 3), "target-size-1"),
             ((3,), (2, 3), "input-smaller"), ((4, 1), (1, 5), "not-broadcastable-to-input"),
             ((2, 3), (4,), "not-broadcastable")]
    for dt in ("float32", "float16"):
        for xs, ys, what in pairs:
            rng = rng_for(f"{dt}/{shape_str(xs)}+{shape_str(ys)}/{what}")
            x = _t(dt, DISTRIBUTIONS["normal"](rng, xs))
            y = _t(dt, _signs(rng, ys))
            try:
                mutual = True
                ok = np.broadcast_shapes(xs, ys) == xs
            except ValueError:
                mutual, ok = False, False
            topics = ["broadcast"] if ok else (["shape-mismatch", "broadcast"] if mutual else ["shape-mismatch"])
            for red in REDUCTIONS:
                yield _case(what, x, y, topics, reduction=red)


def mixed_cases():
    for xd, yd in [("float16", "float32"), ("float32", "float64"), ("float64", "float32"),
                   ("bfloat16", "float32"), ("float32", "bfloat16"), ("float16", "bfloat16")]:
        rng = rng_for(f"{xd}+{yd}/2x3/mixed-dtype")
        x = _t(xd, DISTRIBUTIONS["normal"](rng, (2, 3)))
        y = _t(yd, _signs(rng, (2, 3)))
        for red in REDUCTIONS:
            yield _case("mixed-dtype", x, y, ["mixed-dtype"], reduction=red)


def integer_cases():
    pairs = [("int32", "int32"), ("int64", "int64"), ("int32", "float32"), ("int64", "float32"),
             ("float32", "int32"), ("float32", "int64"), ("bool", "bool"), ("bool", "float32"),
             ("float32", "bool")]
    for xd, yd in pairs:
        rng = rng_for(f"{xd}+{yd}/2x3/integer-input")
        if xd == "bool":
            x = make("bool", rng.random((2, 3)) < 0.5)
        elif xd.startswith("int"):
            x = make(xd, rng.integers(-3, 4, (2, 3)))
        else:
            x = _t(xd, DISTRIBUTIONS["normal"](rng, (2, 3)))
        s = _signs(rng, (2, 3))
        if yd == "bool":
            y = make("bool", s > 0)
        elif yd.startswith("int"):
            y = make(yd, s.astype(np.int64))
        else:
            y = _t(yd, s)
        topics = ["integer-input"] + (["mixed-dtype"] if xd != yd else [])
        for red in REDUCTIONS:
            yield _case("integer-input", x, y, topics, reduction=red)


def _edges(dt):
    f = FORMATS[dt]
    return {
        "small": [0.0, -0.0, f.min_subnormal, -f.min_subnormal, f.min_normal - f.min_subnormal,
                  f.min_normal, -f.min_normal, 1e-7, -1e-7],
        "large": [1e4, -1e4, f.max_finite, -f.max_finite],
        "special": [math.inf, -math.inf, math.nan],
    }


def _edge_name(v):
    return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")


def edge_cases():
    for dt in FLOATS:
        e = _edges(dt)
        allv = e["small"] + e["large"] + e["special"]
        n = len(allv)
        # --- edges in the input (target +-1)
        x = _t(dt, allv + allv)
        y = _t(dt, [1.0] * n + [-1.0] * n)
        yield _case("edge-input", x, y, ["edge-input", "overflow"], reduction="none")
        xs = _t(dt, e["small"] + e["small"])
        ys = _t(dt, [1.0] * len(e["small"]) + [-1.0] * len(e["small"]))
        for red in REDUCTIONS:
            yield _case("edge-input-small", xs, ys, ["edge-input"], reduction=red)
        xl = _t(dt, e["large"] + e["large"])
        yl = _t(dt, [1.0] * 4 + [-1.0] * 4)
        for red in REDUCTIONS:
            yield _case("edge-input-large", xl, yl, ["edge-input", "overflow"], reduction=red)
        for s in e["special"]:
            for yv, yn in ((1.0, "ypos"), (-1.0, "yneg")):
                yield _case(f"edge-input-{_edge_name(s)}-{yn}", _t(dt, s), _t(dt, yv), ["edge-input"],
                            reduction="mean")
        # --- edges in the target (input from a fixed pattern)
        xp = [1.5, -1.5, 0.0]
        x = _t(dt, [a for _ in allv for a in xp])
        y = _t(dt, [b for b in allv for _ in xp])
        yield _case("edge-target", x, y, ["edge-target", "overflow"], reduction="none")
        sm = e["small"]
        x = _t(dt, [a for _ in sm for a in xp])
        y = _t(dt, [b for b in sm for _ in xp])
        for red in ("mean", "sum"):
            yield _case("edge-target-small", x, y, ["edge-target"], reduction=red)
        for s in e["special"]:
            for xv in (1.5, -1.5, 0.0):
                yield _case(f"edge-target-{_edge_name(s)}-x={xv}", _t(dt, xv), _t(dt, s), ["edge-target"],
                            reduction="mean")


def _overflow_point(dt):
    """ln(max_finite + half an ulp): the margin -x*y above which exp(-x*y) rounds to inf."""
    import mpmath
    f = FORMATS[dt]
    with mpmath.workprec(200):
        t = mpmath.log(mpmath.mpf(2) ** (f.emax + 1) * (1 - mpmath.mpf(2) ** (-(f.p + 1))))
        from parity_record.floats import round_mpf
        return round_mpf(t, f, "floor"), round_mpf(t, f, "ceil")


def overflow_cases():
    for dt in FLOATS:
        below, above = _overflow_point(dt)
        if dt == "bfloat16":        # the exp is done in float32 for bfloat16: that threshold too
            fb, fa = _overflow_point("float32")
            pts = sorted({below, above, round_float(fb, FORMATS[dt], "floor"), round_float(fa, FORMATS[dt], "ceil")})
        else:
            pts = [below, above]
        x = _t(dt, [-p for p in pts] + pts)
        y = _t(dt, [1.0] * len(pts) + [-1.0] * len(pts))
        yield _case("overflow-threshold", x, y, ["overflow", "edge-input"], reduction="none")
        for name, p in (("below", below), ("above", above)):
            for red in ("mean", "sum"):
                yield _case(f"overflow-{name}", _t(dt, -p), _t(dt, 1.0), ["overflow", "edge-input"], reduction=red)
        f = FORMATS[dt]
        yield _case("overflow-product", _t(dt, [f.max_finite, -f.max_finite, f.max_finite, -f.max_finite]),
                    _t(dt, [2.0, 2.0, -2.0, -2.0]), ["overflow", "edge-target"], reduction="none")


MARGINS = [5.0, 5.5, 6.0, 7.0, 8.0, 9.0, 15.0, 16.0, 16.5, 17.0, 17.5, 18.0, 20.0,
           36.0, 37.0, 38.0, 50.0, 88.0, 100.0, 104.0, 745.0, 800.0]


def log1p_cases():
    for dt in FLOATS:
        x = _t(dt, MARGINS + [-m for m in MARGINS])
        y = _t(dt, [1.0] * len(MARGINS) + [-1.0] * len(MARGINS))
        for red in REDUCTIONS:
            yield _case("log-vs-log1p", x, y, ["log-vs-log1p", "edge-input"], reduction=red)


LABELS = [("0", 0.0), ("0.5", 0.5), ("2", 2.0), ("-3", -3.0), ("nan", math.nan)]


def label_cases():
    for dt in FLOATS:
        for name, v in LABELS:
            rng = rng_for(f"{dt}/7/labels={name}")
            x = _t(dt, DISTRIBUTIONS["normal"](rng, (7,)))
            y = _t(dt, [v] * 7)
            yield _case(f"labels={name}", x, y, ["labels"], reduction="none")
        rng = rng_for(f"{dt}/8/labels-mixed")
        x = _t(dt, DISTRIBUTIONS["normal"](rng, (8,)))
        y = _t(dt, [0.0, 0.5, 2.0, -3.0, 1.0, -1.0, 0.25, -0.5])
        for red in ("mean", "sum"):
            yield _case("labels-mixed", x, y, ["labels"], reduction=red)


def long_cases():
    plan = [("float32", 65537, ("mean", "sum")), ("float32", 262144, ("mean", "sum")),
            ("bfloat16", 65537, ("mean", "sum")), ("bfloat16", 262144, ("mean", "sum")),
            ("float16", 65537, ("mean",))]
    for dt, n, reds in plan:
        x, y = _random_pair(dt, (n,), "normal", f"{dt}/{n}/long")
        for red in reds:
            yield _case("long", x, y, ["long", "random"], reduction=red, part="long")


def cases():
    yield from doc_cases()
    yield from random_cases()
    yield from legacy_cases()
    yield from spelling_cases()
    yield from shape_cases()
    yield from mixed_cases()
    yield from integer_cases()
    yield from edge_cases()
    yield from overflow_cases()
    yield from log1p_cases()
    yield from label_cases()
    yield from long_cases()
