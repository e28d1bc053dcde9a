"""Shared helpers for the golden-data generators in this folder (run with Debian's /usr/bin/python3).

Every generator prints one JSON document: {"generator": <script>, "versions": {...}, "cases": [...]}.
Numbers are written with repr (round-trip exact), NaN as null, each innermost list of numbers on one line.
"""
import json
import math
import re


def plain(value):
    """Converts tensors / arrays / nested lists to JSON-ready lists, NaN -> None."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def dump(generator, versions, cases):
    text = json.dumps({"generator": generator, "versions": versions, "cases": cases}, indent=1, allow_nan=False)
    # Put each innermost list of scalars on one line: readable diffs, a third of the size.
    scalar_list = re.compile(r"\[\s*((?:-?[\d.eE+-]+|null|true|false)(?:,\s*(?:-?[\d.eE+-]+|null|true|false))*)\s*\]")
    return scalar_list.sub(lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
