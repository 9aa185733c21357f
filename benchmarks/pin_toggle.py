# The ABI's cost: a million Pin.toggle() calls, each a round trip to the host's board model.
# Compare with attribute_write.py, the same loop without the host (run.py --abi).
from machine import Pin

led = Pin("LED", Pin.OUT)
for _ in range(1_000_000):
    led.toggle()
print("pin_toggle", led.value())
