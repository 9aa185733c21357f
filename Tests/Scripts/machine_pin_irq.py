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

# Pin.irq returns the pin's irq object: flags() tells the handler which edge fired, trigger()
# what it watches; pin.irq() returns the same object.
p.off()
flags = []
irq = p.irq(lambda pin: flags.append(irq.flags()), Pin.IRQ_RISING | Pin.IRQ_FALLING)
print("irq object:", type(irq).__name__, irq is p.irq(), irq.trigger() == Pin.IRQ_RISING | Pin.IRQ_FALLING)
# Scheduled handlers run at the next branch or sleep, so each edge gets its own sleep.
p.on()
time.sleep_ms(1)
p.off()
time.sleep_ms(1)
print("flags rising, falling:", flags == [Pin.IRQ_RISING, Pin.IRQ_FALLING])
irq.trigger(Pin.IRQ_FALLING)
flags.clear()
p.on()
p.off()
time.sleep_ms(1)
print("flags after trigger(IRQ_FALLING):", flags == [Pin.IRQ_FALLING])

# A hard handler runs at the edge, before the next line, and may not allocate: one that does
# is reported and stopped, as on a board.
hits = bytearray(1)


def count(pin):
    hits[0] += 1


p.irq(count, Pin.IRQ_RISING, hard=True)
p.on()
print("hard handler ran before the next line:", hits[0])
p.off()
p.irq(lambda pin: [1, 2, 3], Pin.IRQ_RISING, hard=True)
p.on()
p.off()
p.on()
print("after the failing handler, it is stopped")
