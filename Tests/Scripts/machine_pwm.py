# machine.PWM on the Pico: frequency, duty as u16 and ns, inversion, and pins without PWM.
from machine import PWM, Pin

pwm = PWM(Pin(15))
print(pwm.freq(), pwm.duty_u16())
pwm.init(freq=2000, duty_u16=16384)
print(pwm, pwm.duty_ns())
pwm.duty_ns(250000)
print(pwm.duty_u16())
pwm.init(invert=1)
pwm.deinit()
print(pwm)
try:
    PWM(Pin(2), freq=-5)
except ValueError as e:
    print("ValueError:", e)
print(hasattr(pwm, "duty"))
