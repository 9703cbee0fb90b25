"""Multi-class hinge loss over class indices: per sample, the sum over classes i != y of
max(0, margin - x[y] + x[i])^p (p 1 or 2), times weight[y], divided by the number of classes C;
`mean` divides the sum by the number of samples. torch.nn.MultiMarginLoss / multi_margin_loss
against mindspore.nn.MultiMarginLoss / ops.multi_margin_loss, on the class-index matrix
(`parity_record.class_index`), which has no `ignore_index` here and no (N, C, d1, ...) layout,
plus p (1, 2, invalid ones, a float 2.0) and margin (0, 1, 2, negative, fractional; as an int
and as a float, since mindspore.ops takes only an int and mindspore.nn only a float).

The mapping table has no diff page; the doc examples are MindSpore's docstrings' (three samples
of ones, targets [1, 2, 1]: 0.6666667), the functional one with its weight of ones.

PyTorch's CPU kernel returns its `mean`/`sum` output unwritten when the input is empty (seen:
3.07e-33 in one call, 4.48e-44 in the next), so that value is recorded as `UndefinedResult`
(`pytorch_undefined_result`), as MindSpore's empty reductions are.
"""
import numpy as np

from parity_record.class_index import ClassIndexLoss, ClassIndexRow, indices
from parity_record.jsonout import Num
from parity_record.pointwise import REDUCTIONS, Param, num, tensor


def sample(scores, target, p=1, margin=1.0):
    import mpmath
    m, x_t = mpmath.mpf(margin), scores[target]
    terms = [max(mpmath.mpf(0), m - x_t + x) ** int(p) for i, x in enumerate(scores) if i != target]
    return mpmath.fsum(terms) / len(scores)


def _spelled(value):
    """The id segment of a number argument: `2` for the int, `2.0` for the float."""
    return str(value) if isinstance(value, int) else str(float(value))


def _value(number):
    """A Python number, or the float a `Num` token writes."""
    return float(number) if isinstance(number, Num) else number


def extra_cases(row):
    """p and margin swept, each integral margin both as an int and as a float; invalid p."""
    data = row._data("float32", (5, 4), "float32/5x4/p")
    for p in (1, 2):
        for red in REDUCTIONS:
            yield row.case(f"p={p}", data, {"p": p, "reduction": red}, ["parameters"])
    for dt in ("float64", "float16"):
        wdata = row._data(dt, (5, 4), f"{dt}/5x4/p=2-weighted", weight=True)
        for red in ("none", "mean"):
            yield row.case("p=2-weighted", wdata, {"p": 2, "reduction": red}, ["parameters", "weight"])
    for p in (3, 0, -1, num(2.0), True):
        what = f"p={_spelled(_value(p))}"
        yield row.case(what, data, {"p": p, "reduction": "mean"}, ["parameters", "invalid-argument"])
    mdata = row._data("float32", (5, 4), "float32/5x4/margin")
    for margin in (0, 1, 2, -1, num(0.0), num(1.0), num(2.0), num(-1.0), num(0.5), num(-0.25), num(1.75)):
        value = _value(margin)
        for red in ("none", "sum"):
            yield row.case(f"margin={_spelled(value)}", mdata, {"margin": margin, "reduction": red}, ["parameters"])
    for margin in (2, num(2.0)):
        value = _value(margin)
        yield row.case(f"p=2-margin={_spelled(value)}", mdata, {"p": 2, "margin": margin, "reduction": "mean"},
                       ["parameters"])
    for what, margin in (("margin-none", None), ("margin-string", "1"), ("margin-bool", True)):
        yield row.case(what, mdata, {"margin": margin, "reduction": "mean"}, ["parameters", "invalid-argument"])
    # squares beyond float32 and float16 (MindSpore's float16 kernel computes in float)
    big = row._data("float32", (3, 4), "float32/3x4/margin-overflow")
    for margin in (num(1e20), num(3e38)):
        yield row.case(f"margin={_value(margin)!r}-p=2", big, {"p": 2, "margin": margin, "reduction": "none"},
                       ["parameters", "overflow"])
    half = row._data("float16", (3, 4), "float16/3x4/margin-overflow", weight=True)
    for margin in (300, num(300.0)):
        value = _value(margin)
        yield row.case(f"margin={_spelled(value)}-p=2-weighted", half, {"p": 2, "margin": margin, "reduction": "none"},
                       ["parameters", "overflow", "weight"])


class MultiMarginRow(ClassIndexRow):
    def pytorch_undefined_result(self, tensors, value):
        """ATen's multi_margin_loss_cpu sizes a 0-d output and returns before writing it when the
        input has no elements."""
        if tensors["x"].numel == 0 and tuple(value.shape) == ():
            return ("a value computed from an empty input: torch 2.15's multi_margin_loss_cpu returns "
                    "its reduced output without writing it (seen to change between calls), so no value is recorded")
        return None


LOSS = ClassIndexLoss(key="multi_margin_loss", sample=sample, ignore_index=False, spatial=False,
                      mean_by_weights=False, sample_params=(Param("p", 1), Param("margin", 1.0)),
                      extra_cases=extra_cases, long_shape=(10000, 3), long_reductions=("mean", "sum"))


def _doc(weighted):
    x = tensor("float32", np.ones((3, 3)), (3, 3))
    y = indices("int64", [1, 2, 1], (3,))
    tensors = {"x": x, "y": y, **({"w": tensor("float32", np.ones(3), (3,))} if weighted else {})}
    return [("doc-example", tensors, {}, None)]


SPECS = [
    MultiMarginRow("nn.MultiMarginLoss", LOSS, "torch.nn.MultiMarginLoss", "mindspore.nn.MultiMarginLoss",
                   ms_tensors=("x", "target"), doc_examples=_doc(False)),
    MultiMarginRow("nn.functional.multi_margin_loss", LOSS, "torch.nn.functional.multi_margin_loss",
                   "mindspore.ops.multi_margin_loss", ms_tensors=("input", "target"), doc_examples=_doc(True)),
]
