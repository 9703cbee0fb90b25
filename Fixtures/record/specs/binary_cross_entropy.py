"""Binary cross entropy -w (y log x + (1 - y) log(1 - x)), each log clamped at -100 as PyTorch
defines it: torch.nn.BCELoss / binary_cross_entropy against mindspore.nn.BCELoss /
ops.binary_cross_entropy."""
import mpmath

from parity_record.floats import FORMATS
from parity_record.pointwise import Loss, Row


def _log(v):
    if v < 0:
        return None
    return max(mpmath.log(v) if v > 0 else mpmath.ninf, mpmath.mpf(-100))


def elem(x, y, extras, params):
    if not 0 <= x <= 1:
        return None
    a, b = _log(x), _log(1 - x)
    return -extras.get("weight", 1) * (y * a + (1 - y) * b)


def _edges(dt):
    f = FORMATS[dt]
    one_below = 1 - 2.0 ** -f.p
    xs = [0.0, 0.0, 1.0, 1.0, f.min_subnormal, f.min_subnormal, one_below, one_below, 0.5, 1e-30 if dt != "float16" else f.min_subnormal]
    ys = [0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.5, 1.0]
    return [("log-clamp", xs, ys, ["edge-input"]),
            ("outside-0-1", [-0.5, 0.5, 1.5], [1.0, 1.0, 1.0], ["domain", "edge-input"]),
            ("target-outside-0-1", [0.25, 0.5, 0.75], [-1.0, 2.0, 0.5], ["domain", "edge-target"])]


LOSS = Loss(
    key="binary_cross_entropy",
    domain=lambda rng, shape: (rng.uniform(0.0, 1.0, shape), rng.uniform(0.0, 1.0, shape)),
    elem=elem,
    extra_tensors=("weight",),
    extra_domains={"random-binary-target": lambda rng, shape: (rng.uniform(0.0, 1.0, shape),
                                                                (rng.random(shape) < 0.5).astype(float))},
    edge_sets=_edges,
)

def _weight_read_past_its_end(tensors):
    """mindspore 2.10's BinaryCrossEntropy CPU kernel reads weight[i] for every input element
    i, whatever the weight's size: a smaller weight is read past its end."""
    if "w" in tensors and tensors["w"].numel < tensors["x"].numel:
        return ("mindspore 2.10's BinaryCrossEntropy kernel reads weight[i] for every input element: "
                f"a weight of {tensors['w'].numel} elements is read past its end (undefined values)")
    return None


SPECS = [
    Row("nn.BCELoss", LOSS, "torch.nn.BCELoss", "mindspore.nn.BCELoss",
        mindspore_undefined_result=_weight_read_past_its_end),
    Row("nn.functional.binary_cross_entropy", LOSS, "torch.nn.functional.binary_cross_entropy",
        "mindspore.ops.binary_cross_entropy", mindspore_undefined_result=_weight_read_past_its_end),
]
