# re: substitutions over about 1 KB of log-like text with group references, a function
# replacement and a character class, repeated.
import re

ROUNDS = 600

lines = []
for i in range(24):
    lines.append("2024-06-%02d 12:%02d sensor%d temp=%d.%d hum=%d%%" % (1 + i % 28, i * 2 % 60, i % 5, 18 + i % 9, i % 10, 35 + i % 20))
text = "\n".join(lines)
date = re.compile("(\\d+)-(\\d+)-(\\d+)")
value = re.compile("(\\w+)=(\\d+)")
space = re.compile("[ \\t]+")
digest = 0
for r in range(ROUNDS):
    out = date.sub("\\3/\\2/\\1", text)
    out = value.sub(lambda m: m.group(1).upper() + ":" + m.group(2), out)
    out = space.sub("_", out)
    digest = (digest * 31 + len(out) + out.count("TEMP")) & 0xFFFFFF
print("re_sub bytes", len(text), "digest", digest)
print(out[:60])
