import ArgumentParser
import Foundation
import MPSimBoard
import MPSimCommands
import Testing

/// `mpsim boards` and `mpsim boards show`: their text, their options, their errors.
@Suite struct BoardsTests {
    static let catalog = BoardCatalog(directory: BoardCatalog.repositoryDirectory)

    @Test func theListingHasOneAlignedRowPerBoard() throws {
        #expect(
            Boards.listing(of: try Self.catalog.boards()) == """
                NAME           MCU     DESCRIPTION
                esp32-devkitc  ESP32   Espressif ESP32-DevKitC
                rp2-pico       RP2040  Raspberry Pi Pico
                rp2-pico-w     RP2040  Raspberry Pi Pico W

                """)
    }

    @Test func showGivesTheFactsThenThePins() throws {
        let report = Boards.Show.report(on: try Self.catalog.board(named: "rp2-pico"))
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            Array(lines.prefix(7)) == [
                "Board:  rp2-pico (Raspberry Pi Pico)",
                "MCU:    RP2040, MicroPython port 'rp2', 125 MHz",
                "I2C:    I2C(0) scl=5 sda=4, I2C(1) scl=7 sda=6",
                "SPI:    SPI(0) sck=18 mosi=19 miso=16, SPI(1) sck=10 mosi=11 miso=8",
                "UART:   UART(0) tx=0 rx=1, UART(1) tx=4 rx=5",
                "Parts:  led 'LED' on pin 25, temperature_sensor 'TEMP' on ADC channel 4",
                "",
            ])
        #expect(lines[7] == "PIN  NAMES      CAPABILITIES               ADC")
        #expect(lines.contains("0    GP0        gpio pwm i2c spi uart"))
        #expect(lines.contains("25   GP25 LED   gpio pwm"))
        #expect(lines.contains("26   GP26 ADC0  gpio adc pwm i2c spi uart  0"))
    }

    @Test func showMarksInputOnlyPinsAndActiveLowParts() throws {
        let report = Boards.Show.report(on: try Self.catalog.board(named: "esp32-devkitc"))
        #expect(report.contains("MCU:    ESP32, MicroPython port 'esp32', 160 MHz\n"))
        #expect(report.contains("Parts:  button 'BOOT' on pin 0, active low\n"))
        #expect(report.contains("\n34   GPIO34  gpio adc (input only)      6\n"))
    }

    @Test func theFolderOptionChoosesTheCatalog() throws {
        #expect(try Boards.parse(["--boards-dir", "/my/boards"]).catalog.deriveCatalog().directory == "/my/boards")
        let show = try Boards.Show.parse(["rp2-pico", "--boards-dir", "/my/boards"])
        #expect(show.name == "rp2-pico")
        #expect(show.catalog.deriveCatalog() == BoardCatalog(directory: "/my/boards"))
    }

    @Test func showIsASubcommandAndListingTheDefault() throws {
        #expect(try Boards.parseAsRoot([]) is Boards)
        #expect(try Boards.parseAsRoot(["show", "rp2-pico-w"]) is Boards.Show)
    }

    @Test func showNeedsABoard() {
        #expect(throws: (any Error).self) {
            try Boards.Show.parse([])
        }
    }

    @Test func anUnknownBoardExitsWithStatusTwo() throws {
        let show = try Boards.Show.parse(["pyboard", "--boards-dir", BoardCatalog.repositoryDirectory])
        #expect(throws: ExitCode(2)) {
            try show.run()
        }
    }
}
