#!/usr/bin/env python3
"""A git merge driver for i18n/*.json: the union of both sides' keys, sorted.

Catalog edits from parallel branches are additions of independent keys, which a line
merge reports as conflicts at the object's end. A key both sides changed differently
keeps this side's text and is reported, so a person checks it.
Set up: git config merge.catalog.driver 'python3 scripts/merge-catalog.py %O %A %B'
"""
import json
import sys

base_path, ours_path, theirs_path = sys.argv[1:4]


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


base, ours, theirs = load(base_path), load(ours_path), load(theirs_path)
merged = dict(ours)
for key, text in theirs.items():
    if key not in ours:
        if key not in base or base[key] != text:
            merged[key] = text
    elif ours[key] != text and base.get(key) == ours[key]:
        merged[key] = text
    elif ours[key] != text and base.get(key) != text:
        print(f"catalog: both sides changed {key!r}; kept ours", file=sys.stderr)
# A key one side removed (and the other left as in base) stays removed.
for key in list(merged):
    if key in base and (key not in ours or key not in theirs) and merged.get(key) == base[key]:
        del merged[key]
with open(ours_path, "w", encoding="utf-8") as f:
    json.dump(dict(sorted(merged.items())), f, ensure_ascii=False, indent=2)
    f.write("\n")
