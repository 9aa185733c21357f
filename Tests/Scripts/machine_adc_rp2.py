# mpsim-args: --parts Tests/Scripts/machine_adc_rp2.json
# machine.ADC on the Pico: a potentiometer part on GP26, an unwired ADC pin, the temperature
# sensor on channel 4, and pins without an ADC.
from machine import ADC, Pin

knob = ADC(Pin(26))
print("knob", knob.read_u16(), knob.read_uv(), ADC(0).read_u16(), ADC(26).read_u16())
print("unwired GP27", ADC(Pin("GP27")).read_u16())
sensor = ADC(4)
volts = sensor.read_u16() * 3.3 / 65535
print("temperature %.1f C" % (27 - (volts - 0.706) / 0.001721))
for bad in (Pin(2), 5, 29):
    try:
        ADC(bad)
    except ValueError as e:
        print("ValueError:", e)
