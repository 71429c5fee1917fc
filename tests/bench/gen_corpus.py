#!/usr/bin/env python3
"""gen_corpus.py SHARED OUTDIR N [SEED]: write N realistic articles into OUTDIR.

Articles are built from real paragraphs of SHARED/corpora (French and English,
about two thirds French), with a header (title, source, date, lang) on most
and none on the rest, quotations in « » and “ ”, names, dates, money and
percentages as the paragraphs carry them, and reused passages within
stories of 1 to 10 articles: wire copy and quotes, reworded now and then
(see Text and main for why nothing else recurs). Deterministic for a given
SEED.
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


class Text:
    """Paragraphs of one language: each real paragraph is used once, in a
    shuffled order; past the pool, paragraphs come from a first-order word
    chain learnt from it (real words, capitals, punctuation and numbers in
    their proportions and local order, but no sentence reused verbatim).
    So no paragraph recurs by accident across the corpus: text is shared
    only where the generator means it to be (a story's wire copy and
    quotes), as in a real press review, and shared text grows with the
    corpus, not with its square. (Reusing real paragraphs with one word in
    three replaced still left runs of three content words in common: the
    link finder's pairs then grew 2.7 times for twice the corpus.)"""

    def __init__(self, pool, rng):
        self.pool = pool[:]
        rng.shuffle(self.pool)
        self.next = 0
        self.rng = rng
        self.chain = {}
        for p in pool:
            words = p.split(" ")
            for x, y in zip(words, words[1:]):
                self.chain.setdefault(x, []).append(y)
        self.starts = [p.split(" ")[0] for p in pool]

    def paragraph(self):
        if self.next < len(self.pool):
            self.next += 1
            return self.pool[self.next - 1]
        rng = self.rng
        w = rng.choice(self.starts)
        out = [w]
        for _ in range(rng.randint(40, 110)):
            nxt = self.chain.get(w)
            w = rng.choice(nxt) if nxt else rng.choice(self.starts)
            out.append(w)
        p = " ".join(out)
        return p if p.endswith(".") else p + "."


def main():
    shared, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    fr, en = paragraphs(shared)
    text = {"fr": Text(fr, rng), "en": Text(en, rng)}
    os.makedirs(out, exist_ok=True)
    story = None
    for i in range(n):
        # Articles come in stories of 1 to 10 (most small): the articles of
        # a story share wire copy and quote the same people, reworded now
        # and then; different stories share nothing but common phrases.
        if story is None or story["left"] == 0:
            lang = "fr" if rng.random() < 0.67 else "en"
            t = text[lang]
            story = {"lang": lang, "left": min(10, 1 + int(rng.expovariate(0.45))),
                     "wire": [t.paragraph() for _ in range(2)],
                     "quotes": [(rng.choice(SPEAKERS), t.paragraph()[:220]) for _ in range(2)]}
        story["left"] -= 1
        lang = story["lang"]
        paras = [text[lang].paragraph() for _ in range(rng.randint(3, 9))]
        if rng.random() < 0.4:
            paras.insert(rng.randrange(len(paras)), rng.choice(story["wire"]))
        if rng.random() < 0.4:
            who, q = rng.choice(story["quotes"])
            if rng.random() < 0.5:
                q = reword(q, rng)
            if lang == "fr":
                paras.append(f"{who} a déclaré : « {q} »")
            else:
                paras.append(f"“{q},” {who} said.")
        title = paras[0].split(". ")[0][:110]
        y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
        body = "\n\n".join(paras) + "\n"
        if rng.random() < 0.85:
            src = rng.choice(SOURCES_FR if lang == "fr" else SOURCES_EN)
            text_ = f"title: {title}\nsource: {src}\ndate: {y:04d}-{m:02d}-{d:02d}\nlang: {lang}\n\n{body}"
        else:
            text_ = body
        sub = os.path.join(out, f"{i // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"a{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(text_)


if __name__ == "__main__":
    main()
