#!/usr/bin/env python3
"""Extracts the capitalised adjectives (nationality and place adjectives such as Noord-Koreaanse, Russische)
from Alpino's adjectives.pl into src/Chorus.Core/Resources/nl-name-adjectives.txt, one form per line.

Usage: python3 tools/derive-name-adjectives.py ../shared/data/alpino-names/adjectives.pl > src/Chorus.Core/Resources/nl-name-adjectives.txt
"""
import re
import sys

forms = set()
source = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r"\b(?:no_)?e\('([^']+)'\)", source):
    word = m.group(1)
    if word[:1].isupper():
        forms.add(word)
# name_adj('Japans') yields Japans and Japanse; name_adj('Maltees','Maltese') names both forms.
for m in re.finditer(r"^name_adj\('([^']+)'(?:,'([^']+)')?\)\.", source, re.M):
    forms.add(m.group(1))
    forms.add(m.group(2) or m.group(1) + "e")
print("# Derived from Alpino's adjectives.pl, (C) 1999-2025 Gertjan van Noord et al., NWO/RUG, LGPL-2.1.")
print("# See THIRD-PARTY-NOTICES.md. Regenerate with tools/derive-name-adjectives.py.")
for w in sorted(forms):
    print(w)
