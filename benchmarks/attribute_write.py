# The reference for pin_toggle.py: the same loop, writing a plain Python attribute instead.
class Led:
    value = 0


led = Led()
for _ in range(1_000_000):
    led.value = 1 - led.value
print("attribute_write", led.value)
