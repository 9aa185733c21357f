import ArgumentParser
import MPSimCommands
import Testing

/// Limits given on the command line: a limit too long to count in nanoseconds once trapped
/// as the run started (`--timeout 1e300`); it is a usage error now, as a negative one is.
@Suite struct MachineOptionsTests {
    @Test(arguments: ["1e300", "1e10", "inf", "nan", "0", "-1"])
    func aLimitOutOfRangeIsAUsageError(value: String) {
        for option in ["--timeout", "--wall-timeout"] {
            #expect(throws: (any Error).self) { try Exec.parse(["print(1)", option, value]) }
            #expect(throws: (any Error).self) { try Test.parse([option, value]) }
        }
    }

    @Test func theLongestLimitIsAccepted() throws {
        let run = try Exec.parse(["print(1)", "--timeout", "1000000", "--wall-timeout", "0.5"])
        #expect(run.options.timeout == 1_000_000)
        #expect(run.options.wallTimeout == 0.5)
        #expect(try Test.parse(["--timeout", "1000000"]).timeout == 1_000_000)
    }
}
