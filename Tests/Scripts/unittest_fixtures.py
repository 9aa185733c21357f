# Fixtures run in CPython's order: setUpClass, then for each test setUp, the test, tearDown
# and cleanups (last added first), then tearDownClass. setUp failing is an ERROR without
# tearDown; tearDown failing is an ERROR; setUpClass failing makes each of its class's tests
# an ERROR and skips tearDownClass; tearDownClass failing adds its own ERROR line.
import unittest

log = []


class A_Order(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append("setUpClass")
        cls.shared = "bus"

    @classmethod
    def tearDownClass(cls):
        log.append("tearDownClass")

    def setUp(self):
        log.append("setUp")
        self.addCleanup(log.append, "cleanup 1")
        self.addCleanup(lambda: log.append("cleanup 2"))

    def tearDown(self):
        log.append("tearDown")

    def test_a(self):
        log.append("test_a " + self.shared)

    def test_b(self):
        log.append("test_b")
        self.fail("b failed")


class B_SetUpFails(unittest.TestCase):
    def setUp(self):
        self.addCleanup(log.append, "B cleanup")
        raise RuntimeError("no sensor")

    def tearDown(self):
        log.append("B tearDown, not reached")

    def test_never(self):
        log.append("B test, not reached")


class C_TearDownFails(unittest.TestCase):
    def tearDown(self):
        raise OSError(19)

    def test_passes_then_teardown_fails(self):
        pass


class D_SetUpClassFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise RuntimeError("bus 0 missing")

    @classmethod
    def tearDownClass(cls):
        log.append("D tearDownClass, not reached")

    def test_one(self):
        log.append("D test, not reached")

    def test_two(self):
        pass


class E_TearDownClassFails(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise RuntimeError("left the pin high")

    def test_fine(self):
        pass


class F_Inherited(A_Order):
    # Inherits test_a, test_b and the fixtures; adds one test.
    def test_c(self):
        log.append("test_c")


program = unittest.main(exit=False)
print(log)
print("successful:", program.result.wasSuccessful(), "run:", program.result.testsRun)
