# An exception nobody catches ends the script with a traceback and exit status 1.


def check_reading(value):
    if value > 100:
        raise ValueError("reading out of range: %d" % value)
    return value


def process(readings):
    out = []
    for r in readings:
        out.append(check_reading(r))
    return out


print("first", process([1, 2, 3]))
print("second", process([4, 500, 6]))
print("not reached")
