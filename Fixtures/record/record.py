#!/usr/bin/env python3
"""Parity golden-value recorder: runs the real frameworks and writes Fixtures/<Api>.json.

    Fixtures/record/.venv/bin/python Fixtures/record/record.py            # every spec
    Fixtures/record/.venv/bin/python Fixtures/record/record.py --api SoftMarginLoss
    Fixtures/record/.venv/bin/python Fixtures/record/record.py --check    # exit 1 on any difference
    Fixtures/record/.venv/bin/python Fixtures/record/record.py --selfcheck

Each spec is a module in Fixtures/record/specs/ (see parity_record/spec.py).
"""
from __future__ import annotations

import argparse
import difflib
import importlib
import os
import pkgutil
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.dirname(HERE)
sys.path.insert(0, HERE)
os.environ.setdefault("GLOG_v", "3")
os.environ.setdefault("OMP_NUM_THREADS", "1")


def load_specs():
    import specs
    mods = []
    for info in sorted(pkgutil.iter_modules(specs.__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"specs.{info.name}")
        # A module is one spec (API, FRAMEWORKS, ...) or defines several as SPECS (one loss
        # definition giving its module row and its functional row).
        found = list(mod.SPECS) if hasattr(mod, "SPECS") else [mod] if hasattr(mod, "API") else []
        for spec in found:
            spec._parity_module = mod.__name__      # how the MindSpore worker finds it again
        mods.extend(found)
    apis = [m.API for m in mods]
    if len(set(apis)) != len(apis):
        raise SystemExit(f"duplicate API ids among specs: {apis}")
    return mods


def existing_files(api: str) -> list[str]:
    return sorted(f for f in os.listdir(FIXTURES)
                  if f == f"{api}.json" or (f.startswith(f"{api}-") and f.endswith(".json")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--api", action="append", help="record only this API (repeatable)")
    ap.add_argument("--check", action="store_true",
                    help="record in memory and compare with the files in Fixtures/; exit 1 on any difference")
    ap.add_argument("--selfcheck", action="store_true", help="run the full rounding/formatting self-check and exit")
    ap.add_argument("--list", action="store_true", help="list the specs and their case ids and exit")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)

    from parity_record import selfcheck
    if a.selfcheck:
        selfcheck.check(verbose=True, full=True)
        return 0
    selfcheck.check(full=False)

    mods = load_specs()
    if a.api:
        unknown = set(a.api) - {m.API for m in mods}
        if unknown:
            raise SystemExit(f"no spec for {sorted(unknown)}; have {[m.API for m in mods]}")
        mods = [m for m in mods if m.API in a.api]
    if a.list:
        for m in mods:
            for c in m.cases():
                print(f"{m.API}\t{c.id}\t{' '.join(c.tags)}")
        return 0

    from parity_record.runner import record_spec
    differ = False
    for m in mods:
        files, stats, others = record_spec(m, progress=not a.quiet)
        ncases = sum(1 for _ in m.cases())
        print(f"{m.API}: {ncases} cases")
        for fw, cnt in stats.items():
            print(f"  {fw}: " + ", ".join(f"{k}={v}" for k, v in sorted(cnt.items())))
        if others:
            print(f"  !!! {len(others)} error(s) classified as 'other':")
            for o in others:
                print("   ", *o)
        if a.check:
            stale = set(existing_files(m.API)) - set(files)
            for name in sorted(stale):
                print(f"  DIFFERS: {name} exists but the recording no longer produces it")
                differ = True
            for name, text in files.items():
                path = os.path.join(FIXTURES, name)
                if not os.path.exists(path):
                    print(f"  DIFFERS: {name} is missing")
                    differ = True
                    continue
                with open(path, "rb") as fh:
                    old = fh.read()
                new = text.encode("utf-8")
                if old == new:
                    print(f"  same: {name} ({len(new)} bytes)")
                else:
                    differ = True
                    print(f"  DIFFERS: {name}")
                    diff = difflib.unified_diff(old.decode("utf-8").splitlines(), text.splitlines(),
                                                f"committed/{name}", f"recorded/{name}", lineterm="", n=1)
                    for i, line in enumerate(diff):
                        if i >= 40:
                            print("    ...")
                            break
                        print("    " + line[:200])
        else:
            for name in sorted(set(existing_files(m.API)) - set(files)):
                os.remove(os.path.join(FIXTURES, name))
                print(f"  removed stale {name}")
            for name, text in files.items():
                path = os.path.join(FIXTURES, name)
                tmp = path + ".tmp"
                with open(tmp, "wb") as fh:
                    fh.write(text.encode("utf-8"))
                os.replace(tmp, path)
                print(f"  wrote {name} ({len(text.encode('utf-8'))} bytes)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
