# sys.stdout.buffer and sys.stdin.buffer move bytes unchanged, as mpremote's mount hook uses
# them; micropython.kbd_intr sets (or with -1 disables) the character that raises
# KeyboardInterrupt, so binary data can pass the console. The test's console input is
# closed: reads from it then end at once with what they got, nothing, as from a file's end.
import micropython
import sys

out = sys.stdout.buffer
print("buffers:", out is not sys.stdout, sys.stdin.buffer is not sys.stdin)
print("write returns count:", out.write(b"raw bytes\n"))
# write(buf, n) writes the first n bytes, as the mount hook does with its 4-byte buffer.
b4 = bytearray(b"ok\nXY")
print("write(buf, n):", out.write(b4, 3))
out.write(b"tab\there\n")

# readinto(buf, n) and read(n) block until n bytes have come, or the input ends.
buf = bytearray(6)
print("readinto(buf, 4):", sys.stdin.buffer.readinto(buf, 4), buf)
print("read(3):", sys.stdin.buffer.read(3))

micropython.kbd_intr(-1)
micropython.kbd_intr(3)
print("kbd_intr: ok")
