# re: MicroPython's documented subset. Match objects print as <match num=N>, N counting
# group 0; only group(index) is used here (see re_groups.py for groups/span/start/end).
import re


def show(label, f):
    try:
        m = f()
    except Exception as e:
        print(label, type(e).__name__, e)
        return
    if m is None or isinstance(m, (str, bytes, list)):
        print(label, repr(m))
    else:
        print(label, m, [m.group(i) for i in range(int(str(m)[11:-1]))])


show("literal", lambda: re.match("abc", "abcdef"))
show("no match", lambda: re.match("abc", "xabc"))
show("search", lambda: re.search("b+", "aabbbc"))
show("dot", lambda: re.match("a.c", "a\nc"))
show("class", lambda: re.match("[a-cx]+", "abxcz"))
show("negated", lambda: re.match("[^0-9 ]+", "abc1"))
show("dash", lambda: re.match("[a-]+", "a-a-b"))
show("bracket", lambda: re.match("[\\]x]+", "]x]y"))
show("escapes", lambda: re.match("\\d+\\s\\w+", "42 apples!"))
show("negated escapes", lambda: re.match("\\D+\\S\\W", "ab1 "))
show("escape in class", lambda: re.match("[\\d.]+", "3.14x"))
show("negated escape in class", lambda: re.match("[\\D]+", "ab1"))
show("escaped special", lambda: re.match("a\\.b\\*\\\\", "a.b*\\"))
show("anchors", lambda: re.search("^ab$", "ab"))
show("^ only at start", lambda: re.search("^b", "ab"))
show("$ only at end", lambda: re.search("a$", "ba\n"))
show("star", lambda: re.match("ab*", "abbbc"))
show("plus", lambda: re.match("ab+", "ac"))
show("question", lambda: re.match("ab?c", "ac"))
show("lazy star", lambda: re.match("a.*?b", "axbxb"))
show("greedy star", lambda: re.match("a.*b", "axbxb"))
show("lazy plus", lambda: re.match("(a+?)(a*)", "aaa"))
show("lazy question", lambda: re.match("(a??)(a*)", "aaa"))
show("alternation", lambda: re.match("cat|dog|bird", "bird"))
show("alternation order", lambda: re.match("a|ab", "ab"))
show("empty alternative", lambda: re.match("a|", "b"))
show("groups", lambda: re.match("(\\w+)@(\\w+)\\.com", "joe@example.com"))
show("nested groups", lambda: re.match("((a)(b))c", "abc"))
show("unused group", lambda: re.match("(a)|(b)", "b"))
show("repeated group", lambda: re.match("(ab)+", "ababab"))
show("non-capturing", lambda: re.match("(?:ab)+(c)", "ababc"))
show("counted is literal", lambda: re.match("a{2}", "a{2}"))
show("bytes", lambda: re.match(b"a+", b"aab"))
show("empty", lambda: re.match("", "abc"))
show("utf-8", lambda: re.search("é+", "caféé!"))

r = re.compile("[0-9]+")
show("compiled match", lambda: r.match("123abc"))
show("compiled search", lambda: r.search("abc123"))
show("pos", lambda: r.search("12ab34", 2))
show("pos and endpos", lambda: r.search("12ab3456", 2, 6))
show("match at pos", lambda: r.match("ab12", 2))
show("endpos before pos", lambda: r.search("1234", 3, 1))
show("^ with pos", lambda: re.compile("^a").search("ba", 1))
print(str(re.compile("a"))[:4])

# split
show("split", lambda: re.compile(",").split("a,b,,c"))
show("split maxsplit", lambda: re.compile(",").split("a,b,,c", 1))
show("split pattern", lambda: re.compile("[ ,]+").split("a, b  c,d"))
show("split none", lambda: re.compile(";").split("abc"))
show("split empty match", lambda: re.compile("x*").split("axb"))
show("split groups", lambda: re.compile("(,)").split("a,b"))
show("split bytes", lambda: re.compile(b"-").split(b"1-2-3"))

# sub
show("sub", lambda: re.sub("a", "o", "banana"))
show("sub count", lambda: re.sub("a", "o", "banana", 2))
show("sub negative count", lambda: re.sub("a", "o", "banana", -1))
show("sub groups", lambda: re.sub("(\\w+)=(\\d+)", "\\2:\\1", "x=1, yy=22"))
show("sub g<n>", lambda: re.sub("(a)(b)", "\\g<2>\\g<1>\\g<0>", "xaby"))
show("sub \\0", lambda: re.sub("b", "[\\0]", "abc"))
show("sub unused group", lambda: re.sub("(b)|(c)", "[\\1\\2]", "abcd"))
show("sub backslashes", lambda: re.sub("a", "\\\\-\\n", "bab"))
show("sub function", lambda: re.sub("\\d+", lambda m: str(int(m.group(0)) * 2), "a1b22c333"))
show("sub function count", lambda: re.sub("a", lambda m: "A", "banana", 2))
show("sub no match", lambda: re.sub("z", "y", "abc"))
show("sub empty match", lambda: re.sub("x*", "-", "abc"))
show("sub bytes", lambda: re.sub(b"a", b"o", b"banana"))
show("compiled sub", lambda: re.compile("\\s+").sub(" ", "a  b\t\nc"))
show("compiled sub count", lambda: re.compile("o").sub("0", "foo boo", 3))

# errors
for pattern in ["(", ")", "a)", "[a", "*a", "a**", "a+*", "?", "+", "a|*", "^*", "$+", "a\\",
                "(?P<n>a)", "(?i)a", "(?", "[\\"]:
    show("bad %r" % pattern, lambda: re.compile(pattern))
show("group out of range", lambda: re.match("(a)", "a").group(2))
show("negative group", lambda: re.match("(a)", "a").group(-1))
show("sub bad group", lambda: re.sub("(a)", "\\2", "bab"))
show("sub bad g<n>", lambda: re.sub("(a)", "\\g<3>", "bab"))
show("sub non-str repl", lambda: re.sub("a", 5, "abc"))
show("sub function non-str", lambda: re.sub("a", lambda m: 5, "abc"))
show("sub count keyword", lambda: re.sub("a", "x", "aaaa", count=2))
show("pattern not str", lambda: re.compile(123))
show("subject not str", lambda: re.match("a", 123))
