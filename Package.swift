// swift-tools-version:6.2

import PackageDescription

/// Our own targets build in Swift 6 mode with every warning an error; dependencies do not.
let strictSettings: [SwiftSetting] = [
    .treatAllWarnings(as: .error)
]

let package = Package(
    name: "mpsim",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mpsim", targets: ["mpsim"])
    ],
    dependencies: [
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .executableTarget(
            name: "mpsim",
            dependencies: [
                "MPSimCommands",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MPSimCommands",
            dependencies: [
                "MPSimHost",
                "MPSimBoard",
                "MPSimSerial",
                "MPSimTest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MPSimTest",
            dependencies: [
                "MPSimHost",
                "MPSimBoard",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MPSimSerial",
            dependencies: ["MPSimHost", "CLibSerialPort"],
            swiftSettings: strictSettings
        ),
        .systemLibrary(
            name: "CLibSerialPort",
            pkgConfig: "libserialport",
            providers: [.apt(["libserialport-dev"])]
        ),
        .target(
            name: "MPSimHost",
            dependencies: [
                "MPSimBoard",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WasmKitWASI", package: "WasmKit"),
                .product(name: "WASI", package: "WasmKit"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "MPSimBoard",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MPSimBoardTests",
            dependencies: ["MPSimBoard"],
            exclude: ["vcd_reader.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MPSimHostTests",
            dependencies: [
                "MPSimHost",
                "MPSimBoard",
                .product(name: "WasmKit", package: "WasmKit"),
                .product(name: "WasmParser", package: "WasmKit"),
                .product(name: "WAT", package: "WasmKit"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MPSimTestTests",
            dependencies: ["MPSimTest", "MPSimBoard"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MPSimCommandsTests",
            dependencies: [
                "MPSimCommands",
                "MPSimHost",
                "MPSimSerial",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["png_pixels.py", "junit_summary.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "MPSimSerialTests",
            dependencies: ["MPSimSerial", "MPSimHost"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
