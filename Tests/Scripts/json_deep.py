# mpsim-args: --heap 4000000
# json and deep nesting: loads keeps its open containers on the heap, so nesting costs memory
# and, past what the heap holds, raises MemoryError; dumps recurses and raises RuntimeError
# past the stack limit. Neither may crash the board.
import json

print(len(json.dumps(json.loads("[" * 1000 + "]" * 1000))))
print(json.loads('{"a": ' * 300 + "1" + "}" * 300) is not None)
try:
    json.loads("[" * 1000000)
except MemoryError:
    print("loads: MemoryError")
try:
    json.loads("[" * 500)
except ValueError as e:
    print("loads unclosed:", e)
d = []
for i in range(50000):
    d = [d]
try:
    json.dumps(d)
    print("dumps: no error")
except RuntimeError as e:
    print("dumps: RuntimeError", e)
d = None
print(json.loads(json.dumps([1, [2, [3]]])))
