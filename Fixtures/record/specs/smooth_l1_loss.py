"""Smooth L1: 0.5 z^2 / beta below beta, z - 0.5 beta above (z = |input - target|).

torch.nn.SmoothL1Loss / smooth_l1_loss against mindspore.nn.SmoothL1Loss / ops.smooth_l1_loss
(both of whose reductions default to 'none' where PyTorch's default to 'mean')."""
from parity_record.jsonout import Num
from parity_record.pointwise import Loss, Param, Row, num, tensor


def elem(x, y, extras, params):
    beta = params["beta"]
    z = abs(x - y)
    if beta == 0:
        return z
    return 0.5 * z * z / beta if z < beta else z - 0.5 * beta


DOC_X, DOC_Y = tensor("float32", [1, 2, 3]), tensor("float32", [1, 2, 2])

LOSS = Loss(
    key="smooth_l1_loss",
    domain=lambda rng, shape: (rng.standard_normal(shape) * 2.0, rng.standard_normal(shape) * 2.0),
    elem=elem,
    params=[Param("beta", 1.0, sweep=[num(0.0), num(1e-30), num(0.5), num(2.0), num(1e10), 3],
                  invalid=[("negative", num(-1.0)), ("string", "1")])],
    # the page's example: PyTorch's call (reduction="none", beta=1), then MindSpore's (defaults)
    doc_examples=[("doc-example", {"x": DOC_X, "y": DOC_Y}, {"reduction": "none", "beta": 1}, True),
                  ("doc-example-mindspore-call", {"x": DOC_X, "y": DOC_Y}, {}, False)],
)

SPECS = [
    Row("nn.SmoothL1Loss", LOSS, "torch.nn.SmoothL1Loss", "mindspore.nn.SmoothL1Loss"),
    Row("nn.functional.smooth_l1_loss", LOSS, "torch.nn.functional.smooth_l1_loss", "mindspore.ops.smooth_l1_loss",
        ms_tensors=("input", "target")),
]
