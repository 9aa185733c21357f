# machine.Signal: active-low LEDs and buttons read as on and off.
from machine import Pin, Signal

led = Signal(Pin(15, Pin.OUT), invert=True)
led.on()
print("on: signal", led.value(), "pin", Pin(15).value())
led.off()
print("off: signal", led(), "pin", Pin(15).value())
led(1)
print("call: signal", led(), "pin", Pin(15).value())

plain = Signal(16, Pin.OUT, value=1)
print("from pin arguments:", plain.value(), Pin(16).value())
button = Signal("GP14", Pin.IN, Pin.PULL_UP, invert=True)
print("released button active:", button.value())
