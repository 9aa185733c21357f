# mpsim-args: --board esp32-devkitc --parts Tests/Scripts/machine_adc_esp32.json
# machine.ADC on an ESP32: pins only, read_uv, and the attenuation setting.
from machine import ADC, Pin

adc = ADC(Pin(34))
adc.atten(ADC.ATTN_11DB)
print(adc.read_u16(), adc.read_uv(), ADC(Pin(35)).read_uv())
try:
    ADC(0)
except ValueError as e:
    print("ValueError:", e)
