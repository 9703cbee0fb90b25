"""Kullback-Leibler divergence, pointwise: y (log y - x), or e^y (y - x) with log_target.

torch.nn.KLDivLoss / kl_div against mindspore.nn.KLDivLoss / ops.kl_div (neither of which
declares log_target)."""
import mpmath

from parity_record.pointwise import Loss, Param, Row, tensor


def elem(x, y, extras, params):
    if params["log_target"]:
        return mpmath.exp(y) * (y - x)
    if y < 0:
        return mpmath.nan
    return -y * x if y == 0 else y * (mpmath.log(y) - x)


LOSS = Loss(
    key="kl_div",
    domain=lambda rng, shape: (mpmath_free_log(rng.uniform(0.01, 1.0, shape)), rng.uniform(0.0, 1.0, shape)),
    elem=elem,
    params=[Param("log_target", False, sweep=[True], invalid=[("string", "yes")])],
    extra_reductions=("batchmean",),
    # the page's example: PyTorch's call (float64, default reduction), MindSpore's (float32, 'mean')
    doc_examples=[("doc-example", {"x": tensor("float64", [0.2, 0.7, 0.1]), "y": tensor("float64", [0.0, 1.0, 0.0])},
                   {}, True),
                  ("doc-example-mindspore-call", {"x": tensor("float32", [0.2, 0.7, 0.1]),
                                                  "y": tensor("float32", [0.0, 1.0, 0.0])}, {"reduction": "mean"}, False)],
)


def mpmath_free_log(values):
    import numpy as np
    return np.log(values)


SPECS = [
    Row("nn.KLDivLoss", LOSS, "torch.nn.KLDivLoss", "mindspore.nn.KLDivLoss"),
    Row("nn.functional.kl_div", LOSS, "torch.nn.functional.kl_div", "mindspore.ops.kl_div"),
]
