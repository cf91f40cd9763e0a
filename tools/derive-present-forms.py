#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/nl-present-forms.txt: Dutch finite present verb forms ("stemt", "meedoet", "wordt",
"kan"), which tell the time extractor that a clause speaks of now or later, though another clause of its sentence is in
the past ("De bonden denken dat ze in mei meer mensen op de been krijgen, omdat vorige week duidelijk werd ...").

Source: the Universal Dependencies Dutch treebanks (Alpino and LassySmall, dev and test parts, in
../shared/data/ud-dutch), CC BY-SA 4.0; the derived list is under the same licence (see THIRD-PARTY-NOTICES.md).
A form is kept when the treebanks tag it as a finite present verb or auxiliary (VerbForm=Fin, Tense=Pres), never as
anything else (so nouns such as "besluit" or "plant" stay out) and never as a lemma (a plural present is its
infinitive: "stemmen" is also "votes").

Usage: python3 tools/derive-present-forms.py ../shared/data/ud-dutch/*.conllu > src/Chorus.Core/Resources/nl-present-forms.txt
"""
import collections
import sys

from ud_tokens import tokens

present = collections.Counter()
other = set()
lemmas = set()
for form, lemma, upos, feats in tokens(sys.argv[1:]):
    lemmas.add(lemma)
    if not form.isalpha():
        continue
    if upos in ("VERB", "AUX") and "VerbForm=Fin" in feats and "Tense=Pres" in feats:
        present[form] += 1
    else:
        other.add(form)

print("# Dutch finite present verb forms, derived from the Universal Dependencies Dutch treebanks (Alpino, LassySmall;")
print("# dev and test parts), CC BY-SA 4.0; this list is under the same licence. See THIRD-PARTY-NOTICES.md.")
print("# Regenerate with tools/derive-present-forms.py. A form tagged as anything else anywhere in the treebanks is left out.")
for form in sorted(f for f in present if f not in other and f not in lemmas):
    print(form)
