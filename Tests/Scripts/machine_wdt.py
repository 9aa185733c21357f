# A starved watchdog resets the board: the script runs again and reset_cause() says WDT_RESET.
import machine, time
print("boot, cause", machine.reset_cause(), "PWRON", machine.PWRON_RESET, "WDT", machine.WDT_RESET)
if machine.reset_cause() == machine.WDT_RESET:
    # The clock starts again at each boot.
    print("recovered from the watchdog at ms", time.ticks_ms())
else:
    wdt = machine.WDT(timeout=100)
    for _ in range(3):
        time.sleep_ms(50)
        wdt.feed()
    print("starving the watchdog")
    time.sleep_ms(1000)
    print("not reached")
