# json: dumps and loads of a document of about 2 KB (nested dicts and lists of sensor
# readings, strings with escapes), repeated. Floats are halves and quarters, exact in single
# precision, so both engines print the same.
import json

ROUNDS = 1200


def make_doc():
    readings = []
    for i in range(30):
        readings.append({"t": 1000 + i * 15, "temp": 20 + (i % 8) * 0.25, "hum": 40 + i % 5,
                         "ok": i % 7 != 0, "tag": "s%d \"x\"\n" % i if i % 6 == 0 else None})
    return {"device": "pico-7", "fw": [1, 23, 0], "site": {"room": "lab", "floor": 2},
            "readings": readings, "note": "caf\u00e9 / \\ test"}


doc = make_doc()
text = json.dumps(doc)
size = len(text)
total = 0
for r in range(ROUNDS):
    text = json.dumps(doc)
    back = json.loads(text)
    total += len(back["readings"]) + back["readings"][r % 30]["hum"]
print("json_roundtrip bytes", size, "total", total, "same", json.loads(text) == doc)
