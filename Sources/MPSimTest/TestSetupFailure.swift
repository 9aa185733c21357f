/// Why a test file could not be set up to run: a bad scenario, board or parts file, a missing
/// script or firmware. The file is then reported as one error.
struct TestSetupFailure: Error, CustomStringConvertible {
    let message: String

    var description: String { message }
}
