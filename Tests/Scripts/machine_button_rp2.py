# mpsim-args: --parts Tests/Scripts/machine_button_rp2.json
# Button parts pressed at given board times fire Pin.irq once per press, at that time: one to
# ground read with the pull-up, one to 3V3 read with the pull-down or, without a pull, floating.
import time
from machine import Pin

events = []
low = Pin(14, Pin.IN, Pin.PULL_UP)
high = Pin(15, Pin.IN)
low.irq(lambda p: events.append(("GP14 pressed", time.ticks_us(), p.value())), Pin.IRQ_FALLING)
high.irq(lambda p: events.append(("GP15 edge", time.ticks_us(), p.value())))
print("idle levels", low.value(), high.value())
time.sleep_ms(500)
for event in events:
    print(*event)
high.init(pull=Pin.PULL_DOWN)
print("GP15 pulled down reads", high.value())

# A busy-wait sees the third press: the clock advances with the bytecode.
low.irq(None)
while low.value():
    pass
print("busy-wait ended at ms", time.ticks_ms())
