# mpsim-args: --board esp32-devkitc
# machine.reset() and deepsleep() on an ESP32: the board boots again and says why.
import machine

cause = machine.reset_cause()
print("boot, cause", cause)
if cause == machine.PWRON_RESET:
    machine.reset()
elif cause == machine.HARD_RESET:
    machine.deepsleep(10)
else:
    print("woke from deep sleep:", cause == machine.DEEPSLEEP_RESET)
