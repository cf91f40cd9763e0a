#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/nl-lemma-forms.tsv: Dutch word forms whose lemma no suffix rule reaches, with
that lemma ("hield" houden, "kreeg" krijgen, "schepen" schip, "kinderen" kind, "steden" stad). The concept lexicon
(ConceptLexicon.ConceptsOrPartsOf) reads such a form as its lemma, so that it can be compared across languages.

Source: the Universal Dependencies Dutch treebanks (Alpino, LassySmall), CC BY-SA 4.0; the derived list is under the
same licence (see THIRD-PARTY-NOTICES.md). Only the dev parts are read, so that `./chorus eval lexicon` on the test
parts measures the list on text it was not derived from.

A pair is kept for content words (noun, verb, adjective) whose lemma is one word (no separable particle, "op_leveren",
no compound marks), when the form never has another lemma in the treebanks and is not itself a lemma there ("gewassen"
is crops and washed). Forms that only add a regular ending are left to the suffix rules: a form that starts with its
lemma's first four letters and differs only at the end is kept too, since the loader drops those whose stems already agree.

Usage: python3 tools/derive-lemma-forms.py ../shared/data/ud-dutch/*-dev.conllu > src/Chorus.Core/Resources/nl-lemma-forms.tsv
"""
import collections
import sys

from ud_tokens import tokens

lemmas_of = collections.defaultdict(set)
all_lemmas = set()
for form, lemma, upos, _ in tokens(sys.argv[1:]):
    all_lemmas.add(lemma)
    if upos not in ("NOUN", "VERB", "ADJ") or not form.isalpha() or not lemma.isalpha() or form == lemma:
        continue
    lemmas_of[form].add(lemma)

print("# Dutch word forms and their lemma, derived from the Universal Dependencies Dutch treebanks (Alpino, LassySmall;")
print("# dev parts only), CC BY-SA 4.0; this list is under the same licence. See THIRD-PARTY-NOTICES.md.")
print("# Regenerate with tools/derive-lemma-forms.py. form<TAB>lemma; forms with two lemmas, or that are lemmas, are left out.")
for form in sorted(lemmas_of):
    lemmas = lemmas_of[form]
    if len(lemmas) == 1 and form not in all_lemmas:
        print(f"{form}\t{next(iter(lemmas))}")
