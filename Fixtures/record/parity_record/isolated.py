"""MindSpore calls in a worker process, so that a call that kills its process is recorded.

mindspore 2.10's CPU kernels sometimes throw a C++ exception on a thread where nothing
catches it (BinaryCrossEntropy on an input outside [0, 1]): `std::terminate` aborts the
process. In-process, that would end the recording; here the worker dies, the call's outcome
is recorded as what happened (an error whose type names the signal, whose message is the
`what()` line the runtime printed), and a new worker serves the next call.

The worker imports the frameworks once, with the recorder's settings, and runs each call
exactly as the recorder would in-process: seed, drain, convert, call, materialise.
"""
from __future__ import annotations

import multiprocessing
import os
import re
import signal
import sys
import tempfile

_CTX = multiprocessing.get_context("spawn")


class CallFailure:
    """An exception as the framework raised it, or the signal that ended the worker."""

    def __init__(self, type_name: str, message: str):
        self.type_name = type_name
        self.message = message


def _load_spec(module_name, api):
    import importlib
    mod = importlib.import_module(module_name)
    return next(s for s in getattr(mod, "SPECS", [mod]) if s.API == api)


def _serve(conn, path, stderr_path, own=None):
    sys.path[:0] = [p for p in path if p not in sys.path]
    fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 2)                           # the runtime's last words land in the file
    from parity_record import runner
    from parity_record.errors import first_line
    from parity_record.tensors import from_mindspore, to_mindspore
    fw = runner.setup_frameworks()
    ms = fw["mindspore"]
    specs = {}
    if own is not None:
        # A spec's own worker (`workers_for`): its runtime settings before any op, its
        # set-up after the warm-up and before its first call.
        specs[own] = spec = _load_spec(*own)
        getattr(spec, "mindspore_runtime_settings", lambda ms: None)(ms)
        _warm_up(ms)
        getattr(spec, "mindspore_worker_setup", lambda ms: None)(ms)
    else:
        _warm_up(ms)
    conn.send("ready")
    while True:
        request = conn.recv()
        if request is None:
            return
        module_name, api, args, init, tensors, seed, probe = request
        spec = specs.get((module_name, api))
        if spec is None:
            spec = specs[(module_name, api)] = _load_spec(module_name, api)
        outcomes = []
        for attempt in range(3 if probe else 1):
            ms.set_seed(seed % (2**31))
            runner._ms_drain(ms, "before")
            mt = {n: to_mindspore(t) for n, t in tensors.items()}
            runner._ms_drain(ms, "before")
            if attempt:
                # Last before the call: the drain itself leaves zeros in the blocks it used.
                _poison_pool(ms, PATTERNS[attempt - 1], like=outcomes[0][0])
            if init is None:
                fn = lambda: spec.call_mindspore(ms, runner._substitute(args, mt))
            else:
                fn = lambda: spec.call_mindspore(ms, runner._substitute(args, mt), runner._substitute(init, mt))
            value, err, msgs = runner._run(fn, from_mindspore)
            runner._ms_drain(ms, "after")
            failure = None if err is None else CallFailure(type(err).__name__, _mask_op_counter(first_line(err)))
            outcomes.append((value, failure, msgs))
        value, failure, msgs = outcomes[0]
        if not all(_same(outcomes[0], other) for other in outcomes[1:]):
            value, failure = None, UNDEFINED
        conn.send((value, failure, msgs, dict(runner.LEAKED)))


def _warm_up(ms):
    """mindspore 2.10 with numpy 2 raises SystemError ("<built-in method pyboost_greater ...>
    returned a result with an exception set": an ImportError of a module built for NumPy 1.x
    left pending) from the first comparison of a tensor with a Python number in a process, and
    never again. Which recorded call would be a worker's first comparison depends on what the
    worker ran before (a fresh probing worker's first call took it and was recorded as an
    undefined result), so every worker makes that first comparison before any recorded call."""
    import numpy as np
    try:
        (ms.Tensor(np.zeros(1, np.float32)) > 0).asnumpy()
    except SystemError:
        pass


# Two causes were seen: a kernel reading memory it never wrote (CTC's input length 0), and a
# kernel whose CPU thread split changes over its first launches in a process (ops.cross_entropy's
# Log: in a fresh process the 6th identical call came out 1 ULP from the first five).
UNDEFINED = CallFailure(
    "UndefinedResult",
    "identical calls returned different results (free memory overwritten between them, later launches in "
    "the same process, or another process): the result depends on memory the call did not write or on "
    "the kernel's launch history")


def needs_probe(tensors) -> bool:
    """Inputs where a kernel may read memory it never wrote: tensors of different sizes (a
    smaller weight read as if it were the input's size). Empty inputs are settled without a
    probe (`ProbingWorkers.call`)."""
    sizes = {t.numel for t in tensors.values()}
    return len(sizes) > 1


PATTERNS = (1234.5, -98.25)


def _poison_pool(ms, pattern, like=None):
    """Fill memory the pool hands out next with `pattern`, in blocks of every size from a
    million elements down to one, then give it back: a kernel that returns memory it never wrote (an
    empty reduction's output) or reads past an input (a weight smaller than its input) then
    sees the pattern instead of what it saw before."""
    import numpy as np
    # Largest first, so the smallest blocks (a 0-d output's) are the last freed and the
    # first handed out again.
    for exponent in range(20, -1, -2):
        for dtype in (np.float64, np.float32, np.float16):
            block = ms.Tensor(np.full(1 << exponent, pattern, dtype))
            (block * 1).asnumpy()
            del block
    # Then blocks of the first call's result shape in every float dtype: the sizes the call's
    # output, and the intermediate results a composed loss casts through, take from the pool.
    if like is not None:
        for dtype in (np.float64, np.float32, np.float16):
            block = ms.Tensor(np.full(like.shape, pattern, dtype))
            (block * 1).asnumpy()
            del block


def _same(a, b) -> bool:
    """Two outcomes bit for bit (NaNs of any payload alike), warnings aside."""
    import numpy as np
    (va, fa, _), (vb, fb, _) = a, b
    if (fa is None) != (fb is None):
        return False
    if fa is not None:
        return (fa.type_name, fa.message) == (fb.type_name, fb.message)
    if isinstance(va, tuple) or isinstance(vb, tuple):
        return isinstance(va, tuple) and isinstance(vb, tuple) and len(va) == len(vb) and \
            all(_same((x, None, ()), (y, None, ())) for x, y in zip(va, vb))
    if va.dtype != vb.dtype or va.shape != vb.shape:
        return False
    x, y = np.array(va.values), np.array(vb.values)
    if x.dtype.kind == "f":
        nan_x, nan_y = np.isnan(x), np.isnan(y)
        if not np.array_equal(nan_x, nan_y):
            return False
        x[nan_x] = 0
        y[nan_y] = 0
    return x.tobytes() == y.tobytes()


class MindSporeWorker:
    def __init__(self, own=None):
        self.own = own              # (module, api) of the spec whose own worker this is
        self.proc = None
        self.leaked: dict = {}

    def _start(self):
        fd, self.stderr_path = tempfile.mkstemp(prefix="parity-mindspore-", suffix=".log")
        os.close(fd)
        self.conn, child = _CTX.Pipe()
        self.proc = _CTX.Process(target=_serve, args=(child, list(sys.path), self.stderr_path, self.own),
                                 daemon=True)
        self.proc.start()
        child.close()
        if self.conn.recv() != "ready":
            raise SystemExit("FATAL: the MindSpore worker did not start")

    def call(self, spec, args, init, tensors, seed, probe=False):
        """(value, CallFailure or None, warnings) of one MindSpore call. A worker that gave up
        draining stale asynchronous errors (SystemExit, status 1) is replaced and the call made
        again in the fresh one; a worker the call itself killed (a signal) is the call's outcome.

        When two kernel threads throw at once, the runtime may print only "terminate called
        recursively" and not the exception: such a call is made again in a fresh worker (up to
        three times) so that the recorded message is the exception's whenever it can be."""
        killed = None
        for _attempt in range(4):
            if self.proc is None or not self.proc.is_alive():
                self._start()
            self.conn.send((spec._parity_module, spec.API, args, init, tensors, seed, probe))
            try:
                value, failure, msgs, leaked = self.conn.recv()
                self.leaked = leaked
                return value, failure, msgs
            except EOFError:
                self.proc.join()
                code = self.proc.exitcode
                self.proc = None
                words = self._last_words()
                if code == 1 and "keeps raising at a sync point" in words:
                    continue
                if code is None or code >= 0:
                    # The worker exited by itself: the recorder failed, not the framework.
                    raise SystemExit(f"FATAL: the MindSpore worker exited with status {code}: {words}")
                killed = CallFailure(f"process killed by {signal.Signals(-code).name}", words)
                if words != "terminate called recursively":
                    return None, killed, []
        if killed is not None:
            return None, killed, []
        raise SystemExit("FATAL: MindSpore keeps raising stale errors in fresh workers")

    def _last_words(self) -> str:
        """The `what():` line the C++ runtime printed before aborting, else the last line."""
        try:
            with open(self.stderr_path, errors="replace") as fh:
                lines = [line.strip() for line in fh if line.strip()]
        except OSError:
            return ""
        what = [line for line in lines if line.startswith("what():")]
        if what:
            return what[-1][len("what():"):].strip()
        # Two kernel threads throwing at once: the second terminate can abort before the first
        # prints its what() line (a busy --check of nn.BCELoss's float16 outside-0-1 case left
        # "terminate called recursively" and "terminate called after throwing ..." with no
        # what()); the caller retries such a call in a fresh worker. Without this the startup's
        # NumPy "ImportError:" banner was taken for the message.
        if "terminate called recursively" in lines:
            return "terminate called recursively"
        fatal = [line for line in lines if line.startswith("FATAL:") or "Error:" in line]
        return (fatal or lines or [""])[-1]

    def close(self):
        if self.proc is not None and self.proc.is_alive():
            self.conn.send(None)
            self.proc.join(timeout=30)
        self.proc = None


class ProbingWorkers:
    """The recorder's MindSpore calls: one worker for every call, and, for calls whose inputs
    could expose memory a kernel never wrote (`needs_probe`), the same call repeated after
    free memory is overwritten and made once more in a second worker with another history.
    A result that changes is recorded as `UndefinedResult`, never as a golden value."""

    def __init__(self, own=None):
        self.main, self.other = MindSporeWorker(own), MindSporeWorker(own)

    @property
    def leaked(self):
        return self.main.leaked

    def call(self, spec, args, init, tensors, seed):
        unwritten = getattr(spec, "mindspore_undefined_result", None)
        known = unwritten(tensors) if unwritten else None
        if known is None and any(t.numel == 0 for t in tensors.values()):
            known = UNDEFINED_FROM_EMPTY.message
        if known is not None:
            value, failure, msgs = self.main.call(spec, args, init, tensors, seed, False)
            if failure is None and getattr(value, "numel", 0) > 0:
                # A value with no defined result: the `mean`/`sum` of an empty tensor (memory
                # the kernel never wrote), or what the spec knows is undefined (a weight smaller
                # than the input read past its end; subnormals its threads flush differently). Probing proves that only when the garbage happens to
                # change, and over whole recordings such values changed in some runs and not
                # in others, so they are undefined whatever this run sees.
                return None, CallFailure("UndefinedResult", known), msgs
        else:
            value, failure, msgs = self._probed_call(spec, args, init, tensors, seed)
        if failure is not None and RANGE_ABORT.search(failure.message):
            failure = CallFailure(failure.type_name, _mask_raced_value(failure.message, tensors))
        raced = getattr(spec, "mindspore_raced_ops", ())
        if failure is not None and raced:
            failure = CallFailure(failure.type_name, _mask_raced_op(failure.message, raced))
        return value, failure, msgs

    def _probed_call(self, spec, args, init, tensors, seed):
        """Inputs of different sizes (a weight smaller than its input): the call made three
        times in the main worker (the pool poisoned before the second and third) and once in
        the second worker; a result that changes is `UndefinedResult`."""
        probe = needs_probe(tensors)
        first = self.main.call(spec, args, init, tensors, seed, probe)
        if probe and (first[1] is None or first[1].type_name != "UndefinedResult"):
            second = self.other.call(spec, args, init, tensors, seed, False)
            if not _same(first, second):
                return None, UNDEFINED, first[2]
        return first


    def close(self):
        self.main.close()
        self.other.close()


SETUP_HOOKS = ("mindspore_runtime_settings", "mindspore_worker_setup")


def workers_for(spec) -> ProbingWorkers:
    """The workers that record `spec`: the shared ones, or, for a spec that prepares its
    workers, workers of its own, so that neither its recording nor any other spec's depends on
    which specs ran before in the same process. Each of them runs the spec's
    `mindspore_runtime_settings(ms)` before any op and its `mindspore_worker_setup(ms)` after
    the warm-up, before the first call. The caller closes workers of a spec's own (`release`)."""
    if any(hasattr(spec, hook) for hook in SETUP_HOOKS):
        return ProbingWorkers((spec._parity_module, spec.API))
    return WORKER


def release(workers: ProbingWorkers) -> None:
    if workers is not WORKER:
        workers.close()


UNDEFINED_FROM_EMPTY = CallFailure(
    "UndefinedResult",
    "a value computed from an empty input: mindspore 2.10 returns memory its kernel never wrote here "
    "(seen to change between runs), so no value is recorded")

# BinaryCrossEntropy's range check runs on the kernel's threads, and the first thread to meet
# an out-of-range element aborts the process with that element's value in its message.
RANGE_ABORT = re.compile(r"(must be between 0 and 1, but got value: )(\S+)$")


def _mask_raced_value(message, tensors):
    """The abort message with its value replaced when the input holds more than one distinct
    value outside [0, 1]: which of them the message names then depends on thread timing
    (seen: -5.96046e-08 in one run, -10000 in the next, for one case)."""
    import numpy as np
    outside = set()
    # The message names 'input_x': the loss's input, the tensor the pointwise specs call x.
    for t in [tensors["x"]] if "x" in tensors else tensors.values():
        if t.values.dtype.kind == "f":
            v = t.values.reshape(-1).astype(np.float64)
            # The kernel tests `x < 0 || x > 1`, which NaN passes.
            outside.update(float(x) for x in v[(v < 0) | (v > 1)])
    if len(outside) <= 1:
        return message
    return RANGE_ABORT.sub(
        lambda m: m.group(1) + f"<one of {len(outside)} out-of-range input values; which one varies with thread timing>",
        message)


# PyNative numbers each op it launches in a process ("Launch kernel failed, name:Default/CTCLossV2-op6"):
# the number counts the worker's history, not the call.
OP_COUNTER = re.compile(r"(name:\S+-op)\d+")


def _mask_op_counter(message):
    """The message with PyNative's running op number replaced by `<n>`."""
    return OP_COUNTER.sub(r"\1<n>", message)


# An op without a CPU kernel for its operands' dtype, as PyNative reports it.
UNSUPPORTED_OP = re.compile(r"(Select CPU operator\[)(\w+)(\] fail!)")


def _mask_raced_op(message, ops):
    """The message with the op's name replaced by all of `ops` when it names one of them.
    PyNative selects kernels on its own thread, asynchronously: when several ops of a call
    lack a kernel for the same operands, the error names whichever failed first (seen for
    hinge_embedding_loss's `targets > 0` and `targets < 0` in bfloat16: `Greater` 39 times and
    `Less` once in 40 identical calls)."""
    match = UNSUPPORTED_OP.search(message)
    if match is None or match.group(2) not in ops:
        return message
    return message[:match.start(2)] + " or ".join(ops) + " (which one varies with thread timing)" + message[match.end(2):]


WORKER = ProbingWorkers()
