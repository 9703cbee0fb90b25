"""The case matrix shared by class-index losses (NLLLoss now, CrossEntropy and MultiMargin
next): an input of scores per class, (N, C), (C,) or (N, C, d1, ...), and a target of class
indices, (N,), () or (N, d1, ...), with an optional weight per class and an `ignore_index`.

This does not fit the pointwise matrix (`pointwise.py`): the target is integer class
indices whose shape lacks the class dimension, so broadcasting, mixed float dtypes and edge
targets mean other things. A `ClassIndexRow` reuses `Row`'s calls (tensor names, module
constructor arguments, the legacy `size_average`/`reduce` rules) and writes its own cases.
A loss defines `sample(scores, target, weight)`: one sample's loss from its C scores (mpmath)
before weighting, so the exact answer is `-w[t] x[t]` for NLL and `w[t] (logsumexp(x) - x[t])`
for cross entropy; `mean` divides the weighted sum by the sum of the weights of the targets
that are not ignored (PyTorch's `total_weight`).

Cases tag `shape:` by the input's shape class (a target always lacks the class dimension,
which is what class-index losses are, not a broadcast).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .jsonout import Num
from .pointwise import FLOATS, LEGACY_NAMES, REDUCTIONS, TENSOR_KEYS, Row, exact_reduction, num, tensor
from .spec import ABSENT, Ref, rng_for, shape_class, shape_str, torch_resolved_reduction
from .tensors import make

TARGET_DTYPES = ("int64", "int32")


def log_probabilities(rng, shape, class_dim=1):
    """Log-softmax of standard normal scores along the class dimension (float64)."""
    z = rng.standard_normal(shape)
    if len(shape) == 0:
        return z
    axis = 0 if len(shape) == 1 else class_dim
    m = z.max(axis=axis, keepdims=True) if shape[axis] else z
    return z - m - np.log(np.exp(z - m).sum(axis=axis, keepdims=True)) if shape[axis] else z


def target_shape(input_shape):
    """(N, C, d...) -> (N, d...); (C,) -> ()."""
    s = tuple(input_shape)
    return () if len(s) == 1 else (s[0],) + s[2:]


def classes(input_shape):
    s = tuple(input_shape)
    return s[0] if len(s) == 1 else s[1]


def indices(dtype, values, shape):
    """A target tensor of class indices (or other values, for the dtype sweep)."""
    values = np.asarray(values)
    if dtype in ("int64", "int32"):
        return make(dtype, values.astype(np.int64).reshape(shape))
    return tensor(dtype, values, shape)


def class_rows(t):
    """A tensor of the input's layout, (C,), (N, C) or (N, C, d...), as rows of its C values
    in the target's order (float64)."""
    xs = tuple(t.shape)
    c = classes(xs)
    v = np.asarray(t.values, dtype=np.float64).reshape(xs)
    if len(xs) == 1:
        v = v.reshape(1, c)
    inner = int(np.prod(v.shape[2:], dtype=np.int64))
    return np.moveaxis(v.reshape(v.shape[0], c, inner), 1, 2).reshape(-1, c)


@dataclass
class ClassIndexLoss:
    key: str                  # seeds and names ("nll_loss")
    sample: object            # (scores: list of mpf, target: int[, **sample_params]) -> mpf: one sample's unweighted loss
    # which case families apply: those of `ignore_index`, and the (N, C, d1, ...) layout (multi-margin has neither)
    ignore_index: bool = True
    spatial: bool = True
    # `mean` divides by the weights of the targets not ignored (NLL), or else by the number of samples
    mean_by_weights: bool = True
    # the loss's parameters (`Param`s) the exact sample takes as keywords (multi-margin's p and margin)
    sample_params: tuple = ()
    # (row) -> cases a loss adds to the shared matrix (cross entropy's probabilities and label
    # smoothing, multi-margin's parameter sweeps), yielded before the long cases
    extra_cases: object = None
    # the long case: its shape and reductions (its mean runs PyTorch's cascade and MindSpore's threaded sums)
    long_shape: tuple = (65537, 3)
    long_reductions: tuple = ("mean",)


class ClassIndexRow(Row):
    """A row of a class-index loss: the tensors x (input), y (target), w (weight)."""

    def __init__(self, api, loss: ClassIndexLoss, pytorch, mindspore, *, ms_tensors, doc_examples=(), legacy=True):
        from .pointwise import Loss, Param
        params = [Param("ignore_index", -100)] if loss.ignore_index else []
        super().__init__(api, Loss(loss.key, None, None, params=params + list(loss.sample_params)), pytorch, mindspore,
                         ms_tensors=ms_tensors, legacy=legacy)
        self.class_loss = loss
        self.doc_examples = list(doc_examples)

    # ---------------------------------------------------------------- the MindSpore worker
    def mindspore_runtime_settings(self, mindspore):
        """Synchronous ops (`launch_blocking`, in full effect only before the first op): run
        asynchronously, GatherD's error for a class out of range was raised at the call in one
        recording and, in another, left the call a result read from memory no op wrote (the
        error surfacing at a later sync point), so identical calls differed."""
        mindspore.runtime.launch_blocking()

    def mindspore_worker_setup(self, mindspore):
        """End every op's thread-split search (`ParallelLaunchAutoSearch`) on one-sample inputs,
        as gaussian_nll_loss.py does: without it, the same call on a subnormal score gave two
        results in one recording (flushed to 0 or not, by which thread ran the op) and one
        result since. After it, every op of two or more elements splits into two equal halves."""
        import numpy as np
        target = mindspore.Tensor(np.zeros(1, np.int32))
        for dtype in (np.float32, np.float16, np.float64):
            one = mindspore.Tensor(np.ones((1, 1), dtype))
            weight = mindspore.Tensor(np.ones(1, dtype))
            for reduction in ("none", "mean", "sum"):
                for given in ({"reduction": reduction}, {"reduction": reduction, "weight": weight}):
                    args = {self.ms_tensors[0]: one, self.ms_tensors[1]: target}
                    init = given if self.ms_module else None
                    for _ in range(40):
                        try:
                            self.call_mindspore(mindspore, args if init else {**args, **given}, init).asnumpy()
                        except (TypeError, ValueError, RuntimeError):
                            break       # no such combination (a float64 weight): nothing to search

    # ---------------------------------------------------------------- one case
    def case(self, what, tensors, params, topics, *, bare=(), part="", ms_target=None, ms_input=None):
        """`Row.case`, tagged by the input's shape class; `ms_target` (`ms_input`) is a target
        (input) MindSpore gets instead of `y` (`x`): the diff pages' examples build int32 targets
        (and float32 inputs) for MindSpore, int64 (and float64) for PyTorch."""
        c = super().case(what, tensors, params, topics, bare=bare, part=part)
        x = tensors["x"]
        c.tags = [f"shape:{shape_class(x.shape)}" if t.startswith("shape:") else t for t in c.tags]
        if ms_target is not None:
            c.tensors["y_ms"] = ms_target
            c.calls["mindspore"][self.ms_tensors[1]] = Ref("y_ms")
        if ms_input is not None:
            c.tensors["x_ms"] = ms_input
            c.calls["mindspore"][self.ms_tensors[0]] = Ref("x_ms")
        return c

    def _data(self, dt, shape, key, tdtype="int64", *, weight=False):
        rng = rng_for(f"{self.loss.key}/{key}")
        x = tensor(dt, log_probabilities(rng, shape), shape)
        ts = target_shape(shape)
        c = classes(shape)
        y = indices(tdtype, rng.integers(0, max(c, 1), ts) if c else np.zeros(ts), ts)
        out = {"x": x, "y": y}
        if weight:
            out["w"] = tensor(dt, rng.uniform(0.25, 2.0, (c,)), (c,))
        return out

    # ---------------------------------------------------------------- exact answers
    def exact(self, ctx):
        import mpmath
        params = ctx.case.meta["params"]
        ignore = params.get("ignore_index", -100)
        if not isinstance(ignore, int) or isinstance(ignore, bool) or "y_ms" in ctx.tensors or "x_ms" in ctx.tensors:
            return None
        if not self.class_loss.ignore_index:
            ignore = None
        red = torch_resolved_reduction({k: v for k, v in params.items() if k in ("size_average", "reduce", "reduction")})
        x, y, w = ctx.tensors["x"], ctx.tensors["y"], ctx.tensors.get("w")
        if y.dtype not in ("int64", "int32") or len(x.shape) == 0:
            return None
        c = classes(x.shape)
        rows = class_rows(x)
        targets = np.asarray(y.values).reshape(-1).tolist()
        weights = [mpmath.mpf(float(v)) for v in np.asarray(w.values).reshape(-1)] if w is not None else None
        extra = {q.name: params.get(q.name, q.default) for q in self.class_loss.sample_params}
        extra = {k: float(v) if isinstance(v, Num) else v for k, v in extra.items()}
        if any(not isinstance(v, (int, float)) or isinstance(v, bool) for v in extra.values()):
            return None
        elems, total = [], []
        for row, t in zip(rows, targets):
            if t == ignore:
                elems.append(mpmath.mpf(0))
                continue
            if not 0 <= t < c:
                return None
            wt = weights[t] if weights is not None else mpmath.mpf(1)
            scores = [mpmath.mpf(float(v)) for v in row]
            elems.append(wt * self.class_loss.sample(scores, int(t), **extra))
            total.append(wt)
        divisor = mpmath.fsum(total) if self.class_loss.mean_by_weights else len(elems)
        return exact_reduction(elems, red, ctx.out_shape, divisor)

    # ---------------------------------------------------------------- the matrix
    def cases(self):
        yield from self.doc_cases()
        yield from self.default_cases()
        yield from self.random_cases()
        yield from self.weight_cases()
        if self.class_loss.ignore_index:
            yield from self.ignore_index_cases()
        yield from self.invalid_class_cases()
        yield from self.target_dtype_cases()
        yield from self.shape_cases()
        if self.legacy:
            yield from self.legacy_cases()
        yield from self.spelling_cases()
        yield from self.parameter_cases()
        yield from self.edge_cases()
        yield from self.empty_cases()
        if self.class_loss.extra_cases is not None:
            yield from self.class_loss.extra_cases(self)
        yield from self.long_cases()

    def _layouts(self, shapes):
        """`shapes` without the (N, C, d1, ...) ones where the loss has no such layout."""
        return [s for s in shapes if self.class_loss.spatial or len(s) <= 2]

    def doc_cases(self):
        for what, tensors, params, ms_target, *ms_input in self.doc_examples:
            yield self.case(what, tensors, params, ["doc-example"], bare=["doc-example"], ms_target=ms_target,
                            ms_input=ms_input[0] if ms_input else None)

    def default_cases(self):
        for dt in FLOATS:
            yield self.case("defaults-target-int64", self._data(dt, (5, 4), f"{dt}/defaults"), {}, ["defaults"])
        yield self.case("defaults-target-int32", self._data("float32", (5, 4), "float32/defaults", "int32"), {}, ["defaults"])

    # (C,) with a 0-d target, (N, C), a single sample, (N, C, d1), (N, C, d1, d2)
    SHAPES = [(4,), (5, 4), (3, 4, 5), (2, 3, 4, 5)]

    def random_cases(self):
        for dt in FLOATS:
            for shape in self._layouts(self.SHAPES):
                for td in TARGET_DTYPES if dt == "float32" and shape in ((5, 4), (2, 3, 4, 5)) else ("int64",):
                    data = self._data(dt, shape, f"{dt}/{shape_str(shape)}/random", td)
                    for red in REDUCTIONS:
                        yield self.case(f"random-target-{td}", data, {"reduction": red}, ["random"])

    def weight_cases(self):
        for dt in ("float32", "float16"):
            for shape in self._layouts([(5, 4), (2, 3, 4, 5)]):
                data = self._data(dt, shape, f"{dt}/{shape_str(shape)}/weighted", weight=True)
                for red in REDUCTIONS:
                    yield self.case("weighted", data, {"reduction": red}, ["random", "weight"])
        data = self._data("float32", (6, 4), "float32/6x4/weight-values")
        c = 4
        sets = [("weight-zeros", [0.0] * c), ("weight-one-zero", [1.0, 0.0, 2.0, 0.5]),
                ("weight-negative", [-1.0, 0.5, 2.0, -0.25]), ("weight-too-long", [1.0] * (c + 1)),
                ("weight-too-short", [1.0] * (c - 1)), ("weight-empty", [])]
        for what, values in sets:
            w = tensor("float32", values, (len(values),))
            for red in ("none", "mean"):
                yield self.case(what, {**data, "w": w}, {"reduction": red}, ["weight", "parameters"])
        w2 = tensor("float32", np.ones((2, c)), (2, c))
        yield self.case("weight-2d", {**data, "w": w2}, {"reduction": "mean"}, ["weight", "shape-mismatch"])
        w0 = tensor("float32", 1.0, ())
        yield self.case("weight-0d", {**data, "w": w0}, {"reduction": "mean"}, ["weight", "shape-mismatch"])
        for wd in ("float64", "float16", "bfloat16", "int64"):
            w = tensor(wd, [0.5, 1.0, 2.0, 1.5], (4,))
            for red in ("mean",):
                yield self.case(f"weight-{wd}", {**data, "w": w}, {"reduction": red}, ["weight", "mixed-dtype"])
        # weights with an ignored class and in the (N, C, d1, d2) layout
        if not (self.class_loss.ignore_index and self.class_loss.spatial):
            return
        data4 = self._data("float32", (2, 3, 2, 2), "float32/2x3x2x2/weight-ignore")
        y = indices("int64", [[[0, 1], [2, 1]], [[1, 1], [0, 2]]], (2, 2, 2))
        w = tensor("float32", [0.5, 2.0, 1.25], (3,))
        for red in REDUCTIONS:
            yield self.case("weight-ignore_index=1", {"x": data4["x"], "y": y, "w": w},
                            {"reduction": red, "ignore_index": 1}, ["weight", "parameters"])

    def ignore_index_cases(self):
        for dt in ("float32", "float16", "float64", "bfloat16"):
            data = self._data(dt, (6, 4), f"{dt}/6x4/ignore")
            y_default = indices("int64", [0, -100, 3, 1, -100, 2], (6,))
            y_some = indices("int64", [0, 1, 3, 1, 2, 1], (6,))
            y_all = indices("int64", [2] * 6, (6,))
            y_all_default = indices("int64", [-100] * 6, (6,))
            sets = [("ignore-default", y_default, ABSENT), ("ignore_index=1", y_some, 1),
                    ("ignore_index=2-all", y_all, 2), ("ignore-default-all", y_all_default, ABSENT),
                    ("ignore_index=7-absent", y_some, 7), ("ignore_index=-1", y_some, -1)]
            if dt != "float32":
                sets = [sets[0], sets[2]]
            for what, y, ig in sets:
                for red in REDUCTIONS if dt == "float32" else ("none", "mean"):
                    params = {"reduction": red} if ig is ABSENT else {"ignore_index": ig, "reduction": red}
                    yield self.case(what, {"x": data["x"], "y": y}, params, ["parameters", "labels"])
        # every target ignored with weights; ignored targets of an int32 target; a 4-d layout
        data = self._data("float32", (6, 4), "float32/6x4/ignore-weighted", weight=True)
        for red in ("mean", "sum"):
            yield self.case("ignore_index=2-all-weighted", {**data, "y": indices("int64", [2] * 6, (6,))},
                            {"ignore_index": 2, "reduction": red}, ["parameters", "labels", "weight"])
        for red in ("mean",):
            yield self.case("ignore-default-target-int32", {"x": data["x"], "y": indices("int32", [0, -100, 3, 1, -100, 2], (6,))},
                            {"reduction": red}, ["parameters", "labels"])
        data4 = self._data("float32", (2, 3, 2, 2), "float32/2x3x2x2/ignore")
        y4 = indices("int64", [[[0, -100], [2, 1]], [[-100, 1], [0, -100]]], (2, 2, 2))
        for red in ("none", "mean"):
            yield self.case("ignore-default", {"x": data4["x"], "y": y4}, {"reduction": red}, ["parameters", "labels"])
            yield self.case("ignore-default-all", {"x": data4["x"], "y": indices("int64", np.full((2, 2, 2), -100), (2, 2, 2))},
                            {"reduction": red}, ["parameters", "labels"])

    def invalid_class_cases(self):
        """Classes out of range: C, far above, -1, a negative one not ignored, int32 too."""
        for shape in self._layouts([(4, 3), (2, 3, 2, 2), (3,)]):
            data = self._data("float32", shape, f"float32/{shape_str(shape)}/invalid-class")
            ts = target_shape(shape)
            base = np.asarray(data["y"].values).reshape(ts)
            for what, value in (("class-C", 3), ("class-large", 1000), ("class-minus-1", -1)):
                v = np.array(base, copy=True).reshape(-1)
                v[-1] = value
                for td in TARGET_DTYPES if shape == (4, 3) else ("int64",):
                    y = indices(td, v, ts)
                    for red in ("none", "sum") if td == "int64" else ("none",):
                        yield self.case(f"{what}-target-{td}", {"x": data["x"], "y": y}, {"reduction": red}, ["labels"])
        if not self.class_loss.ignore_index:
            return
        data = self._data("float32", (4, 3), "float32/4x3/invalid-class-ignored")
        y = indices("int64", [0, -100, 2, 1], (4,))
        for red in ("none", "mean"):
            yield self.case("class-minus-100-ignore_index=0", {"x": data["x"], "y": y},
                            {"ignore_index": 0, "reduction": red}, ["labels", "parameters"])
        y = indices("int64", [0, 3, 2, 1], (4,))
        for red in ("none", "mean"):
            yield self.case("class-C-ignored", {"x": data["x"], "y": y}, {"ignore_index": 3, "reduction": red},
                            ["labels", "parameters"])

    TARGET_OTHER = ("float32", "float64", "float16", "bfloat16", "bool")

    def target_dtype_cases(self):
        data = self._data("float32", (5, 4), "float32/5x4/target-dtype")
        values = np.asarray(data["y"].values)
        for td in self.TARGET_OTHER:
            y = indices(td, values if td != "bool" else values % 2, (5,))
            for red in ("mean",):
                yield self.case(f"target-{td}", {"x": data["x"], "y": y}, {"reduction": red}, ["mixed-dtype", "labels"])
        for xd in ("int64", "int32", "bool"):
            x = indices(xd, np.ones((5, 4)), (5, 4))
            for red in ("mean",):
                yield self.case("integer-input", {"x": x, "y": data["y"]}, {"reduction": red}, ["integer-input"])

    # (input shape, target shape, what)
    SHAPE_ERRORS = [((4, 3), (5,), "target-batch-mismatch"), ((4, 3), (4, 1), "target-2d"),
                    ((4, 3), (), "target-0d"), ((3,), (1,), "target-1d-for-1d-input"),
                    ((2, 3, 4), (2, 5), "target-spatial-mismatch"), ((2, 3, 4, 5), (2, 4, 6), "target-spatial-mismatch"),
                    ((2, 3, 4, 5), (2, 4), "target-rank-short"), ((2, 3, 4, 5), (3, 4, 5), "target-batch-mismatch"),
                    ((), (), "input-0d"), ((2, 3, 1, 4, 5), (2, 1, 4, 5), "input-5d")]

    def shape_cases(self):
        for xs, ys, what in self.SHAPE_ERRORS:
            rng = rng_for(f"{self.loss.key}/{shape_str(xs)}+{shape_str(ys)}/{what}")
            x = tensor("float32", log_probabilities(rng, xs), xs)
            c = classes(xs) if xs else 1
            y = indices("int64", rng.integers(0, c, ys), ys)
            for red in ("mean",):
                c_ = self.case(what, {"x": x, "y": y}, {"reduction": red}, ["shape-mismatch"])
                if len(xs) == 5:
                    c_.tags = [t if not t.startswith("shape:") else "shape:mismatch" for t in c_.tags]
                yield c_

    def legacy_cases(self):
        data = self._data("float32", (5, 4), "float32/5x4/legacy")
        opts = [ABSENT, None, True, False]
        name = lambda v: "absent" if v is ABSENT else repr(v)
        for sa in opts:
            for rd in opts:
                params = {k: v for k, v in (("size_average", sa), ("reduce", rd)) if v is not ABSENT}
                yield self.case(f"legacy-size_average={name(sa)}-reduce={name(rd)}", data, params, ["legacy-args"])
        for red, sa, rd in [("sum", ABSENT, False), ("none", True, ABSENT), ("mean", False, ABSENT),
                            ("sum", None, None), ("avg", ABSENT, True)]:
            params = {k: v for k, v in (("size_average", sa), ("reduce", rd)) if v is not ABSENT}
            params["reduction"] = red
            yield self.case(f"legacy-size_average={name(sa)}-reduce={name(rd)}", data, params, ["legacy-args"])
        wdata = self._data("float32", (5, 4), "float32/5x4/legacy-weighted", weight=True)
        for sa in (True, False):
            yield self.case(f"legacy-size_average={sa}-weighted", wdata, {"size_average": sa}, ["legacy-args", "weight"])

    SPELLINGS = ["elementwise_mean", "avg", "MEAN", "", None, "Sum", "NONE", "batchmean"]

    def spelling_cases(self):
        data = self._data("float32", (5, 4), "float32/5x4/reduction-spelling")
        for red in self.SPELLINGS:
            yield self.case("reduction-spelling", data, {"reduction": red}, ["reduction-spelling"])

    def parameter_cases(self):
        if not self.class_loss.ignore_index:
            return
        data = self._data("float32", (5, 4), "float32/5x4/parameters")
        for what, value in (("float", num(1.0)), ("bool", True), ("none", None), ("string", "1")):
            yield self.case(f"ignore_index-{what}", data, {"ignore_index": value, "reduction": "mean"},
                            ["parameters", "invalid-argument"])

    def edge_cases(self):
        """inf/nan/huge/subnormal scores at the target's class and at another class."""
        from .floats import FORMATS
        for dt in FLOATS:
            f = FORMATS[dt]
            edges = [("inf", np.inf), ("-inf", -np.inf), ("nan", np.nan), ("huge", -f.max_finite),
                     ("subnormal", -f.min_subnormal)]
            if dt in ("bfloat16", "float64"):
                edges = edges[1:3]
            for what, value in edges:
                # A subnormal gets one sample: MindSpore's pool threads flush denormals, and with
                # more than one element whether the op ran whole on the calling thread or split
                # onto the pool depends on that kernel's launch history in the process (float32
                # 4x3 'none' kept 1e-45 in two recordings, flushed it in 300 of 300 calls of a
                # fresh worker), which no recording can pin. A one-element op runs on the caller.
                n = 1 if what == "subnormal" else 4
                data = self._data(dt, (n, 3), f"{dt}/{n}x3/edge-{what}")
                xv = np.asarray(data["x"].values, dtype=np.float64).reshape(n, 3).copy()
                t = np.asarray(data["y"].values).reshape(-1)
                xv[0, t[0]] = value                    # the first sample's target score
                if n > 1:
                    xv[1, (t[1] + 1) % 3] = value      # another sample's non-target score
                x = tensor(dt, xv, (n, 3))
                for red in ("none", "mean"):
                    yield self.case(f"edge-{what}", {"x": x, "y": data["y"]}, {"reduction": red}, ["edge-input"])
            # sums that overflow the dtype
            x = tensor(dt, np.full((3, 2), -f.max_finite), (3, 2))
            y = indices("int64", [0, 1, 0], (3,))
            for red in ("sum", "mean"):
                yield self.case("overflow-sum", {"x": x, "y": y}, {"reduction": red}, ["overflow"])

    def empty_cases(self):
        for dt in ("float32",):
            for shape in self._layouts([(0, 4), (0, 3, 2, 2), (2, 3, 0, 2)]):
                ts = target_shape(shape)
                x, y = tensor(dt, np.zeros(shape), shape), indices("int64", np.zeros(ts), ts)
                for red in REDUCTIONS:
                    yield self.case("empty", {"x": x, "y": y}, {"reduction": red}, ["random"])
        x, y = tensor("float32", np.zeros((2, 0)), (2, 0)), indices("int64", [0, 0], (2,))
        for red in REDUCTIONS:
            yield self.case("no-classes", {"x": x, "y": y}, {"reduction": red}, ["labels"])

    def long_cases(self):
        """PyTorch sums the losses in a cascade of levels 2^level_power apart, level_power =
        max(4, ceil(log2 N) / 8), so 16 below 2^40 positions: 500 samples and the 512 positions
        of the 4-d layout push into the third level (256), in the main file; one long mean of
        65,537 samples reaches the fifth (65,536) and runs MindSpore's threaded sums, split out
        as `-long`."""
        for dt in ("float32", "float16"):
            data = self._data(dt, (500, 3), f"{dt}/500x3/cascade")
            for red in ("mean", "sum"):
                yield self.case("cascade", data, {"reduction": red}, ["random"])
        data = self._data("float32", (500, 3), "float32/500x3/cascade-weighted", weight=True)
        yield self.case("cascade-weighted", data, {"reduction": "mean"}, ["random", "weight"])
        if self.class_loss.spatial:
            data = self._data("float32", (2, 3, 16, 16), "float32/2x3x16x16/cascade")
            yield self.case("cascade", data, {"reduction": "mean"}, ["random"])
        shape = self.class_loss.long_shape
        data = self._data("float32", shape, f"float32/{shape_str(shape)}/long")
        for red in self.class_loss.long_reductions:
            yield self.case("long", data, {"reduction": red}, ["long", "random"], part="long")
