# mpsim-args: --heap 49152
# Running out of heap raises MemoryError, which a script can catch and recover from.
import gc
import micropython

# 1. One allocation far larger than the heap.
for make in (lambda: bytearray(10_000_000), lambda: [0] * 5_000_000, lambda: "x" * 20_000_000):
    try:
        make()
        print("huge allocation succeeded?!")
    except MemoryError:
        print("huge allocation: MemoryError")


# 2. Many small allocations until the heap is full. The list is emptied before it is
# dropped: the collector is conservative, and a stale copy of the list's address left in
# some stack slot would otherwise keep every chunk alive.
def fill(size):
    chunks = []
    try:
        while True:
            chunks.append(bytearray(size))
    except MemoryError:
        pass
    n = len(chunks)
    chunks.clear()
    return n


gc.collect()
first = fill(512)
gc.collect()
second = fill(512)
print("filled the heap:", first > 10)
print("same again after freeing:", second * 10 >= first * 9)

# 3. A structure that grows until it cannot, keeping what it already built. A reserve
# buffer, dropped after the MemoryError, leaves room to check the result.
reserve = bytearray(4096)
words = []
try:
    i = 0
    while True:
        words.append("word%d" % i)
        i += 1
except MemoryError:
    reserve = None
    gc.collect()
complete = all(w == "word%d" % i for i, w in enumerate(words))
print("partial list intact:", len(words) > 100, complete)
words.clear()
words = None
gc.collect()

# 4. With the heap locked, any allocation fails; unlocking restores it. The global is
# bound first: adding a new name to the globals dict could itself need memory.
locked = None
micropython.heap_lock()
try:
    [1, 2, 3]
    locked = "allocated while locked?!"
except MemoryError:
    locked = "MemoryError while locked"
micropython.heap_unlock()
print(locked)

# 5. The interpreter still works: allocate, compute, format.
squares = [n * n for n in range(200)]
table = {n: str(n) * 3 for n in range(50)}
print("after recovery:", sum(squares), len(table), table[49], 2**100 % 1000007)
print("ok")
