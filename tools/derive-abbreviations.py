#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/nl-abbreviations.tsv from Alpino's afkortingen.pl.

Usage: python3 tools/derive-abbreviations.py ../shared/data/alpino-names/afkortingen.pl > src/Chorus.Core/Resources/nl-abbreviations.tsv

Each output line is CLASS<TAB>ABBREVIATION (without the final period). The classes follow Alpino's macros:
never-final (words_afkortingen), title (words_titel), with-number (words_afkorting_with_number),
may-end (words_afkorting_after), ambiguous (words_ambiguous_afkorting_after).
"""
import re
import sys

CLASSES = {
    "words_afkortingen": "never-final",
    "words_titel": "title",
    "words_afkorting_with_number": "with-number",
    "words_afkorting_after": "may-end",
    "words_ambiguous_afkorting_after": "ambiguous",
}

source = open(sys.argv[1], encoding="utf-8").read()
print("# Derived from Alpino src/afkortingen.pl, (C) 1999-2025 Gertjan van Noord et al., NWO/RUG, LGPL-2.1.")
print("# See THIRD-PARTY-NOTICES.md. Regenerate with tools/derive-abbreviations.py.")
for macro, cls in CLASSES.items():
    m = re.search(r"macro\(\s*" + macro + r"\s*,\s*cap_words\(\s*\[(.*?)\]\s*\)\s*\)\s*\.", source, re.S)
    if not m:
        sys.exit(f"macro {macro} not found")
    body = "\n".join(line.split("%", 1)[0] for line in m.group(1).splitlines())
    for atom in re.findall(r"'([^']+)'|([^\s,']+)", body):
        word = atom[0] or atom[1]
        if word:
            print(f"{cls}\t{word}")
