# Pin.irq on the Pico: a handler runs once per edge it asked for, scheduled, with its Pin, at
# the board time of the edge; handler=None stops it.
import time
from machine import Pin

seen = []


def handler(pin):
    seen.append((pin.value(), time.ticks_ms()))


p = Pin(15, Pin.OUT, value=0)
p.irq(handler, Pin.IRQ_RISING)
for _ in range(3):
    p.on()
    time.sleep_ms(10)
    p.off()
    time.sleep_ms(10)
print("rising only:", seen)

seen.clear()
p.irq(handler, Pin.IRQ_RISING | Pin.IRQ_FALLING)
p.toggle()
time.sleep_ms(1)
p.toggle()
time.sleep_ms(1)
print("both edges:", [v for v, _ in seen])

seen.clear()
p.irq(None)
p.toggle()
time.sleep_ms(1)
print("stopped:", seen)
try:
    p.irq(handler, 16)
except ValueError as e:
    print("ValueError:", e)
