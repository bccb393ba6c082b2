"""Runs one test suite (a folder of tests/) with unittest and, when
TEST_SUMMARY_DIR is set (the delivery workflow sets it), writes how many tests
passed, failed and were skipped, with the failing tests' names, to
<TEST_SUMMARY_DIR>/<suite>.json for the workflow to report to the portal."""

import json
import os
import sys
import unittest


def main(suite: str) -> int:
    tests = unittest.defaultTestLoader.discover(
        start_dir=os.path.join("tests", suite), pattern="*_test.py"
    )
    result = unittest.TextTestRunner(verbosity=2).run(tests)
    failing = [test.id() for test, _ in result.failures + result.errors]
    skipped = len(result.skipped)
    summary = {
        "passed": result.testsRun - len(failing) - skipped,
        "failed": len(failing),
        "skipped": skipped,
        "failedTests": failing,
    }
    summary_dir = os.environ.get("TEST_SUMMARY_DIR")
    if summary_dir:
        os.makedirs(summary_dir, exist_ok=True)
        with open(os.path.join(summary_dir, f"{suite}.json"), "w") as out:
            json.dump(summary, out)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("Usage: python scripts/run_tests.py <suite>, e.g. unit", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
