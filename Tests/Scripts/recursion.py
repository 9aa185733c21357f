# mpsim-args: --heap 262144
# The generator case keeps ~80 bytes of heap per level until the 1 MB C stack runs out (about
# 2300 levels, ~185 KB), so the default 192 KB heap left it a near tie with MemoryError that
# stale pointers from the earlier cases could tip either way; a larger heap keeps it a
# stack limit.
# Unbounded recursion raises RuntimeError('maximum recursion depth exceeded') instead of
# crashing the board, whatever path the recursion takes; the script carries on afterwards.
depth = 0


def down(n):
    global depth
    depth = n
    return down(n + 1) + 1


def attempt(name, action):
    try:
        action()
        print(name + ": returned?!")
    except RuntimeError as e:
        print(name + ": RuntimeError:", e)


attempt("function", lambda: down(0))
print("reached a useful depth:", depth >= 50)


def ping(n):
    return pong(n + 1)


def pong(n):
    return ping(n + 1)


attempt("mutual", lambda: ping(0))


class Node:
    def visit(self, n):
        return self.visit(n + 1)

    def __repr__(self):
        return "Node(%r)" % self


attempt("method", lambda: Node().visit(0))
attempt("__repr__", lambda: repr(Node()))


def gen(n):
    yield from gen(n + 1)


attempt("generator", lambda: next(gen(0)))


class Eq:
    def __eq__(self, other):
        return self == other


attempt("__eq__", lambda: Eq() == Eq())


class Attr:
    def __getattr__(self, name):
        return getattr(self, name)


attempt("__getattr__", lambda: Attr().a)


# The interpreter keeps working, and bounded recursion still goes as deep as before.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


print("after:", fact(30), count(40), sum(range(100)))
attempt("again", lambda: down(0))
print("depth again:", depth >= 50)
print("done")
