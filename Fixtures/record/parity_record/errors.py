"""Classify a framework exception into the contract's error kinds.

Rules are tried in order; the first match wins. Anything unmatched is `other`
and the recorder prints it loudly: add a rule here when that happens.
"""
from __future__ import annotations

import re

KINDS = ("shape", "dtype", "argument", "unsupported", "other")

RULES: list[tuple[str, str]] = [
    # no kernel for this op/dtype on this platform
    ("unsupported", r"kernel \S+ unregistered|unregistered kernel|no kernel|kernel .*not (found|registered)"
                    r"|not supported on (the )?(CPU|this platform|device)|device target .* not support"
                    # MindSpore PyNative with no CPU kernel for a primitive at all (MultilabelMarginLoss, TripletMarginLoss)
                    r"|Unsupported op \[\S+\] on CPU"),
    # invalid argument values (reduction spellings, wrong argument types)
    ("argument", r"is not a valid value for reduction|Failed to convert the value .* of input"
                 r"|Failed calling \S+ with|valid calling should be|invalid reduction"
                 r"|unexpected keyword argument|got an unexpected|takes .* positional argument"
                 r"|the 'reduction' must be in|is not a valid value for|Invalid reduction"
                 r"|should be between 0 and 1|must be between 0 and 1"
                 r"|must be (float|bool|int|str)\b|must be a float or int|must be str and must be in"
                 r"|value should be either|the values for beta|negative values for beta|non-positive values for delta"
                 r"|argument 'delta' must >|unsupported operand type|value of Tensor with more than one value is ambiguous"
                 r"|should have only one element"
                 # GaussianNLLLoss: PyTorch's own checks, clamp's and any()'s argument errors,
                 # MindSpore's eps/var checks
                 r"|var has negative entr| is not valid$|received an invalid combination of arguments"
                 r"|At least one of 'min' or 'max' must not be None|must be in range of"
                 r"|must be '(float|bool|int|str)'|'var' must be a tensor|must be '<class"
                 r"|not supported between instances of"
                 # multilabel_margin_loss: a class index below -1 or not below the class count
                 r"|argument #\d+ 'target' is out of range"
                 # ctc_loss: the blank outside the classes, lengths beyond the input (MindSpore's
                 # CTCLossV2 kernel checks lengths at launch and logs why, raising only the launch failure)
                 r"|blank must be in|Expected input_lengths to have value at most"
                 r"|Launch kernel failed, name:\S*CTCLossV2"
                 # cosine embedding: ops.cosine_embedding_loss's margin range
                 r"|the value of 'margin' should be in"
                 # TripletMarginLoss: PyTorch's margin check
                 r"|margin to be greater than 0|margin must be greater than 0"
                 # hinge embedding: MindSpore's reduction check; cross entropy: label_smoothing's
                 # range; multi-margin: p and margin; a Python value assigned to a module's buffer
                 r"|'reduction' must be one of|label_smoothing must be between|only p == 1 and p == 2 supported"
                 r"|must be Number, not|cannot assign '\w+' object to buffer"),
    # dtypes
    ("dtype", r"result type \S+ can't be cast|can't be cast to the desired output type"
              r"|not implemented for '|on a bool tensor is not supported|with (two bool tensors|a bool tensor) is not supported"
              r"|dtype|data type|should have same type|must have the same type|Integral inputs not supported"
              r"|input type must be same"
              r"|must be a type of|type of .* but got|Tensor\[(Int|Bool|UInt|Float)"
              r"|expected scalar type \w+ but found|lengths must be integral"
              # mindspore.nn.CrossEntropyLoss / NLLLoss: the labels', logits' and weight's dtype checks;
              # PyTorch's cross entropy: class probabilities of an integer dtype
              r"|should be one of \[mindspore\.|should be (Int|Float)\d+, but got|Expected floating point type for target"),
    # shapes
    ("shape", r"shape|broadcast|size of tensor|must match the size|dimension|rank"
              r"|target size .* different to the input size|must be the same as input size"
              r"|must have the same size|var is of incorrect size"
              # multilabel_margin_loss's shape check
              r"|inconsistent target size|Expected non-empty vector or matrix"
              # ctc_loss's shape checks
              r"|the dim of \w+ must be equal to|must be of size batch_size|tensor must not be empty"
              # cosine embedding: PyTorch's target/input rank checks, MindSpore's ReduceSum axis
              r"|target tensor expects|multi-target not supported|the axis value must be in"
              # nll_loss / cross_entropy: batch and spatial sizes; multi-margin: the weight's size
              r"|to match target batch_size|Expected target size|size mismatch \(got input|inconsistent weight size"),
]
_COMPILED = [(k, re.compile(p, re.IGNORECASE)) for k, p in RULES]


def classify(type_name: str, message: str) -> str:
    text = f"{type_name}: {message}"
    for kind, rx in _COMPILED:
        if rx.search(text):
            return kind
    return "other"


_BANNER = re.compile(r"-+|- [^:]*:")


def first_line(exc: BaseException) -> str:
    """The message's first line of text: MindSpore starts some messages with a newline and a
    banner (a rule of dashes, "- Kernel select failed:", another rule) before the text."""
    lines = [line for line in str(exc).split("\n") if line.strip() and not _BANNER.fullmatch(line.strip())]
    return lines[0] if lines else ""
