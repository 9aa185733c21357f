# Record-heavy integer workload in the spirit of pystone: small objects linked together,
# attribute reads and writes, short procedures, global arrays, string comparisons and an
# enumeration-like state machine. Prints a checksum of the final state.

LOOPS = 300000

IDLE, RUNNING, BLOCKED, DONE, FAILED = range(5)


class Task:
    def __init__(self, ident, link=None):
        self.link = link
        self.ident = ident
        self.state = IDLE
        self.priority = ident % 7
        self.counter = 0
        self.label = "TASK %03d WAITING" % ident


class Ledger:
    def __init__(self):
        self.row = [0] * 32
        self.grid = [[0] * 32 for _ in range(32)]
        self.flag = False
        self.mark = "A"


def next_state(state, value):
    if state == IDLE:
        return RUNNING if value & 1 else BLOCKED
    if state == RUNNING:
        return DONE if value % 5 == 0 else RUNNING
    if state == BLOCKED:
        return RUNNING if value % 3 else FAILED
    if state == DONE:
        return IDLE
    return IDLE if value & 4 else FAILED


def bump(task, amount):
    task.counter = (task.counter + amount) & 0xFFFF
    if task.counter > 40000:
        task.counter -= 40000
    return task.counter


def chain_step(task, ledger, i):
    # Walk a few links, updating each record.
    t = task
    total = 0
    while t is not None:
        t.state = next_state(t.state, i + t.ident)
        total += bump(t, t.priority + 1)
        t = t.link
    ledger.row[i & 31] = total & 0xFFF
    return total


def compare_labels(a, b):
    if a.label == b.label:
        return 0
    return 1 if a.label > b.label else -1


def grid_update(ledger, i, value):
    r = i & 31
    c = (i >> 5) & 31
    ledger.grid[r][c] = value
    ledger.grid[c][r] += 1
    ledger.row[(r + c) & 31] += ledger.grid[r][c] & 7


def char_step(mark, i):
    if mark == "A":
        return "B" if i % 3 else "C"
    if mark == "B":
        return "C"
    return "A"


def run(loops):
    # Four chains of three records each.
    heads = []
    ident = 0
    for _ in range(4):
        head = None
        for _ in range(3):
            head = Task(ident, head)
            ident += 1
        heads.append(head)
    ledger = Ledger()
    acc = 0
    for i in range(loops):
        head = heads[i & 3]
        acc = (acc + chain_step(head, ledger, i)) & 0xFFFFFF
        other = heads[(i + 1) & 3]
        if compare_labels(head, other) < 0:
            head.label, other.label = other.label, head.label
            ledger.flag = not ledger.flag
        grid_update(ledger, i, acc & 0xFF)
        ledger.mark = char_step(ledger.mark, i)
        if ledger.mark == "C" and ledger.flag:
            acc ^= i & 0x3FF
    states = [0] * 5
    counters = 0
    for head in heads:
        t = head
        while t is not None:
            states[t.state] += 1
            counters += t.counter
            t = t.link
    grid_sum = sum(sum(r) for r in ledger.grid)
    return acc, states, counters, sum(ledger.row), grid_sum, ledger.mark


print("pystone_like", run(LOOPS))
