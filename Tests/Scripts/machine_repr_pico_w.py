# mpsim-args: --board rp2-pico-w
# On a Pico W the LED is the CYW43's WL_GPIO0: ports/rp2 prints its name and mode only.
from machine import Pin

print(Pin("LED", Pin.OUT))
print(Pin("WL_GPIO1", Pin.IN))
print(Pin(22, Pin.OUT))
