"""Margin ranking: max(0, -target * (input1 - input2) + margin): torch.nn.MarginRankingLoss /
margin_ranking_loss against mindspore.nn.MarginRankingLoss / ops.margin_ranking_loss.

The shared matrix's input is input1 and its target the target; input2 is the loss's required
third tensor (`Loss.required_tensors`), so each case gets one like the input, and the extra
tensors' broadcast, dtype and edge sweeps cover it. Targets other than +-1 are part of the
domain: both frameworks compute the formula for any target. The exact answer uses the margin
as given (not rounded to the inputs' dtype).
"""
import numpy as np

from parity_record.pointwise import FLOATS, Loss, Param, Row, num, sign_target_domain, tensor
from parity_record.spec import rng_for



def elem(x, y, extras, params):
    margin = params["margin"]
    if isinstance(margin, str) or margin is None:
        return None
    import mpmath
    return max(mpmath.mpf(0), -y * (x - extras["input2"]) + mpmath.mpf(margin))


# MindSpore's docstring example (the row has no diff page): input1, input2, and Sign([-2, -2, 3])
DOC = {"x": tensor("float32", [0.3864, -2.4093, -1.4076]), "y": tensor("float32", [-1.0, -1.0, 1.0]),
       "x2": tensor("float32", [-0.6012, -1.6681, 1.2928])}

LOSS = Loss(
    key="margin_ranking_loss",
    domain=sign_target_domain,
    elem=elem,
    params=[Param("margin", 0.0, sweep=[num(0.5), num(0.0), num(-0.5), num(1.0), num(1e10), num(1e-30), 2, True],
                  invalid=[("string", "1"), ("none", None)])],
    required_tensors=("input2",),
    tensor_values={"input2": lambda rng, shape: rng.standard_normal(shape)},
    doc_examples=[("doc-example-mindspore", DOC, {"reduction": red}, False) for red in ("none", "mean", "sum")],
)


class MarginRankingRow(Row):
    """The shared matrix, plus margins in every dtype (one that overflows a 16-bit dtype, one
    that is not exact in it), broadcasting across size-1 dimensions, and fractional margins
    with integer inputs."""

    def cases(self):
        yield from super().cases()
        for dt in FLOATS:
            x, y = self._pair(dt, (9,), f"{dt}/9/margin-dtype")
            # float32 sweeps the rest in parameter_cases, the other dtypes 0.5 there
            margins = (num(65504.5),) if dt == "float32" else (num(1e10), num(65504.5), num(-1.0), num(0.1), num(1e-30))
            for v in margins:
                yield self.case(f"margin={v}", {"x": x, "y": y}, {"reduction": "none", "margin": v},
                                ["parameters", "overflow"])
        # PyTorch refuses tensors of different ranks, so broadcasting happens only across size-1
        # dimensions: input2 broadcast to input1 and target, input1 to input2, all three
        for what, xs, x2s, ys in (("input2-row", (4, 3), (1, 3), (4, 3)), ("input2-column", (4, 3), (4, 1), (4, 3)),
                                  ("input1-row", (1, 3), (4, 3), (1, 3)), ("all-broadcast", (4, 1), (1, 3), (4, 3))):
            rng = rng_for(f"{self.loss.key}/float32/{what}")
            xv, yv = self.loss.domain(rng, ys)
            tensors = {"x": tensor("float32", np.broadcast_to(xv, ys)[tuple(slice(0, n) for n in xs)], xs),
                       "y": tensor("float32", yv, ys), "x2": tensor("float32", rng.standard_normal(x2s), x2s)}
            for red in ("none", "mean"):
                yield self.case(what, tensors, {"reduction": red}, ["broadcast"])
        for xd in ("int64", "int32"):
            x = tensor(xd, [1, 2, -3, 0, 5, -1], (6,))
            y = tensor(xd, [1, -1, 0, -1, 2, -1], (6,))
            for v in (num(1.5), num(1e30), num(-2.5)):
                yield self.case(f"margin={v}", {"x": x, "y": y}, {"reduction": "none", "margin": v},
                                ["integer-input", "parameters"])


SPECS = [
    MarginRankingRow("nn.MarginRankingLoss", LOSS, "torch.nn.MarginRankingLoss", "mindspore.nn.MarginRankingLoss",
                     pt_tensors=("input1", "target"), ms_tensors=("input1", "target")),
    MarginRankingRow("nn.functional.margin_ranking_loss", LOSS, "torch.nn.functional.margin_ranking_loss",
                     "mindspore.ops.margin_ranking_loss", pt_tensors=("input1", "target"), ms_tensors=("input1", "target")),
]
