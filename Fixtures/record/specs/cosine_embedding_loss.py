"""Cosine embedding: 1 - cos(x1, x2) where y == 1, max(0, cos(x1, x2) - margin) where y == -1,
0 elsewhere, the cosine taken over dimension 1 (a 1-d pair against a 0-d target: its only
dimension): torch.nn.CosineEmbeddingLoss / cosine_embedding_loss against
mindspore.nn.CosineEmbeddingLoss / ops.cosine_embedding_loss.

PyTorch's ATen composite (Loss.cpp): a 0-d or 1-d target only, 1-d or 2-d inputs to match;
`prod_sum = (x1 * x2).sum(d)`, `mag_square = (x * x).sum(d) + EPSILON` (a float 1e-12),
`denom = (mag_square1 * mag_square2).sqrt_()`, `cos = prod_sum / denom`, then
`where(y == 1, 1 - cos, 0) + where(y == -1, (cos - margin).clamp_min_(0), 0)` and the reduction.
MindSpore writes it in Python with no epsilon: `ReduceSum(x1 * x2, (1,))`,
`sqrt(ReduceSum(square(x1), (1,))) * sqrt(ReduceSum(square(x2), (1,)))`, the quotient, then
`select(y == 1, 1.0 - cos, 0) + select(y == -1, maximum(cos - margin, 0.0), 0)` and `_get_loss`
(in float32); any rank, the target shaped like the input without dimension 1, the margin a float
in [-1, 1].

The case matrix is this row's own (the inputs are pairs of vectors, the target one value a pair),
built with the shared `Row.case` (ids, tags, calls), input1 as `x`, input2 as the required `x2`
(`logits_x2` for MindSpore's cell) and the target as `y`. Targets other than +-1 (0, 2, -0.5) are
part of the domain. The exact answer follows PyTorch's definition: EPSILON added to each squared
magnitude, the margin as given.
"""
import math

import numpy as np

from parity_record.floats import FORMATS
from parity_record.jsonout import Num
from parity_record.pointwise import (FLOATS, REDUCTIONS, Loss, Row, _mp, as_dtype, num, sign_target_domain,
                                     tensor)
from parity_record.spec import Ref, rng_for, shape_class, shape_str, torch_resolved_reduction

EPSILON = float(np.float32(1e-12))     # ATen's `constexpr float EPSILON = 1e-12`


def domain(rng, shape):
    """input1 standard normal (target drawn apart, see `CosineEmbeddingRow.triple`)."""
    return rng.standard_normal(shape), rng.standard_normal(shape)


LOSS = Loss(
    key="cosine_embedding_loss",
    domain=domain,
    elem=None,
    required_tensors=("input2",),
    tensor_values={"input2": lambda rng, shape: rng.standard_normal(shape)},
)

# MindSpore's docstring example (the row has no diff page): an int32 target; it prints 0.0003425479
DOC = {"x": tensor("float32", [[0.3, 0.8], [0.4, 0.3]]), "x2": tensor("float32", [[0.4, 1.2], [-0.4, -0.9]]),
       "y": tensor("int32", [1, -1])}


def target_shape(shape):
    """The target's shape for inputs of `shape`: the input without dimension 1 (a 1-d input: 0-d)."""
    shape = tuple(shape)
    return () if len(shape) <= 1 else shape[:1] + shape[2:]


class CosineEmbeddingRow(Row):
    """The cosine embedding loss's own matrix: pairs of vectors and a target per pair."""

    def case(self, what, tensors, params, topics, *, bare=(), part=""):
        """The shared case, with the MindSpore cell's name for input2 and a shape tag for the
        pair: the inputs' class when the target fits them, else broadcast or mismatch."""
        c = super().case(what, tensors, params, topics, bare=bare, part=part)
        if self.ms_module:
            c.calls["mindspore"] = {("logits_x2" if k == "input2" else k): v for k, v in c.calls["mindspore"].items()}
        x, x2, y = tensors["x"].shape, tensors["x2"].shape, tensors["y"].shape
        if x == x2 and y == target_shape(x):
            scls = shape_class(x)
        else:
            try:
                pair = np.broadcast_shapes(x, x2)
                np.broadcast_shapes(target_shape(pair), y)
                scls = "broadcast"
            except ValueError:
                scls = "mismatch"
        c.tags = [t if not t.startswith("shape:") else f"shape:{scls}" for t in c.tags]
        return c

    def triple(self, dtype, shape, key, ydtype=None, yshape=None):
        """input1, input2 (standard normal) and a +-1 target (with 0, 2, -0.5 mixed in)."""
        rng = rng_for(f"{self.loss.key}/{key}")
        x1, x2 = domain(rng, shape)
        ys = target_shape(shape) if yshape is None else yshape
        _, y = sign_target_domain(rng, ys)
        return {"x": tensor(dtype, x1, shape), "x2": tensor(dtype, x2, shape),
                "y": as_dtype(ydtype or dtype, y, ys)}

    # ------------------------------------------------------------ the MindSpore worker
    def mindspore_runtime_settings(self, mindspore):
        """Synchronous ops: with several ops of a call lacking a kernel, the error names the first."""
        mindspore.runtime.launch_blocking()

    def mindspore_worker_setup(self, mindspore):
        """End every op's thread-split search (`ParallelLaunchAutoSearch`) on small tensors, as
        multilabel_soft_margin_loss.py does, so no split depends on which cases came first."""
        for dtype in (np.float32, np.float16, np.float64):
            one = mindspore.Tensor(np.ones((1, 1), dtype))
            target = mindspore.Tensor(np.ones((1,), dtype))
            for reduction in ("none", "mean", "sum"):
                loss = mindspore.nn.CosineEmbeddingLoss(reduction=reduction)
                for _ in range(40):
                    loss(one, one, target).asnumpy()

    # ------------------------------------------------------------ exact answers
    def exact(self, ctx):
        """PyTorch's definition in exact arithmetic: the cosine over dimension 1 (0 for a 0-d
        target) with EPSILON in each squared magnitude, the target's where, the reduction."""
        import mpmath
        meta = ctx.case.meta
        margin = meta["params"].get("margin", 0.0)
        if isinstance(margin, Num):
            margin = float(margin)
        if isinstance(margin, (str, Ref)) or margin is None:
            return None
        t = ctx.tensors
        if "x" not in t or "x2" not in t or "y" not in t:
            return None
        dim = 0 if len(t["y"].shape) == 0 else 1
        mp = np.vectorize(_mp, otypes=[object])
        x1, x2 = mp(t["x"].values), mp(t["x2"].values)
        if x1.ndim <= dim or x2.ndim <= dim:
            return None
        eps = mpmath.mpf(EPSILON)
        # each magnitude from its own input, as ATen sums `x * x` before anything broadcasts
        prod = (x1 * x2).sum(axis=dim)
        m1 = (x1 * x1).sum(axis=dim) + eps
        m2 = (x2 * x2).sum(axis=dim) + eps
        cos = prod / np.vectorize(mpmath.sqrt, otypes=[object])(m1 * m2)
        cos = np.asarray(cos, dtype=object)
        out_shape = np.broadcast_shapes(cos.shape, t["y"].shape)
        cos_b = np.broadcast_to(cos, out_shape).reshape(-1)
        ys = np.broadcast_to(t["y"].values, out_shape).reshape(-1)
        m = mpmath.mpf(float(margin))
        elems = []
        for c, y in zip(cos_b, ys):
            y = float(y)
            elems.append(1 - c if y == 1 else max(mpmath.mpf(0), c - m) if y == -1 else mpmath.mpf(0))
        red = torch_resolved_reduction({k: v for k, v in meta["params"].items()
                                        if k in ("size_average", "reduce", "reduction")})
        if red == "none":
            return elems if tuple(out_shape) == tuple(ctx.out_shape) else None
        if tuple(ctx.out_shape) != ():
            return None
        if red == "sum":
            return [mpmath.fsum(elems)]
        if red == "mean":
            return [mpmath.fsum(elems) / len(elems)] if elems else [mpmath.nan]
        return None

    # ------------------------------------------------------------ the matrix (`Row.cases` runs
    # these in its order; each is this row's own)
    def doc_cases(self):
        for red in (None, "none", "sum"):
            params = {} if red is None else {"reduction": red}
            yield self.case("doc-example-mindspore", DOC, params, ["doc-example"])

    def default_cases(self):
        for dt in FLOATS:
            yield self.case("defaults", self.triple(dt, (4, 7), f"{dt}/defaults"), {}, ["defaults"])

    # (N, D) pairs, a 1-d pair with a 0-d target, wide rows for PyTorch's vectorized sums, a
    # 3-d input (MindSpore's documented (N, *), dimension 1 reduced)
    RANDOM_SHAPES = [(7,), (1, 1), (1, 5), (5, 8), (4, 1), (3, 33), (3, 333), (2, 3, 4)]
    EMPTY_SHAPES = [(0, 4), (3, 0), (0,)]

    def random_cases(self):
        for dt in FLOATS:
            for shape in self.RANDOM_SHAPES:
                tensors = self.triple(dt, shape, f"{dt}/{shape_str(shape)}/random")
                for red in REDUCTIONS:
                    yield self.case("random", tensors, {"reduction": red}, ["random"])
            for shape in self.EMPTY_SHAPES:
                ys = target_shape(shape)
                tensors = {"x": tensor(dt, np.zeros(shape)), "x2": tensor(dt, np.zeros(shape)),
                           "y": tensor(dt, np.ones(ys), ys)}
                for red in REDUCTIONS:
                    yield self.case("empty", tensors, {"reduction": red}, ["random"])

    def legacy_cases(self):
        tensors = self.triple("float32", (3, 4), "float32/3x4/legacy")
        opts = [None, True, False]
        for sa in opts:
            for rd in opts:
                yield self.case(f"legacy-size_average={sa!r}-reduce={rd!r}", tensors,
                                {"size_average": sa, "reduce": rd}, ["legacy-args"])
        yield self.case("legacy-size_average=False-reduce=absent", tensors, {"size_average": False, "reduction": "mean"},
                        ["legacy-args"])

    SPELLINGS = ["elementwise_mean", "avg", "MEAN", "", None, "Sum", "NONE"]

    def spelling_cases(self):
        tensors = self.triple("float32", (3, 4), "float32/3x4/reduction-spelling")
        for red in self.SPELLINGS:
            yield self.case("reduction-spelling", tensors, {"reduction": red}, ["reduction-spelling"])

    # (input1, input2, target shapes, what): PyTorch broadcasts input1 with input2 and the
    # target with the cosines; MindSpore's cell wants equal inputs, its function a target shaped
    # like input1 without dimension 1
    BROADCAST = [((1, 4), (3, 4), (3,), "input1-row"), ((3, 4), (1, 4), (3,), "input2-row"),
                 ((3, 1), (3, 4), (3,), "input1-column"), ((3, 4), (4,), (3,), "input2-1d"),
                 ((3, 4), (3, 4), (1,), "target-size-1"), ((3, 4), (3, 4), (), "target-0d-2d-input"),
                 ((4,), (4,), (1,), "target-1d-1d-input"), ((3, 4), (3, 4), (3, 1), "target-2d"),
                 ((3, 4), (3, 4), (4,), "target-wrong-length"), ((3, 4), (3, 4), (2,), "target-short"),
                 ((3, 4), (3, 5), (3,), "inputs-not-broadcastable"), ((2, 3, 4), (2, 3, 4), (2, 3), "target-3d-wrong"),
                 ((2, 3, 4), (2, 3, 4), (2,), "target-3d-short")]

    def broadcast_cases(self):
        for dt in ("float32", "float16"):
            for xs, x2s, ys, what in self.BROADCAST:
                rng = rng_for(f"{self.loss.key}/{dt}/{what}")
                _, yv = sign_target_domain(rng, ys)
                tensors = {"x": tensor(dt, rng.standard_normal(xs), xs), "x2": tensor(dt, rng.standard_normal(x2s), x2s),
                           "y": tensor(dt, yv, ys)}
                refused = any(w in what for w in ("wrong", "short", "not-broadcastable"))
                for red in ("none", "mean"):
                    yield self.case(what, tensors, {"reduction": red}, ["shape-mismatch" if refused else "broadcast"])

    # (input1, input2, target) dtypes
    MIXED = [("float32", "float64", "float32"), ("float64", "float32", "float64"), ("float16", "float32", "float16"),
             ("float32", "float32", "int64"), ("float32", "float32", "int32"), ("float32", "float32", "float64"),
             ("float32", "float32", "float16"), ("float32", "float32", "bool"), ("float16", "float16", "float32"),
             ("bfloat16", "bfloat16", "int64"), ("float64", "float64", "int64")]

    def mixed_cases(self):
        for d1, d2, dy in self.MIXED:
            rng = rng_for(f"{self.loss.key}/{d1}+{d2}+{dy}/mixed-dtype")
            x1, x2 = domain(rng, (3, 4))
            _, y = sign_target_domain(rng, (3,))
            tensors = {"x": tensor(d1, x1), "x2": tensor(d2, x2), "y": as_dtype(dy, y, (3,))}
            for red in ("none", "mean"):
                yield self.case(f"mixed-dtype-{d1}-{d2}-{dy}", tensors, {"reduction": red}, ["mixed-dtype"])

    INTEGER = [("int32", "int32"), ("int64", "int64"), ("int64", "float32"), ("bool", "bool")]

    def integer_cases(self):
        for dx, dy in self.INTEGER:
            rng = rng_for(f"{self.loss.key}/{dx}+{dy}/integer-input")
            x1, x2 = domain(rng, (3, 4))
            _, y = sign_target_domain(rng, (3,))
            tensors = {"x": as_dtype(dx, 2 * x1, (3, 4)), "x2": as_dtype(dx, 2 * x2, (3, 4)), "y": as_dtype(dy, y, (3,))}
            for red in ("none", "mean"):
                yield self.case("integer-input", tensors, {"reduction": red}, ["integer-input"])

    def edge_rows(self, dt):
        """Rows of input1 against a fixed input2 row [0.6, -0.8, 0.5], one edge each: zero
        vectors (EPSILON against no epsilon), a tiny one, huge ones (squares overflow), inf and
        nan, and vectors (anti)parallel to input2."""
        f = FORMATS[dt]
        return [[0.0, 0.0, 0.0], [-0.0, 0.0, -0.0], [1e-7, 0.0, 1e-7], [1e4, -1e4, 1.0], [f.max_finite, 0.0, 0.0],
                [f.max_finite, f.max_finite, 1.0], [math.inf, 1.0, 0.0], [-math.inf, 0.0, 0.0], [math.nan, 1.0, 1.0],
                [0.6, -0.8, 0.5], [-0.6, 0.8, -0.5], [1.2, -1.6, 1.0]]

    def subnormal_rows(self, dt):
        """Rows whose products or squares are subnormal or underflow: float16 computes them in
        float32, where they are normal; float32/float64 flush them on some of MindSpore's threads
        (`subnormal_products`)."""
        f = FORMATS[dt]
        s, mn = f.min_subnormal, f.min_normal
        return [[s, 0.0, 0.0], [s, -s, s], [mn, mn, 0.0], [1e-20, 1e-20, 0.0]]

    def edge_cases(self):
        for dt in FLOATS:
            for name, rows in (("edge-input", self.edge_rows(dt)), ("edge-subnormal", self.subnormal_rows(dt))):
                n = len(rows)
                other = np.tile([0.6, -0.8, 0.5], (n, 1))
                for y_value in (1.0, -1.0):
                    ys = np.full(n, y_value)
                    tensors = {"x": tensor(dt, rows, (n, 3)), "x2": tensor(dt, other, (n, 3)), "y": tensor(dt, ys)}
                    for red in ("none", "sum"):
                        yield self.case(f"{name}-target={int(y_value)}", tensors, {"reduction": red},
                                        ["edge-input", "overflow"])
            # both vectors zero (PyTorch: 0 / sqrt(EPSILON^2); MindSpore: 0 / 0)
            zeros = {"x": tensor(dt, np.zeros((2, 3))), "x2": tensor(dt, np.zeros((2, 3))), "y": tensor(dt, [1.0, -1.0])}
            for red in REDUCTIONS:
                yield self.case("both-zero", zeros, {"reduction": red}, ["edge-input"])
            # a lone subnormal pair (a one-element op keeps subnormals where a pool thread flushes them)
            s = FORMATS[dt].min_subnormal
            lone = {"x": tensor(dt, [s]), "x2": tensor(dt, [s]), "y": tensor(dt, 1.0, ())}
            yield self.case("lone-subnormal", lone, {"reduction": "none"}, ["edge-input"])
            # targets: +-1, 0, 2, -0.5, their neighbours in the dtype, inf, nan
            f = FORMATS[dt]
            up, down = 2.0 ** (1 - f.p), 2.0 ** -f.p
            targets = [1.0, -1.0, 0.0, -0.0, 2.0, -0.5, 1.0 + up, 1.0 - down, -1.0 - up, -1.0 + down,
                       math.inf, -math.inf, math.nan]
            n = len(targets)
            rng = rng_for(f"{self.loss.key}/{dt}/edge-target")
            x1, x2 = domain(rng, (n, 3))
            tensors = {"x": tensor(dt, x1), "x2": tensor(dt, x2), "y": tensor(dt, targets)}
            for red in ("none", "mean"):
                yield self.case("edge-target", tensors, {"reduction": red}, ["edge-target", "labels"])

    MARGINS = [num(0.5), num(-0.5), num(0.0), num(1.0), num(-1.0), num(1.5), num(-2.0), 0, 1, True]

    def parameter_cases(self):
        """The margin: its default, 0.5, -0.5, +-1, outside [-1, 1], an int, a bool, invalid values."""
        tensors = self.triple("float32", (6, 5), "float32/6x5/margin", yshape=(6,))
        # targets all -1, so every element is the margin's side
        tensors["y"] = tensor("float32", np.full(6, -1.0))
        for v in self.MARGINS:
            for red in ("none", "mean"):
                yield self.case(f"margin={v}", tensors, {"reduction": red, "margin": v}, ["parameters"])
        for what, v in (("string", "0.5"), ("none", None), ("tensor", Ref("x"))):
            yield self.case(f"margin-{what}", tensors, {"reduction": "mean", "margin": v},
                            ["invalid-argument", "parameters"])
        for dt in ("float16", "bfloat16", "float64"):
            t = self.triple(dt, (6, 5), f"{dt}/6x5/margin")
            t["y"] = tensor(dt, np.full(6, -1.0))
            for v in (num(0.5), num(-0.5), num(0.1)):
                yield self.case(f"margin={v}", t, {"reduction": "none", "margin": v}, ["parameters"])

    def long_cases(self):
        """A long mean and sum over many pairs, and wide pairs (long rows in dimension 1)."""
        tensors = self.triple("float32", (4097, 3), "float32/4097x3/long")
        for red in ("mean", "sum"):
            yield self.case("long", tensors, {"reduction": red}, ["long", "random"], part="long")
        wide = self.triple("float32", (2, 4100), "float32/2x4100/long")
        yield self.case("long-rows", wide, {"reduction": "none"}, ["long", "random"], part="long")
        half = self.triple("bfloat16", (2, 4100), "bfloat16/2x4100/long")
        yield self.case("long-rows", half, {"reduction": "none"}, ["long", "random"], part="long")


def subnormal_products(tensors):
    """mindspore 2.10 flushes float32/float64 subnormals on some of its CPU threads and not on
    others, and which thread runs which part of an op changed between identical calls (a first
    call kept -inf where the next ones gave nan, in one worker): inputs whose squares or
    products are subnormal have no defined result there."""
    for key in ("x", "x2"):
        t = tensors.get(key)
        if t is None or t.dtype not in ("float32", "float64"):
            continue
        tiny = math.sqrt(FORMATS[t.dtype].min_normal)
        v = np.abs(np.asarray(t.values, dtype=np.float64))
        if np.any((v > 0) & (v < tiny)):
            return (f"mindspore 2.10 flushes {t.dtype} subnormals on some CPU threads and not on others, and which "
                    "thread computes which elements varies between identical calls: an input whose squares or "
                    "products are subnormal has no defined result")
    return None


SPECS = [
    CosineEmbeddingRow("nn.CosineEmbeddingLoss", LOSS, "torch.nn.CosineEmbeddingLoss", "mindspore.nn.CosineEmbeddingLoss",
                       pt_tensors=("input1", "target"), ms_tensors=("logits_x1", "labels"),
                       mindspore_undefined_result=subnormal_products),
    CosineEmbeddingRow("nn.functional.cosine_embedding_loss", LOSS, "torch.nn.functional.cosine_embedding_loss",
                       "mindspore.ops.cosine_embedding_loss", pt_tensors=("input1", "target"),
                       ms_tensors=("input1", "target"), mindspore_undefined_result=subnormal_products),
]
