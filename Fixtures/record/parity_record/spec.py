"""What a spec module declares, and helpers for writing one.

A spec is a module in Fixtures/record/specs/ with:

    API = "SoftMarginLoss"                      # the mapping id, file name Fixtures/<API>.json
    FRAMEWORKS = {"pytorch": {"api": ..., "package": "torch"},
                  "mindspore": {"api": ..., "package": "mindspore"}}
    def call_pytorch(torch, args): ...          # args: the case's pytorch args, tensors substituted
    def call_mindspore(mindspore, args): ...
    def exact(ctx): ...                         # optional: see ExactContext; return mp values or None
    def cases(): ...                            # iterable of Case

Calls are made with the framework objects of the recorder (which has set threads,
seeds, device and mode); a spec never catches exceptions itself.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

from .tensors import TensorData

SEED = 20261128


@dataclass(frozen=True)
class Ref:
    """{"tensor": NAME} in a call's args."""
    name: str


ABSENT = object()   # marker for "argument not passed" in helper signatures


@dataclass
class Case:
    id: str
    tags: list
    tensors: dict               # name -> TensorData, in the order they are written
    calls: dict                 # framework key -> ordered args dict (values: scalars, None, Ref)
    part: str = ""              # "" -> Fixtures/<API>.json, "long" -> Fixtures/<API>-long.json
    init: dict = field(default_factory=dict)  # framework key -> constructor args (a class API's init_args)


@dataclass
class ExactContext:
    case: Case
    tensors: dict               # name -> TensorData (all float values finite)
    pytorch_args: dict          # as recorded (Ref for tensors)
    out_dtype: str              # PyTorch's output dtype
    out_shape: tuple            # PyTorch's output shape
    prec: int                   # mpmath working precision (bits) in effect


SHAPE_CLASSES = ("scalar", "empty", "vector", "matrix", "3d", "4d", "size-1-dim", "broadcast", "mismatch")
TOPICS = ("doc-example", "random", "legacy-args", "reduction-spelling", "broadcast", "shape-mismatch",
          "mixed-dtype", "integer-input", "edge-input", "edge-target", "overflow", "log-vs-log1p",
          "labels", "long", "defaults", "parameters", "invalid-argument", "weight", "domain")
BARE_TAGS = ("doc-example",)


def check_tags(case: Case) -> None:
    """The Swift report groups rows by these tags: enforce the conventions."""
    t = case.tags
    problems = []
    dtypes = [x for x in t if x.startswith("dtype:")]
    if not dtypes or "+" in dtypes[0] or len([x for x in dtypes if "+" not in x]) != 1 \
            or len([x for x in dtypes if "+" in x]) > 1:
        problems.append("needs one dtype:<input dtype> (and at most one dtype:<x>+<y>)")
    shapes = [x for x in t if x.startswith("shape:")]
    if len(shapes) != 1 or shapes[0][6:] not in SHAPE_CLASSES:
        problems.append(f"needs one shape:<{'|'.join(SHAPE_CLASSES)}>")
    if len([x for x in t if x.startswith("reduction:")]) != 1:
        problems.append("needs one reduction:<value|default>")
    topics = [x[6:] for x in t if x.startswith("topic:")]
    if not topics or any(x not in TOPICS for x in topics):
        problems.append(f"needs topic:<{'|'.join(TOPICS)}>, got {topics}")
    for x in t:
        if ":" not in x and x not in BARE_TAGS:
            problems.append(f"unknown bare tag {x!r}")
    if len(set(t)) != len(t):
        problems.append("duplicate tags")
    if problems:
        raise SystemExit(f"FATAL: case {case.id}: " + "; ".join(problems))


def sub_seed(key: str) -> int:
    """Deterministic per-case seed: SHA-256 of "<SEED>/<key>", first 8 bytes."""
    h = hashlib.sha256(f"{SEED}/{key}".encode()).digest()
    return int.from_bytes(h[:8], "little")


def rng_for(key: str) -> np.random.Generator:
    return np.random.default_rng([SEED, sub_seed(key)])


def shape_str(shape) -> str:
    shape = tuple(shape)
    if shape == ():
        return "scalar"
    return "x".join(str(d) for d in shape)


def shape_class(x_shape, y_shape=None) -> str:
    """scalar, empty, vector, matrix, 3d, 4d, size-1-dim, broadcast, mismatch."""
    xs = tuple(x_shape)
    if y_shape is not None and tuple(y_shape) != xs:
        try:
            np.broadcast_shapes(xs, tuple(y_shape))
            return "broadcast"
        except ValueError:
            return "mismatch"
    if xs == ():
        return "scalar"
    if 0 in xs:
        return "empty"
    if len(xs) > 1 and 1 in xs:
        return "size-1-dim"
    return {1: "vector", 2: "matrix", 3: "3d", 4: "4d"}.get(len(xs), f"{len(xs)}d")


def torch_resolved_reduction(args: dict):
    """The reduction torch.nn.functional.*_loss applies for these args (mirrors
    torch/nn/_reduction.py: legacy size_average/reduce override `reduction` when
    either is given and not None; None counts as True). Used for the exact answer
    and the MindSpore argument of legacy cases only; the recording is always the
    framework's own."""
    sa = args.get("size_average", None)
    rd = args.get("reduce", None)
    if sa is not None or rd is not None:
        sa = True if sa is None else sa
        rd = True if rd is None else rd
        return "mean" if (sa and rd) else ("sum" if rd else "none")
    red = args.get("reduction", "mean")
    return "mean" if red == "elementwise_mean" else red


def reduction_segment(reduction) -> str:
    """A reduction as a case id writes it: absent is `default`, None `null`, '' `empty-string`."""
    if reduction is ABSENT:
        return "default"
    if reduction is None:
        return "null"
    if reduction == "":
        return "empty-string"
    return reduction


def reduction_tag(reduction) -> str:
    """The `reduction:` tag: absent is `default`, None `null`, '' written `''`."""
    if reduction is ABSENT:
        return "reduction:default"
    if reduction is None:
        return "reduction:null"
    if reduction == "":
        return "reduction:''"
    return f"reduction:{reduction}"

