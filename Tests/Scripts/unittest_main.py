# unittest.main() raises SystemExit(0) when every test passed and SystemExit(1) otherwise, so
# the script's exit status tells; exit=False returns the program, whose .result holds the
# counts. main() takes a module, or its name; TestLoader, TestSuite and TextTestRunner (which
# writes to any stream) can also be used by hand.
import io
import unittest

with open("sensor_tests.py", "w") as f:
    f.write(
        "import unittest\n"
        "class TestSensor(unittest.TestCase):\n"
        "    def test_reads(self):\n"
        "        self.assertEqual(21 + 21, 42)\n"
    )

import sensor_tests

try:
    unittest.main(sensor_tests)
except SystemExit as e:
    print("main(module) exit:", e.args)

program = unittest.main("sensor_tests", exit=False)
print("main(name) result:", program.result.testsRun, program.result.wasSuccessful())


class TestBroken(unittest.TestCase):
    def test_a(self):
        self.assertTrue(False)

    def test_b(self):
        pass

    def helper(self):
        pass


loader = unittest.TestLoader()
print("names:", loader.getTestCaseNames(TestBroken))
suite = unittest.TestSuite()
suite.addTest(TestBroken("test_b"))
suite.addTests(loader.loadTestsFromTestCase(sensor_tests.TestSensor))
print("count:", suite.countTestCases())
out = io.StringIO()
result = unittest.TextTestRunner(stream=out).run(suite)
print("captured:", out.getvalue().split("\n")[:2], result.testsRun, result.wasSuccessful())

result = unittest.TestResult()
TestBroken("test_a").run(result)
print("plain result:", result.testsRun, len(result.failures), result.wasSuccessful())


class Empty:
    pass


unittest.main(Empty, exit=False)

# This __main__ has one failing test, so the script ends with exit status 1.
unittest.main()
print("not reached")
