# assertRaises as a context manager (the exception is kept in .exception) and in its callable
# form, with a tuple of exceptions, msg=, and an unexpected exception passing through.
import unittest


class Checks(unittest.TestCase):
    def runTest(self):
        pass


t = Checks()


def parse(text, base=10):
    return int(text, base)


with t.assertRaises(ValueError) as cm:
    parse("12x")
print("context:", type(cm.exception).__name__, cm.exception is not None)

with t.assertRaises(LookupError) as cm:
    {}["key"]
print("subclass:", type(cm.exception).__name__, cm.exception.args)

with t.assertRaises((TypeError, ValueError)):
    parse(None)
print("tuple: caught")

t.assertRaises(ValueError, parse, "12x")
t.assertRaises(ValueError, parse, "z", base=16)
print("callable: caught")
print("callable returns:", t.assertRaises(ZeroDivisionError, lambda: 1 // 0))

try:
    with t.assertRaises(ValueError):
        parse("12")
except AssertionError as e:
    print("context not raised:", e)

try:
    with t.assertRaises(ValueError, msg="parse must reject it"):
        parse("12")
except AssertionError as e:
    print("context msg:", e)

try:
    with t.assertRaises((KeyError, IndexError)):
        pass
except AssertionError as e:
    print("tuple not raised:", e)

try:
    t.assertRaises(ValueError, parse, "12")
except AssertionError as e:
    print("callable not raised:", e)

# In the callable form, msg= goes to the callable: parse() rejects it.
t.assertRaises(TypeError, parse, "12", msg="hex")
print("callable passes msg on: caught")

try:
    with t.assertRaises(ValueError):
        raise KeyError("other")
except KeyError as e:
    print("other exception passes through:", repr(e))



def broken():
    raise OSError(5)


try:
    t.assertRaises(TypeError, broken)
except OSError as e:
    print("callable other exception passes through:", repr(e))
