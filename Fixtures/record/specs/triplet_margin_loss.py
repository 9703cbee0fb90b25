"""Triplet margin: max(margin + d(a, p) - d(a, n), 0) with d(x, y) = ||x - y + eps||_p over the
last dimension: torch.nn.TripletMarginLoss / triplet_margin_loss against
mindspore.nn.TripletMarginLoss / ops.triplet_margin_loss (diff page TripletMarginLoss.md).

The shared matrix's input is the anchor and its target the negative; the positive is the loss's
required third tensor (`Loss.required_tensors`), so each case gets one like the anchor and the
extra tensors' broadcast, dtype and edge sweeps cover it. PyTorch's module takes `margin` in its
constructor; MindSpore's cell takes it in the call (`construct(x, positive, negative, margin)`,
as the page says), so a module case moves it there for MindSpore. `p`, `eps` and `swap` go to
both constructors by name. PyTorch computes `at::pairwise_distance` (`norm(x1 - x2 + eps, p,
-1)`) twice (three times with swap), `clamp_min(margin + d_ap - d_an, 0)`, then the reduction;
mindspore 2.10 validates `p`/`swap`/`eps`/`reduction` in the primitive's constructor and has no
CPU kernel for the `TripletMarginLoss` primitive.

The exact answer: per row of the broadcast shape, the p-norms of the differences plus eps (as
given, not rounded), the swap's minimum, then the clamp and the reduction; only for p > 0.
"""
import numpy as np

from parity_record.floats import FORMATS
from parity_record.pointwise import FLOATS, REDUCTIONS, Loss, Param, Row, _mp, num, reduced_exact, tensor
from parity_record.spec import Ref, rng_for


def domain(rng, shape):
    """Anchors standard normal; negatives 1.5 x standard normal, so that a row's loss is zero
    about as often as it is positive."""
    return rng.standard_normal(shape), 1.5 * rng.standard_normal(shape)


def elem(x, y, extras, params):
    """Unused: the loss is not elementwise (`TripletRow.exact`)."""
    return None


# The mapping page's example (both frameworks give 0.8881968 for 'mean')
DOC = {"x": tensor("float32", [[0.3, 0.7], [0.5, 0.5]]), "pos": tensor("float32", [[0.4, 0.6], [0.4, 0.6]]),
       "y": tensor("float32", [[0.2, 0.9], [0.3, 0.7]])}
DOC_PARAMS = {"p": 2, "swap": False, "eps": num(1e-06), "reduction": "mean", "margin": num(1.0)}

LOSS = Loss(
    key="triplet_margin_loss",
    domain=domain,
    elem=elem,
    params=[Param("margin", 1.0, sweep=[num(2.0), num(0.5), num(0.0), num(-1.0), 2],
                  invalid=[("string", "1"), ("none", None)]),
            Param("p", 2.0, sweep=[1, 3, num(2.0), num(1.5), num(0.5), 0, num(-1.0)],
                  invalid=[("string", "2"), ("none", None)]),
            Param("eps", 1e-6, sweep=[num(0.0), num(1e-3), 0],
                  invalid=[("string", "1e-6"), ("none", None)]),
            Param("swap", False, sweep=[True, 1], invalid=[("none", None)])],
    required_tensors=("positive",),
    tensor_values={"positive": lambda rng, shape: rng.standard_normal(shape)},
    doc_examples=[("doc-example", DOC, DOC_PARAMS, True)],
)


class TripletRow(Row):
    """The shared matrix with the positive in every call and MindSpore's module margin in its
    call, plus the loss's own cases: batched and unbatched shapes, each p with and without swap
    in every dtype, eps and margins, rank mismatches, an empty batch and D = 0, edge values one
    per row, and long batches."""

    EMPTY_SHAPES = Row.EMPTY_SHAPES + [(0, 4)]

    # ------------------------------------------------------------ one case
    def case(self, what, tensors, params, topics, *, bare=(), part=""):
        c = super().case(what, tensors, params, topics, bare=bare, part=part)
        ms_init = c.init.get("mindspore")
        if ms_init is not None and "margin" in ms_init:
            c.calls["mindspore"]["margin"] = ms_init.pop("margin")
        return c

    # ------------------------------------------------------------ exact answers
    def exact(self, ctx):
        import mpmath
        meta = ctx.case.meta
        params = {p.name: p.default for p in self.loss.params}
        params.update({k: v for k, v in meta["params"].items() if k in params})
        values = {}
        for k in ("margin", "p", "eps"):
            v = params[k]
            if isinstance(v, (Ref, str)) or v is None or isinstance(v, bool):
                return None
            values[k] = mpmath.mpf(float(v))
        swap = params["swap"]
        if not isinstance(swap, bool):
            return None
        if values["p"] <= 0 or values["margin"] <= 0:
            return None
        a, pos, neg = ctx.tensors["x"], ctx.tensors["pos"], ctx.tensors["y"]
        if not (len(a.shape) == len(pos.shape) == len(neg.shape)):
            return None
        try:
            full = np.broadcast_shapes(a.shape, pos.shape, neg.shape)
        except ValueError:
            return None
        full = full if full else (1,)
        rows, width = int(np.prod(full[:-1])), full[-1]
        arrays = {k: np.broadcast_to(np.asarray(t.values, dtype=object).reshape(t.shape), full).reshape(rows, width)
                  for k, t in (("a", a), ("p", pos), ("n", neg))}
        order, eps = values["p"], values["eps"]

        def dist(u, w):
            return mpmath.fsum(abs(_mp(x) - _mp(y) + eps) ** order for x, y in zip(u, w)) ** (1 / order)

        losses = []
        for i in range(rows):
            d_ap = dist(arrays["a"][i], arrays["p"][i])
            d_an = dist(arrays["a"][i], arrays["n"][i])
            if swap:
                d_an = min(d_an, dist(arrays["p"][i], arrays["n"][i]))
            losses.append(max(values["margin"] + d_ap - d_an, mpmath.mpf(0)))
        return reduced_exact(losses, meta, ctx.out_shape)

    # ------------------------------------------------------------ the MindSpore worker
    def mindspore_runtime_settings(self, mindspore):
        """Synchronous ops (`launch_blocking`): the kernel-selection error is raised by the call
        that made it, as the code reads."""
        mindspore.runtime.launch_blocking()

    # ------------------------------------------------------------ the loss's own cases
    def cases(self):
        yield from super().cases()
        yield from self.norm_cases()
        yield from self.margin_eps_cases()
        yield from self.rank_cases()
        yield from self.edge_row_cases()
        yield from self.long_batch_cases()

    def _triplet(self, dt, shape, key):
        rng = rng_for(f"{self.loss.key}/{key}")
        x, y = self.loss.domain(rng, shape)
        return {"x": tensor(dt, x, shape), "pos": tensor(dt, rng.standard_normal(shape), shape),
                "y": tensor(dt, y, shape)}

    def norm_cases(self):
        """p = 1, 2, 3 and 1.5, with and without swap, batched and unbatched, in every dtype:
        p = 2 takes ATen's vectorized last-dimension path for float32/float64/bfloat16."""
        for dt in FLOATS:
            for shape in ((3, 24), (13,)):
                t = self._triplet(dt, shape, f"{dt}/{shape}/norms")
                for p in (1, 2, 3, num(1.5)):
                    for swap in (False, True):
                        yield self.case(f"p={p}-swap={swap}", t, {"reduction": "none", "p": p, "swap": swap},
                                        ["parameters", "random"])

    def margin_eps_cases(self):
        """eps 0, 1e-3 and margins 0, 2, -1 in every dtype (eps is added in the input's dtype)."""
        for dt in FLOATS:
            t = self._triplet(dt, (5, 6), f"{dt}/5x6/margin-eps")
            for k, v in (("eps", num(0.0)), ("eps", num(1e-3)), ("margin", num(2.0)), ("margin", num(0.0)),
                         ("margin", num(-1.0))):
                yield self.case(f"{k}={v}", t, {"reduction": "none", k: v}, ["parameters"])
            # identical anchor and positive: d(a, p) is eps's norm alone
            same = {"x": t["x"], "pos": t["x"], "y": t["y"]}
            for eps in (num(1e-6), num(0.0)):
                yield self.case(f"positive-is-anchor-eps={eps}", same, {"reduction": "none", "eps": eps},
                                ["parameters", "edge-input"])

    # (anchor, positive, negative) shapes: ranks that differ, sizes that differ, size-1 broadcasting
    RANKS = [((2, 3), (3,), (2, 3), "positive-unbatched"), ((3,), (3,), (2, 3), "negative-batched"),
             ((2, 3), (2, 4), (2, 3), "positive-wider"), ((2, 3), (3, 3), (2, 3), "positive-batch-3"),
             ((2, 3), (1, 3), (2, 3), "positive-batch-1"), ((2, 1), (2, 3), (2, 3), "anchor-d-1"),
             ((2, 3, 4), (2, 3, 4), (2, 3, 4), "3d"), ((0, 3), (0, 3), (0, 3), "empty-batch"),
             ((2, 0), (2, 0), (2, 0), "d-0"), ((0,), (0,), (0,), "unbatched-d-0")]

    def rank_cases(self):
        for a, p, n, what in self.RANKS:
            rng = rng_for(f"{self.loss.key}/ranks/{what}")
            t = {"x": tensor("float32", rng.standard_normal(a), a), "pos": tensor("float32", rng.standard_normal(p), p),
                 "y": tensor("float32", rng.standard_normal(n), n)}
            topic = "shape-mismatch" if what in ("positive-unbatched", "negative-batched", "positive-wider",
                                                 "positive-batch-3") else "broadcast"
            for red in REDUCTIONS:
                yield self.case(what, t, {"reduction": red}, [topic])
            if "d-0" in what:
                for p_ in (num(-1.0), 0, 1):
                    yield self.case(f"{what}-p={p_}", t, {"reduction": "none", "p": p_}, [topic, "parameters"])

    def edge_row_cases(self):
        """Edge values in the anchor (then the negative), one element a row: each row's distance
        is one element's."""
        for dt in FLOATS:
            edges = self._edge_values(dt)
            n = len(edges)
            t = self._triplet(dt, (n, 1), f"{dt}/edge-rows")
            for key, what, topic in (("x", "edge-anchor-rows", "edge-input"), ("y", "edge-negative-rows", "edge-target")):
                tensors = dict(t)
                tensors[key] = tensor(dt, edges, (n, 1))
                for p in (2, 1):
                    yield self.case(f"{what}-p={p}", tensors, {"reduction": "none", "p": p}, [topic, "overflow"])
            # huge values: squares overflow in the dtype's accumulator
            f = FORMATS[dt]
            big = f.max_finite / 4
            h = {"x": tensor(dt, [[big, big], [1.0, 2.0]]), "pos": tensor(dt, [[-big, 0.0], [1.0, 2.0]]),
                 "y": tensor(dt, [[0.0, 0.0], [3.0, -1.0]])}
            for red in REDUCTIONS:
                yield self.case("huge-rows", h, {"reduction": red}, ["overflow", "edge-input"])

    def long_batch_cases(self):
        """Many rows (the reduction's cascade) and one wide row (the norm's accumulation)."""
        for dt, shape, reds in (("float32", (1025, 8), ("mean",)), ("bfloat16", (1025, 8), ("sum",)),
                                ("float32", (1, 8195), ("none",)), ("float16", (2, 4099), ("none",))):
            t = self._triplet(dt, shape, f"{dt}/{shape}/long")
            for red in reds:
                yield self.case("long", t, {"reduction": red}, ["long", "random"], part="long")

    def long_cases(self):
        """The shared 65537-element single rows are one unbatched distance: `long_batch_cases` instead."""
        return iter(())


SPECS = [
    TripletRow("nn.TripletMarginLoss", LOSS, "torch.nn.TripletMarginLoss", "mindspore.nn.TripletMarginLoss",
               pt_tensors=("anchor", "negative"), ms_tensors=("x", "negative")),
    TripletRow("nn.functional.triplet_margin_loss", LOSS, "torch.nn.functional.triplet_margin_loss",
               "mindspore.ops.triplet_margin_loss", pt_tensors=("anchor", "negative"),
               ms_tensors=("anchor", "negative")),
]
