# mpsim-args: --board esp32-devkitc --parts Tests/Scripts/machine_adc_esp32.json
# ESP32's own API: ADC.read() at 12 bits by default and ADC.width(), the ADC repr with its
# attenuation, Timer(id) that is created but not started, and Pin's drive strengths.
import time
from machine import ADC, Pin, Timer

adc = ADC(Pin(34))
print(adc)
print(adc.read(), adc.read_u16())
adc.width(ADC.WIDTH_9BIT)
print(adc.read(), ADC.WIDTH_9BIT, ADC.WIDTH_10BIT, ADC.WIDTH_11BIT, ADC.WIDTH_12BIT)
adc.width(ADC.WIDTH_10BIT)
print(adc.read())
adc.atten(ADC.ATTN_11DB)
print(adc, ADC(Pin(35), atten=ADC.ATTN_6DB), ADC(Pin(35)).read())
for bits in (8, 13):
    try:
        adc.width(bits)
    except ValueError as e:
        print("ValueError:", e)
adc.width(ADC.WIDTH_12BIT)

t = Timer(0)
time.sleep_ms(10)
print("not started")
t.init(period=5, mode=Timer.ONE_SHOT, callback=lambda t: print("fired"))
time.sleep_ms(10)

p = Pin(4, Pin.OUT, drive=Pin.DRIVE_3)
print(Pin.DRIVE_0, Pin.DRIVE_1, Pin.DRIVE_2, Pin.DRIVE_3)
p.init(drive=Pin.DRIVE_0)
try:
    Pin(5, Pin.OUT, drive=4)
except ValueError as e:
    print("ValueError:", e)
