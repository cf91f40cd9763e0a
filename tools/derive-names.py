#!/usr/bin/env python3
"""Compacts Alpino's name lists into src/Chorus.Core/Resources/nl-names.tsv.gz.

Usage: python3 tools/derive-names.py ../shared/data/alpino-names src/Chorus.Core/Resources/nl-names.tsv.gz

Output: gzip of lines TYPE<TAB>NAME, TYPE one of PER, LOC, ORG, MISC (from the files per, geo, org, misc),
names deduplicated per type and sorted, so the file is reproducible byte for byte (gzip mtime 0).
"""
import gzip
import html
import os
import sys

src, out = sys.argv[1], sys.argv[2]
lines = ["# Derived from Alpino's name lists (per, geo, org, misc), (C) 1999-2025 Gertjan van Noord et al., NWO/RUG, LGPL-2.1.",
         "# See THIRD-PARTY-NOTICES.md. Regenerate with tools/derive-names.py."]
for fname, tag in (("per", "PER"), ("geo", "LOC"), ("org", "ORG"), ("misc", "MISC")):
    names = set()
    with open(os.path.join(src, fname), encoding="utf-8") as f:
        for line in f:
            name = " ".join(html.unescape(line).strip().split())
            if name and not name.startswith("%"):
                names.add(name)
    lines.extend(f"{tag}\t{n}" for n in sorted(names))
data = ("\n".join(lines) + "\n").encode("utf-8")
with open(out, "wb") as raw:
    with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(data)
