import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from domain_boundaries import find_violations  # noqa: E402

DOMAINS = {"tickets": "journey", "parking": "smart-city"}


class DomainBoundariesTest(unittest.TestCase):
    def test_an_import_of_another_domains_package_is_a_violation(self):
        source = "\n".join(
            [
                "import parking",
                "from tickets.model import Ticket",
                "import json",
                "from . import helper",
            ]
        )
        violations = find_violations("smart-city", {"src/a.py": source}, DOMAINS.get)
        self.assertEqual(
            violations, ["src/a.py: imports tickets, a package of the journey domain"]
        )


if __name__ == "__main__":
    unittest.main()
