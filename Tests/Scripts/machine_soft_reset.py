# machine.soft_reset() ends a script run with `mpsim run` as Ctrl-D ends a program at the REPL.
import machine

print("before")
machine.soft_reset()
print("not reached")
