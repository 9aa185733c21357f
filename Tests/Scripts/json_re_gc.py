# mpsim-args: --heap 32768
# json and re on a small heap: their C code holds new objects and work buffers while it
# allocates more (and re.sub calls back into Python), so collections happen in the middle
# of a parse, a dump or a substitution. Every result is checked against one computed before.
import gc
import json
import re

doc = {"k%d" % i: [i, "v" * (i % 7), {"n": None, "t": True}] for i in range(20)}
text = json.dumps(doc)
# A dict's order depends on how it grew, so the parsed dict prints in an order of its own.
expected_text = json.dumps(json.loads(text))
word = re.compile("([a-z])(\\d+)")
subject = " ".join("x%d" % i for i in range(60))
expected_sub = word.sub(lambda m: m.group(2) + m.group(1), subject)
ok = 0
for round in range(150):
    junk = [bytearray(30 + round % 50) for _ in range(4)]
    if json.loads(text) != doc or json.dumps(json.loads(text)) != expected_text:
        print("json mismatch", round)
        break
    if word.sub(lambda m: (m.group(2) + "%s") % m.group(1), subject) != expected_sub:
        print("re.sub mismatch", round)
        break
    m = word.search(subject, 100)
    if m.group(0) != subject[m.start():m.end()]:
        print("span mismatch", round)
        break
    ok += 1
    junk = None
print("rounds ok:", ok)
try:
    json.loads("[" * 30000)
except MemoryError:
    print("MemoryError caught")
gc.collect()
print(json.loads(json.dumps([1, {"a": "b"}])), re.sub("b", "c", "abc"))
