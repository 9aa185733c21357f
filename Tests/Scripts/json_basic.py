# json: dumps/dump write MicroPython's JSON form (dict order kept, ", " and ": " unless
# separators says otherwise), loads/load parse JSON text from a str, bytes or a stream.
import io
import json

doc = {"name": "sensor", "id": 7, "on": True, "off": False, "none": None,
       "values": [1, -2, 0.5, 2.25], "nested": {"a": [], "b": {}}, "t": (1, (2,))}
text = json.dumps(doc)
print(text)
print(json.loads(text) == {"name": "sensor", "id": 7, "on": True, "off": False, "none": None,
                           "values": [1, -2, 0.5, 2.25], "nested": {"a": [], "b": {}}, "t": [1, [2]]})
print(json.dumps(doc["values"], separators=(",", ":")), json.dumps({"k": [1, 2]}, separators=(";", "=")))

# Strings: quotes, backslashes and control characters escaped, other characters kept.
print(json.dumps("q\"b\\n\nt\t\x01\x1f\x7f é ☃"))
print(json.dumps({1: 2, None: 3}), json.dumps(2**100), json.dumps(-0.0), json.dumps(1e20))
print(json.dumps([[[[]]]]), json.dumps(""), json.dumps({}))

# Parsing.
print(json.loads('  {"a" : [1, -2, 3.5e2, 1E-2, 25e-1, null, true, false]}  '))
print(json.loads('"x\\u00e9\\n\\/\\"\\\\\\b\\f\\r\\t"'), json.loads('"\\u2603"') == "☃")
print(json.loads("123456789012345678901234567890"), json.loads("-0"), json.loads("1.0"))
print(json.loads(b'[1, "b"]'), json.loads(bytearray(b"{}")), json.loads('{"k": 1, "k": 2}'))
print(json.loads('"é☃"'), json.loads('"a\tb"'))
# A dict prints in its own order, which on MicroPython is not insertion order; an OrderedDict
# keeps it, and prints as a plain JSON object.
d = json.loads('{"z": 1, "a": 2, "m": 3}')
print(list(d.keys()), json.dumps(d))
from collections import OrderedDict
print(json.dumps(OrderedDict([("z", 1), ("a", [OrderedDict([("y", 2), ("b", 3)])])])))

# Streams.
print(json.load(io.StringIO('{"k": [1, 2]}')), json.load(io.BytesIO(b"[true]")))
s = io.StringIO()
print(json.dump({"a": [1, "b"]}, s), s.getvalue())
s = io.StringIO()
json.dump([1, {"x": None}], s, separators=(",", ":"))
print(s.getvalue())
big = json.dumps([{"i": i, "s": "item%d" % i} for i in range(100)])
print(len(big), json.load(io.StringIO(big))[99])

# The u-names of a v1.23 board resolve to the same modules.
import ujson, ure, uheapq, urandom
import heapq, random, re
print("u-names:", ujson is json, ure is re, uheapq is heapq, urandom is random)

# Errors.
for bad in ["[1,", "", "   ", "[1] x", '"abc', '"\\u12"', "nul", "nullx", "]", ".5", "+1",
            "[0x10]", "Infinity", "NaN", "1 2", "1,", '{"a": [}']:
    try:
        print(repr(bad), json.loads(bad))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
for bad in ["-", "1.5.5", "[1e]", "[1-2]"]:
    try:
        print(repr(bad), json.loads(bad))
    except ValueError:
        print(repr(bad), "ValueError")
for name, f in [
    ("loads int", lambda: json.loads(5)),
    ("separators of one", lambda: json.dumps([1], separators=(",",))),
    ("separators positional", lambda: json.dumps([1], (",", ":"))),
    ("load from int", lambda: json.load(5)),
    ("dump to int", lambda: json.dump(1, 5)),
    ("list as key", lambda: json.loads('{[1]: 2}')),
    ("dict as key", lambda: json.loads('{"a": 1, {}: 2}')),
]:
    try:
        print(name, f())
    except (TypeError, ValueError, OSError) as e:
        print(name, type(e).__name__)
