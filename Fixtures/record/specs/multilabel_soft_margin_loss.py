"""Multi-label soft margin: the mean over the class (last) dimension of
w (y log(1 + e^-x) + (1 - y) log(1 + e^x)), then the reduction over what is left.
torch.nn.MultiLabelSoftMarginLoss / multilabel_soft_margin_loss against
mindspore.nn.MultiLabelSoftMarginLoss / ops.multilabel_soft_margin_loss.

Both frameworks write it as Python ops: PyTorch `-(y * logsigmoid(x) + (1 - y) * logsigmoid(-x))`,
times `weight`, `.sum(dim=-1) / C`, then none/mean/sum; MindSpore `y * log(exp(-x) + 1) +
(1 - y) * log(exp(x) + 1)`, times `weight`, `.sum(axis=-1) / C`, then its `_get_loss` (in
float32). So `reduction='none'` gives one value per row, and a 0-d input has no class dimension.

The shared matrix is pointwise; this row adds what a class dimension needs: an empty batch
`(0, C)`, wide rows (a row's sum runs PyTorch's vectorized cascade), edge values one per row
`(13, 1)` so each row's value is one element's, and a weight given as a Python number. Targets
other than 0 and 1 (fractions, -1, 2) are part of the domain: both compute the formula for any.
The exact answer is computed on the broadcast shape, summed over its dimension `input.dim() - 1`
and divided by the input's last size, as PyTorch's code reads.
"""
import numpy as np

from parity_record.floats import FORMATS
from parity_record.jsonout import Num
from parity_record.pointwise import FLOATS, REDUCTIONS, TENSOR_KEYS, Loss, Row, _mp, num, reduced_exact, tensor
from parity_record.spec import rng_for

OTHER_TARGETS = (0.25, 0.5, -1.0, 2.0)


def domain(rng, shape):
    """Inputs 2 x standard normal; targets 0 or 1, and one in six or so 0.25, 0.5, -1 or 2."""
    x = 2.0 * rng.standard_normal(shape)
    y = rng.choice(np.array((0.0, 1.0) + OTHER_TARGETS), size=shape, p=(0.42, 0.42, 0.04, 0.04, 0.04, 0.04))
    return x, np.asarray(y, dtype=np.float64)


def elem(x, y, extras, params):
    """One element's loss before the class mean."""
    import mpmath
    loss = y * mpmath.log1p(mpmath.exp(-x)) + (1 - y) * mpmath.log1p(mpmath.exp(x))
    return loss * extras.get("weight", 1)


DOC = {"x": tensor("float32", [[0.3, 0.6, 0.6], [0.9, 0.4, 0.2]]),
       "y": tensor("float32", [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]])}

LOSS = Loss(
    key="multilabel_soft_margin_loss",
    domain=domain,
    elem=elem,
    extra_tensors=("weight",),
    # MindSpore's docstring example (the row has no diff page); it prints 0.84693956 for 'mean'
    doc_examples=[("doc-example-mindspore", DOC, {"reduction": red}, False) for red in ("none", "mean", "sum")],
)


class MultiLabelSoftMarginRow(Row):
    """The shared matrix with an empty batch and wide rows, plus edge values one per row, the
    weight's shapes against a 3-d input, and a weight given as a number."""

    EMPTY_SHAPES = Row.EMPTY_SHAPES + [(0, 4)]
    RANDOM_SHAPES = Row.RANDOM_SHAPES + [(3, 333), (2, 4100)]

    # ------------------------------------------------------------ the MindSpore worker
    def mindspore_runtime_settings(self, mindspore):
        """Synchronous ops (`launch_blocking`, full effect only before the first op): with
        several ops of a call lacking a kernel, the error names the first, as the code reads."""
        mindspore.runtime.launch_blocking()

    def mindspore_worker_setup(self, mindspore):
        """End every op's thread-split search (`ParallelLaunchAutoSearch`) on one-element
        tensors, as gaussian_nll_loss.py does: float32 `Exp`/`Log` values depend on the split,
        and after this every op of two or more elements splits into two equal halves."""
        import numpy as np
        for dtype in (np.float32, np.float16, np.float64):
            one = mindspore.Tensor(np.ones((1, 1), dtype))
            for reduction in ("none", "mean", "sum"):
                loss = mindspore.nn.MultiLabelSoftMarginLoss(reduction=reduction)
                weighted = mindspore.nn.MultiLabelSoftMarginLoss(weight=one, reduction=reduction)
                for _ in range(40):
                    loss(one, one).asnumpy()
                    weighted(one, one).asnumpy()

    # ------------------------------------------------------------ exact answers
    def exact(self, ctx):
        """The elementwise loss on the broadcast shape, summed over dimension `input.dim() - 1`,
        divided by the input's last size, then reduced."""
        import mpmath
        meta = ctx.case.meta
        factor = meta["params"].get("weight")
        if factor is not None and not isinstance(factor, (Num, int)):
            return None
        x = ctx.tensors["x"]
        if len(x.shape) == 0:
            return None
        full = np.broadcast_shapes(*[t.shape for t in ctx.tensors.values()])
        arrays = {k: np.broadcast_to(t.values, full).reshape(-1).tolist() for k, t in ctx.tensors.items()}
        n = int(np.prod(full)) if full else 1
        elems = np.empty(n, dtype=object)
        for i in range(n):
            extras = {name: _mp(arrays[key][i]) for name, key in TENSOR_KEYS.items() if key in arrays}
            elems[i] = elem(_mp(arrays["x"][i]), _mp(arrays["y"][i]), extras, {})
            if factor is not None:
                elems[i] *= _mp(float(factor))
        dim = len(x.shape) - 1
        c = x.shape[-1]
        rows = elems.reshape(full)
        others = int(np.prod([d for i, d in enumerate(full) if i != dim]))
        rows = np.moveaxis(rows, dim, -1).reshape(others, full[dim])
        per_row = [mpmath.fsum(r) / c if c else mpmath.nan for r in rows]
        return reduced_exact(per_row, meta, ctx.out_shape)

    # ------------------------------------------------------------ the loss's own cases
    def cases(self):
        yield from super().cases()
        yield from self.edge_row_cases()
        yield from self.weight_shape_cases()
        yield from self.weight_number_cases()
        yield from self.long_matrix_cases()

    def edge_row_cases(self):
        """Edge values in each tensor argument, one element a row: each row's value is one element's."""
        for dt in FLOATS:
            edges = self._edge_values(dt)
            n = len(edges)
            rng = rng_for(f"{self.loss.key}/{dt}/edge-rows")
            xv, yv = self.loss.domain(rng, (n, 1))
            for key, what, topic in (("x", "edge-input-rows", "edge-input"), ("y", "edge-target-rows", "edge-target"),
                                     ("w", "edge-weight-rows", "edge-input")):
                tensors = {"x": tensor(dt, edges if key == "x" else xv, (n, 1)),
                           "y": tensor(dt, edges if key == "y" else yv, (n, 1))}
                if key == "w":
                    tensors["w"] = tensor(dt, edges, (n, 1))
                yield self.case(what, tensors, {"reduction": "none"}, [topic, "overflow"]
                                + (["weight"] if key == "w" else []))
            # nan in one row only: the other rows keep their values
            f = FORMATS[dt]
            x = tensor(dt, [[0.5, np.nan, 1.0], [0.5, -2.0, 1.0], [f.max_finite, -f.max_finite, 3.0]])
            y = tensor(dt, [[1.0, 0.0, 1.0], [0.0, 1.0, np.inf], [1.0, 0.0, 0.5]])
            for red in REDUCTIONS:
                yield self.case("nan-inf-one-row", {"x": x, "y": y}, {"reduction": red}, ["edge-input", "edge-target"])

    # (input shape, weight shape, what) against a 3-d input, and a weight wider than the input
    WEIGHT_SHAPES = [((2, 3, 4), (4,), "weight-classes"), ((2, 3, 4), (3, 4), "weight-trailing-2d"),
                     ((2, 3, 4), (2, 1, 4), "weight-size-1"), ((2, 3, 4), (3,), "weight-wrong-length"),
                     ((3, 1), (3, 5), "weight-wider"), ((4,), (3, 4), "weight-batch")]

    def weight_shape_cases(self):
        for xs, ws, what in self.WEIGHT_SHAPES:
            x, y = self._pair("float32", xs, f"float32/{what}")
            w = tensor("float32", self.loss.values("weight", rng_for(f"{self.loss.key}/{what}/w"), ws), ws)
            topics = ["weight", "broadcast" if "wrong" not in what else "shape-mismatch"]
            for red in REDUCTIONS:
                yield self.case(what, {"x": x, "y": y, "w": w}, {"reduction": red}, topics)

    def weight_number_cases(self):
        """A Python number as weight: PyTorch's functional multiplies by it, its module
        registers weight as a buffer; MindSpore documents Union[Tensor, int, float]."""
        x, y = self._pair("float32", (2, 3), "float32/2x3/weight-number")
        for v in (num(0.5), 2, None):
            for red in ("none", "mean"):
                yield self.case(f"weight={v}", {"x": x, "y": y}, {"reduction": red, "weight": v},
                                ["weight", "parameters"] + ([] if v is None else ["invalid-argument"]))

    def long_matrix_cases(self):
        """A long mean and sum over many rows (the shared long cases are one row of 65537)."""
        x, y = self._pair("float32", (4097, 16), "float32/4097x16/long")
        for red in ("mean", "sum"):
            yield self.case("long", {"x": x, "y": y}, {"reduction": red}, ["long", "random"], part="long")


SPECS = [
    MultiLabelSoftMarginRow("nn.MultiLabelSoftMarginLoss", LOSS, "torch.nn.MultiLabelSoftMarginLoss",
                            "mindspore.nn.MultiLabelSoftMarginLoss", ms_tensors=("x", "target")),
    MultiLabelSoftMarginRow("nn.functional.multilabel_soft_margin_loss", LOSS,
                            "torch.nn.functional.multilabel_soft_margin_loss", "mindspore.ops.multilabel_soft_margin_loss",
                            ms_tensors=("input", "target")),
]
