# heapq and a comparison that empties the heap: the sift would index past the list's new end,
# so it stops with RuntimeError (CPython raises one too), for push, pop and heapify alike.
import heapq

h = []


class Evil:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if len(h) > 3:
            h.clear()
        return self.v < other.v


for name, f in [
    ("heappush", lambda: [heapq.heappush(h, Evil(v)) for v in (5, 4, 3, 2, 1)]),
    ("heappop", lambda: (h.extend(Evil(v) for v in range(6)), heapq.heappop(h))),
    ("heapify", lambda: (h.extend(Evil(v) for v in range(6, 0, -1)), heapq.heapify(h))),
]:
    h.clear()
    try:
        f()
        print(name, "no error")
    except RuntimeError as e:
        print(name, "RuntimeError", e, len(h))
