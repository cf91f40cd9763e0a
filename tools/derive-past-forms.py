#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/nl-past-forms.txt: Dutch finite simple-past verb forms ("waarschuwde", "diende",
"sloeg"), which tell the time extractor that a sentence is in the past, so that its weekday or month lies before the
article date.

Source: the Universal Dependencies Dutch treebanks (Alpino and LassySmall, dev and test parts, in
../shared/data/ud-dutch), CC BY-SA 4.0; the derived list is under the same licence (see THIRD-PARTY-NOTICES.md).
A form is kept when the treebanks tag it as a finite past main verb (VERB, VerbForm=Fin, Tense=Past), never as anything
else (so "bekende", "tweede" or "komende", adjectives or numerals somewhere, stay out) and never as a lemma ("staken" is
also the infinitive "to strike"). Auxiliaries and modals are left to the hand list in TimeLexicon: "zou" and "mocht"
mostly speak of what is still to come ("zou in juni aflopen", "mocht er geen akkoord komen").

Usage: python3 tools/derive-past-forms.py ../shared/data/ud-dutch/*.conllu > src/Chorus.Core/Resources/nl-past-forms.txt
"""
import collections
import sys

from ud_tokens import tokens

# Forms the treebanks happen to show only as past verbs but news also writes as something else: nouns ("sloten", ditches
# or locks; "staken", stakes), an infinitive ("staken", to strike), adjectives ("dronken", "doordrongen van"),
# participles ("genoten").
HOMOGRAPHS = {"sloten", "staken", "dronken", "doordrongen", "genoten", "boden"}

past = collections.Counter()
other = set(HOMOGRAPHS)
lemmas = set()
for form, lemma, upos, feats in tokens(sys.argv[1:]):
    lemmas.add(lemma)
    if not form.isalpha():
        continue
    if upos == "VERB" and "VerbForm=Fin" in feats and "Tense=Past" in feats:
        past[form] += 1
    else:
        other.add(form)

print("# Dutch finite simple-past verb forms, derived from the Universal Dependencies Dutch treebanks (Alpino, LassySmall;")
print("# dev and test parts), CC BY-SA 4.0; this list is under the same licence. See THIRD-PARTY-NOTICES.md.")
print("# Regenerate with tools/derive-past-forms.py. A form tagged as anything else anywhere in the treebanks is left out.")
for form in sorted(f for f in past if f not in other and f not in lemmas):
    print(form)
