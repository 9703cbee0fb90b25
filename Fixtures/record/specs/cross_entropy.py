"""Cross entropy: log_softmax of the scores along the class dimension, then the NLL loss of
class indices (`parity_record.class_index`'s matrix), or minus the probability-weighted sum
of the log-probabilities for class-probability targets (same shape as the input, float).
torch.nn.CrossEntropyLoss / cross_entropy against mindspore.nn.CrossEntropyLoss /
ops.cross_entropy.

Beyond the matrix: probability targets in (N, C), (C,) and (N, C, d1, d2), rows not summing
to 1, every float dtype; `label_smoothing` 0, 0.1 and 1.0 with and without `weight`, with
class indices (and ignored ones) and with probabilities, and out of [0, 1]; a weight of the
wrong length with probabilities. mindspore.nn.CrossEntropyLoss takes only int32 class
indices (and PyTorch only int64), so in these cases it gets the same indices as int32
(`ms_target`), as the diff page's example builds them; the matrix's cases give both the
same tensors.

The diff page's example: its printed inputs as float64 for PyTorch (torch.tensor of a float64
array) and float32 for MindSpore, targets int64 and int32.
"""
import mpmath
import numpy as np

from parity_record.class_index import ClassIndexLoss, ClassIndexRow, class_rows, classes, indices
from parity_record.pointwise import REDUCTIONS, exact_reduction, num, tensor
from parity_record.spec import rng_for, shape_str, torch_resolved_reduction


def log_sum_exp_shifted(scores):
    """(log(sum(exp(s - m))), m) with m the largest score: s - m is exact, so a huge score
    (-max_finite of float64) keeps log 2 where log(sum(exp(s))) - s would lose it in 256 bits."""
    m = max(scores)
    return mpmath.log(mpmath.fsum(mpmath.exp(s - m) for s in scores)), m


def sample(scores, target):
    lse, m = log_sum_exp_shifted(scores)
    return lse + (m - scores[target])


def _probabilities(rng, shape, *, normalised=True):
    """Targets of class probabilities: uniform, each sample's row summing to 1 or not."""
    p = rng.uniform(0.0, 1.0, shape)
    if normalised and len(shape):
        axis = 0 if len(shape) == 1 else 1
        p = p / p.sum(axis=axis, keepdims=True)
    return p


def extra_cases(row):
    """Probability targets and label smoothing (see the module's docstring)."""
    int32_for_ms = row.ms_module     # mindspore.nn.CrossEntropyLoss refuses int64 labels

    def case(what, tensors, params, topics):
        y = tensors["y"]
        ms_target = None
        if int32_for_ms and y.dtype == "int64":
            ms_target = indices("int32", np.asarray(y.values), tuple(y.shape))
        return row.case(what, tensors, params, topics, ms_target=ms_target)

    # class-probability targets
    for dt in ("float32", "float16", "float64", "bfloat16"):
        shapes = ((5, 4), (4,), (2, 3, 2, 2)) if dt == "float32" else ((5, 4),)
        for shape in shapes:
            rng = rng_for(f"cross_entropy/{dt}/{shape_str(shape)}/probabilities")
            x = tensor(dt, rng.standard_normal(shape), shape)
            y = tensor(dt, _probabilities(rng, shape), shape)
            for red in REDUCTIONS:
                yield case("probabilities", {"x": x, "y": y}, {"reduction": red}, ["labels"])
    rng = rng_for("cross_entropy/float32/5x4/probabilities-unnormalised")
    x = tensor("float32", rng.standard_normal((5, 4)), (5, 4))
    y_raw = tensor("float32", _probabilities(rng, (5, 4), normalised=False) * 2.0, (5, 4))
    w = tensor("float32", rng.uniform(0.25, 2.0, (4,)), (4,))
    for red in REDUCTIONS:
        yield case("probabilities-unnormalised", {"x": x, "y": y_raw}, {"reduction": red}, ["labels"])
        yield case("probabilities-weighted", {"x": x, "y": y_raw, "w": w}, {"reduction": red}, ["labels", "weight"])
    x4 = tensor("float32", rng.standard_normal((2, 3, 2, 2)), (2, 3, 2, 2))
    y4 = tensor("float32", _probabilities(rng, (2, 3, 2, 2)), (2, 3, 2, 2))
    w3 = tensor("float32", [0.5, 2.0, 1.25], (3,))
    for red in REDUCTIONS:
        yield case("probabilities-weighted", {"x": x4, "y": y4, "w": w3}, {"reduction": red}, ["labels", "weight"])
    for what, values in (("weight-too-long", [1.0] * 5), ("weight-too-short", [1.0] * 3)):
        yield case(f"probabilities-{what}", {"x": x, "y": y_raw, "w": tensor("float32", values, (len(values),))},
                   {"reduction": "mean"}, ["labels", "weight"])
    y64 = tensor("float64", np.asarray(y_raw.values, dtype=np.float64), (5, 4))
    yield case("probabilities-target-float64", {"x": x, "y": y64}, {"reduction": "mean"}, ["labels", "mixed-dtype"])
    y16 = tensor("float16", np.asarray(y_raw.values, dtype=np.float64), (5, 4))
    yield case("probabilities-target-float16", {"x": x, "y": y16}, {"reduction": "mean"}, ["labels", "mixed-dtype"])
    for ig in (1, -1):
        yield case(f"probabilities-ignore_index={ig}", {"x": x, "y": y_raw}, {"ignore_index": ig, "reduction": "mean"},
                   ["labels", "parameters"])
    for shape in ((0, 4), (0, 3, 2, 2)):
        e = tensor("float32", np.zeros(shape), shape)
        for red in REDUCTIONS:
            yield case("probabilities-empty", {"x": e, "y": e}, {"reduction": red}, ["labels"])
    # label smoothing, with class indices (weights, ignored targets, 4-d) and with probabilities
    for dt in ("float32", "float16"):
        data = row._data(dt, (6, 4), f"{dt}/6x4/label-smoothing", weight=True)
        y = indices("int64", [0, -100, 3, 1, 2, 1], (6,))
        for ls in (0.0, 0.1, 1.0) if dt == "float32" else (0.1,):
            for weighted in (False, True):
                tensors = {"x": data["x"], "y": y, **({"w": data["w"]} if weighted else {})}
                for red in REDUCTIONS:
                    yield case(f"label_smoothing={ls}" + ("-weighted" if weighted else ""), tensors,
                               {"label_smoothing": num(ls), "reduction": red}, ["parameters"])
    data4 = row._data("float32", (2, 3, 2, 2), "float32/2x3x2x2/label-smoothing", weight=True)
    y4i = indices("int64", [[[0, 1], [2, 1]], [[1, 1], [0, 2]]], (2, 2, 2))
    for red in REDUCTIONS:
        yield case("label_smoothing=0.1-ignore_index=1-weighted", {**data4, "y": y4i},
                   {"label_smoothing": num(0.1), "ignore_index": 1, "reduction": red}, ["parameters", "weight"])
    yall = indices("int64", [-100] * 6, (6,))
    data = row._data("float32", (6, 4), "float32/6x4/label-smoothing-all-ignored")
    for red in ("mean", "sum"):
        yield case("label_smoothing=0.1-all-ignored", {"x": data["x"], "y": yall},
                   {"label_smoothing": num(0.1), "reduction": red}, ["parameters", "labels"])
    rng = rng_for("cross_entropy/float32/5x4/label-smoothing-probabilities")
    x = tensor("float32", rng.standard_normal((5, 4)), (5, 4))
    yp = tensor("float32", _probabilities(rng, (5, 4)), (5, 4))
    w = tensor("float32", rng.uniform(0.25, 2.0, (4,)), (4,))
    for ls in (0.1, 1.0):
        for weighted in (False, True):
            tensors = {"x": x, "y": yp, **({"w": w} if weighted else {})}
            for red in REDUCTIONS:
                yield case(f"probabilities-label_smoothing={ls}" + ("-weighted" if weighted else ""), tensors,
                           {"label_smoothing": num(ls), "reduction": red}, ["parameters", "labels"])
    data = row._data("float32", (5, 4), "float32/5x4/label-smoothing-invalid")
    for what, value in (("-0.1", num(-0.1)), ("1.5", num(1.5)), ("int-1", 1), ("string", "0.1")):
        yield case(f"label_smoothing={what}", data, {"label_smoothing": value, "reduction": "mean"},
                   ["parameters", "invalid-argument"])
        yield case(f"probabilities-label_smoothing={what}", {"x": x, "y": yp}, {"label_smoothing": value, "reduction": "mean"},
                   ["parameters", "invalid-argument", "labels"])
    # wide rows: log_softmax's vectorized max and sum over 37 classes
    for dt in ("float32", "float64", "float16"):
        rng = rng_for(f"cross_entropy/{dt}/7x37/wide")
        x = tensor(dt, 4.0 * rng.standard_normal((7, 37)), (7, 37))
        y = indices("int64", rng.integers(0, 37, (7,)), (7,))
        for red in ("none", "sum"):
            yield case("wide-classes", {"x": x, "y": y}, {"reduction": red}, ["random"])
    x = tensor("float32", 4.0 * rng.standard_normal((2, 37, 3)), (2, 37, 3))
    y = indices("int64", rng.integers(0, 37, (2, 3)), (2, 3))
    yield case("wide-classes", {"x": x, "y": y}, {"reduction": "none"}, ["random"])


LOSS = ClassIndexLoss(key="cross_entropy", sample=sample, extra_cases=extra_cases, long_shape=(4097, 3))


class CrossEntropyRow(ClassIndexRow):
    """A class-index row whose exact answer also covers probability targets and label smoothing."""

    def mindspore_worker_setup(self, mindspore):
        """The class-index warm-up, then the same on one-sample calls of the ops only these
        rows launch (int64 targets, weights of another dtype, label smoothing, probability
        targets), also with two classes (class reductions of two elements). Even so, a few float32
        calls of ops.cross_entropy gave two results in the main and the second worker (recorded
        as UndefinedResult; which ones varied between recordings made under load)."""
        super().mindspore_worker_setup(mindspore)
        import numpy as np
        for dtype, classes in ((np.float32, 1), (np.float16, 1), (np.float64, 1), (np.float32, 2)):
            one = mindspore.Tensor(np.ones((1, classes), dtype))
            targets = (mindspore.Tensor(np.zeros(1, np.int64)), mindspore.Tensor(np.zeros(1, np.int32)), one)
            weights = [None] + [mindspore.Tensor(np.ones(classes, w)) for w in (np.float32, np.float16)]
            for target in targets:
                for weight in weights:
                    for given in ({"reduction": "none"}, {"reduction": "mean", "label_smoothing": 0.1},
                                  {"reduction": "sum", "label_smoothing": 1.0}):
                        given = {**given, **({"weight": weight} if weight is not None else {})}
                        args = {self.ms_tensors[0]: one, self.ms_tensors[1]: target}
                        init = given if self.ms_module else None
                        for _ in range(20):
                            try:
                                self.call_mindspore(mindspore, args if init else {**args, **given}, init).asnumpy()
                            except (TypeError, ValueError, RuntimeError):
                                break

    def exact(self, ctx):
        params = ctx.case.meta["params"]
        ls = params.get("label_smoothing", 0.0)
        ls = float(ls) if not isinstance(ls, (str, bool)) and ls is not None else None
        y = ctx.tensors["y"]
        if ls == 0.0 and y.dtype in ("int64", "int32"):
            return super().exact(ctx)
        if ls is None or not 0.0 <= ls <= 1.0 or "y_ms" in ctx.tensors or "x_ms" in ctx.tensors:
            return None
        red = torch_resolved_reduction({k: v for k, v in params.items() if k in ("reduction",)})
        x, w = ctx.tensors["x"], ctx.tensors.get("w")
        xs = tuple(x.shape)
        if len(xs) == 0:
            return None
        c = classes(xs)
        rows = class_rows(x)
        weights = [mpmath.mpf(float(v)) for v in np.asarray(w.values).reshape(-1)] if w is not None else [mpmath.mpf(1)] * c
        if w is not None and len(weights) != c:
            return None
        probs = y.dtype not in ("int64", "int32")
        if probs:
            if tuple(y.shape) != xs:
                return None
            targets = class_rows(y)
        else:
            targets = np.asarray(y.values).reshape(-1).tolist()
        ignore = params.get("ignore_index", -100)
        elems, total = [], []
        for k, row in enumerate(rows):
            scores = [mpmath.mpf(float(v)) for v in row]
            lse, m = log_sum_exp_shifted(scores)
            logp = [(s - m) - lse for s in scores]
            smooth = -mpmath.fsum(weights[j] * logp[j] for j in range(c))
            if probs:
                p = [mpmath.mpf(float(v)) * (1 - ls) + mpmath.mpf(ls) / c for v in targets[k]]
                elems.append(-mpmath.fsum(weights[j] * logp[j] * p[j] for j in range(c)))
                continue
            t = targets[k]
            if t == ignore:
                elems.append(mpmath.mpf(0))
                continue
            if not 0 <= t < c:
                return None
            elems.append((1 - mpmath.mpf(ls)) * weights[t] * -logp[t] + mpmath.mpf(ls) / c * smooth)
            total.append(weights[t])
        return exact_reduction(elems, red, ctx.out_shape, len(elems) if probs else mpmath.fsum(total))


_DOC_X = [[1.624, -0.611, -0.528, -1.072, 0.865], [-2.301, 1.744, -0.761, 0.319, -0.249],
          [1.462, -2.060, -0.322, -0.384, 1.133]]
DOC = [("doc-example", {"x": tensor("float64", _DOC_X, (3, 5)), "y": indices("int64", [1, 0, 4], (3,))}, {},
        indices("int32", [1, 0, 4], (3,)), tensor("float32", _DOC_X, (3, 5)))]

SPECS = [
    CrossEntropyRow("nn.CrossEntropyLoss", LOSS, "torch.nn.CrossEntropyLoss", "mindspore.nn.CrossEntropyLoss",
                    ms_tensors=("logits", "labels"), doc_examples=DOC),
    CrossEntropyRow("nn.functional.cross_entropy", LOSS, "torch.nn.functional.cross_entropy", "mindspore.ops.cross_entropy",
                    ms_tensors=("input", "target")),
]
