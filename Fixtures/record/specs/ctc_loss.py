"""Connectionist temporal classification: -log of the summed probability of every alignment of
a target to the input, by the alpha recursion over the blank-extended target.
torch.nn.CTCLoss / ctc_loss against mindspore.nn.CTCLoss / ops.ctc_loss.

`mindspore.ops.ctc_loss` returns a tuple (neg_log_likelihood, log_alpha): recorded as the
contract's `value` and `more_values`. Log-probabilities are the log_softmax (in float64, then
rounded once) of seeded standard normals over the class dimension.

The cases: random batches in float32/float64 and every reduction (and the default), the blank
at 0, at the last class and in the middle, `zero_infinity` on impossible alignments (a target
longer than its input; repeats whose separating blanks do not fit), int32/int64/mixed lengths
and targets, concatenated 1-d targets, float16/bfloat16, an unbatched (T, C) input (lengths of
shape (1,) and 0-d), a target of length 0, an empty batch, invalid arguments, MindSpore's
docstring examples, and one wider batch per reduction. Lengths given as Python tuples cannot be
written in version 1 of the fixture format (an argument is a scalar or a tensor), so they are
not recorded.
"""
import numpy as np

from parity_record.pointwise import Row, tensor
from parity_record.spec import ABSENT, Case, Ref, reduction_segment, reduction_tag, rng_for, shape_str

KEY = "ctc_loss"


def log_probs(dtype, shape, what):
    """log_softmax over the last dimension of seeded standard normals, rounded once to dtype."""
    x = rng_for(f"{KEY}/{what}").standard_normal(shape)
    m = x.max(axis=-1, keepdims=True) if x.size else 0.0
    lp = x - m - np.log(np.exp(x - m).sum(axis=-1, keepdims=True)) if x.size else x
    return tensor(dtype, lp, shape)


def ints(dtype, values, shape=None):
    values = np.asarray(values, dtype=np.int64)
    return tensor(dtype, values, values.shape if shape is None else shape)


def random_targets(what, n, s, c, blank, lengths):
    """(N, S) targets in [0, C) without the blank, padded after each length with filler 1s
    (never read)."""
    rng = rng_for(f"{KEY}/{what}/targets")
    classes = np.array([k for k in range(c) if k != blank])
    out = np.full((n, s), classes[0], dtype=np.int64)
    for i, length in enumerate(lengths):
        out[i, :length] = rng.choice(classes, size=length)
    return out


class CTCRow:
    """One table row: the module (`init_args` blank/reduction/zero_infinity) or the functional."""

    def __init__(self, api, pytorch, mindspore):
        self.API = api
        self.FRAMEWORKS = {"pytorch": {"api": pytorch, "package": "torch"},
                           "mindspore": {"api": mindspore, "package": "mindspore"}}
        self.pytorch, self.mindspore = pytorch, mindspore
        self.module = ".functional." not in pytorch

    # The calls as every loss row makes them: the module built with `init`, then called.
    _resolve = staticmethod(Row._resolve)
    call_pytorch = Row.call_pytorch
    call_mindspore = Row.call_mindspore

    # ------------------------------------------------------------ exact answers
    def exact(self, ctx):
        """The forward recursion in probabilities at the working precision (no log-sum-exp to
        round), then -log, PyTorch's zero_infinity and reduction. None when a sample has no
        alignment and zero_infinity is off (PyTorch's inf needs no exact answer)."""
        import mpmath
        args = {**ctx.case.init.get("pytorch", {}), **ctx.pytorch_args}
        blank = args.get("blank", 0)
        reduction = args.get("reduction", "mean")
        lp = ctx.tensors["lp"].values
        if lp.ndim == 2:
            lp = lp[:, None, :]
        il = [int(v) for v in ctx.tensors["il"].values.reshape(-1)]
        tl = [int(v) for v in ctx.tensors["tl"].values.reshape(-1)]
        tg = ctx.tensors["tg"].values
        if tg.ndim == 1:
            starts = np.concatenate([[0], np.cumsum(tl)[:-1]]).astype(int)
            labels = [list(tg[starts[b]:starts[b] + tl[b]]) for b in range(len(tl))]
        else:
            labels = [list(tg[b, :tl[b]]) for b in range(len(tl))]
        losses = []
        for b, target in enumerate(labels):
            ext = [blank]
            for label in target:
                ext += [int(label), blank]
            if il[b] == 0:
                # no frames: the empty target has probability 1, any other 0
                if target and not args.get("zero_infinity", False):
                    return None
                losses.append(mpmath.mpf(0))
                continue
            p = [[mpmath.exp(mpmath.mpf(float(v))) for v in lp[t, b]] for t in range(il[b])]
            alpha = [mpmath.mpf(0)] * len(ext)
            alpha[0] = p[0][ext[0]]
            if len(ext) > 1:
                alpha[1] = p[0][ext[1]]
            for t in range(1, il[b]):
                alpha = [(alpha[s] + (alpha[s - 1] if s > 0 else 0)
                          + (alpha[s - 2] if s > 1 and ext[s - 2] != ext[s] else 0)) * p[t][ext[s]]
                         for s in range(len(ext))]
            likelihood = alpha[-1] + (alpha[-2] if len(ext) > 1 else 0)
            if likelihood == 0:
                if not args.get("zero_infinity", False):
                    return None
                losses.append(mpmath.mpf(0))
            else:
                losses.append(-mpmath.log(likelihood))
        if reduction == "sum":
            return [mpmath.fsum(losses)]
        if reduction == "mean":
            return [mpmath.fsum(loss / max(n, 1) for loss, n in zip(losses, tl)) / len(losses)]
        return losses

    # ------------------------------------------------------------ the MindSpore worker
    def mindspore_runtime_settings(self, mindspore):
        """Synchronous ops (`launch_blocking`): a kernel's launch error is then raised by the
        call that launched it."""
        mindspore.runtime.launch_blocking()

    # ------------------------------------------------------------ cases
    def case(self, what, tensors, params, tags, dtype=None, shape_class="3d"):
        lp = tensors["lp"]
        int_dtypes = [tensors[k].dtype for k in ("tg", "il", "tl") if k in tensors]
        dseg = lp.dtype if dtype is None else dtype
        red = params.get("reduction", ABSENT)
        cid = f"{dseg}/{shape_str(lp.shape)}/{reduction_segment(red)}/{what}"
        tag_list = [f"dtype:{lp.dtype}"] + ([f"dtype:{dseg}"] if "+" in dseg else []) \
            + [f"shape:{shape_class}", reduction_tag(red)] + tags
        if len(set(int_dtypes)) == 1:
            tag_list.append(f"targets:{int_dtypes[0]}")
        pt_call = {k: Ref(v) for k, v in (("log_probs", "lp"), ("targets", "tg"),
                                          ("input_lengths", "il"), ("target_lengths", "tl"))}
        calls = {"pytorch": dict(pt_call), "mindspore": dict(pt_call)}
        init = {}
        plain = {k: v for k, v in params.items() if v is not ABSENT}
        if self.module:
            init = {"pytorch": dict(plain), "mindspore": dict(plain)}
        else:
            for call in calls.values():
                call.update(plain)
        return Case(cid, tag_list, dict(tensors), calls, "", init)

    def cases(self):
        T, N, C, S = 6, 3, 5, 3
        il, tl = [6, 5, 4], [3, 2, 1]

        def batch(what, dtype="float32", blank=0, t=T, n=N, c=C, s=S, ilv=il, tlv=tl, idt="int64"):
            return {"lp": log_probs(dtype, (t, n, c), what),
                    "tg": ints(idt, random_targets(what, n, s, c, blank, tlv)),
                    "il": ints(idt, ilv), "tl": ints(idt, tlv)}

        # random batches: float32/float64, every reduction and the default
        for dtype in ("float32", "float64"):
            for red in ("none", "mean", "sum", ABSENT):
                params = {} if red is ABSENT else {"reduction": red}
                yield self.case("random", batch(f"random/{dtype}", dtype), params,
                                ["topic:random"] if red is not ABSENT else ["topic:random", "topic:defaults"])
        # one wider batch per reduction
        wl, wt = [40, 37, 33, 25], [12, 9, 10, 1]
        for red in ("none", "mean", "sum"):
            yield self.case("wide", batch("wide", "float32", t=40, n=4, c=20, s=12, ilv=wl, tlv=wt),
                            {"reduction": red}, ["topic:random"])
        # the blank: first, last and middle class
        for blank, name in ((0, "blank-first"), (C - 1, "blank-last"), (2, "blank-middle")):
            for red in ("none", "mean"):
                yield self.case(name, batch(name, blank=blank), {"blank": blank, "reduction": red},
                                ["topic:parameters"])
        # a target holding the blank's index (both read it as a class)
        tensors = batch("blank-in-target")
        tensors["tg"] = ints("int64", [[0, 2, 2], [1, 0, 3], [4, 0, 0]])
        yield self.case("blank-in-target", tensors, {"reduction": "none"}, ["topic:edge-target"])
        # impossible alignments, zero_infinity false/true
        impossible = {
            # target longer than its input
            "target-longer": ({"il": [6, 2, 4], "tl": [3, 3, 1]}, [[1, 2, 3], [1, 2, 3], [4, 1, 1]]),
            # repeats need separating blanks: 2,2,2 needs 5 frames, has 4
            "repeats-unfit": ({"il": [6, 4, 4], "tl": [3, 3, 2]}, [[1, 2, 3], [2, 2, 2], [3, 3, 1]]),
        }
        for name, (lens, targets) in impossible.items():
            for zi in (False, True):
                for red in ("none", "mean", "sum"):
                    tensors = batch(name)
                    tensors.update(tg=ints("int64", targets), il=ints("int64", lens["il"]),
                                   tl=ints("int64", lens["tl"]))
                    yield self.case(f"{name}-zero_infinity={zi}", tensors,
                                    {"reduction": red, "zero_infinity": zi}, ["topic:edge-target"])
        # integer dtypes of targets and lengths
        for idt in ("int32", "int64"):
            yield self.case(f"targets-{idt}", batch("ints", idt=idt), {"reduction": "none"},
                            ["topic:integer-input"], dtype=f"float32+{idt}")
        mixed = batch("ints")
        mixed["tg"] = ints("int32", mixed["tg"].values)
        yield self.case("targets-int32-lengths-int64", mixed, {"reduction": "none"},
                        ["topic:mixed-dtype"], dtype="float32+int32")
        floats = batch("ints")
        floats["il"] = tensor("float32", floats["il"].values, (N,))
        yield self.case("input-lengths-float32", floats, {"reduction": "none"},
                        ["topic:mixed-dtype"], dtype="float32")
        # concatenated 1-d targets
        flat = batch("concatenated")
        tg = flat["tg"].values
        flat["tg"] = ints("int64", np.concatenate([tg[i, :tl[i]] for i in range(N)]))
        for red in ("none", "mean"):
            yield self.case("targets-concatenated", flat, {"reduction": red}, ["topic:shape-mismatch"])
        # half precision
        for dtype in ("float16", "bfloat16"):
            yield self.case("random", batch(f"random/{dtype}", dtype), {"reduction": "mean"}, ["topic:random"])
        # unbatched (T, C): lengths of shape (1,) and 0-d
        for red in ("none", "mean", "sum"):
            yield self.case("unbatched", {"lp": log_probs("float32", (T, C), "unbatched"),
                                          "tg": ints("int64", [3, 1, 3]), "il": ints("int64", [6]),
                                          "tl": ints("int64", [3])}, {"reduction": red},
                            ["topic:random"], shape_class="matrix")
        yield self.case("unbatched-0d-lengths", {"lp": log_probs("float32", (T, C), "unbatched"),
                                                 "tg": ints("int64", [3, 1, 3]), "il": ints("int64", 6, ()),
                                                 "tl": ints("int64", 3, ())}, {"reduction": "none"},
                        ["topic:random"], shape_class="matrix")
        # a target of length 0 (padded targets)
        for red in ("none", "mean", "sum"):
            yield self.case("target-length-0", batch("target-length-0", tlv=[0, 2, 0]), {"reduction": red},
                            ["topic:edge-target"])
        # log-probabilities of -inf (a class never seen; the third sample's only label) and nan
        edge = batch("edge-input")
        values = edge["lp"].values.copy()
        values[:, 0, 3] = -np.inf
        values[:, 2, edge["tg"].values[2, 0]] = -np.inf
        for red in ("none", "mean"):
            yield self.case("log-probs-neg-inf", {**edge, "lp": tensor("float32", values, values.shape)},
                            {"reduction": red}, ["topic:edge-input"])
        values = edge["lp"].values.copy()
        values[2, 1, 0] = np.nan
        yield self.case("log-probs-nan", {**edge, "lp": tensor("float32", values, values.shape)},
                        {"reduction": "none"}, ["topic:edge-input"])
        # an input of length 0: PyTorch's likelihood is 1 for an empty target (loss -0.0), else 0
        for name, ilv, tlv in (("input-length-0", [6, 0, 4], [3, 0, 1]),
                               ("input-length-0-target-1", [6, 0, 4], [3, 1, 1]),
                               ("input-length-0-first", [0, 5, 4], [0, 2, 1])):
            yield self.case(name, batch(name, ilv=ilv, tlv=tlv), {"reduction": "none"}, ["topic:edge-target"])
        # an empty batch
        yield self.case("empty-batch", {"lp": log_probs("float32", (T, 0, C), "empty"),
                                        "tg": ints("int64", np.zeros((0, S)), (0, S)),
                                        "il": ints("int64", np.zeros(0), (0,)), "tl": ints("int64", np.zeros(0), (0,))},
                        {"reduction": "none"}, ["topic:edge-input"], shape_class="empty")
        # invalid arguments
        yield self.case("blank=C", batch("invalid"), {"blank": C, "reduction": "none"}, ["topic:invalid-argument"])
        yield self.case("blank=-1", batch("invalid"), {"blank": -1, "reduction": "none"}, ["topic:invalid-argument"])
        yield self.case("input-length-above-T", batch("invalid", ilv=[7, 5, 4]), {"reduction": "none"},
                        ["topic:invalid-argument"])
        yield self.case("reduction=avg", batch("invalid"), {"reduction": "avg"}, ["topic:reduction-spelling"])
        short = batch("invalid")
        short["tl"] = ints("int64", [3, 2])
        yield self.case("target-lengths-short", short, {"reduction": "none"}, ["topic:shape-mismatch"],
                        shape_class="mismatch")
        # MindSpore's docstring example of ops.ctc_loss (log_probs not normalised; target 0 is the blank)
        yield self.case("doc-example-mindspore", {
            "lp": tensor("float32", [[[0.3, 0.6, 0.6]], [[0.9, 0.4, 0.2]]], (2, 1, 3)),
            "tg": ints("int32", [[0, 1]]), "il": ints("int32", [2]), "tl": ints("int32", [1])},
            {"blank": 0, "reduction": "mean", "zero_infinity": True}, ["topic:doc-example", "doc-example"],
            dtype="float32+int32")

        # mindspore.nn.CTCLoss's docstring examples: arange "log-probabilities", T=5, C=2, targets
        # of ones (its randint(1, C) with C=2), target lengths 2; it prints [-45.79497 -55.794968]
        # and -25.794968
        yield self.case("doc-example-mindspore-cell", {
            "lp": tensor("float32", np.arange(20.0).reshape(5, 2, 2), (5, 2, 2)),
            "tg": ints("int32", np.ones((2, 3))), "il": ints("int32", [5, 5]), "tl": ints("int32", [2, 2])},
            {"blank": 0, "reduction": "none", "zero_infinity": False}, ["topic:doc-example", "doc-example"],
            dtype="float32+int32")
        yield self.case("doc-example-mindspore-cell-unbatched", {
            "lp": tensor("float32", np.arange(10.0).reshape(5, 2), (5, 2)),
            "tg": ints("int32", np.ones(2)), "il": ints("int32", [5]), "tl": ints("int32", [2])},
            {"blank": 0, "reduction": "none", "zero_infinity": False}, ["topic:doc-example", "doc-example"],
            dtype="float32+int32", shape_class="matrix")


SPECS = [
    CTCRow("nn.CTCLoss", "torch.nn.CTCLoss", "mindspore.nn.CTCLoss"),
    CTCRow("nn.functional.ctc_loss", "torch.nn.functional.ctc_loss", "mindspore.ops.ctc_loss"),
]
