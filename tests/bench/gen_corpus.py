#!/usr/bin/env python3
"""gen_corpus.py SHARED OUTDIR N [SEED]: write N realistic articles into OUTDIR.

Articles are built from real paragraphs of SHARED/corpora (French and English,
about two thirds French), with a header (title, source, date, lang) on most
and none on the rest, quotations in « » and “ ”, names, dates, money and
percentages as the paragraphs carry them, and reused passages: one article in
five repeats a paragraph of an earlier one (wire copy) or one of a pool of
shared quotes, reworded now and then. Deterministic for a given SEED.
Files go in subfolders of 1,000 so that no directory grows huge."""
import os
import random
import sys


def paragraphs(shared):
    fr, en = [], []
    root = os.path.join(shared, "corpora")
    for corpus in sorted(os.listdir(root)):
        art = os.path.join(root, corpus, "articles")
        if not os.path.isdir(art):
            continue
        for name in sorted(os.listdir(art)):
            with open(os.path.join(art, name), encoding="utf-8", errors="replace") as f:
                text = f.read()
            head, _, body = text.partition("\n\n")
            lang = "fr" if "lang: fr" in head else "en"
            for p in body.split("\n"):
                p = p.strip()
                if len(p) > 120:
                    (fr if lang == "fr" else en).append(p)
    return fr, en


SOURCES_FR = ["Le Monde", "Libération", "Le Figaro", "Les Échos", "La Croix", "Ouest-France",
              "20 Minutes", "L'Express", "Mediapart", "France Info"]
SOURCES_EN = ["The Guardian", "Reuters", "BBC News", "The New York Times", "AP", "Financial Times"]
SPEAKERS = ["Mustafa Suleyman", "Satya Nadella", "Sam Altman", "Emmanuel Macron", "Christine Lagarde",
            "Ursula von der Leyen", "Élisabeth Borne", "Jean-Luc Mélenchon", "Marine Le Pen"]


def reword(p, rng):
    words = p.split(" ")
    for _ in range(max(1, len(words) // 15)):
        i = rng.randrange(len(words))
        words[i] = words[i].upper() if rng.random() < 0.2 else words[i][::-1] if rng.random() < 0.1 else words[i]
        if rng.random() < 0.5 and len(words) > 5:
            del words[rng.randrange(len(words))]
    return " ".join(words)


def main():
    shared, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    fr, en = paragraphs(shared)
    quotes = [(rng.choice(SPEAKERS), rng.choice(fr)[:220]) for _ in range(200)]
    history = []
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        lang = "fr" if rng.random() < 0.67 else "en"
        pool = fr if lang == "fr" else en
        paras = [rng.choice(pool) for _ in range(rng.randint(3, 9))]
        if history and rng.random() < 0.2:
            paras.insert(rng.randrange(len(paras)), rng.choice(history))
        if rng.random() < 0.3:
            who, q = rng.choice(quotes)
            if rng.random() < 0.5:
                q = reword(q, rng)
            if lang == "fr":
                paras.append(f"{who} a déclaré : « {q} »")
            else:
                paras.append(f"“{q},” {who} said.")
        history.append(rng.choice(paras))
        if len(history) > 500:
            history.pop(0)
        title = paras[0].split(". ")[0][:110]
        y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        body = "\n\n".join(paras) + "\n"
        if rng.random() < 0.85:
            src = rng.choice(SOURCES_FR if lang == "fr" else SOURCES_EN)
            text = f"title: {title}\nsource: {src}\ndate: {y:04d}-{m:02d}-{d:02d}\nlang: {lang}\n\n{body}"
        else:
            text = body
        sub = os.path.join(out, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"a{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
