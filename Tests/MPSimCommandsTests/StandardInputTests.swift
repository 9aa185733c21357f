import Foundation
import Testing

/// The end of standard input reaches the firmware as the end of a file: `input()` raises
/// `EOFError`, `sys.stdin.read()` and `readline()` return `''`, and nothing waits forever. The
/// expectations are what the unix port (`micropython -c`) does with the same input.
@Suite struct StandardInputTests {
    /// Runs `code` with `input`; fails the test if mpsim has not ended within 20 s.
    private func exec(_ code: String, input: MPSimProcess.Input) throws -> (status: Int32?, stdout: String, stderr: String) {
        let process = try MPSimProcess(["exec", code], input: input)
        let status = process.waitForExit(seconds: 20)
        return (status, process.stdout, process.stderr)
    }

    @Test func inputReadsAPipedLineAndEchoesItAsATerminalWould() throws {
        let result = try exec("print(repr(input('name? ')))", input: .bytes("abc\n"))
        #expect(result.status == 0)
        #expect(result.stdout == "name? abc\r\n'abc'\n")
    }

    @Test func inputRaisesEOFErrorAtTheEndOfAPipe() throws {
        let code = "print(repr(input()))\nprint(repr(input()))"
        let result = try exec(code, input: .bytes("first\n"))
        #expect(result.status == 1)
        #expect(result.stdout == "first\r\n'first'\n")
        #expect(result.stderr.hasSuffix("EOFError: \n"), "\(result.stderr)")
    }

    @Test func aLastLineWithoutNewlineStillComesThrough() throws {
        let result = try exec("print(repr(input()))", input: .bytes("no newline"))
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("'no newline'\n"))
    }

    @Test func inputRaisesEOFErrorOnDevNullAndOnClosedInput() throws {
        for input in [MPSimProcess.Input.null, .closed] {
            let result = try exec("try:\n    input()\nexcept EOFError:\n    print('EOF')", input: input)
            #expect(result.status == 0, "\(input): \(result.stderr)")
            #expect(result.stdout == "EOF\n", "\(input)")
        }
    }

    @Test func stdinReadReturnsEverythingThenEmptyStrings() throws {
        let code = """
            import sys
            print(repr(sys.stdin.readline()))
            print(repr(sys.stdin.read()))
            print(repr(sys.stdin.read()), repr(sys.stdin.readline()), repr(sys.stdin.read(5)))
            print(repr(sys.stdin.buffer.read()))
            """
        let result = try exec(code, input: .bytes("one\ntwo\nthree"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "'one\\n'\n'two\\nthree'\n'' '' ''\nb''\n")
    }

    @Test func stdinBufferKeepsBytesAsTheyCame() throws {
        let result = try exec("import sys\nprint(sys.stdin.buffer.read())", input: .bytes("a\r\nb\n"))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "b'a\\r\\nb\\n'\n")
    }

    @Test func aScriptThatReadsNothingEndsWithInputStillOpen() throws {
        let process = try MPSimProcess(["exec", "print('done')"], input: .openPipe)
        #expect(process.waitForExit(seconds: 20) == 0)
        #expect(process.stdout == "done\n")
    }
}
