#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/nl-function-words.txt: Dutch closed-class words (pronouns, determiners,
prepositions, auxiliaries, conjunctions) that Snowball's Dutch stop list, which the analyser uses, leaves out ("we",
"wij", "hen", "tussen", "volgens", "moeten", "zullen"). The story comparer does not count them as words two sentences
share: two reports that both say "we" or "tussen" state nothing in common.

Source: the Universal Dependencies Dutch treebanks (Alpino, LassySmall), CC BY-SA 4.0; the derived list is under the
same licence (see THIRD-PARTY-NOTICES.md). Only the dev parts are read. A word is kept when it occurs at least twice
and at least 90 % of its occurrences carry a closed-class tag (ADP, PRON, DET, AUX, CCONJ, SCONJ, PART).

Usage: python3 tools/derive-function-words.py ../shared/data/ud-dutch/*-dev.conllu > src/Chorus.Core/Resources/nl-function-words.txt
"""
import collections
import sys

from ud_tokens import tokens

CLOSED = {"ADP", "PRON", "DET", "AUX", "CCONJ", "SCONJ", "PART"}
# Snowball's dutch_stop.txt (BSD), which the analyser already drops: listed here only to leave them out of the file.
SNOWBALL = set("""de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of
wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me
zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie
werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere""".split())

seen = collections.Counter()
closed = collections.Counter()
for form, _, upos, _ in tokens(sys.argv[1:]):
    if not form.isalpha():
        continue
    seen[form] += 1
    if upos in CLOSED:
        closed[form] += 1

print("# Dutch closed-class words Snowball's stop list lacks, derived from the Universal Dependencies Dutch treebanks")
print("# (Alpino, LassySmall; dev parts only), CC BY-SA 4.0; this list is under the same licence. See THIRD-PARTY-NOTICES.md.")
print("# Regenerate with tools/derive-function-words.py. One word per line.")
for form in sorted(w for w in seen if seen[w] >= 2 and closed[w] / seen[w] >= 0.9 and w not in SNOWBALL):
    print(form)
