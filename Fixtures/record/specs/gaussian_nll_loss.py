"""Gaussian negative log likelihood: (log max(var, eps) + (x - y)^2 / max(var, eps)) / 2, plus
log(2 pi) / 2 with full. torch.nn.GaussianNLLLoss against mindspore.nn.GaussianNLLLoss: both
take full, eps and reduction (keyword-only) in the constructor and (input, target, var) in the
call, which MindSpore names (logits, labels, var). The mapping table has no functional row.

Every case passes a `var`: the one the case is about, or else one of the input's shape and
dtype (positive random values; 1 to 3 for an integer input, True for a bool one). PyTorch
checks `var` against the input alone: the same shape, the input's shape without its last
dimension (then unsqueezed), or the same rank with one dimension where `var` has 1; a Python
float is a scalar variance. MindSpore only unsqueezes the one-fewer-dimension case and
broadcasts the rest. The exact answer clamps `var` with `eps` as given (not rounded to a dtype).
"""
import numpy as np

from parity_record.floats import FORMATS
from parity_record.jsonout import Num
from parity_record.pointwise import FLOATS, REDUCTIONS, Loss, Param, Row, num, tensor
from parity_record.spec import ExactContext, rng_for, shape_str
from parity_record.tensors import make


def elem(x, y, extras, params):
    import mpmath
    var = extras["var"] if "var" in extras else params.get("var")
    if var is None or isinstance(var, bool) or var < 0:
        return None
    eps = mpmath.mpf(params["eps"])
    v = max(mpmath.mpf(var), eps)
    if v <= 0:
        return mpmath.nan            # log(0) - inf, or + (x - y)^2 / 0: no value
    loss = (mpmath.log(v) + (x - y) ** 2 / v) / 2
    if params["full"]:
        loss += mpmath.log(2 * mpmath.pi) / 2
    return loss


def domain(rng, shape):
    """Expectations standard normal, samples around them."""
    x = rng.standard_normal(shape)
    return x, x + 1.5 * rng.standard_normal(shape)


def positive_var(rng, shape):
    return rng.uniform(0.25, 2.0, shape)


DOC_X = np.arange(8).reshape(4, 2)
DOC_Y = np.array([2, 3, 1, 4, 6, 4, 4, 9]).reshape(4, 2)
DOC_VAR = np.ones((4, 1))
DOC_VAR_NEGATIVE = np.array([[-1.0], [1.0], [1.0], [1.0]])     # the page's `var[0] = -1`

LOSS = Loss(
    key="gaussian_nll_loss",
    domain=domain,
    elem=elem,
    params=[Param("full", False, sweep=[True, 1], invalid=[("string", "yes"), ("none", None)]),
            Param("eps", 1e-6, sweep=[num(1e-3), num(1e-12), num(0.0), num(1.0), num(-1.0), 1],
                  invalid=[("string", "1e-6"), ("none", None)])],
    # the page's example: its module built with reduction='mean', then var[0] = -1
    doc_examples=[("doc-example", {"x": tensor("float32", DOC_X), "y": tensor("float32", DOC_Y),
                                   "v": tensor("float32", DOC_VAR)}, {"reduction": "mean"}, True),
                  ("doc-example-negative-var", {"x": tensor("float32", DOC_X), "y": tensor("float32", DOC_Y),
                                                "v": tensor("float32", DOC_VAR_NEGATIVE)}, {"reduction": "mean"}, True)],
    call_args=("var",),
)


class GaussianRow(Row):
    """The shared matrix with a `var` in every call, plus `var`'s own cases: its shapes, a
    Python number, negative values and values below `eps`, its edge values and dtypes, and
    `eps` against small variances in every dtype."""

    # ------------------------------------------------------------ the MindSpore worker
    def mindspore_runtime_settings(self, mindspore):
        """Synchronous ops (`launch_blocking`, which takes full effect only before the first
        op): asynchronously, a call where two ops have no kernel (bfloat16 `Maximum` for var,
        then `Square` for the difference) reported either one from run to run; now it is the
        first that fails, as the code reads."""
        mindspore.runtime.launch_blocking()

    def mindspore_worker_setup(self, mindspore):
        """mindspore 2.10's CPU kernels pick how to split an op over the pool's threads by
        timing their first launches (`ParallelLaunchAutoSearch`: 5 launches whole, then 5
        split in two, ..., then the fastest split for good), and that state is kept across
        shapes. float32 `Log` computes a SIMD series in 8- and 4-wide blocks of each part and
        `logf` on the rest, so its values depend on the split: the same call gave two results
        within one worker. Searching every op of the loss on one-element tensors first ends
        each search with a block of at most one element whatever the timings, so from then on
        every op of two or more elements splits into two equal halves (the pool has two
        threads here). Run in this spec's own workers only (`workers_for`)."""
        import numpy as np
        for dtype in (np.float32, np.float16, np.float64):
            one = mindspore.Tensor(np.ones(1, dtype))
            for reduction in ("none", "mean", "sum"):
                loss = mindspore.nn.GaussianNLLLoss(reduction=reduction)
                for _ in range(40):
                    loss(one, one, one).asnumpy()

    # ------------------------------------------------------------ every case has a var
    def case(self, what, tensors: dict, params: dict, topics, *, bare=(), part=""):
        if "v" not in tensors and "var" not in params:
            x = tensors["x"]
            rng = rng_for(f"{self.loss.key}/var/{what}/{x.dtype}/{shape_str(x.shape)}/{tensors['y'].dtype}"
                          f"/{shape_str(tensors['y'].shape)}")
            if x.dtype in FORMATS:
                values = positive_var(rng, x.shape)
            elif x.dtype == "bool":
                values = np.ones(x.shape, dtype=bool)
            else:
                values = rng.integers(1, 4, x.shape)
            tensors = {**tensors, "v": tensor(x.dtype, values, x.shape)}
        return super().case(what, tensors, params, topics, bare=bare, part=part)

    def exact(self, ctx):
        """PyTorch's answer where `var` is one dimension short of the input (unsqueezed)."""
        tensors = dict(ctx.tensors)
        x, v = tensors["x"], tensors.get("v")
        if v is not None and v.shape != x.shape and x.shape[:-1] == v.shape:
            tensors["v"] = make(v.dtype, v.values.reshape(v.shape + (1,)))
        return super().exact(ExactContext(ctx.case, tensors, ctx.pytorch_args, ctx.out_dtype, ctx.out_shape, ctx.prec))

    def cases(self):
        yield from super().cases()
        yield from self.legacy_rejected_cases()
        yield from self.var_shape_cases()
        yield from self.var_number_cases()
        yield from self.var_value_cases()
        yield from self.var_dtype_cases()
        yield from self.eps_dtype_cases()

    # ------------------------------------------------------------ the loss's own cases
    def legacy_rejected_cases(self):
        """GaussianNLLLoss declares no size_average/reduce: both constructors get them as given."""
        x, y = self._pair("float32", (2, 3), "float32/2x3/legacy")
        for name in ("size_average", "reduce"):
            c = self.case(f"legacy-{name}=False", {"x": x, "y": y}, {name: False}, ["legacy-args", "invalid-argument"])
            c.init["mindspore"] = dict(c.init["pytorch"])
            yield c

    # (input shape, var shape, what): PyTorch accepts the same shape, the input's shape
    # without its last dimension, and the same rank with one dimension where var has 1.
    VAR_SHAPES = [((4, 3), (4,), "var-one-fewer-dim"), ((4, 3), (4, 1), "var-last-dim-1"),
                  ((4, 3), (1, 3), "var-first-dim-1"), ((2, 3, 4), (2, 3), "var-one-fewer-dim"),
                  ((2, 3, 4), (2, 1, 4), "var-middle-dim-1"), ((2, 3, 4), (2, 3, 1), "var-last-dim-1"),
                  ((5,), (), "var-0d"), ((5,), (1,), "var-size-1"), ((1,), (), "var-0d"),
                  ((4, 3), (), "var-0d"), ((4, 3), (1, 1), "var-two-dims-1"), ((4, 3), (3,), "var-trailing"),
                  ((4, 3), (2, 4, 3), "var-larger"), ((), (1,), "var-larger"), ((4, 3), (4, 2), "var-wrong-size"),
                  ((4, 3), (3, 4), "var-transposed"), ((4, 3), (0, 1), "var-empty-dim")]

    def var_shape_cases(self):
        for dt in ("float32", "float16"):
            for xs, vs, what in self.VAR_SHAPES:
                x, y = self._pair(dt, xs, f"{dt}/{shape_str(xs)}/{what}")
                v = tensor(dt, positive_var(rng_for(f"{self.loss.key}/{dt}/{shape_str(xs)}/{what}/var"), vs), vs)
                topics = ["broadcast" if xs != vs else "random"]
                for red in REDUCTIONS:
                    yield self.case(what, {"x": x, "y": y, "v": v}, {"reduction": red}, topics)
        # var one dimension short while the target broadcasts the input
        rng = rng_for(f"{self.loss.key}/float32/target-broadcast-var")
        x, y = tensor("float32", rng.standard_normal((4, 3))), tensor("float32", rng.standard_normal((2, 4, 3)))
        for vs, what in (((4,), "target-larger-var-one-fewer-dim"), ((4, 3), "target-larger")):
            v = tensor("float32", positive_var(rng, vs), vs)
            for red in ("none", "mean"):
                yield self.case(what, {"x": x, "y": y, "v": v}, {"reduction": red}, ["broadcast"])

    def var_number_cases(self):
        """A Python number as var: PyTorch takes a float (var * ones_like(input)), MindSpore wants a tensor."""
        for dt in ("float32", "float16", "float64"):
            x, y = self._pair(dt, (2, 3), f"{dt}/2x3/var-number")
            values = [num(0.5), num(0.0), num(-1.0)] + ([num(1e-30), num(1e10), 1, True, None] if dt == "float32" else [])
            for v in values:
                for red in ("none", "mean"):
                    yield self.case(f"var={_name(v)}", {"x": x, "y": y}, {"var": v, "reduction": red},
                                    ["parameters"] + ([] if isinstance(v, Num) and float(v) >= 0 else ["invalid-argument"]))
        x = tensor("int64", [1, 2, -3, 0, 5, -1], (6,))
        y = tensor("int64", [1, -1, 0, -1, 2, -1], (6,))
        for red in ("none", "mean"):
            yield self.case("var=0.5", {"x": x, "y": y}, {"var": num(0.5), "reduction": red}, ["integer-input", "parameters"])

    def var_value_cases(self):
        """Negative variances (PyTorch refuses them, MindSpore clamps), values near eps, edge values."""
        for dt in FLOATS:
            f = FORMATS[dt]
            x, y = self._pair(dt, (9,), f"{dt}/9/var-values")
            small = [0.0, -0.0, 1e-8, 5e-7, 9.5e-7, 1e-6, 1.05e-6, 2e-6, 1e-3]
            sets = [("var-below-eps", small, ["parameters"]),
                    ("var-negative", [-1.0] + [0.5] * 8, ["invalid-argument"]),
                    ("var-negative-subnormal", [-f.min_subnormal] + [0.5] * 8, ["invalid-argument", "edge-input"]),
                    ("edge-var", [0.0, -0.0, f.min_subnormal, f.min_normal, 1e-7, 1e4, f.max_finite, np.inf, np.nan],
                     ["edge-input", "overflow"]),
                    ("edge-var-negative", [-np.inf, -f.max_finite, -1e4, -1e-7, -f.min_normal, -f.min_subnormal,
                                           -0.0, 0.5, 1.0], ["edge-input", "invalid-argument"])]
            for what, values, topics in sets:
                v = tensor(dt, values)
                for red in REDUCTIONS:
                    yield self.case(what, {"x": x, "y": y, "v": v}, {"reduction": red}, topics)
            # nan or inf in each tensor argument at once
            nx = tensor(dt, [np.nan, 1.0, np.inf, 0.5])
            ny = tensor(dt, [0.5, np.nan, 1.0, -np.inf])
            nv = tensor(dt, [1.0, 0.5, 2.0, np.nan])
            for red in ("none", "sum"):
                yield self.case("nan-inf-everywhere", {"x": nx, "y": ny, "v": nv}, {"reduction": red},
                                ["edge-input", "edge-target"])
            # differences whose square overflows the dtype, over small and huge variances
            big = f.max_finite ** 0.5 * 2
            hx, hy = tensor(dt, [big, -big, 1.0, big]), tensor(dt, [-big, big, 1.0, 0.0])
            hv = tensor(dt, [1.0, f.max_finite, 1e-3, 0.0])
            for red in ("none", "mean"):
                yield self.case("huge-difference", {"x": hx, "y": hy, "v": hv}, {"reduction": red}, ["overflow"])

    VAR_DTYPES = [("float32", "float64"), ("float32", "float16"), ("float32", "bfloat16"), ("float16", "float32"),
                  ("float64", "float32"), ("bfloat16", "float32"), ("float32", "int64"), ("float32", "int32"),
                  ("float32", "bool"), ("int64", "float32"), ("int32", "float32"), ("bool", "float32")]

    def var_dtype_cases(self):
        """var of another dtype than input and target."""
        for xd, vd in self.VAR_DTYPES:
            rng = rng_for(f"{self.loss.key}/{xd}+{vd}/var-dtype")
            xv, yv = domain(rng, (2, 3))
            vv = positive_var(rng, (2, 3))
            if xd in ("int32", "int64", "bool"):
                xv, yv = (np.round(xv), np.round(yv)) if xd != "bool" else (xv > 0, yv > 0)
            if vd in ("int32", "int64"):
                vv = np.round(vv * 2)
            elif vd == "bool":
                vv = vv > 1
            topics = ["mixed-dtype"] + (["integer-input"] if "int" in xd + vd or "bool" in xd + vd else [])
            for red in ("none", "mean"):
                yield self.case("var-dtype", {"x": tensor(xd, xv, (2, 3)), "y": tensor(xd, yv, (2, 3)),
                                              "v": tensor(vd, vv, (2, 3))}, {"reduction": red}, topics)

    def eps_dtype_cases(self):
        """eps against variances at and below it, in every dtype (eps rounded to the dtype or not)."""
        for dt in FLOATS:
            x, y = self._pair(dt, (9,), f"{dt}/9/eps-values")
            v = tensor(dt, [0.0, 1e-30, 1e-12, 1e-8, 1e-6, 1e-4, 1e-2, 0.5, 2.0])
            for eps in (num(1e-6), num(1e-8), num(1e-30), num(1e-2), num(0.3)):
                yield self.case(f"eps={eps}", {"x": x, "y": y, "v": v}, {"reduction": "none", "eps": eps},
                                ["parameters"])
            for full in (True, False):
                yield self.case(f"full={full}", {"x": x, "y": y, "v": v}, {"reduction": "sum", "full": full},
                                ["parameters"])


def _name(v) -> str:
    return str(v) if isinstance(v, Num) else repr(v)


SPECS = [GaussianRow("nn.GaussianNLLLoss", LOSS, "torch.nn.GaussianNLLLoss", "mindspore.nn.GaussianNLLLoss",
                     legacy=False)]
