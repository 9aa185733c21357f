# Exceptions as MicroPython handles them: nesting, finally, custom classes, chaining,
# generators being closed, context managers, and control flow leaving finally blocks.

log = []


# --- nested try/except/finally -------------------------------------------------------
def nested(kind):
    log.clear()
    try:
        try:
            log.append("body")
            if kind == 1:
                raise ValueError("inner")
            if kind == 2:
                raise KeyError("outer-handled")
            if kind == 3:
                return "returned"
        except ValueError as e:
            log.append("except " + str(e))
            raise TypeError("from handler")
        finally:
            log.append("inner finally")
    except (TypeError, KeyError) as e:
        log.append("outer " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("outer finally")
    return "fell through"


for kind in range(4):
    r = nested(kind)
    print("nested", kind, r, log)


# --- custom exception classes ----------------------------------------------------------
class AppError(Exception):
    pass


class SensorError(AppError):
    def __init__(self, sensor, code):
        super().__init__(sensor, code)
        self.sensor = sensor
        self.code = code

    def describe(self):
        return "%s failed with %d" % (self.sensor, self.code)


class Retry(AppError):
    def __str__(self):
        return "retry #%d" % self.args[0]


try:
    raise SensorError("bme280", 5)
except AppError as e:
    print("custom", type(e).__name__, e.args, e.sensor, e.code, e.describe())
    print("custom str", str(e), repr(e))
    print("isinstance", isinstance(e, SensorError), isinstance(e, AppError), isinstance(e, Exception))

try:
    raise Retry(3)
except Retry as e:
    print("custom __str__", str(e), e.args)

print("empty args", AppError().args, repr(AppError()), str(AppError("one")), str(AppError(1, 2)))
print("issubclass", issubclass(SensorError, AppError), issubclass(AppError, SensorError))

# A class (not an instance) can be raised; it is instantiated with no arguments.
try:
    raise AppError
except AppError as e:
    print("raised class", type(e).__name__, e.args)

# Builtin exception attributes: .value (StopIteration) and .errno (OSError) alias args[0].
e = OSError(2, "no such thing")
print("oserror", e.errno, e.args)
print("keyerror", repr(KeyError("k")), str(KeyError("k")))


# --- raise ... from: MicroPython accepts the syntax but keeps no cause ------------------
def convert(text):
    try:
        return int(text)
    except ValueError as err:
        raise AppError("not a number: " + text) from err


try:
    convert("12x")
except AppError as e:
    print("from", e, hasattr(e, "__cause__"), hasattr(e, "__context__"))

try:
    try:
        {}["missing"]
    except KeyError:
        raise LookupError("replaced") from None
except LookupError as e:
    print("from None", type(e).__name__, e)

# Raising inside a handler replaces the current exception.
try:
    try:
        raise ValueError("first")
    except ValueError:
        raise RuntimeError("second")
except Exception as e:
    print("replaced", type(e).__name__, e)

# Bare raise re-raises the exception being handled, even after a nested handled one.
try:
    try:
        raise ValueError("keep me")
    except ValueError:
        try:
            raise KeyError("nested")
        except KeyError:
            pass
        raise
except ValueError as e:
    print("bare raise", e)

try:
    raise 42
except TypeError as e:
    print("raise non-exception", type(e).__name__)


# --- exceptions across function boundaries ---------------------------------------------
def level3(n):
    if n % 3 == 0:
        raise ZeroDivisionError("level3 %d" % n)
    return n


def level2(n):
    try:
        return level3(n) * 2
    finally:
        log.append("l2-%d" % n)


def level1(n):
    try:
        return level2(n)
    except ZeroDivisionError as e:
        return str(e)


log.clear()
print("across", [level1(n) for n in range(5)], log)


def deep(n):
    if n == 0:
        raise IndexError("bottom")
    return deep(n - 1) + 1


try:
    deep(50)
except IndexError as e:
    print("deep", e)


# --- in loops: break/continue/return leave finally blocks --------------------------------
def loop_control():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            try:
                if i == 2:
                    raise ValueError(i)
            except ValueError:
                out.append("caught%d" % i)
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print("loop", loop_control())


def break_in_finally():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            out.append(i)
            break  # discards the pending exception
    return out


print("break in finally", break_in_finally())


def continue_in_finally():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            out.append(i)
            continue  # discards the pending exception too
    return out


print("continue in finally", continue_in_finally())


def return_in_finally():
    try:
        raise KeyError("lost")
    finally:
        return "finally wins"


print("return in finally", return_in_finally())


def finally_order():
    out = []
    try:
        try:
            return out
        finally:
            out.append("a")
    finally:
        out.append("b")


print("finally order", finally_order())

n = 0
while True:
    try:
        n += 1
        if n > 3:
            raise StopIteration
    except StopIteration:
        break
    finally:
        n += 10
print("while", n)


# --- generators: close(), GeneratorExit, finally ---------------------------------------
def counter(log):
    try:
        i = 0
        while True:
            yield i
            i += 1
    except GeneratorExit:
        log.append("GeneratorExit")
        raise
    finally:
        log.append("finally")


log = []
g = counter(log)
print("gen", next(g), next(g), next(g))
g.close()
print("gen closed", log)
g.close()  # closing again is harmless
try:
    next(g)
except StopIteration:
    print("gen exhausted after close")

# Closing a generator that never started does not run its body.
log = []
g = counter(log)
g.close()
print("unstarted close", log)


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("stubborn", e)


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return


g = returns_on_exit()
next(g)
print("return on exit", g.close())


def with_return():
    yield 1
    return "done"


g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("return value", e.value, e.args)


def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            yield "caught " + str(e)


g = catcher()
print("throw", next(g), g.throw(ValueError("x")), next(g))
try:
    g.throw(KeyError("y"))
except KeyError as e:
    print("throw through", repr(e))


def gen_raises():
    yield 1
    raise AppError("from generator")


try:
    print("list", list(gen_raises()))
except AppError as e:
    print("gen raised", e)


def delegating(log):
    try:
        r = yield from counter(log)
    finally:
        log.append("outer finally")


log = []
g = delegating(log)
next(g)
next(g)
g.close()
print("yield from close", log)


# --- with blocks -----------------------------------------------------------------------
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        log.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            log.append("exit " + self.name)
        else:
            log.append("exit %s %s(%s)" % (self.name, exc_type.__name__, exc))
        return self.suppress


log = []
with Resource("a") as r:
    log.append("body " + r.name)
print("with ok", log)

log = []
with Resource("s", suppress=True):
    raise ValueError("swallowed")
print("with suppressed", log)

log = []
try:
    with Resource("p"):
        raise ValueError("escapes")
except ValueError as e:
    log.append("caught " + str(e))
print("with propagated", log)

log = []
try:
    with Resource("outer"), Resource("inner", suppress=True):
        raise KeyError("k")
    log.append("after")
except KeyError:
    log.append("not reached")
print("with nested", log)


def with_return():
    with Resource("r"):
        return "value"


log = []
print("with return", with_return(), log)

log = []
for i in range(3):
    with Resource(str(i)):
        if i == 1:
            continue
        if i == 2:
            break
print("with loop", log)


class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise RuntimeError("exit failed")


try:
    with BadExit():
        raise ValueError("original")
except Exception as e:
    print("bad exit", type(e).__name__, e)


class BadEnter:
    def __enter__(self):
        raise OSError(5)

    def __exit__(self, *args):
        print("never")


try:
    with BadEnter():
        print("never")
except OSError as e:
    print("bad enter", e.errno)

print("done")
