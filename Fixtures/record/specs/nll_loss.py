"""Negative log likelihood over class indices: -weight[t] * input[n, t], 0 where t == ignore_index;
`mean` divides the sum by the weights of the targets not ignored. torch.nn.NLLLoss /
nll_loss against mindspore.nn.NLLLoss / ops.nll_loss, on the class-index matrix
(`parity_record.class_index`).

The diff page's example draws `np.random.randn(2, 2, 3, 3)` unseeded and prints what that run
gave, so its printed values are no golden: the case uses seeded standard normal data of that
shape, with the page's arguments (ignore_index=-110, reduction='none') and its targets (zeros,
int64 for PyTorch and int32 for MindSpore, as the page builds them).
"""
import numpy as np

from parity_record.class_index import ClassIndexLoss, ClassIndexRow, indices
from parity_record.pointwise import tensor
from parity_record.spec import rng_for


def sample(scores, target):
    return -scores[target]


LOSS = ClassIndexLoss(key="nll_loss", sample=sample)

_rng = rng_for("nll_loss/doc-example")
DOC_X = tensor("float32", _rng.standard_normal((2, 2, 3, 3)), (2, 2, 3, 3))
DOC = [("doc-example", {"x": DOC_X, "y": indices("int64", np.zeros((2, 3, 3)), (2, 3, 3))},
        {"ignore_index": -110, "reduction": "none"}, indices("int32", np.zeros((2, 3, 3)), (2, 3, 3)))]

SPECS = [
    ClassIndexRow("nn.NLLLoss", LOSS, "torch.nn.NLLLoss", "mindspore.nn.NLLLoss",
                  ms_tensors=("logits", "labels"), doc_examples=DOC),
    ClassIndexRow("nn.functional.nll_loss", LOSS, "torch.nn.functional.nll_loss", "mindspore.ops.nll_loss",
                  ms_tensors=("inputs", "target")),
]
