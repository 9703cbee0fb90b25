"""Hinge embedding: x where y == 1, max(0, margin - x) where y == -1: torch.nn.HingeEmbeddingLoss /
hinge_embedding_loss against mindspore.nn.HingeEmbeddingLoss / ops.hinge_embedding_loss.

Targets other than +-1 are part of the domain: ATen's composite computes
`where(y != 1, clamp_min(margin - x, 0), 0) + where(y != -1, x, 0)`, so such a target gets
both terms, while the documented formula leaves it undefined. The exact answer follows ATen's
definition with the margin as given (not rounded to the input's dtype).
"""
from parity_record.floats import FORMATS
from parity_record.pointwise import FLOATS, Loss, Param, Row, num, sign_target_domain, tensor

# MindSpore compares the target with `> 0` and `< 0`; neither has a bfloat16 CPU kernel.
RACED_OPS = ("Greater", "Less")


def elem(x, y, extras, params):
    margin = params["margin"]
    if isinstance(margin, str) or margin is None:
        return None
    import mpmath
    loss = mpmath.mpf(0)
    if y != 1:
        loss += max(mpmath.mpf(0), mpmath.mpf(margin) - x)
    if y != -1:
        loss += x
    return loss


def edge_sets(dt):
    """Edge inputs under one target each (-1: the margin's side, 1, and 0: both sides), and
    targets next to +-1 in the dtype."""
    f = FORMATS[dt]
    up, down = 2.0 ** (1 - f.p), 2.0 ** -f.p          # 1 + up and 1 - down are 1's neighbours
    xs = [1.0, 1.0 - down, 1.0 + up, 0.0, -0.0, 0.5, -3.0, 1e4, -1e4, f.min_subnormal, -f.min_subnormal,
          f.max_finite, -f.max_finite, float("inf"), float("-inf"), float("nan")]
    n = len(xs)
    near = [1.0, -1.0, 1.0 + up, 1.0 - down, -1.0 - up, -1.0 + down, 0.0, -0.0, 2.0, -2.0, 0.5, -0.5]
    xn = [0.75, -0.75, 2.5, -2.5, 0.25, -0.25, 1.5, -1.5, 3.0, -3.0, 0.125, -0.125]
    return [
        ("margin-side-edges", xs, [-1.0] * n, ["edge-input"]),
        ("positive-side-edges", xs, [1.0] * n, ["edge-input"]),
        ("zero-target-edges", xs, [0.0] * n, ["edge-input", "edge-target"]),
        ("near-one-targets", xn, near, ["edge-target", "labels"]),
        # a single element: whether subnormals are flushed where an op has one element to do
        ("lone-subnormal-input", [f.min_subnormal], [1.0], ["edge-input"]),
        ("lone-subnormal-target", [0.5], [f.min_subnormal], ["edge-target"]),
    ]


LOSS = Loss(
    key="hinge_embedding_loss",
    domain=sign_target_domain,
    elem=elem,
    params=[Param("margin", 1.0, sweep=[num(0.1), num(0.0), num(-1.0), num(1e-30), num(1e10), 2, True],
                  invalid=[("string", "1"), ("none", None)])],
    edge_sets=edge_sets,
)


class HingeRow(Row):
    """The shared matrix, plus margins in every dtype: PyTorch fills a tensor of the input's
    dtype with the margin (refusing one that overflows it), MindSpore casts it."""

    def cases(self):
        yield from super().cases()
        for dt in FLOATS:
            x, y = self._pair(dt, (9,), f"{dt}/9/margin-dtype")
            # float32 sweeps the rest in parameter_cases, the other dtypes 0.1 there
            margins = (num(65504.5),) if dt == "float32" else (num(1e10), num(65504.5), num(-1.0), num(1e-30))
            for v in margins:
                yield self.case(f"margin={v}", {"x": x, "y": y}, {"reduction": "none", "margin": v},
                                ["parameters", "overflow"])
        for xd in ("int64", "int32"):
            x = tensor(xd, [1, 2, -3, 0, 5, -1], (6,))
            y = tensor(xd, [1, -1, 0, -1, 2, -1], (6,))
            for v in (num(1.5), num(1e30), num(-2.5)):
                yield self.case(f"margin={v}", {"x": x, "y": y}, {"reduction": "none", "margin": v},
                                ["integer-input", "parameters"])


SPECS = [
    HingeRow("nn.HingeEmbeddingLoss", LOSS, "torch.nn.HingeEmbeddingLoss", "mindspore.nn.HingeEmbeddingLoss",
             mindspore_raced_ops=RACED_OPS),
    HingeRow("nn.functional.hinge_embedding_loss", LOSS, "torch.nn.functional.hinge_embedding_loss",
             "mindspore.ops.hinge_embedding_loss", ms_tensors=("inputs", "targets"), mindspore_raced_ops=RACED_OPS),
]
