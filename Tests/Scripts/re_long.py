# re on long inputs: the matcher runs every candidate in step (a Pike VM), so patterns that
# make a backtracking matcher take exponential time or recurse once per character finish
# here in time proportional to the input, without a stack overflow.
import re

s = "a" * 3000
print(re.match("(a*)*b", s))
print(re.match("(a|aa)*c", s))
print(re.match("(a+)+$", s).span(1))
print(len(re.match("(?:a|b)*", s).group(0)))
print(re.search("(x+x+)+y", "x" * 200))
text = "word " * 1000
print(len(re.compile(" ").split(text)), re.sub("o", "0", text)[:15], len(re.sub("w", "ww", text)))
print(re.search("\\d+$", "x" * 5000 + "12345").group(0))
# Deep nesting is a RuntimeError, as a too-deep recursion is, not a crash; many groups cost
# memory only for the threads alive at once.
print(re.match("(" * 300 + "a" + ")" * 300, "a").group(300))
try:
    re.compile("(?:" * 5000 + "a" + ")" * 5000)
except RuntimeError as e:
    print("RuntimeError", e)
m = re.match("(a)" * 400, "a" * 400)
print(m.group(400), len(m.groups()))
