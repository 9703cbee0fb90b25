"""Huber: 0.5 z^2 below delta, delta (z - 0.5 delta) above: torch.nn.HuberLoss against mindspore.nn.HuberLoss."""
from parity_record.pointwise import Loss, Param, Row, num


def elem(x, y, extras, params):
    delta = params["delta"]
    z = abs(x - y)
    return 0.5 * z * z if z < delta else delta * (z - 0.5 * delta)


LOSS = Loss(
    key="huber_loss",
    domain=lambda rng, shape: (rng.standard_normal(shape) * 2.0, rng.standard_normal(shape) * 2.0),
    elem=elem,
    params=[Param("delta", 1.0, sweep=[num(0.5), num(2.0), num(1e-30), num(1e10), 3],
                  invalid=[("zero", num(0.0)), ("negative", num(-1.0)), ("string", "1")])],
)

SPECS = [Row("nn.HuberLoss", LOSS, "torch.nn.HuberLoss", "mindspore.nn.HuberLoss", legacy=False)]
