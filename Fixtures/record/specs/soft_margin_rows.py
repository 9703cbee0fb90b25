"""The table's two SoftMarginLoss rows, module to module and functional to functional (the seed
mapping `SoftMarginLoss`, functional to module, is specs/soft_margin_loss.py)."""
import mpmath

from parity_record.pointwise import Loss, Row

LOSS = Loss(
    key="soft_margin_rows",
    domain=lambda rng, shape: (rng.standard_normal(shape) * 2.0, (rng.random(shape) < 0.5) * 2.0 - 1.0),
    elem=lambda x, y, extras, params: mpmath.log1p(mpmath.exp(-x * y)),
)

SPECS = [
    Row("nn.SoftMarginLoss", LOSS, "torch.nn.SoftMarginLoss", "mindspore.nn.SoftMarginLoss"),
    Row("nn.functional.soft_margin_loss", LOSS, "torch.nn.functional.soft_margin_loss", "mindspore.ops.soft_margin_loss",
        ms_tensors=("input", "target")),
]
