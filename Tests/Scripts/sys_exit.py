# sys.exit(n) ends the script with exit status n; finally blocks still run on the way out.
import sys

print("before exit")
try:
    try:
        sys.exit(7)
    except SystemExit as e:
        print("caught SystemExit", e.args)
    try:
        sys.exit(3)
    finally:
        print("finally runs")
except Exception:
    print("SystemExit is not an Exception, so this is not printed")
print("not reached")
