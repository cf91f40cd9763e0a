#!/usr/bin/env python3
"""Derives src/Chorus.Core/Resources/place-names.tsv from Debian's iso-codes (ISO 3166-1 countries and the ISO 3166-2
subdivisions of the countries most in Dutch, English and German news), with their English, Dutch and German names.

iso-codes is (C) the Debian iso-codes team and translators, LGPL-2.1-or-later (see THIRD-PARTY-NOTICES.md).
Usage: python3 tools/derive-place-names.py [/usr/share/iso-codes/json] [/usr/share/locale] > src/Chorus.Core/Resources/place-names.tsv
"""
import gettext
import json
import sys

json_dir = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json"
locale_dir = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/locale"
SUBDIVISIONS = ("DE", "AT", "CH", "NL", "BE", "US", "GB", "FR", "IT", "ES", "PL", "CA", "AU")


def translations(domain):
    return [gettext.translation(domain, locale_dir, languages=[lang], fallback=True) for lang in ("nl", "en", "de")]


def usable(name):
    # "Korea, Democratic People's Republic of" and "Bonaire, Sint Eustatius and Saba" are catalogue forms, not how news writes.
    return name and "," not in name and "(" not in name


def row(code, forms, langs):
    names = []
    for t in langs:
        for form in forms:
            name = t.gettext(form)
            if usable(name) and name not in names:
                names.append(name)
    for form in forms:
        if usable(form) and form not in names:
            names.append(form)
    return code, names


print("# ISO code<TAB>names in Dutch, English and German (the Dutch first where translated). Derived from Debian iso-codes")
print("# (LGPL-2.1-or-later) by tools/derive-place-names.py; do not edit by hand.")
countries = json.load(open(f"{json_dir}/iso_3166-1.json", encoding="utf-8"))["3166-1"]
langs = translations("iso_3166-1")
for c in countries:
    forms = [f for f in (c.get("common_name"), c["name"]) if f]
    code, names = row(c["alpha_2"], forms, langs)
    if names:
        print(code + "\t" + "\t".join(names))

subdivisions = json.load(open(f"{json_dir}/iso_3166-2.json", encoding="utf-8"))["3166-2"]
langs = translations("iso_3166-2")
for s in subdivisions:
    if s["code"].split("-")[0] in SUBDIVISIONS and s["type"] in ("Land", "State", "Province", "Canton", "Region", "Country", "Autonomous community", "Voivodship", "Territory", "Nation", "Metropolitan region"):
        code, names = row(s["code"], [s["name"]], langs)
        if names:
            print(code + "\t" + "\t".join(names))
