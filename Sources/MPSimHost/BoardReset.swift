import MPSimBoard

/// Thrown out of a `board` import to reset the board: the machine starts the firmware anew.
struct BoardReset: Error {
    /// Why, as `board_reset_cause` will report it.
    let cause: ResetCause
}
