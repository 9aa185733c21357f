# mpsim-args: --board esp32-devkitc
# machine.Pin on an ESP32: its constants, and input-only pins refusing to drive.
from machine import Pin

print(Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_RISING, Pin.IRQ_FALLING)
p = Pin(2, Pin.OUT, value=1)
print(p, p.value())
boot = Pin(0, Pin.IN, Pin.PULL_UP)
print(boot, boot.value())
try:
    Pin(34, Pin.OUT)
except OSError as e:
    print("OSError:", e)
print(Pin(34, Pin.IN).value())
import time
q = Pin(4, Pin.OUT, value=0)
q.irq(lambda pin: print("falling edge, reads", pin.value()), Pin.IRQ_FALLING)
q.on()
q.off()
time.sleep_ms(1)
