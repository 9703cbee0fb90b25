"""Poisson negative log likelihood: e^x - y x (log_input), else x - y log(x + eps); with full,
plus Stirling's y log y - y + log(2 pi y)/2 where y > 1. torch.nn.PoissonNLLLoss against
mindspore.nn.PoissonNLLLoss (PyTorch calls its input log_input, the constructor's flag too)."""
import mpmath

from parity_record.pointwise import Loss, Param, Row, num


def elem(x, y, extras, params):
    if params["log_input"]:
        loss = mpmath.exp(x) - y * x
    else:
        v = x + params["eps"]
        if v < 0:
            return mpmath.nan
        loss = x - y * (mpmath.log(v) if v > 0 else mpmath.ninf)
    if params["full"] and y > 1:
        loss += y * mpmath.log(y) - y + mpmath.log(2 * mpmath.pi * y) / 2
    return loss


LOSS = Loss(
    key="poisson_nll_loss",
    domain=lambda rng, shape: (rng.uniform(0.05, 3.0, shape), rng.poisson(3.0, shape).astype(float)),
    elem=elem,
    params=[Param("log_input", True, sweep=[False]),
            Param("full", False, sweep=[True]),
            Param("eps", 1e-8, sweep=[num(1e-3), num(0.0), num(1.0)], invalid=[("string", "1e-8")])],
    extra_domains={"random-log-rates": lambda rng, shape: (rng.standard_normal(shape) * 3.0,
                                                           rng.poisson(2.0, shape).astype(float))},
)

SPECS = [Row("nn.PoissonNLLLoss", LOSS, "torch.nn.PoissonNLLLoss", "mindspore.nn.PoissonNLLLoss",
             pt_tensors=("log_input", "target"), ms_tensors=("input", "target"))]
