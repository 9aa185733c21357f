# mpsim-args: --board esp32-devkitc
# Pin and PWM reprs as ports/esp32 prints them: Pin(n); PWM with its frequency and the duty in
# the form last set (10-bit duty, duty_u16 or duty_ns), invert when set, and no settings once
# stopped.
from machine import Pin, PWM

print(Pin(4, Pin.OUT, Pin.PULL_UP))
print(PWM(Pin(18)))
pwm = PWM(Pin(5), freq=1000, duty=512)
print(pwm, pwm.duty(), pwm.duty_u16())
pwm.duty_u16(1000)
print(pwm)
pwm.duty_ns(250000)
print(pwm, pwm.duty_u16())
pwm.duty(100)
print(pwm, pwm.duty())
pwm.init(2000, 300)
print(pwm)
pwm.init(invert=1)
print(pwm)
pwm.deinit()
print(pwm)
