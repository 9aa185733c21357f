# machine.bootloader() on rp2 resets the chip into its USB boot ROM: MicroPython stops there,
# so neither the rest of the script nor an armed timer's callback runs, and the run ends with
# status 0. ESP32 DevKitC firmware has no machine.bootloader (tested in machine_reject_esp32).
import machine

t = machine.Timer(period=10, callback=lambda t: print("timer"))
print("before")
machine.bootloader()
print("after")
