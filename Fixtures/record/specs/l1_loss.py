"""L1 loss |input - target|: torch.nn.L1Loss / l1_loss against mindspore.nn.L1Loss / ops.l1_loss."""
from parity_record.pointwise import Loss, Row

LOSS = Loss(
    key="l1_loss",
    domain=lambda rng, shape: (rng.standard_normal(shape) * 2.0, rng.standard_normal(shape) * 2.0),
    elem=lambda x, y, extras, params: abs(x - y),
)

SPECS = [
    Row("nn.L1Loss", LOSS, "torch.nn.L1Loss", "mindspore.nn.L1Loss"),
    Row("nn.functional.l1_loss", LOSS, "torch.nn.functional.l1_loss", "mindspore.ops.l1_loss",
        ms_tensors=("input", "target"), pt_only_tensors=("weight",)),
]
