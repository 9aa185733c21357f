# subTest: each failing subtest is reported in its own block, headed with its parameters, and
# counted; the test goes on after it, and its verdict line says FAIL (ERROR if no subtest
# failed an assert). A passing subtest adds nothing. expectedFailure covers subtests.
import unittest


class TestChannels(unittest.TestCase):
    def test_all_pass(self):
        for ch in range(3):
            with self.subTest(ch=ch):
                self.assertLess(ch, 3)

    def test_some_fail(self):
        seen = []
        for ch in range(4):
            with self.subTest(ch=ch):
                seen.append(ch)
                self.assertEqual(ch % 2, 0)
        self.assertEqual(seen, [0, 1, 2, 3])

    def test_error(self):
        with self.subTest("lookup", key="k"):
            {}["k"]

    @unittest.expectedFailure
    def test_expected(self):
        with self.subTest(n=1):
            self.fail("known bug")


unittest.main()
