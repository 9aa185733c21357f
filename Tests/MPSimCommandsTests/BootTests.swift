import Foundation
import MPSimCommands
import MPSimHost
import Testing

/// `mpsim run` without a script: the board folder boots, as a board does at power-on.
@Suite struct BootTests {
    @Test func aSoftResetBootsTheBoardFolderAgain() throws {
        let folder = NSTemporaryDirectory() + "mpsim-soft-reset-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let main = """
            import machine
            try:
                boots = int(open("boots").read()) + 1
            except OSError:
                boots = 1
            open("boots", "w").write(str(boots))
            print("boot", boots)
            if boots < 3:
                machine.soft_reset()
            print("done")
            """
        try main.write(toFile: folder + "/main.py", atomically: true, encoding: .utf8)
        // A soft reset that looped forever would stop at the time limit instead of hanging.
        let run = try InProcessRun.run(["--fs", folder, "--timeout", "10"])
        #expect(run.status == 0)
        #expect(run.output == "boot 1\nMPY: soft reboot\nboot 2\nMPY: soft reboot\nboot 3\ndone\n")
    }
}
