"""Binary cross entropy of sigmoid(x): w (pw y log(1 + e^-x) + (1 - y)(x + log(1 + e^-x))).

torch.nn.BCEWithLogitsLoss / binary_cross_entropy_with_logits against mindspore.nn.BCEWithLogitsLoss /
ops.binary_cross_entropy_with_logits (the page documents MindSpore's call as (logits, labels);
mindspore 2.10 names them (input, target))."""
import mpmath
import numpy as np

from parity_record.pointwise import Loss, Row, tensor


def elem(x, y, extras, params):
    softplus = mpmath.log1p(mpmath.exp(-x))
    w, pw = extras.get("weight", 1), extras.get("pos_weight", 1)
    return w * (pw * y * softplus + (1 - y) * (x + softplus))


def _page_example():
    np.random.seed(1)
    x = np.random.rand(1, 2, 3).astype(np.float32)
    y = np.random.randint(2, size=(1, 2, 3)).astype(np.float32)
    return {"x": tensor("float32", x.astype(np.float64)), "y": tensor("float32", y.astype(np.float64))}


LOSS = Loss(
    key="binary_cross_entropy_with_logits",
    domain=lambda rng, shape: (rng.standard_normal(shape) * 3.0, rng.uniform(0.0, 1.0, shape)),
    elem=elem,
    extra_tensors=("weight", "pos_weight"),
    extra_domains={"random-wide": lambda rng, shape: (rng.uniform(-100.0, 100.0, shape),
                                                      (rng.random(shape) < 0.5).astype(float))},
    doc_examples=[("doc-example", _page_example(), {}, True)],
)

SPECS = [
    Row("nn.BCEWithLogitsLoss", LOSS, "torch.nn.BCEWithLogitsLoss", "mindspore.nn.BCEWithLogitsLoss",
        ms_tensors=("input", "target")),
    Row("nn.functional.binary_cross_entropy_with_logits", LOSS, "torch.nn.functional.binary_cross_entropy_with_logits",
        "mindspore.ops.binary_cross_entropy_with_logits", ms_tensors=("input", "target")),
]
