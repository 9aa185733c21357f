# heapq: a min-heap in a plain list, as MicroPython's docs describe it. Items sit in the
# same places as on CPython (the same sift order), so whole lists are printed.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print("pushed", h)
print("popped", [heapq.heappop(h) for _ in range(7)], h)

l = [9, 8, 7, 6, 5, 4, 3, 2, 1]
heapq.heapify(l)
print("heapify", l)
l = []
heapq.heapify(l)
print("heapify empty", l)

# Tuples order by their first item, then the next.
jobs = [(3, "write"), (1, "read"), (2, "check"), (1, "open")]
heapq.heapify(jobs)
print("jobs", [heapq.heappop(jobs) for _ in range(4)])

# A heap sort of 200 pseudo-random numbers.
x = 12345
data = []
for _ in range(200):
    x = (x * 1103515245 + 12345) % 65536
    data.append(x)
h = []
for v in data:
    heapq.heappush(h, v)
out = [heapq.heappop(h) for _ in range(len(data))]
print("heap sort", out == sorted(data), out[:5])

# Any objects with __lt__.
class Job:
    def __init__(self, p):
        self.p = p
    def __lt__(self, other):
        return self.p < other.p
h = []
for p in (4, 1, 3):
    heapq.heappush(h, Job(p))
print("objects", [heapq.heappop(h).p for _ in range(3)])

for name, f in [
    ("heappush tuple", lambda: heapq.heappush((), 1)),
    ("heappop empty", lambda: heapq.heappop([])),
    ("heapify int", lambda: heapq.heapify(5)),
    ("heapify tuple", lambda: heapq.heapify((3, 2))),
    ("mixed types", lambda: heapq.heappush([1], "a")),
    ("missing item", lambda: heapq.heappush([1])),
]:
    try:
        f()
        print(name, "no error")
    except (TypeError, IndexError) as e:
        print(name, type(e).__name__, e)
