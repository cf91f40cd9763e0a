#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/nl-not-counted.txt: Dutch word forms that are never what a number counts, because
the treebanks only ever tag them as a verb (finite or infinitive: "blijken", "zitten", "betreft") or an adverb ("zomaar",
"daarvan", "ervan"). The quantity extractor reads a number followed by one of them as counting nothing named ("Vijf
blijken onschuldig", "Drie daarvan zijn ernstig gewond"), as it already does with auxiliaries.

Source: the Universal Dependencies Dutch treebanks (Alpino and LassySmall, dev and test parts, in ../shared/data/ud-dutch),
CC BY-SA 4.0; the derived list is under the same licence (see THIRD-PARTY-NOTICES.md). A form is kept when every tag
the treebanks give it is VERB with VerbForm=Fin or VerbForm=Inf, or ADV, and it was seen at least twice; a form tagged
anything else anywhere (a noun: "doden", "stemmen", "banen"; an adjective; a participle) stays out.

Usage: python3 tools/derive-not-counted.py ../shared/data/ud-dutch/*.conllu > src/Chorus.Core/Resources/nl-not-counted.txt
"""
import collections
import sys

from ud_tokens import tokens

# Forms the treebanks happen to show only as verbs or adverbs but news also counts as nouns: "554 vluchten", "vijftien stellen", "drie rollen", "twee passen",
# "vier morgen" (an old land measure), treasures, harvests, ferns, traps, fasts.
HOMOGRAPHS = {"rollen", "passen", "morgen", "schatten", "oogsten", "varen", "vallen", "vasten", "vluchten", "stellen", "reizen", "bezoeken", "treden", "vliegen"}

seen = collections.Counter()
other = set(HOMOGRAPHS)
for form, lemma, upos, feats in tokens(sys.argv[1:]):
    form = form.lower()
    if not form.isalpha():
        continue
    verb = upos == "VERB" and ("VerbForm=Fin" in feats or "VerbForm=Inf" in feats)
    if verb or upos == "ADV":
        seen[form] += 1
    else:
        other.add(form)

print("# Dutch verb (finite or infinitive) and adverb forms, never tagged otherwise, derived from the Universal Dependencies")
print("# Dutch treebanks (Alpino, LassySmall; dev and test parts), CC BY-SA 4.0; this list is under the same licence. See")
print("# THIRD-PARTY-NOTICES.md. Regenerate with tools/derive-not-counted.py.")
for form in sorted(f for f, n in seen.items() if n >= 2 and f not in other):
    print(form)
