"""Deterministic JSON writer.

Objects keep insertion order (callers build them in a fixed order), two-space
indentation, and any list of scalars (a tensor's data, a shape, tags) on one line.
Small objects (call args, error outcomes, small tensors) go on one line when they
fit in INLINE_OBJECT_MAX characters.
Float tokens are passed as `Num` (a raw JSON number string, already the shortest
round-tripping decimal), so the writer never re-formats a float.
"""
from __future__ import annotations

import json


class Num(str):
    """A raw JSON number token."""


INLINE_OBJECT_MAX = 120


def _scalar(v) -> str:
    if isinstance(v, Num):
        return str(v)
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        raise TypeError("write floats as Num tokens (shortest decimal per dtype)")
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    raise TypeError(f"not a JSON scalar: {type(v).__name__}")


def _is_scalar(v) -> bool:
    return not isinstance(v, (dict, list))


def _inline(v) -> str | None:
    """One-line rendering for flat objects/lists (objects may hold one level of small objects)."""
    if _is_scalar(v):
        return _scalar(v)
    if isinstance(v, list):
        if all(_is_scalar(e) for e in v):
            return "[" + ", ".join(_scalar(e) for e in v) + "]"
        return None
    parts = []
    for k, e in v.items():
        if isinstance(e, dict):
            inner = []
            for k2, x in e.items():
                rx = _inline(x) if isinstance(x, list) else (None if isinstance(x, dict) else _scalar(x))
                if rx is None:
                    return None
                inner.append(f"{json.dumps(k2, ensure_ascii=False)}: {rx}")
            r = "{" + ", ".join(inner) + "}"
        else:
            r = _inline(e)
            if r is None:
                return None
        parts.append(f"{json.dumps(k, ensure_ascii=False)}: {r}")
    return "{ " + ", ".join(parts) + " }" if parts else "{}"


def dumps(doc) -> str:
    out: list[str] = []

    def emit(v, indent: int):
        pad = "  " * indent
        if isinstance(v, list):
            one = _inline(v)
            if one is not None:
                out.append(one)
                return
            out.append("[\n")
            for i, e in enumerate(v):
                out.append(pad + "  ")
                emit(e, indent + 1)
                out.append(",\n" if i + 1 < len(v) else "\n")
            out.append(pad + "]")
            return
        if isinstance(v, dict):
            one = _inline(v)
            if one is not None and len(one) <= INLINE_OBJECT_MAX:
                out.append(one)
                return
            if not v:
                out.append("{}")
                return
            out.append("{\n")
            items = list(v.items())
            for i, (k, e) in enumerate(items):
                out.append(pad + "  " + json.dumps(k, ensure_ascii=False) + ": ")
                emit(e, indent + 1)
                out.append(",\n" if i + 1 < len(items) else "\n")
            out.append(pad + "}")
            return
        out.append(_scalar(v))

    emit(doc, 0)
    out.append("\n")
    text = "".join(out)
    json.loads(text)            # must be valid JSON
    return text
