# unittest for mpsim: CPython's unittest API, written for MicroPython and frozen into the
# firmware. TestCase (fixtures, cleanups, asserts, subTest), skip decorators, expectedFailure,
# TestSuite, TestLoader, TextTestRunner and main().
#
# Output of main() and TextTestRunner. The host's test runner parses it line by line, so
# keep it stable (Tests/Scripts/unittest_*.py.exp pin it down):
#
#   test_add (TestMath) ... ok                  one line a test, sorted by class then method;
#   test_div (TestMath) ... FAIL                the verdict is one of ok, FAIL, ERROR,
#   test_skip (TestMath) ... skipped 'why'      skipped 'reason' (its repr), expected failure,
#   test_xf (TestMath) ... expected failure     unexpected success
#   tearDownClass (TestMath) ... ERROR          only if tearDownClass raised (not in "Ran")
#   (blank line)
#   ======================================================================   70 '=', then for
#   FAIL: test_div (TestMath)                   each FAIL and ERROR in run order (CPython
#   ----------------------------------------------------------------------   lists errors first)
#   Traceback (most recent call last):          sys.print_exception's text, without frames
#     File "test_math.py", line 9, in test_div  in this file
#   AssertionError: 1 != 2
#   (blank line)
#   ----------------------------------------------------------------------
#   Ran 6 tests in 0.001s                       board clock (time.ticks_us), 3 decimals
#   (blank line)
#   FAILED (failures=1, errors=1, skipped=1, expected failures=1, unexpected successes=1)
#
# The last line is OK when nothing failed, errored or unexpectedly succeeded, with the
# nonzero counts in brackets: OK (skipped=1). Then main() raises SystemExit(0 or 1), unless
# given exit=False. Assert messages are CPython's ("1 != 2 : msg"), without its diffs of
# unequal strings, lists and dicts.
#
# Unlike CPython, a verdict line is written whole after its test has run, so what a test
# prints comes before that line and cannot split it; end such output with a newline. A
# failing subTest gets its own block, headed "FAIL: test_x (TestMath) (i=3)", and its own
# count; its test's line says FAIL (or ERROR if no subtest failed an assert). If setUpClass
# raises, each test of the class is an ERROR with that traceback. Exceptions that are not
# Exception subclasses (KeyboardInterrupt, SystemExit) are not caught: they end the run.
import io
import sys
from time import ticks_diff, ticks_us


class SkipTest(Exception):
    pass


# MicroPython functions take no attributes, so the marks that skip() and expectedFailure()
# put on a test function live here, keyed by the function. Classes carry them as attributes,
# so that subclasses inherit them.
_skip_why = {}
_expecting_failure = {}


def skip(reason):
    def decorator(item):
        if isinstance(item, type):
            item.__unittest_skip_why__ = reason
            return item

        # Called directly, the test skips itself, as in CPython.
        def skipped(*args, **kwargs):
            raise SkipTest(reason)

        _skip_why[skipped] = reason
        return skipped

    return decorator


def _keep(item):
    return item


def skipIf(condition, reason):
    return skip(reason) if condition else _keep


def skipUnless(condition, reason):
    return _keep if condition else skip(reason)


def expectedFailure(item):
    if isinstance(item, type):
        item.__unittest_expecting_failure__ = True
    else:
        _expecting_failure[item] = True
    return item


def _traceback(exc):
    # sys.print_exception's text, less this module's frames (CPython hides its own too).
    out = io.StringIO()
    sys.print_exception(exc, out)
    mine = '  File "%s"' % __file__
    return "\n".join(line for line in out.getvalue().split("\n") if not line.startswith(mine))


class _AssertRaisesContext:
    def __init__(self, expected, test_case, msg, callable_name=None):
        self.expected = expected
        self.test_case = test_case
        self.msg = msg
        self.callable_name = callable_name
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            name = getattr(self.expected, "__name__", None) or str(self.expected)
            if self.callable_name:
                self.test_case._fail("%s not raised by %s" % (name, self.callable_name), self.msg)
            self.test_case._fail("%s not raised" % name, self.msg)
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value
        return True


class _SubTest:
    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def __str__(self):
        parts = []
        if self.msg is not None:
            parts.append("[%s]" % self.msg)
        if self.params:
            # Sorted: MicroPython keeps no keyword order.
            names = sorted(self.params)
            parts.append("(%s)" % ", ".join("%s=%r" % (k, self.params[k]) for k in names))
        return "%s %s" % (self.case, " ".join(parts) or "(<subtest>)")

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None or not issubclass(exc_type, Exception):
            return False
        if issubclass(exc_type, SkipTest):
            return False
        flavour = "FAIL" if isinstance(exc_value, self.case.failureException) else "ERROR"
        self.case._subtest_problems.append((flavour, str(self), _traceback(exc_value)))
        return True


class TestCase:
    failureException = AssertionError
    longMessage = True

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._cleanups = []
        self._subtest_problems = []

    def __str__(self):
        return "%s (%s)" % (self._testMethodName, type(self).__name__)

    def __repr__(self):
        return "<%s testMethod=%s>" % (type(self).__name__, self._testMethodName)

    def id(self):
        return "%s.%s" % (type(self).__name__, self._testMethodName)

    def countTestCases(self):
        return 1

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def skipTest(self, reason):
        raise SkipTest(reason)

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        # Last added runs first; returns the traceback of each cleanup that raised.
        problems = []
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception as e:
                problems.append(_traceback(e))
        return problems

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def __call__(self, result=None):
        return self.run(result)

    def run(self, result=None):
        if result is None:
            result = TestResult()
        result.startTest(self)
        function = getattr(type(self), self._testMethodName)
        why = getattr(type(self), "__unittest_skip_why__", None)
        if why is None:
            why = _skip_why.get(function)
        if why is not None:
            result.addSkip(self, why)
            return result
        expecting = _expecting_failure.get(function, False) or getattr(
            type(self), "__unittest_expecting_failure__", False
        )
        self._subtest_problems = []
        # The first thing that goes wrong decides the verdict: (verdict, traceback or reason).
        outcome = None
        try:
            self.setUp()
        except SkipTest as e:
            outcome = ("skip", _reason(e))
        except Exception as e:
            outcome = ("ERROR", _traceback(e))
        if outcome is None:
            try:
                getattr(self, self._testMethodName)()
            except SkipTest as e:
                outcome = ("skip", _reason(e))
            except self.failureException as e:
                outcome = ("FAIL", _traceback(e))
            except Exception as e:
                outcome = ("ERROR", _traceback(e))
            if expecting:
                if outcome is None and not self._subtest_problems:
                    outcome = ("unexpected success", None)
                elif outcome is None or outcome[0] != "skip":
                    outcome = ("expected failure", None)
                    self._subtest_problems = []
            try:
                self.tearDown()
            except Exception as e:
                outcome = _worse(outcome, _traceback(e))
        for text in self.doCleanups():
            outcome = _worse(outcome, text)
        if outcome is None and self._subtest_problems:
            verdict = "ERROR"
            for problem in self._subtest_problems:
                if problem[0] == "FAIL":
                    verdict = "FAIL"
            result.addSubTestProblems(self, verdict, self._subtest_problems)
        elif outcome is None:
            result.addSuccess(self)
        elif outcome[0] == "skip":
            result.addSkip(self, outcome[1])
        elif outcome[0] == "FAIL":
            result.addFailure(self, outcome[1])
        elif outcome[0] == "ERROR":
            result.addError(self, outcome[1])
        elif outcome[0] == "expected failure":
            result.addExpectedFailure(self)
        else:
            result.addUnexpectedSuccess(self)
        return result

    # Messages follow CPython's: "1 != 2", then " : msg" when msg is given.
    def _fail(self, standard, msg):
        if msg is None:
            msg = standard
        elif self.longMessage:
            msg = "%s : %s" % (standard, msg)
        raise self.failureException(msg)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail("%r != %r" % (first, second), msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail("%r == %r" % (first, second), msg)

    def assertTrue(self, expr, msg=None):
        if not expr:
            self._fail("%r is not true" % (expr,), msg)

    def assertFalse(self, expr, msg=None):
        if expr:
            self._fail("%r is not false" % (expr,), msg)

    def assertIs(self, first, second, msg=None):
        if first is not second:
            self._fail("%r is not %r" % (first, second), msg)

    def assertIsNot(self, first, second, msg=None):
        if first is second:
            self._fail("unexpectedly identical: %r" % (first,), msg)

    def assertIsNone(self, obj, msg=None):
        if obj is not None:
            self._fail("%r is not None" % (obj,), msg)

    def assertIsNotNone(self, obj, msg=None):
        if obj is None:
            self._fail("unexpectedly None", msg)

    def assertIn(self, member, container, msg=None):
        if member not in container:
            self._fail("%r not found in %r" % (member, container), msg)

    def assertNotIn(self, member, container, msg=None):
        if member in container:
            self._fail("%r unexpectedly found in %r" % (member, container), msg)

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail("%r is not an instance of %r" % (obj, cls), msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail("%r is an instance of %r" % (obj, cls), msg)

    def assertGreater(self, a, b, msg=None):
        if not a > b:
            self._fail("%r not greater than %r" % (a, b), msg)

    def assertGreaterEqual(self, a, b, msg=None):
        if not a >= b:
            self._fail("%r not greater than or equal to %r" % (a, b), msg)

    def assertLess(self, a, b, msg=None):
        if not a < b:
            self._fail("%r not less than %r" % (a, b), msg)

    def assertLessEqual(self, a, b, msg=None):
        if not a <= b:
            self._fail("%r not less than or equal to %r" % (a, b), msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = "%r != %r within %r delta (%r difference)" % (first, second, delta, diff)
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = "%r != %r within %r places (%r difference)" % (first, second, places, diff)
        self._fail(standard, msg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        diff = abs(first - second)
        if delta is not None:
            if not first == second and diff > delta:
                return
            standard = "%r == %r within %r delta (%r difference)" % (first, second, delta, diff)
        else:
            if places is None:
                places = 7
            if not first == second and round(diff, places) != 0:
                return
            standard = "%r == %r within %r places" % (first, second, places)
        self._fail(standard, msg)

    def assertCountEqual(self, first, second, msg=None):
        # Compares with == only, so elements need not be hashable.
        first = list(first)
        second = list(second)
        seen = []
        lines = []
        for element in first + second:
            if element in seen:
                continue
            seen.append(element)
            a = first.count(element)
            b = second.count(element)
            if a != b:
                lines.append("First has %d, Second has %d:  %r" % (a, b, element))
        if lines:
            self._fail("Element counts were not equal:\n" + "\n".join(lines), msg)

    def assertRaises(self, expected_exception, *args, **kwargs):
        # assertRaises(E) is a context manager; assertRaises(E, f, *args, **kwargs) calls f,
        # and then msg= is one of f's arguments, as in CPython.
        if not args:
            return _AssertRaisesContext(expected_exception, self, kwargs.pop("msg", None))
        function = args[0]
        name = getattr(function, "__name__", None) or str(function)
        with _AssertRaisesContext(expected_exception, self, None, name):
            function(*args[1:], **kwargs)


def _reason(skip_test):
    return skip_test.args[0] if skip_test.args else ""


def _worse(outcome, text):
    # A tearDown or cleanup that raises: an ERROR, unless the test already went wrong, whose
    # block then shows both tracebacks.
    if outcome is None or outcome[0] in ("skip", "expected failure", "unexpected success"):
        return ("ERROR", text)
    return (outcome[0], outcome[1] + text)


class _ClassFixture:
    # Stands for a class's setUpClass or tearDownClass in a result: "tearDownClass (TestMath)".
    def __init__(self, name, cls):
        self.name = name
        self.cls = cls

    def __str__(self):
        return "%s (%s)" % (self.name, self.cls.__name__)


class TestResult:
    def __init__(self):
        self.testsRun = 0
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.shouldStop = False

    def wasSuccessful(self):
        return not (self.failures or self.errors or self.unexpectedSuccesses)

    def startTest(self, test):
        self.testsRun += 1

    def addSuccess(self, test):
        pass

    def addFailure(self, test, text):
        self.failures.append((test, text))

    def addError(self, test, text):
        self.errors.append((test, text))

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))

    def addExpectedFailure(self, test):
        self.expectedFailures.append(test)

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)

    def addSubTestProblems(self, test, verdict, problems):
        # Each problem is (FAIL or ERROR, description, traceback); each counts on its own.
        for flavour, description, text in problems:
            (self.failures if flavour == "FAIL" else self.errors).append((description, text))


class TextTestResult(TestResult):
    # Writes the verdict lines as tests end, and keeps the FAIL and ERROR blocks for the end.
    def __init__(self, stream):
        super().__init__()
        self.stream = stream
        self.blocks = []

    def _verdict(self, test, word):
        self.stream.write("%s ... %s\n" % (test, word))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._verdict(test, "ok")

    def addFailure(self, test, text):
        super().addFailure(test, text)
        self._verdict(test, "FAIL")
        self.blocks.append(("FAIL", str(test), text))

    def addError(self, test, text):
        super().addError(test, text)
        self._verdict(test, "ERROR")
        self.blocks.append(("ERROR", str(test), text))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._verdict(test, "skipped %r" % (reason,))

    def addExpectedFailure(self, test):
        super().addExpectedFailure(test)
        self._verdict(test, "expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._verdict(test, "unexpected success")

    def addSubTestProblems(self, test, verdict, problems):
        super().addSubTestProblems(test, verdict, problems)
        self._verdict(test, verdict)
        self.blocks.extend(problems)

    def printErrors(self):
        write = self.stream.write
        write("\n")
        for flavour, description, text in self.blocks:
            write("=" * 70 + "\n")
            write("%s: %s\n" % (flavour, description))
            write("-" * 70 + "\n")
            write(text + "\n")


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def __iter__(self):
        return iter(self._tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for test in tests:
            self.addTest(test)

    def countTestCases(self):
        return sum(test.countTestCases() for test in self._tests)

    def _cases(self, into):
        for test in self._tests:
            if isinstance(test, TestSuite):
                test._cases(into)
            else:
                into.append(test)
        return into

    def __call__(self, result):
        return self.run(result)

    def run(self, result):
        # Consecutive tests of one class share one setUpClass and tearDownClass.
        cases = self._cases([])
        start = 0
        while start < len(cases):
            cls = type(cases[start])
            end = start
            while end < len(cases) and type(cases[end]) is cls:
                end += 1
            _run_class(cls, cases[start:end], result)
            start = end
        return result


def _run_class(cls, cases, result):
    if getattr(cls, "__unittest_skip_why__", None) is not None:
        for case in cases:
            case.run(result)
        return
    try:
        cls.setUpClass()
    except SkipTest as e:
        for case in cases:
            result.startTest(case)
            result.addSkip(case, _reason(e))
        return
    except Exception as e:
        text = _traceback(e)
        for case in cases:
            result.startTest(case)
            result.addError(case, text)
        return
    for case in cases:
        case.run(result)
    try:
        cls.tearDownClass()
    except Exception as e:
        result.addError(_ClassFixture("tearDownClass", cls), _traceback(e))


class TestLoader:
    testMethodPrefix = "test"

    def getTestCaseNames(self, cls):
        prefix = self.testMethodPrefix
        names = [n for n in dir(cls) if n.startswith(prefix) and callable(getattr(cls, n))]
        names.sort()
        return names

    def loadTestsFromTestCase(self, cls):
        return TestSuite([cls(name) for name in self.getTestCaseNames(cls)])

    def loadTestsFromModule(self, module):
        # Every TestCase subclass the module holds, once, sorted by class name.
        classes = []
        for name in dir(module):
            obj = getattr(module, name)
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj not in classes:
                classes.append(obj)
        classes.sort(key=lambda cls: cls.__name__)
        return TestSuite([self.loadTestsFromTestCase(cls) for cls in classes])


defaultTestLoader = TestLoader()


class TextTestRunner:
    def __init__(self, stream=None, verbosity=2):
        self.stream = stream or sys.stdout

    def run(self, test):
        result = TextTestResult(self.stream)
        start = ticks_us()
        test(result)
        elapsed_ms = (ticks_diff(ticks_us(), start) + 500) // 1000
        result.printErrors()
        write = self.stream.write
        write("-" * 70 + "\n")
        run = result.testsRun
        plural = "" if run == 1 else "s"
        seconds = "%d.%03d" % (elapsed_ms // 1000, elapsed_ms % 1000)
        write("Ran %d test%s in %ss\n\n" % (run, plural, seconds))
        counts = (
            ("failures", len(result.failures)),
            ("errors", len(result.errors)),
            ("skipped", len(result.skipped)),
            ("expected failures", len(result.expectedFailures)),
            ("unexpected successes", len(result.unexpectedSuccesses)),
        )
        infos = ", ".join("%s=%d" % (name, n) for name, n in counts if n)
        verdict = "OK" if result.wasSuccessful() else "FAILED"
        write(verdict + (" (%s)\n" % infos if infos else "\n"))
        return result


class TestProgram:
    # unittest.main(): runs the tests of a module ("__main__" unless given, by name or as the
    # module itself), then raises SystemExit(0 if they all passed, else 1) unless exit=False.
    def __init__(
        self, module="__main__", testRunner=None, testLoader=None, exit=True, verbosity=2
    ):
        if isinstance(module, str):
            module = __import__(module)
        loader = testLoader or defaultTestLoader
        runner = testRunner or TextTestRunner(verbosity=verbosity)
        self.result = runner.run(loader.loadTestsFromModule(module))
        if exit:
            raise SystemExit(0 if self.result.wasSuccessful() else 1)


main = TestProgram
