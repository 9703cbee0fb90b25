"""The case matrix shared by pointwise losses (a loss of input and target element by element,
then reduced): one `Loss` definition gives every row that maps it, module and functional.

A case is written once, framework-neutrally: tensors named x (input), y (target) and the
loss's extra tensors (w for weight, pw for pos_weight), plus parameters by PyTorch's name.
A `Row` turns it into each framework's call: its tensor names, which parameters go to the
constructor (a class API's `init_args`), and the rules below.

- Legacy `size_average`/`reduce`: MindSpore has no such parameters, so its call gets the
  reduction PyTorch resolves to (as the SoftMarginLoss spec does).
- A module row gives its constructor every parameter but those the loss declares call
  arguments (`Loss.call_args`: GaussianNLLLoss's `var`), which follow the tensors in the call.
- A parameter the MindSpore API does not declare (KL's `log_target`, the functional
  `weight` of torch 2.15's l1/mse) is passed to it under the same name all the same, so
  the recording shows what MindSpore does with it (a TypeError is the evidence).
- Case ids are <dtype>/<shape>/<reduction>/<what>, tags as parity_record.spec requires.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .floats import FORMATS, round_float
from .jsonout import Num
from .spec import (ABSENT, Case, Ref, reduction_segment, reduction_tag, rng_for, shape_class, shape_str,
                   torch_resolved_reduction)
from .tensors import TensorData, make

FLOATS = ("float16", "bfloat16", "float32", "float64")
REDUCTIONS = ("none", "mean", "sum")
LEGACY_NAMES = ("size_average", "reduce")
TENSOR_KEYS = {"weight": "w", "pos_weight": "pw", "input2": "x2", "var": "v", "positive": "pos"}


def num(v) -> Num:
    """A float argument as the fixture writes it (Python's repr, which reads back exactly)."""
    return Num(repr(float(v)))


def tensor(dtype, values, shape=None) -> TensorData:
    """A tensor from float64 values rounded once (RNE) to a float dtype, or integers/bools."""
    if dtype in FORMATS:
        return make(dtype, np.asarray(values, dtype=np.float64), shape, round_to_dtype=True)
    if dtype == "bool":
        return make("bool", np.asarray(values) != 0, shape)
    return make(dtype, np.asarray(values).astype(np.int64), shape)


@dataclass
class Param:
    """A scalar parameter: PyTorch's name and default, the values swept, and invalid ones."""
    name: str
    default: object
    sweep: list = field(default_factory=list)      # values other than the default (Num, bool)
    invalid: list = field(default_factory=list)    # (what, value) pairs the frameworks should refuse


@dataclass
class Loss:
    key: str                                  # the spec's name, for seeds ("smooth_l1")
    domain: object                            # (rng, shape) -> (x, y) float64 arrays
    elem: object                              # (x, y, extras: dict, params: dict) -> mpf, or None
    params: list = field(default_factory=list)
    extra_tensors: tuple = ()                 # ("weight",) or ("weight", "pos_weight")
    extra_reductions: tuple = ()              # ("batchmean",) for KL
    extra_domains: dict = field(default_factory=dict)   # what -> (rng, shape) -> (x, y): more random sets
    edge_sets: object = None                  # (dtype) -> [(what, x list, y list, topics)]
    doc_examples: list = field(default_factory=list)    # (what, {name: TensorData}, params, bare?)
    # values each tensor argument takes in edge cases; x/y also get inf/nan/huge/subnormal
    neutral_extra: float = 1.0                # the value an extra tensor takes when not under test
    # tensor arguments every call has besides input and target (margin ranking's input2): a case
    # that does not set one gets it with the input's shape and dtype (`Row.case`), and the extra
    # tensors' broadcast, dtype and edge cases sweep it as they sweep a weight
    required_tensors: tuple = ()
    # name -> (rng, shape) -> float64 values of an extra or required tensor (default uniform 0.25..2)
    tensor_values: dict = field(default_factory=dict)

    def values(self, name, rng, shape):
        make_values = self.tensor_values.get(name)
        return make_values(rng, shape) if make_values else rng.uniform(0.25, 2.0, shape)
    # parameters (tensor or not) a module takes in its call, after input and target, not in
    # its constructor: ("var",) for GaussianNLLLoss's forward(input, target, var)
    call_args: tuple = ()


@dataclass
class Row:
    """One row of MindSpore's mapping table: the two APIs and how each is called."""
    api: str
    loss: Loss
    pytorch: str                              # torch.nn.L1Loss / torch.nn.functional.l1_loss
    mindspore: str
    pt_tensors: tuple = ("input", "target")
    ms_tensors: tuple = ("logits", "labels")
    legacy: bool = True                       # PyTorch's API takes size_average/reduce
    pt_only_tensors: tuple = ()               # tensor parameters only PyTorch's API has (torch 2.15's l1/mse weight)
    # (tensors) -> a message when MindSpore's result for these inputs is known to be undefined
    # (its kernel reads memory it never wrote; its threads flush subnormals differently), or
    # None; such a value is recorded as UndefinedResult (see isolated.py)
    mindspore_undefined_result: object = None
    # MindSpore ops the API launches one after the other that all lack a CPU kernel for the
    # same dtypes: which one the error names varies between runs (see isolated.py)
    mindspore_raced_ops: tuple = ()

    # ---------------------------------------------------------------- the spec protocol
    @property
    def API(self):
        return self.api

    @property
    def FRAMEWORKS(self):
        return {"pytorch": {"api": self.pytorch, "package": "torch"},
                "mindspore": {"api": self.mindspore, "package": "mindspore"}}

    @staticmethod
    def _resolve(package, dotted):
        obj = package
        for part in dotted.split(".")[1:]:
            obj = getattr(obj, part)        # an AttributeError is recorded: the API is missing
        return obj

    def call_pytorch(self, torch, args, init=None):
        api = self._resolve(torch, self.pytorch)
        return api(**args) if init is None else api(**init)(**args)

    def call_mindspore(self, mindspore, args, init=None):
        api = self._resolve(mindspore, self.mindspore)
        return api(**args) if init is None else api(**init)(**args)

    @property
    def pt_module(self) -> bool:
        return ".functional." not in self.pytorch

    @property
    def ms_module(self) -> bool:
        return ".nn." in self.mindspore

    # ---------------------------------------------------------------- exact answers
    def exact(self, ctx):
        import mpmath
        meta = ctx.case.meta
        params = {p.name: p.default for p in self.loss.params}
        params.update({k: (float(v) if isinstance(v, Num) else v) for k, v in meta["params"].items()
                       if k not in LEGACY_NAMES and k != "reduction"})
        if any(isinstance(v, (Ref, str)) and k != "reduction" for k, v in params.items()):
            return None
        if any(TENSOR_KEYS.get(name) in ctx.tensors for name in self.pt_only_tensors):
            return None
        red = torch_resolved_reduction({k: v for k, v in meta["params"].items()
                                        if k in ("size_average", "reduce", "reduction")})
        out_shape = tuple(ctx.out_shape)
        full = np.broadcast_shapes(*[t.shape for t in ctx.tensors.values()])
        arrays = {k: np.broadcast_to(t.values, full).reshape(-1).tolist() for k, t in ctx.tensors.items()}
        n = int(np.prod(full)) if full else 1
        elems = []
        for i in range(n):
            extras = {name: _mp(arrays[key][i]) for name, key in TENSOR_KEYS.items() if key in arrays}
            v = self.loss.elem(_mp(arrays["x"][i]), _mp(arrays["y"][i]), extras, params)
            if v is None:
                return None
            elems.append(v)
        if red == "none":
            return elems if tuple(full) == out_shape else None
        if out_shape != ():
            return None
        if red == "sum":
            return [mpmath.fsum(elems)]
        if red == "mean":
            return [mpmath.fsum(elems) / n] if n else [mpmath.nan]
        if red == "batchmean":
            batch = full[0] if full else 1
            return [mpmath.fsum(elems) / batch] if batch else None
        return None

    # ---------------------------------------------------------------- building one case
    def case(self, what, tensors: dict, params: dict, topics, *, bare=(), part="") -> Case:
        tensors = self._with_required(what, tensors)
        x, y = tensors["x"], tensors["y"]
        dtypes = [x.dtype] + [t.dtype for k, t in tensors.items() if k != "x"]
        mixed = next((d for d in dtypes[1:] if d != x.dtype), None)
        dseg = x.dtype if mixed is None else f"{x.dtype}+{mixed}"
        shapes = [t.shape for t in tensors.values()]
        sseg = shape_str(x.shape) if all(s == x.shape for s in shapes) else \
            "+".join(shape_str(s) for s in shapes)
        red = params.get("reduction", ABSENT)
        cid = f"{dseg}/{sseg}/{reduction_segment(red)}/{what}"
        if all(s == x.shape for s in shapes):
            scls = shape_class(x.shape)
        else:
            try:
                np.broadcast_shapes(*shapes)
                scls = "broadcast"
            except ValueError:
                scls = "mismatch"
        tags = list(bare) + [f"dtype:{x.dtype}"] + ([f"dtype:{x.dtype}+{mixed}"] if mixed else [])
        tags += [f"shape:{scls}", reduction_tag(red)] + [f"topic:{t}" for t in topics]

        # the required tensors are call arguments (by name, in both frameworks), between input and target
        required = {TENSOR_KEYS[name]: name for name in self.loss.required_tensors}
        names = {"x": self.pt_tensors[0], **required, "y": self.pt_tensors[1]}
        ms_names = {"x": self.ms_tensors[0], **required, "y": self.ms_tensors[1]}
        pt_call, pt_init, ms_call, ms_init = {}, {}, {}, {}
        for key in names:
            pt_call[names[key]] = Ref(key)
            ms_call[ms_names[key]] = Ref(key)
        pt_extra = {name: Ref(key) for name, key in TENSOR_KEYS.items() if key in tensors and key not in required}
        pt_params = {**pt_extra, **params}
        legacy = any(params.get(n, None) is not None and params.get(n, ABSENT) is not ABSENT for n in LEGACY_NAMES)
        ms_params = {k: v for k, v in pt_params.items() if k not in LEGACY_NAMES}
        if legacy:
            ms_params["reduction"] = torch_resolved_reduction(
                {k: v for k, v in params.items() if k in ("size_average", "reduce", "reduction")})
        elif any(n in params for n in LEGACY_NAMES):
            pass    # legacy names given only as None: MindSpore gets the same reduction argument, if any
        for given, call, init_args, module in ((pt_params, pt_call, pt_init, self.pt_module),
                                               (ms_params, ms_call, ms_init, self.ms_module)):
            call.update({k: v for k, v in given.items() if k in self.loss.call_args or not module})
            init_args.update({k: v for k, v in given.items() if k not in self.loss.call_args and module})
        init = {}
        if self.pt_module:
            init["pytorch"] = pt_init
        if self.ms_module:
            init["mindspore"] = ms_init
        c = Case(cid, tags, dict(tensors), {"pytorch": pt_call, "mindspore": ms_call}, part, init)
        c.meta = {"params": params}
        return c

    def _with_required(self, what, tensors: dict) -> dict:
        """`tensors` plus each required tensor it lacks, random, with the input's shape and dtype."""
        x = tensors["x"]
        for name in self.loss.required_tensors:
            if TENSOR_KEYS[name] not in tensors:
                rng = rng_for(f"{self.loss.key}/{x.dtype}/{shape_str(x.shape)}/{what}/{name}")
                tensors = {**tensors, TENSOR_KEYS[name]: as_dtype(x.dtype, self.loss.values(name, rng, x.shape), x.shape)}
        return tensors

    # ---------------------------------------------------------------- the matrix
    def cases(self):
        yield from self.doc_cases()
        yield from self.default_cases()
        yield from self.random_cases()
        if self.legacy:
            yield from self.legacy_cases()
        yield from self.spelling_cases()
        yield from self.broadcast_cases()
        yield from self.mixed_cases()
        yield from self.integer_cases()
        yield from self.edge_cases()
        yield from self.parameter_cases()
        yield from self.pt_only_cases()
        yield from self.long_cases()

    def _pair(self, dtype, shape, key, domain=None, ydtype=None):
        rng = rng_for(f"{self.loss.key}/{key}")
        x, y = (domain or self.loss.domain)(rng, shape)
        return tensor(dtype, x, shape), tensor(ydtype or dtype, y, shape)

    def _extras(self, dtype, shape, key):
        """The loss's extra tensors (weight, pos_weight) of `shape`, positive random values."""
        out = {}
        for name in self.loss.extra_tensors:
            rng = rng_for(f"{self.loss.key}/{key}/{name}")
            out[TENSOR_KEYS[name]] = tensor(dtype, self.loss.values(name, rng, shape))
        return out

    def doc_cases(self):
        for what, tensors, params, in_tags in self.loss.doc_examples:
            yield self.case(what, tensors, params, ["doc-example"], bare=["doc-example"] if in_tags else ())

    def default_cases(self):
        for dt in FLOATS:
            x, y = self._pair(dt, (7,), f"{dt}/defaults")
            yield self.case("defaults", {"x": x, "y": y}, {}, ["defaults"])

    RANDOM_SHAPES = [(), (1,), (7,), (33,), (5, 8), (3, 4, 5), (2, 3, 4, 5), (4, 1, 3)]
    EMPTY_SHAPES = [(0,), (3, 0)]

    def _reductions(self):
        return REDUCTIONS + tuple(self.loss.extra_reductions)

    def random_cases(self):
        for dt in FLOATS:
            for shape in self.RANDOM_SHAPES:
                x, y = self._pair(dt, shape, f"{dt}/{shape_str(shape)}/random")
                for red in self._reductions():
                    yield self.case("random", {"x": x, "y": y}, {"reduction": red}, ["random"])
                if self.loss.extra_tensors and shape in ((7,), (3, 4, 5)):
                    ex = self._extras(dt, shape, f"{dt}/{shape_str(shape)}/weighted")
                    for red in REDUCTIONS:
                        yield self.case("random-weighted", {"x": x, "y": y, **ex}, {"reduction": red},
                                        ["random", "weight"])
            for what, domain in self.loss.extra_domains.items():
                for shape in ((7,), (5, 8)):
                    x, y = self._pair(dt, shape, f"{dt}/{shape_str(shape)}/{what}", domain)
                    for red in ("none", "sum"):
                        yield self.case(what, {"x": x, "y": y}, {"reduction": red}, ["random"])
            for shape in self.EMPTY_SHAPES:
                x, y = tensor(dt, np.zeros(shape)), tensor(dt, np.zeros(shape))
                for red in self._reductions():
                    yield self.case("empty", {"x": x, "y": y}, {"reduction": red}, ["random"])

    def legacy_cases(self):
        x, y = self._pair("float32", (2, 3), "float32/2x3/legacy")
        opts = [ABSENT, None, True, False]
        name = lambda v: "absent" if v is ABSENT else repr(v)
        for sa in opts:
            for rd in opts:
                params = {k: v for k, v in (("size_average", sa), ("reduce", rd)) if v is not ABSENT}
                yield self.case(f"legacy-size_average={name(sa)}-reduce={name(rd)}", {"x": x, "y": y}, params,
                                ["legacy-args"])
        for red, sa, rd in [("sum", ABSENT, False), ("none", True, ABSENT), ("mean", False, ABSENT),
                            ("sum", None, None), ("avg", ABSENT, True)]:
            params = {k: v for k, v in (("size_average", sa), ("reduce", rd)) if v is not ABSENT}
            params["reduction"] = red
            yield self.case(f"legacy-size_average={name(sa)}-reduce={name(rd)}", {"x": x, "y": y}, params,
                            ["legacy-args"])

    SPELLINGS = ["elementwise_mean", "avg", "MEAN", "", None, "Sum", "NONE", "batchmean", "BATCHMEAN"]

    def spelling_cases(self):
        x, y = self._pair("float32", (2, 3), "float32/2x3/reduction-spelling")
        for red in self.SPELLINGS:
            yield self.case("reduction-spelling", {"x": x, "y": y}, {"reduction": red}, ["reduction-spelling"])
        for dt in ("float16", "bfloat16", "float64"):
            xd, yd = self._pair(dt, (2, 3), f"{dt}/2x3/reduction-spelling")
            yield self.case("reduction-spelling", {"x": xd, "y": yd}, {"reduction": "elementwise_mean"},
                            ["reduction-spelling"])

    BROADCAST_PAIRS = [((2, 3), (3,), "target-broadcast"), ((5,), (), "target-scalar"),
                       ((2, 3), (1, 3), "target-size-1"), ((3,), (2, 3), "input-broadcast"),
                       ((), (4,), "input-scalar"), ((4, 1), (1, 5), "both-broadcast"),
                       ((2, 3), (4,), "not-broadcastable")]

    def broadcast_cases(self):
        for dt in ("float32", "float16"):
            for xs, ys, what in self.BROADCAST_PAIRS:
                rng = rng_for(f"{self.loss.key}/{dt}/{what}")
                xv, _ = self.loss.domain(rng, xs)
                _, yv = self.loss.domain(rng, ys)
                topics = ["broadcast"] if what != "not-broadcastable" else ["shape-mismatch"]
                for red in REDUCTIONS:
                    yield self.case(what, {"x": tensor(dt, xv, xs), "y": tensor(dt, yv, ys)}, {"reduction": red},
                                    topics)
        # each extra (and required) tensor broadcast to the input, from the input, and not at all
        for name in self._swept_tensors():
            key = TENSOR_KEYS[name]
            x, y = self._pair("float32", (4, 3), f"float32/4x3/{name}-broadcast")
            for ws, what in [((3,), f"{name}-broadcast"), ((1,), f"{name}-size-1"), ((), f"{name}-scalar"),
                             ((2, 4, 3), f"{name}-larger"), ((4,), f"{name}-not-broadcastable")]:
                rng = rng_for(f"{self.loss.key}/{what}")
                w = tensor("float32", self.loss.values(name, rng, ws), ws)
                others = {TENSOR_KEYS[o]: tensor("float32", np.full((4, 3), self.loss.neutral_extra))
                          for o in self.loss.extra_tensors if o != name}
                topics = self._weight_topic(name) + ["broadcast" if "not" not in what else "shape-mismatch"]
                for red in ("none", "mean"):
                    yield self.case(what, {"x": x, "y": y, **others, key: w}, {"reduction": red}, topics)

    def _swept_tensors(self):
        return tuple(self.loss.extra_tensors) + tuple(self.loss.required_tensors)

    def _weight_topic(self, name):
        return ["weight"] if name in self.loss.extra_tensors else []

    MIXED = [("float16", "float32"), ("float32", "float64"), ("float64", "float32"),
             ("bfloat16", "float32"), ("float32", "bfloat16"), ("float16", "bfloat16")]

    def mixed_cases(self):
        for xd, yd in self.MIXED:
            x, y = self._pair(xd, (2, 3), f"{xd}+{yd}/2x3/mixed-dtype", ydtype=yd)
            for red in REDUCTIONS:
                yield self.case("mixed-dtype", {"x": x, "y": y}, {"reduction": red}, ["mixed-dtype"])
        for name in self._swept_tensors():
            x, y = self._pair("float32", (2, 3), f"float32/2x3/{name}-dtype")
            for wd in ("float64", "float16"):
                w = tensor(wd, np.full((2, 3), 0.5))
                yield self.case(f"{name}-{wd}", {"x": x, "y": y, TENSOR_KEYS[name]: w}, {"reduction": "none"},
                                ["mixed-dtype"] + self._weight_topic(name))

    INTEGER = [("int32", "int32"), ("int64", "int64"), ("int64", "float32"), ("float32", "int64"),
               ("float32", "int32"), ("bool", "bool"), ("float32", "bool")]

    def integer_cases(self):
        for xd, yd in self.INTEGER:
            rng = rng_for(f"{self.loss.key}/{xd}+{yd}/integer-input")
            xv, yv = self.loss.domain(rng, (2, 3))
            x, y = as_dtype(xd, xv, (2, 3)), as_dtype(yd, yv, (2, 3))
            topics = ["integer-input"] + (["mixed-dtype"] if xd != yd else [])
            for red in ("none", "mean"):
                yield self.case("integer-input", {"x": x, "y": y}, {"reduction": red}, topics)

    def _edge_values(self, dt):
        f = FORMATS[dt]
        return [0.0, -0.0, f.min_subnormal, -f.min_subnormal, f.min_normal, 1e-7, 1e4, -1e4,
                f.max_finite, -f.max_finite, math.inf, -math.inf, math.nan]

    def edge_cases(self):
        for dt in FLOATS:
            edges = self._edge_values(dt)
            n = len(edges)
            rng = rng_for(f"{self.loss.key}/{dt}/edges")
            xv, yv = self.loss.domain(rng, (n,))
            for key, what in (("x", "edge-input"), ("y", "edge-target")):
                tensors = {"x": tensor(dt, edges if key == "x" else xv), "y": tensor(dt, edges if key == "y" else yv)}
                topic = "edge-input" if key == "x" else "edge-target"
                for red in REDUCTIONS:
                    yield self.case(what, tensors, {"reduction": red}, [topic, "overflow"])
            for name in self._swept_tensors():
                w = tensor(dt, edges)
                tensors = {"x": tensor(dt, xv), "y": tensor(dt, yv), TENSOR_KEYS[name]: w}
                for red in ("none", "sum"):
                    yield self.case(f"edge-{name}", tensors, {"reduction": red}, ["edge-input"] + self._weight_topic(name))
            if self.loss.edge_sets:
                for what, xs, ys, topics in self.loss.edge_sets(dt):
                    for red in ("none", "mean"):
                        yield self.case(what, {"x": tensor(dt, xs), "y": tensor(dt, ys)}, {"reduction": red}, topics)

    def parameter_cases(self):
        for p in self.loss.params:
            x, y = self._pair("float32", (9,), f"float32/9/param-{p.name}")
            for v in p.sweep:
                for red in ("none", "mean"):
                    yield self.case(f"{p.name}={_value_name(v)}", {"x": x, "y": y}, {"reduction": red, p.name: v},
                                    ["parameters"])
            if p.sweep:
                for dt in ("float16", "bfloat16", "float64"):
                    xd, yd = self._pair(dt, (9,), f"{dt}/9/param-{p.name}")
                    v = p.sweep[0]
                    yield self.case(f"{p.name}={_value_name(v)}", {"x": xd, "y": yd}, {"reduction": "none", p.name: v},
                                    ["parameters"])
            for what, v in p.invalid:
                yield self.case(f"{p.name}-{what}", {"x": x, "y": y}, {"reduction": "mean", p.name: v},
                                ["invalid-argument", "parameters"])
            # a tensor where a number belongs
            yield self.case(f"{p.name}-tensor", {"x": x, "y": y}, {"reduction": "mean", p.name: Ref("x")},
                            ["invalid-argument", "parameters"])

    def pt_only_cases(self):
        """A tensor parameter only PyTorch declares: as PyTorch uses it, and passed to MindSpore too."""
        for name in self.pt_only_tensors:
            x, y = self._pair("float32", (2, 3), f"float32/2x3/{name}")
            for ws, what in (((2, 3), name), ((3,), f"{name}-broadcast")):
                rng = rng_for(f"{self.loss.key}/{what}")
                w = tensor("float32", rng.uniform(0.25, 2.0, ws), ws)
                topics = ["weight", "parameters"] + (["shape-mismatch"] if ws != (2, 3) else [])
                for red in REDUCTIONS:
                    yield self.case(what, {"x": x, "y": y, TENSOR_KEYS[name]: w}, {"reduction": red}, topics)

    def long_cases(self):
        for dt, n, reds in (("float32", 65537, ("mean", "sum")), ("bfloat16", 65537, ("sum",))):
            x, y = self._pair(dt, (n,), f"{dt}/{n}/long")
            for red in reds:
                yield self.case("long", {"x": x, "y": y}, {"reduction": red}, ["long", "random"], part="long")


# Targets a +-1 loss (hinge embedding, margin ranking) also meets: both frameworks compute
# the formula for them, so they are part of the domain.
OTHER_SIGN_TARGETS = (0.0, 2.0, -0.5)


def sign_target_domain(rng, shape):
    """Inputs standard normal; targets +1 or -1, and one in six or so 0, 2 or -0.5."""
    x = rng.standard_normal(shape)
    y = rng.choice(np.array((1.0, -1.0) + OTHER_SIGN_TARGETS), size=shape, p=(0.42, 0.42, 0.06, 0.05, 0.05))
    return x, np.asarray(y, dtype=np.float64)


def reduced_exact(losses, meta, out_shape):
    """Exact per-row `losses` (a loss with a dimension of its own: a class sum, a distance)
    reduced as PyTorch resolves the case's reduction; None where the output shape disagrees."""
    red = torch_resolved_reduction({k: v for k, v in meta["params"].items()
                                    if k in ("size_average", "reduce", "reduction")})
    return exact_reduction(losses, red, out_shape, len(losses))


def exact_reduction(losses, red, out_shape, divisor):
    """Exact per-position `losses` as the resolved reduction `red` returns them: all of them for
    `none`, their sum, or the sum over `divisor` for `mean` (NaN over 0: a count of samples, or
    the weights of the targets not ignored); None where the recorded output's shape says the
    call did something else."""
    import mpmath
    if red == "none":
        return losses if len(losses) == int(np.prod(out_shape)) else None
    if tuple(out_shape) != ():
        return None
    if red == "sum":
        return [mpmath.fsum(losses)]
    if red == "mean":
        return [mpmath.fsum(losses) / divisor] if divisor != 0 else [mpmath.nan]
    return None


def as_dtype(dtype, values, shape) -> TensorData:
    """Float64 `values` as a tensor of `dtype`: rounded to an integer dtype, `> 0.5` for bool."""
    values = np.asarray(values, dtype=np.float64)
    if dtype in ("int32", "int64"):
        values = np.round(values)
    elif dtype == "bool":
        values = values > 0.5
    return tensor(dtype, values, shape)


def _value_name(v) -> str:
    if isinstance(v, Num):
        return str(v)
    return repr(v)






def _mp(v):
    import mpmath
    return mpmath.mpf(int(v)) if isinstance(v, (bool, int, np.integer, np.bool_)) else mpmath.mpf(float(v))
