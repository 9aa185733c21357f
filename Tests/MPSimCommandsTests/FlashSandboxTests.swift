import Foundation
import Testing

/// A board's flash reaches nothing of the host: not through the parts file it can write into
/// itself, not through symbolic links a folder holds, and not by filling the host's disk.
@Suite struct FlashSandboxTests {
    /// A folder holding a board folder (`board`) and, beside it, a host file the board must
    /// never reach (`target.bin`).
    final class Setup {
        let root: String
        var board: String { root + "/board" }
        var target: String { root + "/target.bin" }
        static let precious = "precious host bytes"

        init() throws {
            root = NSTemporaryDirectory() + "mpsim-flash-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root + "/board", withIntermediateDirectories: true)
            try Self.precious.write(toFile: root + "/target.bin", atomically: true, encoding: .utf8)
        }

        deinit {
            try? FileManager.default.removeItem(atPath: root)
        }

        var targetIsUntouched: Bool {
            (try? String(contentsOfFile: target, encoding: .utf8)) == Self.precious
        }
    }

    /// The escape as it was found: a script writes a parts file into its own flash whose
    /// EEPROM keeps its contents in a host file; the next run on that folder would read the host
    /// file over I2C and overwrite it at exit. It is refused instead, naming the file and field.
    @Test(arguments: ["../target.bin", "ABSOLUTE", "link.bin", "up/target.bin"])
    func aPartsFileInTheFlashCannotReachAHostFile(file: String) throws {
        let setup = try Setup()
        try FileManager.default.createSymbolicLink(atPath: setup.board + "/link.bin", withDestinationPath: "../target.bin")
        try FileManager.default.createSymbolicLink(atPath: setup.board + "/up", withDestinationPath: setup.root)
        let name = file == "ABSOLUTE" ? setup.target : file
        let write = """
            with open('/mpsim.json', 'w') as f:
                f.write('{"parts": [{"kind": "eeprom_24lc256", "i2c": 0, "file": "\(name)"}]}')
            """
        let first = try CommandLineTests.mpsim("exec", write, "--fs", setup.board)
        #expect(first.status == 0, "\(first.stderr)")

        let read = "from machine import I2C\nprint(I2C(0).readfrom_mem(0x50, 0, 8, addrsize=16))"
        let second = try CommandLineTests.mpsim("exec", read, "--fs", setup.board)
        #expect(second.status == 2)
        #expect(second.stdout.isEmpty)
        let reason = file == "ABSOLUTE" ? "is absolute" : "leads outside the folder"
        #expect(second.stderr.hasPrefix("mpsim: \(setup.board)/mpsim.json: parts[0].file: not allowed ('\(name)' \(reason)"))
        #expect(setup.targetIsUntouched)
    }

    /// Every file call on a symbolic link out of the flash is refused, or acts on the link
    /// itself (remove, rename); one that stays inside works. The host's files are untouched.
    @Test func symbolicLinksOutOfTheFlashLeadNowhere() throws {
        let setup = try Setup()
        let manager = FileManager.default
        try manager.createDirectory(atPath: setup.root + "/dir", withIntermediateDirectories: false)
        try "host".write(toFile: setup.root + "/dir/host.txt", atomically: true, encoding: .utf8)
        try "inside".write(toFile: setup.board + "/inside.txt", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: setup.board + "/abs", withDestinationPath: setup.target)
        try manager.createSymbolicLink(atPath: setup.board + "/rel", withDestinationPath: "../target.bin")
        try manager.createSymbolicLink(atPath: setup.board + "/absdir", withDestinationPath: setup.root + "/dir")
        try manager.createSymbolicLink(atPath: setup.board + "/reldir", withDestinationPath: "../dir")
        try manager.createSymbolicLink(atPath: setup.board + "/ok", withDestinationPath: "inside.txt")
        let script = setup.root + "/check.py"
        try """
            import os

            def attempt(label, action):
                try:
                    result = action()
                except OSError:
                    print(label, "refused")
                    return
                # Anything of the host showing through is an escape.
                text = repr(result)
                escaped = "precious" in text or "host" in text or (isinstance(result, tuple) and result[6] in (4, 19))
                print(label, "escaped!" if escaped else "ok")

            def read(path):
                with open(path) as f:
                    return f.read()

            def write(path):
                with open(path, "w") as f:
                    f.write("overwritten")
                return "written"

            for name in ("abs", "rel"):
                attempt(name + " read", lambda: read(name))
                attempt(name + " write", lambda: write(name))
                attempt(name + " append", lambda: open(name, "a").write("more"))
                attempt(name + " stat", lambda: os.stat(name))
            for name in ("absdir", "reldir"):
                attempt(name + " read", lambda: read(name + "/host.txt"))
                attempt(name + " write", lambda: write(name + "/new.txt"))
                attempt(name + " stat", lambda: os.stat(name))
                attempt(name + " stat inside", lambda: os.stat(name + "/host.txt"))
                attempt(name + " listdir", lambda: os.listdir(name))
                attempt(name + " mkdir", lambda: os.mkdir(name + "/made"))
                attempt(name + " remove inside", lambda: os.remove(name + "/host.txt"))
                attempt(name + " rename inside", lambda: os.rename(name + "/host.txt", "/stolen.txt"))
                attempt(name + " rename into", lambda: os.rename("/inside.txt", name + "/moved.txt"))
                attempt(name + " chdir", lambda: os.chdir(name))
                print(name, "cwd", os.getcwd())
                os.chdir("/")
            print("ok read", read("ok"))
            print("ok stat", os.stat("ok")[6])
            # Removing or renaming a link acts on the link, never on what it points to.
            os.remove("abs")
            os.rename("rel", "renamed")
            print("left", sorted(os.listdir("/")))
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.mpsim("run", script, "--fs", setup.board)
        #expect(result.status == 0, "\(result.stderr)")
        var expected = ""
        for name in ["abs", "rel"] {
            expected += ["read", "write", "append", "stat"].map { "\(name) \($0) refused\n" }.joined()
        }
        for name in ["absdir", "reldir"] {
            expected += [
                "read", "write", "stat", "stat inside", "listdir", "mkdir", "remove inside", "rename inside",
                "rename into", "chdir",
            ].map { "\(name) \($0) refused\n" }.joined()
            expected += "\(name) cwd /\n"
        }
        expected += "ok read inside\nok stat 6\n"
        expected += "left ['absdir', 'inside.txt', 'ok', 'reldir', 'renamed']\n"
        #expect(result.stdout == expected)
        #expect(setup.targetIsUntouched)
        #expect((try? String(contentsOfFile: setup.root + "/dir/host.txt", encoding: .utf8)) == "host")
        #expect(try manager.contentsOfDirectory(atPath: setup.root).sorted() == ["board", "check.py", "dir", "target.bin"])
        #expect(try manager.contentsOfDirectory(atPath: setup.root + "/dir") == ["host.txt"])
    }
}
