# Strings and dicts: generate text, split it into words, count them in a dict, build an
# index of word positions, format report lines and do some str methods. Output does not
# depend on dict ordering.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zu", "pe", "qa", "xo"]
ROUNDS = 144


def make_text(n_words, seed):
    words = []
    x = seed
    for _ in range(n_words):
        x = (x * 75 + 74) % 65537
        length = 1 + (x >> 4) % 3
        w = ""
        y = x
        for _ in range(length):
            w += SYLLABLES[y % len(SYLLABLES)]
            y //= len(SYLLABLES)
        if (x >> 9) % 7 == 0:
            w = w[0].upper() + w[1:]
        words.append(w)
    return " ".join(words)


def count_words(text):
    counts = {}
    for w in text.lower().split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def index_words(text):
    index = {}
    for pos, w in enumerate(text.split()):
        key = w.lower()
        if key in index:
            index[key].append(pos)
        else:
            index[key] = [pos]
    return index


def report(counts, top):
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    lines = []
    for rank, (word, n) in enumerate(ranked, 1):
        lines.append("{:>2}. {:<8} {:5d} {}".format(rank, word, n, "#" * (n // 40)))
    return "\n".join(lines)


def transform(text):
    t = text.replace("ka", "KA").replace("zu", "")
    parts = t.split("lo")
    joined = "|".join(p.strip() for p in parts if p)
    return len(joined), joined.count("KA"), joined.find("mine"), t.upper().count("RU")


def checksum(s):
    h = 0
    for ch in s:
        h = (h * 31 + ord(ch)) & 0xFFFFFF
    return h


total_words = 0
digest = 0
for r in range(ROUNDS):
    text = make_text(1000, r + 1)
    counts = count_words(text)
    index = index_words(text)
    total_words += sum(counts.values())
    assert all(len(index[w]) == n for w, n in counts.items())
    rep = report(counts, 8)
    digest = (digest + checksum(rep) + sum(transform(text))) & 0xFFFFFF
    if r == 0:
        print(rep)
    words_by_len = {}
    for w in counts:
        words_by_len.setdefault(len(w), []).append(w)
    shape = sorted((k, len(v)) for k, v in words_by_len.items())
    # Drop this round's data before building the next: the board's heap is small.
    text = index = words_by_len = rep = None
print("string_dict words", total_words, "distinct", len(counts), "shape", shape)
print("string_dict digest", digest)
