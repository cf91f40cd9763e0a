"""The word tokens of CoNLL-U treebanks, for the tools that derive word lists from the UD Dutch treebanks."""


def tokens(paths):
    """Yields (form, lemma, upos, feats) of every word line, form and lemma lower-cased; multi-word ranges are skipped."""
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 10 or not cols[0].isdigit():
                    continue
                yield cols[1].lower(), cols[2].lower(), cols[3], cols[5]
