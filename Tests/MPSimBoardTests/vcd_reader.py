"""Reads a VCD with pyvcd, an independent parser, and prints what it saw.

Usage: vcd_reader.py FILE

Prints the scope and timescale, then one line per declared signal in declaration order:
``NAME TYPE SIZE: TIME=VALUE TIME=VALUE ...`` (reals as Python floats, strings as written),
then ``end TIME`` for the last timestamp. VCDWriterTests compares this text with what it expects.
"""

import sys

from vcd.reader import TokenKind, tokenize


def main(path):
    names = {}
    changes = {}
    order = []
    scopes = []
    timescale = None
    time = 0
    with open(path, "rb") as stream:
        for token in tokenize(stream):
            if token.kind is TokenKind.SCOPE:
                scopes.append(f"{token.scope.type_.value} {token.scope.ident}")
            elif token.kind is TokenKind.TIMESCALE:
                timescale = f"{token.timescale.magnitude} {token.timescale.unit.value}"
            elif token.kind is TokenKind.VAR:
                var = token.var
                names[var.id_code] = var.reference
                changes[var.reference] = []
                order.append(f"{var.reference} {var.type_.value} {var.size}")
            elif token.kind is TokenKind.CHANGE_TIME:
                time = token.time_change
            elif token.kind is TokenKind.CHANGE_SCALAR:
                change = token.scalar_change
                changes[names[change.id_code]].append(f"{time}={change.value}")
            elif token.kind is TokenKind.CHANGE_REAL:
                change = token.real_change
                changes[names[change.id_code]].append(f"{time}={change.value!r}")
            elif token.kind is TokenKind.CHANGE_STRING:
                change = token.string_change
                changes[names[change.id_code]].append(f"{time}={change.value}")
    print(f"scope {' / '.join(scopes)}")
    print(f"timescale {timescale}")
    for declaration in order:
        reference = declaration.split(" ")[0]
        print(f"{declaration}: {' '.join(changes[reference])}")
    print(f"end {time}")


if __name__ == "__main__":
    main(sys.argv[1])
