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
import signal
import sys
import tempfile

_CTX = multiprocessing.get_context("spawn")


class CallFailure:
    """An exception as the framework raised it, or the signal that ended the worker."""

    def __init__(self, type_name: str, message: str):
        self.type_name = type_name
        self.message = message


def _serve(conn, path, stderr_path):
    sys.path[:0] = [p for p in path if p not in sys.path]
    fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 2)                           # the runtime's last words land in the file
    from parity_record import runner
    from parity_record.errors import first_line
    from parity_record.tensors import from_mindspore, to_mindspore
    fw = runner.setup_frameworks()
    ms = fw["mindspore"]
    specs = {}
    conn.send("ready")
    while True:
        request = conn.recv()
        if request is None:
            return
        module_name, api, args, init, tensors, seed = request
        spec = specs.get((module_name, api))
        if spec is None:
            import importlib
            mod = importlib.import_module(module_name)
            spec = next(s for s in getattr(mod, "SPECS", [mod]) if s.API == api)
            specs[(module_name, api)] = spec
        ms.set_seed(seed % (2**31))
        runner._ms_drain(ms, "before")
        mt = {n: to_mindspore(t) for n, t in tensors.items()}
        runner._ms_drain(ms, "before")
        if init is None:
            fn = lambda: spec.call_mindspore(ms, runner._substitute(args, mt))
        else:
            fn = lambda: spec.call_mindspore(ms, runner._substitute(args, mt), runner._substitute(init, mt))
        value, err, msgs = runner._run(fn, from_mindspore)
        runner._ms_drain(ms, "after")
        failure = None if err is None else CallFailure(type(err).__name__, first_line(err))
        conn.send((value, failure, msgs, dict(runner.LEAKED)))


class MindSporeWorker:
    def __init__(self):
        self.proc = None
        self.leaked: dict = {}

    def _start(self):
        fd, self.stderr_path = tempfile.mkstemp(prefix="parity-mindspore-", suffix=".log")
        os.close(fd)
        self.conn, child = _CTX.Pipe()
        self.proc = _CTX.Process(target=_serve, args=(child, list(sys.path), self.stderr_path), daemon=True)
        self.proc.start()
        child.close()
        if self.conn.recv() != "ready":
            raise SystemExit("FATAL: the MindSpore worker did not start")

    def call(self, spec, args, init, tensors, seed):
        """(value, CallFailure or None, warnings) of one MindSpore call."""
        if self.proc is None or not self.proc.is_alive():
            self._start()
        self.conn.send((spec._parity_module, spec.API, args, init, tensors, seed))
        try:
            value, failure, msgs, leaked = self.conn.recv()
            self.leaked = leaked
            return value, failure, msgs
        except EOFError:
            self.proc.join()
            code = self.proc.exitcode
            self.proc = None
            name = signal.Signals(-code).name if code is not None and code < 0 else f"exit status {code}"
            return None, CallFailure(f"process killed by {name}", self._last_words()), []

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
        return lines[-1] if lines else ""

    def close(self):
        if self.proc is not None and self.proc.is_alive():
            self.conn.send(None)
            self.proc.join(timeout=30)
        self.proc = None


WORKER = MindSporeWorker()
