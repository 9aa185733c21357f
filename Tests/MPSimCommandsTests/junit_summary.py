"""Reads a JUnit XML report with junitparser (from PyPI, not ours) and prints its totals and
each failure, so that a test can check that a reader CI systems use accepts the report.

Usage: python junit_summary.py REPORT.xml
"""

import sys

from junitparser import Error, Failure, JUnitXml, Skipped

xml = JUnitXml.fromfile(sys.argv[1])
tests = failures = errors = skipped = 0
lines = []
for suite in xml:
    for case in suite:
        tests += 1
        for result in case.result:
            if isinstance(result, Failure):
                failures += 1
                lines.append("failure %s %s: %s" % (case.classname, case.name, result.message))
            elif isinstance(result, Error):
                errors += 1
            elif isinstance(result, Skipped):
                skipped += 1
print("tests=%d failures=%d errors=%d skipped=%d" % (tests, failures, errors, skipped))
print("\n".join(lines))
