#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/news-lexicon.tsv.gz, the Dutch/English/German word concepts that let Chorus compare
articles and sentences across languages ("kerk" = "Kirche" = "church", "staking" = "Streik" = "strike").

Source: the FreeDict dictionaries nld-eng, eng-nld, deu-eng, deu-nld and nld-deu as Debian packages them
(dict-freedict-*), GPL-2+ and GPL-3+ (see src/Chorus.Core/Resources/LICENSE.freedict.txt and THIRD-PARTY-NOTICES.md).
Get them with `apt-get download dict-freedict-nld-eng dict-freedict-eng-nld dict-freedict-deu-eng
dict-freedict-deu-nld dict-freedict-nld-deu` and `dpkg-deb -x FILE.deb DIR`.

A concept is an English word. Each Dutch or German word maps to at most three concepts: the single-word English
translations of its main sense; for a Dutch word, those of any sense that one of its German translations also has
come first (two dictionaries agree on them; FreeDict's first sense of a common word is often its rarest). Only
concepts reachable from Dutch are kept, so the list stays the size of the Dutch dictionary rather than of the German
one; English function words are never concepts.

Dutch and German are also linked directly (deu-nld, nld-deu), since a translation through English loses what English
says in two words ("Feuerwehr" = "brandweer", fire brigade) and what the two English lists translate differently
("zerstören" ruin, "verwoesten" damage). A link is a concept written "=" + the Dutch word: the German word carries those
of its main sense's Dutch translations (at most two) and of every Dutch word whose main sense translates to it, and a
Dutch word carries its own when some German word links to it.
Usage: python3 tools/derive-news-lexicon.py DICTD_DIR | gzip -9n > src/Chorus.Core/Resources/news-lexicon.tsv.gz
"""
import base64
import gzip
import re
import sys

dictd = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dictd"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

# English words too general to say what an article is about; they would join everything.
FUNCTION = set("""a an the and or but if of to in on at by for with from as into onto about over under up down out off
not no nor so than then too very also just only even still yet again here there this that these those it its he she
they them his her their we us our you your i me my be is are was were been being am have has had do does did done
will would shall should can could may might must get got make made go went come came take took give gave put set let
one two three four five six seven eight nine ten all any some each every other such same own much many more most
less least few lot thing things way well good bad new old big small great little long short high low right left
first last next own person people man woman time year day week month today now when where why how what which who
whom whose while because although though since until before after during against between among through without
within per via yes oh ah hey etc""".split())


def b64(s):
    n = 0
    for ch in s:
        n = n * 64 + B64.index(ch)
    return n


def entries(name):
    data = gzip.open(f"{dictd}/{name}.dict.dz").read()
    for line in open(f"{dictd}/{name}.index", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3 or parts[0].startswith("00"):
            continue
        yield parts[0], data[b64(parts[1]):b64(parts[1]) + b64(parts[2])].decode("utf-8", "replace")


def clean(chunk):
    chunk = re.sub(r"\[[^\]]*\]|\([^)]*\)|<[^>]*>|\{[^}]*\}", " ", chunk)
    chunk = re.sub(r"^\s*\d+\.\s*", "", chunk.strip())
    chunk = re.sub(r"^to\s+", "", chunk.strip())
    return chunk.strip().lower()


def single_words(text, limit=3):
    out = []
    for chunk in re.split(r"[,;]", text):
        word = clean(chunk)
        if re.fullmatch(r"[a-z][a-z\-]{2,}", word) and word not in FUNCTION and word not in out:
            out.append(word)
        if len(out) == limit:
            break
    return out


def main_sense(body):
    # The first non-empty line after the headword line holds the main sense.
    lines = [l for l in body.split("\n")[1:] if l.strip()]
    for l in lines:
        s = l.strip()
        if s.startswith(("Synonyms:", "see:", "Note:", "Example:")):
            continue
        return s
    return ""


def word_ok(word):
    return re.fullmatch(r"[a-zßà-ÿĳ]{3,}", word) is not None


def single_words_any(text, limit):
    # Dutch and German translations: lower-cased words of letters (umlauts, ß, ĳ), no phrases.
    out = []
    for chunk in re.split(r"[,;]", text):
        word = clean(chunk).replace("ĳ", "ij")
        if word_ok(word) and word not in out:
            out.append(word)
        if len(out) == limit:
            break
    return out


def all_senses(body):
    return [l.strip() for l in body.split("\n")[1:]
            if l.strip() and not l.strip().startswith(("Synonyms:", "see:", "Note:", "Example:"))]


# Every English word of every sense of each German word (deu-eng), and the German words each Dutch word is linked to
# (deu-nld, nld-deu): a Dutch word's English sense that a German translation of it also has is confirmed by two
# dictionaries.
german_senses = {}
german_of = {}
for head, body in entries("freedict-deu-eng"):
    word = head.lower()
    if " " not in head and word_ok(word):
        german_senses.setdefault(word, set()).update(w for sense in all_senses(body) for w in single_words(sense, 99))
for head, body in entries("freedict-deu-nld"):
    de = head.lower()
    if " " not in head and word_ok(de):
        for sense in all_senses(body):
            for nl in single_words_any(sense, 99):
                german_of.setdefault(nl, set()).add(de)
for head, body in entries("freedict-nld-deu"):
    nl = head.lower().replace("ĳ", "ij")
    if " " not in head and word_ok(nl):
        for sense in all_senses(body):
            for de in single_words_any(sense, 99):
                german_of.setdefault(nl, set()).add(de)


def senses_of(nl, body):
    # FreeDict's first sense of a common word is often its rarest ("winnen": dig up, excavate; "bus": hub, nave): the
    # English words of any sense that a German translation of the word also has come first, then the main sense's.
    main = single_words(main_sense(body))
    everything = []
    for sense in all_senses(body):
        everything.extend(w for w in single_words(sense, 99) if w not in everything)
    confirmed = [w for w in everything if any(w in german_senses.get(de, ()) for de in german_of.get(nl, ()))]
    return (confirmed + [w for w in main if w not in confirmed])[:3] if confirmed else main


concepts = {"nl": {}, "de": {}}
for head, body in entries("freedict-nld-eng"):
    if head != head.lower() or not word_ok(head):
        continue  # capitalised headwords are names; Chorus links those through its own tables
    words = senses_of(head.replace("ĳ", "ij"), body)
    if words:
        concepts["nl"].setdefault(head, []).extend(w for w in words if w not in concepts["nl"].get(head, []))

for head, body in entries("freedict-eng-nld"):
    head = head.lower()
    if not re.fullmatch(r"[a-z]{3,}", head) or head in FUNCTION:
        continue
    for nl in single_words(main_sense(body).replace("ĳ", "ij"), limit=2):
        if word_ok(nl):
            lst = concepts["nl"].setdefault(nl, [])
            if head not in lst and len(lst) < 3:
                lst.append(head)

reachable = {c for cs in concepts["nl"].values() for c in cs}
for head, body in entries("freedict-deu-eng"):
    word = head.lower()
    if " " in head or not word_ok(word):
        continue
    words = [w for w in single_words(main_sense(body)) if w in reachable]
    if words:
        lst = concepts["de"].setdefault(word, [])
        lst.extend(w for w in words if w not in lst)

links = {}
for head, body in entries("freedict-deu-nld"):
    word = head.lower()
    if " " in head or not word_ok(word):
        continue
    for nl in single_words_any(main_sense(body), 2):
        lst = links.setdefault(word, [])
        if nl not in lst:
            lst.append(nl)

for head, body in entries("freedict-nld-deu"):
    nl = head.lower().replace("ĳ", "ij")
    if " " in head or not word_ok(nl):
        continue
    for de in single_words_any(main_sense(body), 3):
        lst = links.setdefault(de, [])
        if nl not in lst and len(lst) < 3:
            lst.append(nl)

targets = {nl for lst in links.values() for nl in lst}
rows = {"nl": {w: list(c[:3]) for w, c in concepts["nl"].items()}, "de": {w: list(c[:3]) for w, c in concepts["de"].items()}}
for de, nls in links.items():
    rows["de"].setdefault(de, []).extend("=" + nl for nl in nls)
for nl in targets:
    rows["nl"].setdefault(nl, []).append("=" + nl)

print("# lang<TAB>word<TAB>concepts (comma-separated): English words, and =Dutch word for a direct Dutch-German link.")
print("# Derived from FreeDict nld-eng, eng-nld, deu-eng, deu-nld and nld-deu (GPL-2+ / GPL-3+) by")
print("# tools/derive-news-lexicon.py; do not edit by hand.")
for lang in ("nl", "de"):
    for word in sorted(rows[lang]):
        print(f"{lang}\t{word}\t{','.join(rows[lang][word])}")
