"""Multi-label margin: for each sample, a row of class indices ending at its first -1 (the
entries after it are ignored); the loss is the sum over those target classes j and over the
classes i not among them of max(0, 1 - (x[y_j] - x[i])), divided by the class count C.
torch.nn.MultiLabelMarginLoss / multilabel_margin_loss against mindspore.nn.MultiLabelMarginLoss
(the table's row; mindspore 2.10 has no such class) / ops.multilabel_margin_loss.

PyTorch's CPU kernel (aten/src/ATen/native/LossMultiLabelMargin.cpp) takes a 0-d, (C,) or
(N, C) input with a target of the same element count as int64, checks the whole target in
[-1, C) (the ignored entries too), and dispatches float32/float64 only. MindSpore's primitive
`MultilabelMarginLoss` wants an int32 target and has no CPU kernel; its checks before kernel
selection are the reduction string, the dtypes, then rank 1 or 2 and equal shapes.

The shared matrix's target is a float of the input's shape; here it is class indices, so the
matrix is this spec's own: the doc examples, defaults, random rows (int64, and int32 for some
shapes) per dtype and reduction, PyTorch's legacy arguments and reduction spellings, target
structures (-1 first, in the middle, absent; repeats; all classes; indices out of range, below
-1, or out of range after the -1), shapes (0-d, 1-d, empty batch, C = 0, mismatches, 3-d),
target and input dtypes, edge input values one row each, and long reductions in `-long`.
"""
import numpy as np

from parity_record.floats import FORMATS
from parity_record.pointwise import FLOATS, REDUCTIONS, Loss, Row, tensor
from parity_record.spec import rng_for, shape_str, torch_resolved_reduction


def class_rows(rng, shape):
    """Class-index rows: each row lists k distinct classes (k from 0 to C, in random order),
    then -1, then filler (classes or -1) that the frameworks must ignore. A 0-d shape gives 0 or -1."""
    if shape == ():
        return np.array(rng.choice([0, -1]))
    c = shape[-1]
    rows = np.empty((int(np.prod(shape[:-1])), c), dtype=np.int64)
    for r in rows:
        k = int(rng.integers(0, c + 1))
        r[:k] = rng.permutation(c)[:k]
        if k < c:
            r[k] = -1
            r[k + 1:] = rng.integers(-1, c, c - k - 1)
    return rows.reshape(shape)


def domain(rng, shape):
    """Inputs standard normal (margins near 1 are where the hinge bends); targets `class_rows`."""
    return rng.standard_normal(shape), class_rows(rng, shape)


MS_DOC = {"x": tensor("float32", [[0.1, 0.2, 0.4, 0.8], [0.2, 0.3, 0.5, 0.7]]),
          "y": tensor("int32", [[1, 2, 0, 3], [2, 3, -1, 1]])}
PT_DOC = {"x": tensor("float32", [[0.1, 0.2, 0.4, 0.8]]), "y": tensor("int64", [[3, 0, -1, 1]])}

LOSS = Loss(
    key="multilabel_margin_loss",
    domain=domain,
    elem=None,
    # MindSpore's docstring (int32 target, prints 0.325 for 'mean') and PyTorch's (int64
    # target, 0.85); each also with the other framework's target dtype
    doc_examples=[("doc-example-mindspore", MS_DOC, {}, False)]
    + [("doc-example-mindspore", {"x": MS_DOC["x"], "y": tensor("int64", MS_DOC["y"].values)}, {"reduction": red}, False)
       for red in REDUCTIONS]
    + [("doc-example-pytorch", PT_DOC, {}, True),
       ("doc-example-pytorch", {"x": PT_DOC["x"], "y": tensor("int32", PT_DOC["y"].values)}, {}, False)],
)


class UndefinedResult(Exception):
    """PyTorch returned a value it never wrote (see `MultiLabelMarginRow.call_pytorch`)."""


class MultiLabelMarginRow(Row):
    """This loss's own matrix (its target is class indices, not the shared float target)."""

    UNDEFINED = ("a value computed from an empty input: torch 2.15's CPU kernel returns before writing "
                 "its output (allocated by at::empty), so no value is recorded")

    def call_pytorch(self, torch, args, init=None):
        """The call as it is; a `mean`/`sum` of an empty batch returns memory the kernel never
        wrote (it returns when `input.numel() == 0`), which is recorded as `UndefinedResult`."""
        out = super().call_pytorch(torch, args, init)
        if args["input"].numel() == 0 and out.numel() > 0:
            raise UndefinedResult(self.UNDEFINED)
        return out

    def _pair(self, dtype, shape, key, domain=None, ydtype=None):
        rng = rng_for(f"{self.loss.key}/{key}")
        x, y = (domain or self.loss.domain)(rng, shape)
        return tensor(dtype, x, shape), tensor(ydtype or "int64", y, shape)

    # ------------------------------------------------------------ exact answers
    def exact(self, ctx):
        """Per row: the hinge summed over (target, non-target) pairs, divided by C; then the
        reduction. A 0-d or 1-d input is one row and gives a 0-d result whatever the reduction."""
        import mpmath
        meta = ctx.case.meta
        red = torch_resolved_reduction({k: v for k, v in meta["params"].items()
                                        if k in ("size_average", "reduce", "reduction")})
        x, y = ctx.tensors["x"], ctx.tensors["y"]
        c = x.shape[-1] if len(x.shape) == 2 else max(x.numel, 1)
        rows = x.values.reshape(-1, c).tolist()
        labels = y.values.reshape(-1, c).tolist()
        per_row = []
        for r, t in zip(rows, labels):
            active = []
            for v in t:
                if v < 0:
                    break
                active.append(int(v))
            others = [i for i in range(c) if i not in set(active)]
            terms = [1 - mpmath.mpf(r[j]) + mpmath.mpf(r[i]) for j in active for i in others]
            per_row.append(mpmath.fsum(z for z in terms if z > 0) / c)
        out_shape = tuple(ctx.out_shape)
        if red == "none" and len(x.shape) == 2:
            return per_row if out_shape == (len(per_row),) else None
        if out_shape != () or not per_row:
            return None
        total = mpmath.fsum(per_row)
        return [total / len(per_row) if red == "mean" else total]

    # ------------------------------------------------------------ the matrix
    def cases(self):
        yield from self.doc_cases()
        yield from self.default_cases()
        yield from self.random_cases()
        yield from self.legacy_cases()
        yield from self.spelling_cases()
        yield from self.target_cases()
        yield from self.shape_cases()
        yield from self.dtype_cases()
        yield from self.edge_cases()
        yield from self.long_cases()

    RANDOM_SHAPES = [(), (1,), (5,), (1, 1), (4, 7), (6, 2), (3, 333)]
    INT32_SHAPES = [(5,), (4, 7)]

    def random_cases(self):
        """Every float dtype, shape and reduction with int64 targets (PyTorch's), and int32
        (MindSpore's) for two shapes."""
        for dt in FLOATS:
            for shape in self.RANDOM_SHAPES:
                for tdt in ("int64", "int32"):
                    if tdt == "int32" and shape not in self.INT32_SHAPES:
                        continue
                    x, y = self._pair(dt, shape, f"{dt}/{shape_str(shape)}/random", ydtype=tdt)
                    for red in REDUCTIONS:
                        yield self.case("random", {"x": x, "y": y}, {"reduction": red}, ["random", "labels"])

    # (what, input row(s), target row(s)): each a structure the kernel treats in its own way
    C5 = [0.5, -0.25, 1.5, 0.125, -1.0]
    TARGETS = [
        ("minus-one-first", [C5, C5], [[-1, 2, 3, 0, 1], [1, -1, 0, 0, 0]]),
        ("minus-one-middle", [C5, C5], [[3, 0, -1, 1, 2], [4, 2, 1, -1, -1]]),
        ("no-minus-one", [C5, C5], [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0]]),
        ("all-but-one", [C5, C5], [[0, 1, 2, 3, -1], [4, 3, 1, 0, -1]]),
        ("repeated-class", [C5, C5], [[2, 2, -1, 0, 0], [1, 1, 1, 4, -1]]),
        ("repeated-after-minus-one", [C5, C5], [[2, -1, 2, 2, 4], [0, -1, -1, -1, -1]]),
        ("out-of-range", [C5, C5], [[5, -1, 0, 0, 0], [0, -1, 0, 0, 0]]),
        ("out-of-range-after-minus-one", [C5, C5], [[1, -1, 9, 0, 0], [0, -1, 0, 0, 0]]),
        ("below-minus-one", [C5, C5], [[-2, 1, -1, 0, 0], [0, -1, 0, 0, 0]]),
        ("below-minus-one-after-minus-one", [C5, C5], [[1, -1, -3, 0, 0], [0, -1, 0, 0, 0]]),
        ("vector-minus-one-first", C5, [-1, 0, 1, 2, 3]),
        ("vector-repeated", C5, [3, 3, 0, -1, 2]),
        ("vector-out-of-range", C5, [7, -1, 0, 0, 0]),
    ]

    def target_cases(self):
        for dt in ("float32", "float64"):
            for what, xs, ys in self.TARGETS:
                for tdt in ("int64", "int32") if dt == "float32" else ("int64",):
                    x, y = tensor(dt, xs), tensor(tdt, ys)
                    for red in REDUCTIONS:
                        yield self.case(what, {"x": x, "y": y}, {"reduction": red}, ["labels", "edge-target"])

    # (input shape, target shape, what): shapes the checks accept or refuse
    SHAPES = [((), (1,), "scalar-target-1"), ((1,), (), "vector-1-scalar-target"), ((4,), (), "vector-scalar-target"),
              ((4,), (1, 4), "vector-matrix-target"), ((1, 4), (4,), "matrix-vector-target"),
              ((2, 4), (2, 3), "target-narrower"), ((2, 4), (3, 4), "target-taller"), ((2, 4), (4,), "target-row"),
              ((2, 2, 4), (2, 2, 4), "3d"), ((2, 4), (2, 2, 4), "target-3d"),
              ((0, 4), (0, 4), "empty-batch"), ((0,), (0,), "empty-vector"), ((2, 0), (2, 0), "no-classes"),
              ((0, 0), (0, 0), "empty-both")]

    def shape_cases(self):
        for xs, ys, what in self.SHAPES:
            rng = rng_for(f"{self.loss.key}/shape/{what}")
            xv = rng.standard_normal(xs)
            yv = class_rows(rng, ys) if ys and ys[-1] else np.zeros(ys, dtype=np.int64)
            mismatch = xs != ys and not (len(xs) <= 1 and len(ys) <= 1 and np.prod(xs) == np.prod(ys))
            topics = ["shape-mismatch"] if mismatch else ["labels"]
            for tdt in ("int64", "int32"):
                for red in REDUCTIONS:
                    yield self.case(what, {"x": tensor("float32", xv, xs), "y": tensor(tdt, yv, ys)},
                                    {"reduction": red}, topics)

    # (input dtype, target dtype): the target as float, bool, int32 with a float64 input; integer and bool inputs
    DTYPES = [("float32", "float32"), ("float32", "bool"), ("float64", "int32"), ("float16", "int32"),
              ("bfloat16", "int32"), ("int64", "int64"), ("int32", "int32"), ("bool", "int64")]

    def dtype_cases(self):
        rng = rng_for(f"{self.loss.key}/dtypes")
        xv, yv = self.loss.domain(rng, (2, 3))
        for xd, yd in self.DTYPES:
            x = tensor(xd, xv if xd in FORMATS else np.round(xv) if xd != "bool" else xv > 0, (2, 3))
            y = tensor(yd, yv if yd != "bool" else yv > 0, (2, 3))
            topics = ["mixed-dtype"] + (["integer-input"] if xd not in FORMATS else [])
            for red in ("none", "mean"):
                yield self.case("dtypes", {"x": x, "y": y}, {"reduction": red}, topics)

    def edge_cases(self):
        """Each edge value as one row's target score and as a non-target score: inf - inf and
        nan give nan margins, which the kernel's `z > 0` drops."""
        for dt in FLOATS:
            edges = self._edge_values(dt)
            n = len(edges)
            x = tensor(dt, [[e, 0.5, -0.25] for e in edges], (n, 3))
            for what, row in (("edge-as-target", [0, -1, 0]), ("edge-as-non-target", [1, -1, 0]),
                              ("edge-both", [0, 1, -1])):
                y = tensor("int64", [row] * n, (n, 3))
                for red in ("none", "sum"):
                    yield self.case(what, {"x": x, "y": y}, {"reduction": red}, ["edge-input", "overflow"])
            f = FORMATS[dt]
            # hinges of max_finite each: their sum overflows the dtype, not the double accumulator
            x = tensor(dt, [[0.0, f.max_finite, f.max_finite], [0.0, 1.0, 2.0]], (2, 3))
            y = tensor("int64", [[0, -1, 0], [0, -1, 0]], (2, 3))
            for red in REDUCTIONS:
                yield self.case("overflow-sum", {"x": x, "y": y}, {"reduction": red}, ["edge-input", "overflow"])

    def long_cases(self):
        """Long sums: each row's double accumulation rounded to the dtype, then the rows summed."""
        for dt, shape, reds in (("float32", (512, 33), ("mean", "sum")), ("float64", (256, 17), ("mean",))):
            x, y = self._pair(dt, shape, f"{dt}/{shape_str(shape)}/long")
            for red in reds:
                yield self.case("long", {"x": x, "y": y}, {"reduction": red}, ["long", "random"], part="long")


SPECS = [
    MultiLabelMarginRow("nn.MultiLabelMarginLoss", LOSS, "torch.nn.MultiLabelMarginLoss",
                        "mindspore.nn.MultiLabelMarginLoss", ms_tensors=("input", "target")),
    MultiLabelMarginRow("nn.functional.multilabel_margin_loss", LOSS, "torch.nn.functional.multilabel_margin_loss",
                        "mindspore.ops.multilabel_margin_loss", ms_tensors=("input", "target")),
]
