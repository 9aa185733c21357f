# mpsim-args: --heap 81920 --timeout 120
# Garbage-collector stress on a small heap. The collector must see every live pointer,
# including those the firmware keeps in WebAssembly locals while it calls something that
# allocates. So this script
#   - keeps objects only in the locals of deep recursive frames while callees churn the heap;
#   - makes C code build results (tuple(), sorted(), sum(), join, dict(), repr, struct,
#     star-args...) while Python callbacks it invokes allocate and call gc.collect();
#   - verifies every structure it built, at once and again at the end, with checksums.
# Every value is exact integer or text work, so the output is the same on any build.
import gc
import struct

M = 1000003
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def mix(h, v):
    return (h * 131 + v) % M


def checksum(obj):
    t = type(obj)
    if obj is None:
        return 43
    if t is bool:
        return 59 if obj else 61
    if t is int:
        h = 17 if obj >= 0 else 19
        obj = abs(obj)
        while obj:
            h = mix(h, obj & 0xFFFF)
            obj >>= 16
        return h
    if t is str:
        h = 23
        for c in obj:
            h = mix(h, ord(c))
        return h
    if t is bytes or t is bytearray:
        h = 29
        for x in obj:
            h = mix(h, x)
        return h
    if t is list or t is tuple:
        h = 31 if t is list else 37
        for x in obj:
            h = mix(h, checksum(x))
        return h
    if t is dict:
        # Order-independent: dict order depends on hashing details of the build.
        h = 41
        for k in obj:
            h = (h + checksum(k) * 7 + checksum(obj[k]) * 3) % M
        return h
    if t is set:
        h = 47
        for k in obj:
            h = (h + checksum(k) * 5) % M
        return h
    if isinstance(obj, Rec):
        return mix(53, checksum(obj.fields()))
    if callable(obj):
        return mix(67, checksum(obj(3)))
    raise TypeError("no checksum for %s" % t)


class Rec:
    def __init__(self, a, b, tag):
        self.a = a
        self.b = b
        self.tag = tag
        self.items = [a, b, tag]

    def fields(self):
        return (self.a, self.b, self.tag, self.items)


def make_adder(seed):
    base = [seed, seed * 2]
    label = "add%d" % seed

    def add(x):
        return (base[0] + base[1] + x, label)

    return add


def churn(n, seed, every):
    # A generator that makes garbage and collects while its consumer (C code) is mid-way.
    for i in range(n):
        junk = ["j%d" % i, (i, seed), bytearray(i % 17)]
        if i % every == 0:
            gc.collect()
        yield (seed + i) * (1 << 70) + len(junk) + i


# --- Phase A: deep recursion; every frame keeps objects only in its locals -------------
def descend(depth, seed):
    s = "node-%d-" % seed + "x" * (seed % 13)
    b = bytes([(seed + i) & 0xFF for i in range(8 + seed % 5)])
    lst = [seed * i for i in range(6)]
    d = {"k%d" % i: (i, seed) for i in range(3)}
    tup = (seed, s, b, lst)
    big = (seed + 1) ** 7 * (1 << 45) + seed
    f = make_adder(seed)
    ba = bytearray(b)
    ba.append(seed & 0xFF)
    rec = Rec(seed, -seed, s[:4])
    st = {seed, seed + 1, seed * 3}
    if depth % 4 == 0:
        gc.collect()
    if depth:
        below = descend(depth - 1, (seed * 7 + 3) % 1009)
    else:
        below = None
        gc.collect()
    # The callee churned the heap; everything here must be intact.
    check(s == "node-%d-" % seed + "x" * (seed % 13), "s")
    check(len(b) == 8 + seed % 5 and b[0] == seed & 0xFF, "b")
    check(sum(lst) == seed * 15, "lst")
    check(len(d) == 3 and all(d["k%d" % i] == (i, seed) for i in range(3)), "d")
    check(tup[0] == seed and tup[1] is s and tup[2] is b and tup[3] is lst, "tup")
    check(big == (seed + 1) ** 7 * (1 << 45) + seed, "big")
    check(f(1) == (seed * 3 + 1, "add%d" % seed), "closure")
    check(ba[:-1] == b and ba[-1] == seed & 0xFF, "ba")
    check(rec.fields() == (seed, -seed, s[:4], [seed, -seed, s[:4]]), "rec")
    check(st == {seed, seed + 1, seed * 3}, "set")
    here = (s, b, lst, d, tup, big, f, ba, rec, st)
    return (checksum(here), here, below)


def verify_chain(node):
    n = 0
    while node is not None:
        check(checksum(node[1]) == node[0], "chain")
        node = node[2]
        n += 1
    return n


def phase_a(rounds, depth):
    kept = None
    total = 0
    for r in range(rounds):
        chain = descend(depth, r * 11 + 1)
        total = (total + chain[0]) % M
        if r % 3 == 0:
            kept = chain  # keep some chains alive while later rounds churn
        check(verify_chain(chain) == depth + 1, "chain length")
    check(verify_chain(kept) == depth + 1, "kept chain")
    return total


# --- Phase B: C code holding partial results while callbacks allocate and collect ------
class Noisy:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        junk = [str(self.v)] * 4
        if self.v % 3 == 0:
            gc.collect()
        return "N<%s>" % "".join(junk)

    __str__ = __repr__

    def __hash__(self):
        if self.v % 5 == 0:
            gc.collect()
        return self.v * 7 + len(str(self.v) * 3)

    def __eq__(self, other):
        [other] * 8
        return isinstance(other, Noisy) and self.v == other.v


def collecting_key(x):
    parts = [x % 97, str(x)]
    if x % 7 == 0:
        gc.collect()
    return (parts[0], len(parts[1]), x)


def star_sink(*args, **kw):
    return (len(args), sum(args), sorted(kw.items()))


def phase_b(n, seed):
    out = []
    expect_values = [(seed + i) * (1 << 70) + 3 + i for i in range(n)]

    t = tuple(churn(n, seed, 5))
    check(t == tuple(expect_values), "tuple(gen)")
    out.append(t)

    total = sum(churn(n, seed, 4))
    check(total == sum(expect_values), "sum(gen)")
    out.append(total)

    m = max(churn(n, seed, 3), key=lambda v: (v % 1009, [v] * 2)[0])
    check(m == max(expect_values, key=lambda v: v % 1009), "max key")
    out.append(m)

    srt = sorted(churn(n, seed, 6), key=collecting_key)
    check(srt == sorted(expect_values, key=lambda x: (x % 97, len(str(x)), x)), "sorted key")
    out.append(srt)

    joined = "-".join(str(v % 100000) for v in churn(n, seed, 4))
    check(joined == "-".join([str(v % 100000) for v in expect_values]), "join")
    out.append(joined)

    d = dict((Noisy(i), [i] * (i % 4)) for i in range(n))
    check(len(d) == n and all(d[Noisy(i)] == [i] * (i % 4) for i in range(n)), "dict noisy")
    out.append(sorted([(k.v, v) for k, v in d.items()]))

    st = set(Noisy(i % (n // 2)) for i in range(n))
    check(len(st) == n // 2 and Noisy(1) in st, "set noisy")
    out.append(sorted([k.v for k in st]))

    text = repr([Noisy(i) for i in range(n)])
    check(text == "[" + ", ".join(["N<" + str(i) * 4 + ">" for i in range(n)]) + "]", "repr")
    out.append(text)

    fmt = "%s|%s|%r" % (Noisy(seed), Noisy(seed + 3), Noisy(seed + 6))
    fmt2 = "{}/{}/{!r}".format(Noisy(9), Noisy(12), [Noisy(15)])
    check(fmt == "N<%s>|N<%s>|N<%s>" % (str(seed) * 4, str(seed + 3) * 4, str(seed + 6) * 4), "%")
    check(fmt2 == "N<9999>/N<12121212>/[N<15151515>]", "format")
    out.append(fmt + fmt2)

    called = star_sink(*churn(n, seed, 5), **{"k%d" % i: Noisy(i).v for i in range(6)})
    check(called == (n, sum(expect_values), [("k%d" % i, i) for i in range(6)]), "star args")
    out.append(called)

    first, *middle, last = churn(n, seed, 4)
    check(first == expect_values[0] and last == expect_values[-1] and middle == expect_values[1:-1], "unpack")
    out.append(middle)

    mapped = list(map(lambda v: [v % 1000, str(v)[-3:]], churn(n, seed, 7)))
    check(mapped == [[v % 1000, str(v)[-3:]] for v in expect_values], "map")
    out.append(mapped)

    zipped = list(zip(churn(n, seed, 5), (Noisy(i) for i in range(n)), "abcdefghijklmnopqrstuvwxyz" * 4))
    check(len(zipped) == n and all(z[0] == expect_values[i] and z[1].v == i for i, z in enumerate(zipped)), "zip")
    out.append([(z[0], z[1].v, z[2]) for z in zipped])

    ext = [seed]
    ext.extend(churn(n, seed, 3))
    check(ext == [seed] + expect_values, "extend")
    out.append(ext)

    bs = bytes(v & 0xFF for v in churn(n, seed, 5))
    ba = bytearray(v & 0x7F for v in churn(n, seed, 6))
    check(list(bs) == [v & 0xFF for v in expect_values] and list(ba) == [v & 0x7F for v in expect_values], "bytes(gen)")
    out.append(bs + ba)

    packed = struct.pack("<8I", *[(seed * 2654435761 + i * 40503) & 0xFFFFFFFF for i in range(8)])
    unpacked = struct.unpack("<8I", packed)
    check(list(unpacked) == [(seed * 2654435761 + i * 40503) & 0xFFFFFFFF for i in range(8)], "struct")
    out.append(unpacked)

    words = (" ".join(["w%d" % (i * seed % 1000) for i in range(n)]) + " ") * 2
    words = words.split()
    check(len(words) == 2 * n and words[n] == "w0", "split")
    out.append(words)

    big = 1
    for v in churn(n // 2, seed, 3):
        big = big * (v % 1000003 + 1) + 1
    s_big = str(big)
    check(int(s_big) == big and int(s_big[:-9]) * 10**9 + int(s_big[-9:]) == big, "bigint")
    out.append((big, len(s_big)))

    found = Noisy(n - 1) in [Noisy(i) for i in range(n)]
    check(found, "in list")

    return out


# --- Phase C: exceptions and generators suspended across collections -----------------
def thrower(depth, tag):
    data = [tag] * depth
    if depth == 0:
        gc.collect()
        raise ValueError("bottom-" + tag, data)
    return thrower(depth - 1, tag + "!")


def phase_c(rounds):
    results = []
    gens = []
    for r in range(rounds):
        try:
            thrower(12 + r % 5, "t%d" % r)
        except ValueError as e:
            results.append((e.args[0], len(e.args[1])))
        g = churn(10, r, 2)
        next(g)
        gens.append(g)  # suspended generators hold frames with locals
        gc.collect()
    for r, g in enumerate(gens):
        rest = list(g)
        check(rest == [(r + i) * (1 << 70) + 3 + i for i in range(1, 10)], "suspended gen")
        results.append(len(rest))
    return results


def main():
    total_a = phase_a(24, 16)
    print("phase A", total_a)
    keep = []
    for seed in range(1, 9):
        out = phase_b(20, seed)
        cs = checksum(out)
        keep.append((cs, out))
        if len(keep) > 2:
            keep.pop(0)
        gc.collect()
    sums = 0
    for cs, out in keep:
        check(checksum(out) == cs, "kept phase B")
        sums = (sums + cs) % M
    print("phase B", sums)
    results_c = phase_c(20)
    print("phase C", checksum(results_c))
    if failures:
        print("FAILED", len(failures), failures[:10])
    else:
        print("ok")


main()
