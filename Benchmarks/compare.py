#!/usr/bin/env python3
"""Swift SoftMarginLoss vs torch.nn.functional.soft_margin_loss, and the harness's own speed.

Run with the recorder's virtual environment (torch and numpy), from anywhere:

    Fixtures/record/.venv/bin/python Benchmarks/compare.py            # full run, about 4 minutes
    Fixtures/record/.venv/bin/python Benchmarks/compare.py --quick    # smoke run, about 30 seconds

It builds (unless --no-build) the release `parity-bench` (Benchmarks/) and `parity` (the main
package), then:

1. Part-1 losses: every elementwise loss of the mapping table's part 1 at n = 2^20, float32,
   `none` and `mean`, PyTorch's functional against the Swift kernel behind its PyTorch
   adapter, alternately as below; target Swift/PyTorch >= 1x.
2. Kernel: for every n, dtype (float32, float64) and reduction (none, mean, sum) it times
   PyTorch in this process and the Swift kernel in `parity-bench` (a line protocol on its
   stdin/stdout) alternately, round after round, with the same number of threads, and
   prints medians, Melem/s, the throughput ratio Swift/PyTorch and Swift's read GB/s
   against the machine's read bandwidth (measured by `parity-bench` on every core).
3. Harness: the wall time of `parity run --no-write --quiet` over the committed fixtures and
   over 1x, 2x, 4x and 8x copies of them, and the fixture loader against Python's json.load
   on the same files.

Every target is marked PASS or FAIL. Exit status: 0 when all pass, 1 when any fails, 2 when
the benchmark itself cannot run.
"""

import argparse
import datetime
import gc
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

REPO = Path(__file__).resolve().parent.parent
BENCH_PACKAGE = REPO / "Benchmarks"
FIXTURES = REPO / "Fixtures"

DTYPES = {"float32": np.float32, "float64": np.float64}
REDUCTIONS = ("none", "mean", "sum")
SEED = 20261128
# Kernel targets (issue: "A benchmark that compares in one run"), for n >= 2^16.
RATIO_TARGET = {"mean": 2.0, "sum": 2.0, "none": 1.2}
TARGET_MIN_N = 1 << 16
BANDWIDTH_SHARE_TARGET = 0.5  # at n = 2^24, reduction mean
HARNESS_TARGET_SECONDS = 0.5
LINEAR_SLACK = 1.25  # time per case at k copies at most this times the 1x figure
# Let PyTorch's OpenMP workers stop spinning before the Swift side takes the cores.
SETTLE_SECONDS = 0.02


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- set-up


def swift_build(package_path, product):
    command = ["swift", "build", "-c", "release", "--package-path", str(package_path), "--product", product]
    log("$ " + " ".join(command))
    subprocess.run(command, check=True, stdout=sys.stderr)


def bin_path(package_path):
    out = subprocess.run(
        ["swift", "build", "-c", "release", "--package-path", str(package_path), "--show-bin-path"],
        check=True, capture_output=True, text=True)
    return Path(out.stdout.strip())


class SwiftBench:
    """The `parity-bench` process: one request line in, one answer line out."""

    def __init__(self, executable):
        self.process = subprocess.Popen(
            [str(executable)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def request(self, *words):
        self.process.stdin.write("\t".join(str(w) for w in words) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer.startswith("ok"):
            raise RuntimeError(f"parity-bench {' '.join(map(str, words))}: {answer or 'no answer'}")
        fields = {}
        for item in answer.split()[1:]:
            key, _, value = item.partition("=")
            fields[key] = value
        return fields

    def close(self):
        try:
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
        except (BrokenPipeError, ValueError):
            pass
        self.process.wait(timeout=10)


def discover(root):
    """The files FixtureLoader.discover finds: *.json below root, dot-names skipped, sorted."""
    found = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(directory, f) for f in files if f.endswith(".json") and not f.startswith(".")]
    return sorted(found, key=lambda p: p.encode())


def git_revision():
    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return rev + ("+uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def swift_version():
    try:
        out = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout
        return out.splitlines()[0].strip() if out else "unknown"
    except OSError:
        return "unknown"


class ForeignLoad:
    """CPU time the rest of the machine used: all busy time in /proc/stat minus this process's,
    its finished children's (parity runs, builds) and parity-bench's."""

    def __init__(self, bench_pid):
        self.bench_pid = bench_pid
        self.tick = os.sysconf("SC_CLK_TCK")

    def busy_seconds(self):
        try:
            with open("/proc/stat") as f:
                fields = [int(v) for v in f.readline().split()[1:]]
        except OSError:
            return None
        user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
        return (user + nice + system + irq + softirq + steal) / self.tick

    def own_seconds(self):
        t = os.times()
        own = t.user + t.system + t.children_user + t.children_system
        try:
            with open(f"/proc/{self.bench_pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            own += (int(fields[11]) + int(fields[12])) / self.tick
        except (OSError, IndexError, ValueError):
            pass
        return own

    def snapshot(self):
        busy = self.busy_seconds()
        return None if busy is None else (time.monotonic(), busy - self.own_seconds())

    @staticmethod
    def describe(start, end, cores):
        if start is None or end is None:
            return "unknown"
        wall, foreign = end[0] - start[0], max(0.0, end[1] - start[1])
        return f"{foreign:.1f} CPU-s in {wall:.0f} s ({foreign / wall / cores:.0%} of the machine)"


def load_text():
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f}"


# ---------------------------------------------------------------------------- formatting


def fmt_time(seconds):
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.3f} s"


def fmt_rate(value):
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 1 else f"{value:.3f}"


def fmt_n(n):
    exponent = int(math.log2(n))
    return f"2^{exponent}" if 1 << exponent == n else str(n)


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- timing


def torch_median(call, reps):
    """Median seconds per call over reps, after one warm-up; each result freed untimed."""
    result = call()
    del result
    samples = []
    for _ in range(reps):
        start = time.perf_counter_ns()
        result = call()
        end = time.perf_counter_ns()
        del result
        samples.append(end - start)
    return statistics.median(samples) / 1e9


def reps_for(seconds_per_call, budget, minimum, maximum=20000):
    if seconds_per_call <= 0:
        return maximum
    return max(minimum, min(maximum, math.ceil(budget / seconds_per_call)))


def checksum(result):
    return float(result.double().sum()) if result.dim() > 0 else float(result.double())


def close_enough(a, b, dtype):
    tolerance = 1e-4 if dtype == "float32" else 1e-9
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def alternate(rounds, torch_round, swift_round):
    """Rounds taking turns (torch first in even rounds, Swift first in odd ones): each side's
    round medians, and Swift's last answer."""
    torch_rounds, swift_rounds, answer = [], [], None
    for r in range(rounds):
        for side in (("torch", "swift") if r % 2 == 0 else ("swift", "torch")):
            if side == "torch":
                torch_rounds.append(torch_round())
            else:
                time.sleep(SETTLE_SECONDS)
                answer = swift_round()
                swift_rounds.append(float(answer["median"]))
    return torch_rounds, swift_rounds, answer


def measure_kernels(bench, args, tmp, bandwidth):
    rows, failures, first_calls = [], 0, {}
    for exponent in args.sizes:
        n = 1 << exponent
        rng = np.random.default_rng(SEED + exponent)
        x64 = rng.standard_normal(n)
        y64 = np.where(rng.random(n) < 0.5, -1.0, 1.0)
        for dtype, np_type in DTYPES.items():
            x = x64.astype(np_type)
            y = y64.astype(np_type)
            x_path, y_path = tmp / f"x-{dtype}-{exponent}.bin", tmp / f"y-{dtype}-{exponent}.bin"
            x.astype(x.dtype.newbyteorder("<")).tofile(x_path)
            y.astype(y.dtype.newbyteorder("<")).tofile(y_path)
            xt, yt = torch.from_numpy(x), torch.from_numpy(y)
            for reduction in args.reductions:
                def call():
                    return F.soft_margin_loss(xt, yt, reduction=reduction)

                # Calibration: the first call of each side (also reported), then reps that
                # fill the per-round budget.
                start = time.perf_counter_ns()
                reference = call()
                torch_first = (time.perf_counter_ns() - start) / 1e9
                torch_check = checksum(reference)
                del reference
                torch_probe = torch_median(call, 3)
                time.sleep(SETTLE_SECONDS)
                probe = bench.request("kernel", dtype, reduction, x_path, y_path, n, 3)
                swift_first = float(probe["first"])
                swift_check = float(probe["check"])
                torch_reps = reps_for(torch_probe, args.budget, args.min_reps)
                swift_reps = reps_for(float(probe["median"]), args.budget, args.min_reps)
                first_calls.setdefault((n, dtype), []).append((reduction, torch_first, swift_first))

                torch_rounds, swift_rounds, answer = alternate(
                    args.rounds, lambda: torch_median(call, torch_reps),
                    lambda: bench.request("kernel", dtype, reduction, x_path, y_path, n, swift_reps))
                t_torch = statistics.median(torch_rounds)
                t_swift = statistics.median(swift_rounds)
                ratio = t_torch / t_swift
                gbps = 2 * x.nbytes / 1e9 / t_swift
                share = gbps / bandwidth

                verdicts = []
                target = []
                if not close_enough(swift_check, torch_check, dtype):
                    verdicts.append(f"FAIL (result {swift_check:.9g} vs PyTorch {torch_check:.9g})")
                if n >= TARGET_MIN_N:
                    goal = RATIO_TARGET[reduction]
                    target.append(f"≥ {goal:g}x")
                    if ratio < goal:
                        verdicts.append("FAIL")
                if n == 1 << 24 and reduction == "mean":
                    target.append(f"≥ {BANDWIDTH_SHARE_TARGET:.0%} BW")
                    if share < BANDWIDTH_SHARE_TARGET and "FAIL" not in verdicts:
                        verdicts.append("FAIL")
                if verdicts:
                    verdict = verdicts[0] if len(verdicts) == 1 else "; ".join(dict.fromkeys(verdicts))
                    failures += 1
                else:
                    verdict = "PASS" if target else "—"
                spread = max(swift_rounds) / min(swift_rounds) - 1
                rows.append([
                    fmt_n(n), dtype, reduction, fmt_time(t_torch), fmt_time(t_swift),
                    fmt_rate(n / t_torch / 1e6), fmt_rate(n / t_swift / 1e6), f"{ratio:.2f}x",
                    f"{gbps:.2f}", f"{share:.0%}", ", ".join(target) or "—", verdict])
                log(f"  {fmt_n(n):>5} {dtype} {reduction:<4}  torch {fmt_time(t_torch):>10}  swift "
                    f"{fmt_time(t_swift):>10} (rounds spread {spread:.0%}, reps {torch_reps}/{swift_reps})"
                    f"  ratio {ratio:.2f}x  {verdict}")
            del xt, yt, x, y
            os.remove(x_path)
            os.remove(y_path)
    header = ["n", "dtype", "reduction", "PyTorch median", "Swift median", "PyTorch Melem/s", "Swift Melem/s",
              "Swift/PyTorch", "Swift GB/s", "of read BW", "target", "result"]
    names = "/".join(args.reductions)
    first_header = ["n", "dtype", f"PyTorch first call ({names})", f"Swift first call ({names})"]
    first_rows = [[fmt_n(n), d, " / ".join(fmt_time(t) for _, t, _ in calls), " / ".join(fmt_time(s) for _, _, s in calls)]
                  for (n, d), calls in first_calls.items()]
    return table(header, rows), table(first_header, first_rows), failures


# Part-1 losses: (name for parity-bench, PyTorch call, input domain).
LOSSES = [
    ("l1", lambda x, y, r: F.l1_loss(x, y, reduction=r), "normal"),
    ("mse", lambda x, y, r: F.mse_loss(x, y, reduction=r), "normal"),
    ("smooth_l1", lambda x, y, r: F.smooth_l1_loss(x, y, reduction=r), "normal"),
    ("huber", lambda x, y, r: F.huber_loss(x, y, reduction=r), "normal"),
    ("bce", lambda x, y, r: F.binary_cross_entropy(x, y, reduction=r), "probabilities"),
    ("bce_with_logits", lambda x, y, r: F.binary_cross_entropy_with_logits(x, y, reduction=r), "logits"),
    ("kl_div", lambda x, y, r: F.kl_div(x, y, reduction=r), "log-probabilities"),
    ("poisson_nll", lambda x, y, r: F.poisson_nll_loss(x, y, reduction=r), "counts"),
]
LOSS_N = 1 << 20
LOSS_RATIO_TARGET = 1.0


def loss_inputs(domain, rng, n):
    if domain == "normal":
        return rng.standard_normal(n) * 2, rng.standard_normal(n) * 2
    if domain == "probabilities":
        return rng.uniform(0, 1, n), rng.uniform(0, 1, n)
    if domain == "logits":
        return rng.standard_normal(n) * 3, rng.uniform(0, 1, n)
    if domain == "log-probabilities":
        return np.log(rng.uniform(0.01, 1, n)), rng.uniform(0, 1, n)
    return rng.uniform(0.05, 3, n), rng.poisson(3.0, n).astype(float)


def measure_losses(bench, args, tmp):
    """Swift/PyTorch for each part-1 loss at n = 2^20 float32, none and mean."""
    rows, failures = [], 0
    for name, torch_call, domain in LOSSES:
        rng = np.random.default_rng(SEED + len(name))
        x64, y64 = loss_inputs(domain, rng, LOSS_N)
        x, y = x64.astype(np.float32), y64.astype(np.float32)
        x_path, y_path = tmp / f"x-{name}.bin", tmp / f"y-{name}.bin"
        x.astype("<f4").tofile(x_path)
        y.astype("<f4").tofile(y_path)
        xt, yt = torch.from_numpy(x), torch.from_numpy(y)
        for reduction in ("none", "mean"):
            def call():
                return torch_call(xt, yt, reduction)
            torch_check = checksum(call())
            torch_reps = reps_for(torch_median(call, 3), args.budget, args.min_reps)
            probe = bench.request("loss", name, reduction, x_path, y_path, LOSS_N, 3)
            swift_reps = reps_for(float(probe["median"]), args.budget, args.min_reps)
            torch_rounds, swift_rounds, answer = alternate(
                args.rounds, lambda: torch_median(call, torch_reps),
                lambda: bench.request("loss", name, reduction, x_path, y_path, LOSS_N, swift_reps))
            t_torch, t_swift = statistics.median(torch_rounds), statistics.median(swift_rounds)
            ratio = t_torch / t_swift
            verdict = "PASS"
            if not close_enough(float(answer["check"]), torch_check, "float32"):
                verdict = f"FAIL (result {float(answer['check']):.9g} vs PyTorch {torch_check:.9g})"
            elif ratio < LOSS_RATIO_TARGET:
                verdict = "FAIL"
            failures += verdict != "PASS"
            rows.append([name, reduction, fmt_time(t_torch), fmt_time(t_swift), f"{ratio:.2f}x",
                         f"≥ {LOSS_RATIO_TARGET:g}x", verdict])
            log(f"  {name:<16} {reduction:<4}  torch {fmt_time(t_torch):>10}  swift {fmt_time(t_swift):>10}"
                f"  ratio {ratio:.2f}x  {verdict}")
        del xt, yt
        os.remove(x_path)
        os.remove(y_path)
    header = ["loss (n = 2^20, float32)", "reduction", "PyTorch median", "Swift median", "Swift/PyTorch", "target", "result"]
    return table(header, rows), failures


def parity_wall_time(parity, roots, reps):
    command = [str(parity), "run", "--no-write", "--quiet"]
    for root in roots:
        command += ["--fixtures", str(root)]
    samples = []
    for rep in range(reps + 1):  # the first run warms the page cache and is not counted
        start = time.perf_counter_ns()
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
        end = time.perf_counter_ns()
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[:500]}")
        if rep > 0:
            samples.append((end - start) / 1e9)
    return statistics.median(samples)


def measure_harness(bench_exe, parity, args, tmp):
    failures = 0
    files = discover(FIXTURES)
    total_bytes = sum(os.path.getsize(f) for f in files)
    # A parity-bench process of its own: what the kernel section allocated and freed would
    # otherwise change how malloc serves the loader (see the README).
    loader = SwiftBench(bench_exe)
    try:
        count = loader.request("load", FIXTURES, 1)
        run_table, load_table, failures = harness_tables(loader, count, files, total_bytes, parity, args, tmp)
    finally:
        loader.close()
    return run_table, load_table, failures


def harness_tables(loader, count, files, total_bytes, parity, args, tmp):
    failures = 0
    swift_first = float(count["first"])
    cases = int(count["cases"])
    if int(count["files"]) != len(files):
        raise RuntimeError(f"parity-bench loaded {count['files']} files, discovery found {len(files)}")

    # parity run over the committed fixtures.
    time.sleep(SETTLE_SECONDS)
    committed = parity_wall_time(parity, [FIXTURES], args.harness_reps)
    ok = committed < HARNESS_TARGET_SECONDS
    failures += not ok
    run_rows = [["committed `Fixtures/`", len(files), cases, fmt_time(committed),
                 f"{committed / cases * 1e6:.0f} µs", "—", f"< {HARNESS_TARGET_SECONDS:g} s",
                 "PASS" if ok else "FAIL"]]
    log(f"  parity run, committed fixtures: {fmt_time(committed)}")

    # 1x, 2x, 4x, 8x copies, each copy in its own sub-folder (copies, not links: the loader
    # lists a file reached twice only once).
    base = None
    for k in args.copies:
        root = tmp / f"copies-{k}x"
        for i in range(k):
            for f in files:
                target = root / f"copy{i}" / os.path.relpath(f, FIXTURES)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, target)
        seconds = parity_wall_time(parity, [root], args.harness_reps)
        per_case = seconds / (cases * k)
        if base is None:
            base = per_case
        growth = per_case / base
        linear = growth <= LINEAR_SLACK
        failures += not linear
        run_rows.append([f"{k}x copies", len(files) * k, cases * k, fmt_time(seconds), f"{per_case * 1e6:.0f} µs",
                         f"{growth:.2f}", f"per case ≤ {LINEAR_SLACK:g}× 1x", "PASS" if linear else "FAIL"])
        log(f"  parity run, {k}x copies: {fmt_time(seconds)} ({per_case * 1e6:.0f} µs a case)")
        shutil.rmtree(root)

    # FixtureLoader().loadAll vs json.load on the same files, alternating.
    def python_load():
        start = time.perf_counter_ns()
        for f in files:
            with open(f, encoding="utf-8") as handle:
                document = json.load(handle)
            del document
        return (time.perf_counter_ns() - start) / 1e9

    python_first = python_load()
    python_rounds, swift_rounds = [], []
    for r in range(args.rounds):
        order = ("python", "swift") if r % 2 == 0 else ("swift", "python")
        for side in order:
            if side == "python":
                python_load()  # warm-up
                python_rounds.append(statistics.median(python_load() for _ in range(args.load_reps)))
            else:
                time.sleep(SETTLE_SECONDS)
                swift_rounds.append(float(loader.request("load", FIXTURES, args.load_reps)["median"]))
    t_python = statistics.median(python_rounds)
    t_swift = statistics.median(swift_rounds)
    ratio = t_python / t_swift
    ok = ratio >= 1
    failures += not ok
    load_rows = [[len(files), f"{total_bytes / 1e6:.1f} MB", fmt_time(t_python), fmt_time(t_swift),
                  f"{total_bytes / 1e6 / t_python:.0f}", f"{total_bytes / 1e6 / t_swift:.0f}",
                  f"{ratio:.2f}x", "≥ 1x", "PASS" if ok else "FAIL", fmt_time(python_first), fmt_time(swift_first)]]
    log(f"  load: json.load {fmt_time(t_python)}, FixtureLoader {fmt_time(t_swift)}, ratio {ratio:.2f}x")

    run_table = table(["fixtures", "files", "cases", "median wall time", "per case", "per case vs 1x",
                       "target", "result"], run_rows)
    load_table = table(["files", "size", "Python json.load", "Swift FixtureLoader().loadAll", "Python MB/s",
                        "Swift MB/s", "Swift/Python", "target", "result", "Python first load",
                        "Swift first load"], load_rows)
    return run_table, load_table, failures


# ---------------------------------------------------------------------------- main


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: n = 2^10, 2^16, 2^20, 2 rounds, short budgets")
    parser.add_argument("--sizes", help="comma-separated exponents of n (default 10,16,20,24)")
    parser.add_argument("--rounds", type=int, help="alternating rounds per configuration (default 5, quick 2)")
    parser.add_argument("--reductions", default=",".join(REDUCTIONS), help="comma-separated (default none,mean,sum)")
    parser.add_argument("--threads", type=int,
                        help="threads on both sides: PyTorch's thread count, and this driver and parity-bench held "
                             "to that many cores (CPU affinity), which the Swift kernel's helper threads follow "
                             "(default: every core)")
    parser.add_argument("--no-build", action="store_true", help="use the release executables already built")
    parser.add_argument("--skip-kernel", action="store_true", help="skip the SoftMarginLoss kernel section")
    parser.add_argument("--skip-losses", action="store_true", help="skip the part-1 losses section")
    parser.add_argument("--skip-harness", action="store_true", help="only the kernel section")
    parser.add_argument("--output", help="also write the markdown to this file")
    args = parser.parse_args()
    args.sizes = [int(s) for s in (args.sizes or ("10,16,20" if args.quick else "10,16,20,24")).split(",")]
    args.reductions = [r for r in args.reductions.split(",") if r]
    if any(r not in REDUCTIONS for r in args.reductions):
        parser.error(f"reductions are {', '.join(REDUCTIONS)}")
    args.rounds = args.rounds or (2 if args.quick else 5)
    args.budget = 0.05 if args.quick else 0.25  # seconds of timed calls per side per round
    args.min_reps = 3 if args.quick else 5
    args.harness_reps = 3 if args.quick else 7
    args.load_reps = 3 if args.quick else 7
    args.copies = [1, 2, 4, 8]
    args.bandwidth_mib = 256 if args.quick else 1024
    return args


def main():
    args = parse_arguments()
    started = time.time()
    load_before = load_text()
    if os.getloadavg()[0] > 0.5:
        log(f"warning: load average {load_before}: the machine is not quiet, figures will be noisy")
    if not args.no_build:
        swift_build(BENCH_PACKAGE, "parity-bench")
        swift_build(REPO, "parity")
    bench_exe = bin_path(BENCH_PACKAGE) / "parity-bench"
    parity_exe = bin_path(REPO) / "parity"
    for exe in (bench_exe, parity_exe):
        if not exe.exists():
            log(f"error: {exe} is missing; build it (see Benchmarks/README.md) or drop --no-build")
            return 2

    usable = sorted(os.sched_getaffinity(0))
    if args.threads:
        if not 1 <= args.threads <= len(usable):
            log(f"error: --threads {args.threads}: this process may use {len(usable)} core(s)")
            return 2
        usable = usable[:args.threads]
        # Children inherit the mask: parity-bench starts below, after this.
        os.sched_setaffinity(0, usable)
    threads = len(usable)

    bench = SwiftBench(bench_exe)
    foreign = ForeignLoad(bench.process.pid)
    info = bench.request("info")
    if info.get("configuration") != "release":
        log("warning: parity-bench is not a release build")
    torch.set_num_threads(threads)
    gc.disable()

    out = []
    tmp = Path(tempfile.mkdtemp(prefix="parity-bench-"))
    failures = 0
    cores = int(info["cores"])
    marks = {"start": foreign.snapshot()}
    try:
        bandwidth_mib = args.bandwidth_mib
        before = float(bench.request("bandwidth", bandwidth_mib, 9 if not args.quick else 5)["gbps"])
        log(f"read bandwidth: {before:.2f} GB/s")
        if not args.skip_losses:
            loss_table, loss_failures = measure_losses(bench, args, tmp)
            failures += loss_failures
        if not args.skip_kernel:
            kernel_table, first_table, kernel_failures = measure_kernels(bench, args, tmp, before)
            failures += kernel_failures
        after = float(bench.request("bandwidth", bandwidth_mib, 9 if not args.quick else 5)["gbps"])
        log(f"read bandwidth after the kernels: {after:.2f} GB/s")
        marks["kernels"] = foreign.snapshot()
        if not args.skip_harness:
            run_table, load_table, harness_failures = measure_harness(bench_exe, parity_exe, args, tmp)
            failures += harness_failures
        marks["end"] = foreign.snapshot()
    finally:
        bench.close()
        shutil.rmtree(tmp, ignore_errors=True)

    load_after = load_text()
    if not args.skip_losses:
        out.append("## Part-1 losses: Swift vs PyTorch\n")
        out.append("Each loss's PyTorch functional against the Swift kernel behind its PyTorch adapter, "
                   "float32, alternating rounds, medians (> 1: Swift faster).\n")
        out.append(loss_table + "\n")
    out.append("## SoftMarginLoss: Swift vs PyTorch\n")
    out.append(
        f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, {cpu_model()}, {os.cpu_count()} cores; "
        f"load average (1, 5, 15 min) {load_before} before, {load_after} after; "
        f"{swift_version()}; torch {torch.__version__} with {torch.get_num_threads()} threads "
        f"{'(both sides held to cores ' + ','.join(map(str, usable)) + ') ' if args.threads else ''}"
        f"({torch.backends.cpu.get_cpu_capability()}), numpy {np.__version__}; parity {git_revision()}; "
        f"{'quick' if args.quick else 'full'} mode, alternating rounds: {args.rounds}, "
        f"{time.time() - started:.0f} s.\n")
    out.append(
        "Other processes on the machine (busy CPU time from /proc/stat, minus this run's): "
        f"{ForeignLoad.describe(marks['start'], marks['kernels'], cores)} during the kernel section, "
        f"{ForeignLoad.describe(marks['kernels'], marks['end'], cores)} during the harness section.\n")
    out.append(
        f"Read bandwidth (parity-bench, summing {bandwidth_mib} MiB on {threads} core(s)): "
        f"{before:.2f} GB/s before the kernels, {after:.2f} GB/s after; the table uses the first.\n")
    if not args.skip_kernel:
        out.append("Medians per call (median over rounds of each round's median). Swift/PyTorch is the "
                   "throughput ratio (> 1: Swift faster); Swift GB/s counts both inputs read once.\n")
        out.append(kernel_table + "\n")
        out.append("First call of each reduction on fresh inputs (before any timing), per side:\n")
        out.append(first_table + "\n")
    if not args.skip_harness:
        out.append("## Harness\n")
        out.append("`parity run --no-write --quiet` (release), wall time including process start:\n")
        out.append(run_table + "\n")
        out.append("Loading the committed fixtures (all files; medians after a warm-up load; the first "
                   "loads are each side's first, Swift's in a fresh process):\n")
        out.append(load_table + "\n")
    out.append(f"**{failures} target(s) failed.**" if failures else "**All targets met.**")
    text = "\n".join(out)
    print(text)
    if args.output:
        Path(args.output).write_text(text + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
