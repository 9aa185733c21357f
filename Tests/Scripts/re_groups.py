# re match objects: groups(), span(), start() and end() (MICROPY_PY_RE_MATCH_GROUPS and
# MICROPY_PY_RE_MATCH_SPAN_START_END, on in this port). Spans count characters of a str.
import re

m = re.match("(\\w+)@(\\w+)(\\.org)?", "joe@example.com")
print(m.groups(), m.span(), m.span(1), m.span(2), m.span(3))
print(m.start(), m.end(), m.start(2), m.end(2), m.start(3), m.end(3))
print(re.match("abc", "abc").groups())
m = re.search("b+", "aabbbc")
print(m.span(), m.start(0), m.end(0))
m = re.search("(é+)(x)", "café éx")
print(m.group(0), m.span(), m.span(1), m.span(2))
m = re.search(b"(b+)", b"aabbb")
print(m.groups(), m.span(1))
m = re.compile("(\\d)").search("ab12", 3)
print(m.groups(), m.span())
print(re.match("(a)|(b)", "b").groups(), re.match("(a*?)(a*)", "aaa").groups())
for f in (lambda: m.span(2), lambda: m.start(-1), lambda: m.end("x")):
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
