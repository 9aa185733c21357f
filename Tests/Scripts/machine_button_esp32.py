# mpsim-args: --board esp32-devkitc --parts Tests/Scripts/machine_button_esp32.json
# A button to ground on an ESP32, with esp32's Pin constants: one IRQ per edge asked for.
import time
from machine import Pin

button = Pin(4, Pin.IN, Pin.PULL_UP)
button.irq(lambda p: print("edge at us", time.ticks_us(), "reads", p.value()), Pin.IRQ_FALLING | Pin.IRQ_RISING)
time.sleep_ms(100)
