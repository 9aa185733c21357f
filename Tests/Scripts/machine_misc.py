# The machine module's functions on the Pico: frequency, id, idling and holding back IRQs.
import time
import machine

print(machine.freq(), machine.unique_id(), len(machine.unique_id()))
machine.freq(250_000_000)
print(machine.freq())
start = time.ticks_ms()
machine.lightsleep(20)
print("lightsleep took ms", time.ticks_diff(time.ticks_ms(), start))

fired = []
start = time.ticks_ms()
timer = machine.Timer(period=5, callback=lambda t: fired.append(time.ticks_ms()))
idles = 0
while not fired:
    machine.idle()
    idles += 1
print("idled", idles, "times until the timer at ms", time.ticks_diff(fired[0], start))
state = machine.disable_irq()
time.sleep_ms(20)
held = len(fired)
machine.enable_irq(state)
time.sleep_ms(1)
timer.deinit()
print("held back:", held, "then ran:", len(fired) - held)
print(hasattr(machine, "HARD_RESET"))
