# mpsim-args: --board esp32-devkitc
# machine.PWM on an ESP32: its defaults and the legacy 0..1023 duty.
from machine import PWM, Pin

pwm = PWM(Pin(2))
print(pwm.freq(), pwm.duty(), pwm.duty_u16())
pwm.duty(256)
print(pwm.duty(), pwm.duty_u16())
try:
    PWM(Pin(34))
except ValueError as e:
    print("ValueError:", e)
