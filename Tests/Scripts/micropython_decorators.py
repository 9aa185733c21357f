# @micropython.native runs as bytecode, with the same results; viper and the assemblers raise
# NotImplementedError naming the decorator, not a bare SyntaxError, when the code compiles.
import micropython


@micropython.native
def add(a, b):
    return a + b


class Counter:
    def __init__(self):
        self.n = 0

    @micropython.native
    def step(self, by=1):
        self.n += by
        return self.n


@micropython.native
def squares(n):
    for i in range(n):
        yield i * i


@micropython.bytecode
def twice(x):
    return 2 * x


c = Counter()
c.step()
print(add(2, 3), c.step(5), list(squares(4)), twice(21))

VIPER = """
@micropython.viper
def sum_bytes(buf) -> int:
    p = ptr8(buf)
    return p[0] + p[1]
"""
THUMB = """
x = 1

@micropython.asm_thumb
def one():
    mov(r0, 1)
"""
XTENSA = """
def outer():
    @micropython.asm_xtensa
    def one():
        movi(a2, 1)
    return one
"""
UNKNOWN = """
@micropython.fast
def f():
    pass
"""
for name, source in (("viper", VIPER), ("asm_thumb", THUMB), ("asm_xtensa", XTENSA), ("unknown", UNKNOWN)):
    try:
        exec(source)
        print(name, "compiled")
    except (NotImplementedError, SyntaxError) as e:
        print(name, type(e).__name__ + ":", e)

# The error points at the decorator's line.
try:
    exec(compile(THUMB, "thumb.py", "exec"))
except NotImplementedError as e:
    import sys
    import io

    out = io.StringIO()
    sys.print_exception(e, out)
    print([line.strip() for line in out.getvalue().splitlines() if "thumb.py" in line])
