# Each assert method of unittest.TestCase: it passes quietly when it holds, and its failure
# message reads as in CPython, with msg= appended after " : " (or alone without longMessage).
# Unlike CPython, strings and lists that differ get no diff: just "[1, 2] != [1, 3]".
import unittest


class Checks(unittest.TestCase):
    def runTest(self):
        pass


t = Checks()


def check(name, *args, **kwargs):
    try:
        getattr(t, name)(*args, **kwargs)
    except AssertionError as e:
        print(name, "->", e)
    else:
        print(name, "holds")


check("assertEqual", 1, 1)
check("assertEqual", 1, 2)
check("assertEqual", "a", "b")
check("assertEqual", [1, 2], [1, 3])
check("assertEqual", (1, "x"), None)
check("assertEqual", 1, 2, msg="sensor id")
check("assertEqual", 1, 2, "positional msg")
check("assertNotEqual", 1, 2)
check("assertNotEqual", "a", "a")
check("assertTrue", 1)
check("assertTrue", 0)
check("assertTrue", [])
check("assertFalse", 0)
check("assertFalse", True)
check("assertFalse", "x")
check("assertIs", None, None)
check("assertIs", 1, None)
check("assertIsNot", 1, None)
check("assertIsNot", None, None)
check("assertIsNone", None)
check("assertIsNone", 0)
check("assertIsNotNone", 0)
check("assertIsNotNone", None)
check("assertIn", 1, [1, 2])
check("assertIn", 3, [1, 2])
check("assertIn", "z", "abc")
check("assertNotIn", 3, (1, 2))
check("assertNotIn", "b", {"b": 1})
check("assertIsInstance", 1, int)
check("assertIsInstance", 1, str)
check("assertIsInstance", 1, (str, bytes))
check("assertNotIsInstance", 1, str)
check("assertNotIsInstance", 1, int)
check("assertGreater", 2, 1)
check("assertGreater", 1, 1)
check("assertGreaterEqual", 1, 1)
check("assertGreaterEqual", 1, 2)
check("assertLess", 1, 2)
check("assertLess", 2, 2)
check("assertLessEqual", 2, 2)
check("assertLessEqual", 3, 2)
check("assertAlmostEqual", 1.0, 1.0)
check("assertAlmostEqual", 0.5, 0.5 + 1e-8)
check("assertAlmostEqual", 1, 2)
check("assertAlmostEqual", 1.25, 1.5, places=1)
check("assertAlmostEqual", 1.25, 1.5, delta=0.5)
check("assertAlmostEqual", 10, 12, delta=1)
check("assertAlmostEqual", 10, 12, delta=1, msg="too far")
check("assertNotAlmostEqual", 1, 2)
check("assertNotAlmostEqual", 1, 1)
check("assertNotAlmostEqual", 1.25, 1.5, places=0)
check("assertNotAlmostEqual", 10, 12, delta=3)
check("assertNotAlmostEqual", 10, 11, delta=5)
check("assertCountEqual", [1, 2, 2], [2, 1, 2])
check("assertCountEqual", [[1], [2]], [[2], [1]])
check("assertCountEqual", [1, 2, 2, 3], [2, 1, 4])
check("fail")
check("fail", "gave up")
try:
    t.assertAlmostEqual(1, 2, places=1, delta=1)
except TypeError as e:
    print("places and delta:", e)

t.longMessage = False
check("assertEqual", 1, 2, "only mine")
check("assertEqual", 1, 2)
t.longMessage = True

# failureException decides what a failed assert raises.
class Strict(unittest.TestCase):
    failureException = ValueError

    def runTest(self):
        pass


try:
    Strict().assertTrue(False)
except ValueError as e:
    print("failureException:", type(e).__name__, e)
