#!/usr/bin/env python3
"""make eval: score revue's index against the hand-written answer keys.

usage: eval.py REVUE SHARED [--verbose]

For each corpus that has keys, revue indexes the whole corpus (so that
corpus-wide evidence plays as it would for a user) and the keyed articles are
scored: entities at article level (precision and recall per type), money and
percentages (the right value), speech quotes of four words or more (precision,
recall, speaker), the timeline (precision, and recall of absolute dates). Links (tests/eval/links/*.json) are scored at the
level of article pairs: two articles are linked when --dump links puts them
in one cluster; see link_scores below.
Matching rules are in the functions below; they fold case, accents and
apostrophes and ignore a leading article in names."""
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def fold(s):
    s = unicodedata.normalize("NFD", s or "")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2018", "'").lower()
    s = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", s)
    return s.strip()


def name_key(s):
    s = fold(s)
    s = re.sub(r"^(?:(?:the|le|la|les) |l')", "", s)
    return s


def words(s):
    return re.findall(r"[\w']+", fold(s))


def run(revue, kind, path):
    out = subprocess.run([revue, "--dump", kind, path], capture_output=True, check=True).stdout
    return [json.loads(l) for l in out.decode("utf-8").splitlines()]


def contains_words(big, small):
    """small occurs in big at word boundaries (so "9 milliards" is not found
    in "3,9 milliards")."""
    return re.search(r"(?<![\w.,])" + re.escape(small) + r"(?![\w])", big) is not None


def by_article(rows):
    out = defaultdict(list)
    for r in rows:
        out[r["article"]].append(r)
    return out


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def p(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def r(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def main():
    revue, shared = sys.argv[1], sys.argv[2]
    verbose = "--verbose" in sys.argv
    # --keys=DIR scores another set of keys (tests/eval/heldout: articles
    # keyed but never looked at while tuning, to see whether a rule carries)
    keydir = os.path.join(HERE, "keys")
    for a in sys.argv[3:]:
        if a.startswith("--keys="):
            keydir = os.path.abspath(a[len("--keys="):])
    keys = defaultdict(list)
    for corpus in sorted(os.listdir(keydir)):
        d = os.path.join(keydir, corpus)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if f.endswith(".json"):
                keys[corpus].append(json.load(open(os.path.join(d, f), encoding="utf-8")))
    sc = defaultdict(Score)
    speaker_ok = speaker_n = 0
    value_ok = value_n = 0
    abs_ok = abs_n = 0
    problems = []
    for corpus, ks in keys.items():
        if corpus == "bundled":
            path = os.path.join(ROOT, "corpus")
        else:
            path = os.path.join(shared, "corpora", corpus, "articles")
        if not os.path.isdir(path):
            print(f"eval: {path} missing, {corpus} skipped")
            continue
        ents, quotes, times = (run(revue, k, path) for k in ("entities", "quotes", "timeline"))
        ents, quotes, times = by_article(ents), by_article(quotes), by_article(times)
        for k in ks:
            art = os.path.basename(k["article"])
            tag = f"{corpus}/{art}"
            # entities at article level
            for typ, field in (("person", "people"), ("org", "orgs"), ("product", "products"), ("place", "places")):
                want = {name_key(n) for n in k.get(field, [])}
                # an entity is named by its canonical name or, in this
                # article, by the words that mention it ("AFP" for Agence
                # France-Presse when the corpus spells it out elsewhere)
                forms = defaultdict(set)
                for e in ents.get(art, []):
                    if e["type"] == typ:
                        forms[name_key(e["name"])].add(name_key(e["text"]))
                got = set()
                for canon, texts in forms.items():
                    hit = [w for w in sorted(texts | {canon}) if w in want]
                    got.add(canon if canon in want or not hit else hit[0])
                s = sc[typ]
                s.tp += len(got & want)
                s.fp += len(got - want)
                s.fn += len(want - got)
                if verbose and (got - want or want - got):
                    problems.append(f"{tag} {typ}: extra {sorted(got - want)} missing {sorted(want - got)}")
            # money and percent: each key item matched by value (and unit)
            for typ, field in (("money", "money"), ("percent", "percent")):
                got = [e for e in ents.get(art, []) if e["type"] == typ]
                used = set()
                s = sc[typ]
                for item in k.get(field, []):
                    v = item.get("value")
                    hit = None
                    for i, e in enumerate(got):
                        if i in used:
                            continue
                        if contains_words(fold(e["text"]), fold(item["text"])) or contains_words(fold(item["text"]), fold(e["text"])):
                            hit = i
                            break
                    if hit is None:
                        s.fn += 1
                        if verbose:
                            problems.append(f"{tag} {typ}: missing {item['text']!r} = {v}")
                        continue
                    used.add(hit)
                    s.tp += 1
                    if v is not None:
                        value_n += 1
                        e = got[hit]
                        unit_ok = typ == "percent" or not item.get("unit") or item["unit"] == e.get("unit")
                        if abs(e["value"] - v) <= 1e-6 * max(1, abs(v)) and unit_ok:
                            value_ok += 1
                        elif verbose:
                            problems.append(f"{tag} {typ}: {item['text']!r} want {v} {item.get('unit')} got {e['value']} {e.get('unit')}")
                for i, e in enumerate(got):
                    if i not in used:
                        s.fp += 1
                        if verbose:
                            problems.append(f"{tag} {typ}: extra {e['text']!r}")
            # speech quotes of four words or more
            got = [q for q in quotes.get(art, []) if q["kind"] == "speech" and len(words(q["text"])) >= 4]
            used = set()
            s = sc["quote"]
            for item in k.get("quotes", []):
                kw = " ".join(words(item["text"]))
                if len(kw.split()) < 4:
                    continue
                hit = None
                for i, q in enumerate(got):
                    if i not in used and kw[:60] in " ".join(words(q["text"])):
                        hit = i
                        break
                if hit is None:
                    s.fn += 1
                    if verbose:
                        problems.append(f"{tag} quote: missing {item['text'][:50]!r}")
                    continue
                used.add(hit)
                s.tp += 1
                speaker_n += 1
                if name_key(item.get("speaker") or "") == name_key(got[hit].get("speaker") or ""):
                    speaker_ok += 1
                elif verbose:
                    problems.append(f"{tag} speaker: {item['text'][:40]!r} want {item.get('speaker')} got {got[hit].get('speaker')}")
            for i, q in enumerate(got):
                if i not in used:
                    s.fp += 1
                    if verbose:
                        problems.append(f"{tag} quote: extra {q['text'][:50]!r}")
            # timeline
            got = times.get(art, [])
            used = set()
            s = sc["date"]
            for item in k.get("dates", []):
                hit = None
                # the entry with the same words first, then one holding them
                for i, t in enumerate(got):
                    if i not in used and fold(t["expression"]) == fold(item["text"]):
                        hit = i
                        break
                for i, t in enumerate(got if hit is None else []):
                    # a range ("from 2007 to 2014") answers for each of its ends
                    reusable = "/" in (t["date"] or "")
                    if (i not in used or reusable) and (contains_words(fold(t["expression"]), fold(item["text"])) or contains_words(fold(item["text"]), fold(t["expression"]))):
                        hit = i
                        break
                absolute = not item.get("relative")
                if absolute:
                    abs_n += 1
                if hit is None:
                    s.fn += 1
                    if verbose:
                        problems.append(f"{tag} date: missing {item['text']!r} = {item.get('date')}")
                    continue
                used.add(hit)
                s.tp += 1
                d = got[hit]["date"] or ""
                ends = d.split("/") if "/" in d else [d]
                if absolute and item.get("date") and (any(x.startswith(item["date"]) for x in ends) or d.startswith(item["date"])):
                    abs_ok += 1
                elif absolute and verbose:
                    problems.append(f"{tag} date: {item['text']!r} want {item.get('date')} got {d}")
            for i, t in enumerate(got):
                if i not in used:
                    s.fp += 1
                    if verbose:
                        problems.append(f"{tag} date: extra {t['expression']!r} = {t['date']}")
    n_articles = sum(len(v) for v in keys.values())
    print(f"revue eval: {n_articles} articles with answer keys ({', '.join(f'{c} {len(v)}' for c, v in keys.items())})")
    print()
    print("| kind | precision | recall | found | extra | missed |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for kind in ("person", "org", "product", "place", "money", "percent", "quote", "date"):
        s = sc[kind]
        print(f"| {kind} | {s.p():.3f} | {s.r():.3f} | {s.tp} | {s.fp} | {s.fn} |")
    ppl = [sc[k] for k in ("person", "org", "product")]
    tp, fp, fn = (sum(getattr(x, a) for x in ppl) for a in ("tp", "fp", "fn"))
    print(f"| people+orgs+products | {tp / max(1, tp + fp):.3f} | {tp / max(1, tp + fn):.3f} | {tp} | {fp} | {fn} |")
    print()
    print(f"quote speakers right: {speaker_ok}/{speaker_n} = {speaker_ok / max(1, speaker_n):.3f}")
    print(f"money and percent values right: {value_ok}/{value_n} = {value_ok / max(1, value_n):.3f}")
    print(f"absolute dates found with the right date: {abs_ok}/{abs_n} = {abs_ok / max(1, abs_n):.3f}")
    if verbose:
        print()
        print("\n".join(problems))
    link_scores(revue, shared, verbose)


def link_scores(revue, shared, verbose):
    """Precision and recall of linked article pairs on the link keys. A key
    lists, for groups of articles, the pairs that share a quotation or a
    reused passage (links), and pairs where either answer is fair (optional).
    A found pair with an article of a group counts right when the key lists
    it, wrong when both articles are in the group and the key does not, or
    when the other article belongs to another story; a pair with an article
    of the same story outside the group is not judged."""
    d = os.path.join(HERE, "links")
    rows = []
    problems = []
    tot = Score()
    for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        if not f.endswith(".json"):
            continue
        key = json.load(open(os.path.join(d, f), encoding="utf-8"))
        path = os.path.join(shared, "corpora", key["corpus"], "articles")
        if not os.path.isdir(path):
            print(f"eval: {path} missing, links of {key['corpus']} skipped")
            continue
        story = re.compile(key["story"])
        found = set()
        for c in run(revue, "links", path):
            arts = sorted({m["article"] for m in c["members"]})
            for i, x in enumerate(arts):
                for y in arts[i + 1:]:
                    found.add((x, y))
        s = Score()
        for g in key["groups"]:
            arts = set(g["articles"])
            want = {tuple(sorted(p[:2])) for p in g["links"]}
            optional = {tuple(sorted(p[:2])) for p in g["optional"]}
            mine = {p for p in found if p[0] in arts or p[1] in arts}
            for p in sorted(mine):
                inside = p[0] in arts and p[1] in arts
                if p in want:
                    s.tp += 1
                elif p in optional:
                    continue
                elif inside or story.match(p[0]).group(1) != story.match(p[1]).group(1):
                    s.fp += 1
                    problems.append(f"{key['corpus']} link: extra {p[0]} {p[1]}")
            for p in sorted(want - found):
                s.fn += 1
                problems.append(f"{key['corpus']} link: missed {p[0]} {p[1]}")
        rows.append((key["corpus"], s, len(key["groups"])))
        tot.tp += s.tp
        tot.fp += s.fp
        tot.fn += s.fn
    if not rows:
        return
    print()
    print("| links (article pairs) | groups | precision | recall | found | extra | missed |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for corpus, s, n in rows:
        print(f"| {corpus} | {n} | {s.p():.3f} | {s.r():.3f} | {s.tp} | {s.fp} | {s.fn} |")
    print(f"| all | {sum(n for _, _, n in rows)} | {tot.p():.3f} | {tot.r():.3f} | {tot.tp} | {tot.fp} | {tot.fn} |")
    if verbose and problems:
        print()
        print("\n".join(problems))


if __name__ == "__main__":
    main()
