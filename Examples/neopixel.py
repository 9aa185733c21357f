# A strip of 8 NeoPixels on GP16: a red dot runs along it, then it all turns green.
# mpsim run Examples/neopixel.py --parts Examples/neopixel.json --summary
import time
from machine import Pin
from neopixel import NeoPixel

strip = NeoPixel(Pin(16), 8)
for i in range(len(strip)):
    strip.fill((0, 0, 0))
    strip[i] = (255, 0, 0)
    strip.write()
    time.sleep_ms(100)
strip.fill((0, 32, 0))
strip.write()
print("strip shows", strip[0])
