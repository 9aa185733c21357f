# mpsim-args: --board esp32-devkitc --parts Tests/Scripts/machine_uart_esp32.json
# machine.UART on the ESP32 (a loopback wire on UART2, GPIO17 to GPIO16): every UART(id) starts
# afresh, and a read waits up to timeout for all the bytes it asks for.
import time
from machine import UART

print(UART(2, timeout=10))
print(UART(2))
for make in (lambda: UART(3), lambda: UART(2, bits=4), lambda: UART(2, stop=3)):
    try:
        make()
    except ValueError as e:
        print("ValueError:", e)

# At 9600 baud 8N1 a character takes 10 / 9600 s; both are back long before the 100 ms
# timeout, which read(5) waits out in full, and then once more when MicroPython's stream
# layer asks again for the other three bytes.
u = UART(2, 9600, timeout=100)
u.write(b"ab")
t0 = time.time_ns()
print(u.read(5), time.time_ns() - t0)
