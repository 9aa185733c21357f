# machine.Pin on the Pico: names, modes, pulls, levels, and errors as rp2 reports them.
from machine import Pin

led = Pin("LED", Pin.OUT)
print(led, Pin.OUT, Pin.PULL_UP, Pin.PULL_DOWN, Pin.IRQ_FALLING, Pin.IRQ_RISING)
led.on()
print("on", led.value(), led())
led.toggle()
print("toggled", led.value())
led(1)
led.low()
print("low", led.value())
led.high()
print("high", led.value())

button = Pin(15, Pin.IN, Pin.PULL_UP)
print(button, button.value(), button.pull() == Pin.PULL_UP)
button.init(pull=Pin.PULL_DOWN)
print("pulled down", button.value())
button.init(pull=None)
print("floating reads", button.value(), button.pull())

drain = Pin("GP2", Pin.OPEN_DRAIN, Pin.PULL_UP, value=0)
print("drain low", drain.value())
drain.value(1)
print("drain released", drain.value())
print("same pin", Pin(led).value(), Pin(25).mode() == Pin.OUT)

for bad in ("GP99", 99, "nope"):
    try:
        Pin(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    Pin(3, mode=5)
except ValueError as e:
    print("ValueError:", e)
