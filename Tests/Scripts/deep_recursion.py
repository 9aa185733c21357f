# mpsim-args: --heap 8000000
# Recursion in C deeper than the stack raises RuntimeError, as Python recursion does, and the
# program carries on. Comparing, printing and hashing nested containers, and compiling nested
# code, ran the shadow stack over other memory: the run trapped later, or printed wrong results.


def nest(n, make):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x


def attempt(label, f):
    try:
        print(label, f())
    except RuntimeError as e:
        print(label, "RuntimeError:", e)


N = 30000
deep_list, other_list = nest(N, lambda x: [x]), nest(N, lambda x: [x])
deep_tuple, other_tuple = nest(N, lambda x: (x,)), nest(N, lambda x: (x,))
deep_dict, other_dict = nest(N, lambda x: {"a": x}), nest(N, lambda x: {"a": x})
attempt("list ==", lambda: deep_list == other_list)
attempt("list <", lambda: deep_list < other_list)
attempt("tuple ==", lambda: deep_tuple == other_tuple)
attempt("dict ==", lambda: deep_dict == other_dict)
attempt("list in list", lambda: other_list in [deep_list])
attempt("repr list", lambda: len(repr(deep_list)))
attempt("str dict", lambda: len(str(deep_dict)))
attempt("hash tuple", lambda: type(hash(deep_tuple)).__name__)
attempt("set of tuples", lambda: len({deep_tuple, other_tuple}))
attempt("sorted lists", lambda: len(sorted([deep_list, other_list])))
# The parser is not recursive, the compiler is (its stack check needs deeper code than a test
# compiles quickly: 20000 nested calls).
attempt("eval parens", lambda: eval("(" * 4000 + "1" + ")" * 4000))
attempt("eval empty parens", lambda: eval("(" * 4000 + ")" * 4000))
attempt("eval calls", lambda: eval("abs(" * 3000 + "-1" + ")" * 3000))


def to_json(o):
    if isinstance(o, dict):
        return "{" + ",".join('"%s":%s' % (k, to_json(v)) for k, v in o.items()) + "}"
    if isinstance(o, list):
        return "[" + ",".join(to_json(v) for v in o) + "]"
    return "null" if o is None else repr(o)


attempt("json-like", lambda: len(to_json(deep_dict)))


def down(n):
    return down(n + 1)


attempt("python recursion", lambda: down(0))

# Shallower nesting still works, and so does everything after the errors.
shallow = nest(500, lambda x: [x])
print(shallow == nest(500, lambda x: [x]), len(repr(shallow)), len(to_json(nest(200, lambda x: {"a": x}))))
print(eval("(" * 100 + "7" + ")" * 100), hash(nest(100, lambda x: (x,))) == hash(nest(100, lambda x: (x,))))
