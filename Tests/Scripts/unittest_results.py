# unittest.main() runs the TestCase classes of __main__ sorted by class then method name and
# prints one verdict line a test, then a block for each FAIL and ERROR, the count, and the
# summary; a failed run ends the script with exit status 1.
import unittest


class TestMath(unittest.TestCase):
    def test_add(self):
        self.assertEqual(1 + 1, 2)

    def test_div(self):
        self.assertEqual(1, 2)

    @unittest.skip("needs hardware")
    def test_skip(self):
        pass

    def test_err(self):
        raise ValueError("boom")

    @unittest.expectedFailure
    def test_xf(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_us(self):
        pass


def check_reading(value):
    if value > 100:
        raise OSError(5)
    return value


class ASensor(unittest.TestCase):
    # Runs before TestMath: classes are sorted by name, whatever their order in the file.
    def test_helper_frames(self):
        # The traceback keeps the test file's frames below the test, not unittest's.
        check_reading(500)

    def test_prints(self):
        # What a test prints comes before its verdict line.
        print("reading 42")
        self.assertTrue(check_reading(42))

    def test_msg(self):
        self.assertIn(3, [1, 2], "channel 3 not scanned")


unittest.main()
