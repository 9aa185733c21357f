# mpsim-args: --parts Tests/Scripts/machine_wire.json
# A wire from GP2 to GP3: GP3 reads what GP2 drives and sees its edges, and falls back to its
# own pull when GP2 lets go, as an open-drain line with a pull-up does.
import time
from machine import Pin

out = Pin(2, Pin.OUT, value=0)
line = Pin(3, Pin.IN, Pin.PULL_UP)
levels = []
line.irq(lambda pin: levels.append(pin.value()))
print("driven low:", line.value())
out.on()
print("driven high:", line.value())
time.sleep_ms(1)
out.off()
time.sleep_ms(1)
out.init(Pin.IN)
print("released, pulled up:", line.value())
time.sleep_ms(1)
out.init(Pin.OPEN_DRAIN, value=0)
print("open drain low:", line.value())
time.sleep_ms(1)
out.value(1)
print("open drain released:", line.value())
time.sleep_ms(1)
print("levels the handler saw:", levels)
# The wire works both ways.
line.init(Pin.OUT, value=0)
print("GP2 reads GP3's low:", out.value())
