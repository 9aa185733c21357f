# Skips: skip, skipIf, skipUnless on tests and classes, self.skipTest and SkipTest from a
# test, setUp or setUpClass. A run with only passes and skips prints OK (skipped=N) and ends
# with exit status 0. "Ran" counts board time: a test sleeping 1.5 s makes it 1.500s.
import sys
import time
import unittest

log = []


class TestSkips(unittest.TestCase):
    def setUp(self):
        log.append("setUp " + self._testMethodName)

    @unittest.skip("needs hardware")
    def test_skip(self):
        log.append("not reached")

    @unittest.skipIf(sys.platform == "rp2", "not on rp2")
    def test_skip_if(self):
        log.append("not reached")

    @unittest.skipIf(False, "never")
    def test_skip_if_false(self):
        log.append("ran skip_if_false")

    @unittest.skipUnless(sys.platform == "esp32", "esp32 only")
    def test_skip_unless(self):
        log.append("not reached")

    @unittest.skipUnless(True, "never")
    def test_skip_unless_true(self):
        log.append("ran skip_unless_true")

    def test_skip_test(self):
        self.skipTest("no display wired")
        log.append("not reached")

    def test_raise_skip(self):
        raise unittest.SkipTest("raised")

    def test_sleeps(self):
        time.sleep_ms(1500)


@unittest.skip("whole class")
class TestSkippedClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("not reached")

    def test_one(self):
        pass

    def test_two(self):
        pass


class TestSkipInSetUp(unittest.TestCase):
    def setUp(self):
        raise unittest.SkipTest("from setUp")

    def tearDown(self):
        log.append("not reached")

    def test_one(self):
        log.append("not reached")


class TestSkipInSetUpClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest("from setUpClass")

    def test_one(self):
        log.append("not reached")


# A skipped test called directly skips itself.
try:
    TestSkips.test_skip(None)
except unittest.SkipTest as e:
    print("direct call:", e)

try:
    unittest.main()
finally:
    print(log)
