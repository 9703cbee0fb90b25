"""Squared error (input - target)^2: torch.nn.MSELoss / mse_loss against mindspore.nn.MSELoss / ops.mse_loss."""
import math

from parity_record.pointwise import Loss, Row


def _edges(dt):
    # where (x - y)^2 overflows: |x - y| just below and above sqrt(max finite)
    from parity_record.floats import FORMATS, round_float
    f = FORMATS[dt]
    root = math.sqrt(f.max_finite)
    below, above = round_float(root, f, "floor"), round_float(root * (1 + 2.0 ** -f.p), f, "ceil")
    return [("overflow-threshold", [below, above, -below, -above], [0.0, 0.0, 0.0, 0.0], ["overflow", "edge-input"])]


LOSS = Loss(
    key="mse_loss",
    domain=lambda rng, shape: (rng.standard_normal(shape) * 2.0, rng.standard_normal(shape) * 2.0),
    elem=lambda x, y, extras, params: (x - y) ** 2,
    edge_sets=_edges,
)

SPECS = [
    Row("nn.MSELoss", LOSS, "torch.nn.MSELoss", "mindspore.nn.MSELoss"),
    Row("nn.functional.mse_loss", LOSS, "torch.nn.functional.mse_loss", "mindspore.ops.mse_loss",
        ms_tensors=("input", "target"), pt_only_tensors=("weight",)),
]
