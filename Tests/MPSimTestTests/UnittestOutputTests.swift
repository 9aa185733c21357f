import MPSimTest
import Testing

@Suite struct UnittestOutputTests {
    @Test func readsEachVerdictAndTheFailureBlocks() {
        let output = """
            printed by a test
            test_add (TestMath) ... ok
            test_div (TestMath) ... FAIL
            test_err (TestMath) ... ERROR
            test_skip (TestMath) ... skipped 'needs hardware'
            test_xf (TestMath) ... expected failure
            test_us (TestMath) ... unexpected success

            ======================================================================
            FAIL: test_div (TestMath)
            ----------------------------------------------------------------------
            Traceback (most recent call last):
              File "test_math.py", line 9, in test_div
            AssertionError: 1 != 2

            ======================================================================
            ERROR: test_err (TestMath)
            ----------------------------------------------------------------------
            Traceback (most recent call last):
              File "test_math.py", line 12, in test_err
            ValueError: boom

            ----------------------------------------------------------------------
            Ran 6 tests in 0.001s

            FAILED (failures=1, errors=1, skipped=1, expected failures=1, unexpected successes=1)

            """
        let results = UnittestOutput.results(in: output, file: "test_math.py")
        #expect(results.map(\.id) == ["add", "div", "err", "skip", "xf", "us"].map { "test_math.py::TestMath::test_\($0)" })
        #expect(results[0].outcome == .passed)
        #expect(
            results[1].outcome
                == .failed(
                    message: "AssertionError: 1 != 2",
                    details: "Traceback (most recent call last):\n  File \"test_math.py\", line 9, in test_div\nAssertionError: 1 != 2"))
        #expect(
            results[2].outcome
                == .error(
                    message: "ValueError: boom",
                    details: "Traceback (most recent call last):\n  File \"test_math.py\", line 12, in test_err\nValueError: boom"))
        #expect(results[3].outcome == .skipped(reason: "needs hardware"))
        #expect(results[4].outcome == .passed)
        #expect(results[5].outcome == .failed(message: "unexpected success", details: ""))
    }

    @Test func aFailingTestShowsWhatItPrinted() {
        let output = """
            setting up
            test_a (T) ... ok
            reading 42\r
            still 42\r
            test_b (T) ... FAIL\r
            test_c (T) ... ERROR

            ======================================================================
            FAIL: test_b (T)
            ----------------------------------------------------------------------
            AssertionError: 42 != 41

            ======================================================================
            ERROR: test_c (T)
            ----------------------------------------------------------------------
            ValueError: boom

            ----------------------------------------------------------------------
            Ran 3 tests in 0.001s

            FAILED (failures=1, errors=1)

            """
        let results = UnittestOutput.results(in: output, file: "t.py")
        #expect(results[0].outcome == .passed)
        #expect(
            results[1].outcome
                == .failed(
                    message: "AssertionError: 42 != 41",
                    details: "AssertionError: 42 != 41\n--- printed by the test ---\nreading 42\nstill 42"))
        #expect(results[2].outcome == .error(message: "ValueError: boom", details: "ValueError: boom"))
    }

    @Test func theInnermostFrameOfTheModuleNamesWhereItStopped() {
        let output = """
            test_a (T) ... ok\r
            Traceback (most recent call last):\r
              File "test_hang.py", line 11, in <module>\r
              File "unittest.py", line 655, in __init__\r
              File "test_hang.py", line 7, in test_loop\r
            KeyboardInterrupt: \r

            """
        #expect(UnittestOutput.innermostFrame(in: output, file: "test_hang.py") == "test_loop (line 7)")
        #expect(UnittestOutput.innermostFrame(in: output, file: "other.py") == nil)
    }

    @Test func carriageReturnsAndOtherLinesAreIgnored() {
        let results = UnittestOutput.results(in: "hello (world)\r\ntest_a (A) ... ok\r\nx ... y\r\n", file: "t.py")
        #expect(results == [TestCaseResult(file: "t.py", suite: "A", name: "test_a", outcome: .passed)])
    }
}
