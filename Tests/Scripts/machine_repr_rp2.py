# Pin and PWM reprs as ports/rp2 prints them: the GPIO's name, mode and pull by name; a PWM
# output by its slice ((pin >> 1) & 7), channel (pin & 1, A or B) and inversion.
from machine import Pin, PWM

print(Pin(25, Pin.OUT))
print(Pin(2, Pin.IN, Pin.PULL_UP))
print(Pin(3, Pin.OPEN_DRAIN, Pin.PULL_DOWN))
print(Pin(4, Pin.IN))
print(PWM(Pin(15)))
print(PWM(Pin(16), freq=1000, duty_u16=100, invert=1))
print(repr(PWM(Pin(0))))
try:
    PWM(Pin(1), freq=1000, duty=512)
except TypeError as e:
    print("TypeError")
