import json
import os
import unittest
import urllib.request
from pathlib import Path

from service.app import ServiceOptions, start_service

# The contract consumers rely on, checked against this build or, with
# SERVICE_URL set, against a deployed environment.
CONTRACT = json.loads(
    (Path(__file__).resolve().parents[2] / "contracts" / "status.schema.json").read_text()
)
TYPES = {"string": str}


def violations(body: dict) -> list[str]:
    problems = [f"{field} is missing" for field in CONTRACT["required"] if field not in body]
    for field, rule in CONTRACT["properties"].items():
        if field not in body:
            continue
        if "type" in rule and not isinstance(body[field], TYPES[rule["type"]]):
            problems.append(f"{field} is not a {rule['type']}")
        if "enum" in rule and body[field] not in rule["enum"]:
            problems.append(f"{field} is not one of {', '.join(rule['enum'])}")
    return problems


class StatusContractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.local = None
        cls.base_url = os.environ.get("SERVICE_URL")
        if not cls.base_url:
            cls.local = start_service(ServiceOptions("svc", "dom", "1.0.0"), 0)
            cls.base_url = cls.local.url

    @classmethod
    def tearDownClass(cls):
        if cls.local:
            cls.local.drain()

    def test_status_keeps_its_contract(self):
        with urllib.request.urlopen(f"{self.base_url}/api/status", timeout=5) as response:
            self.assertEqual(response.status, 200)
            self.assertIn("application/json", response.headers["content-type"])
            self.assertEqual(violations(json.load(response)), [])

    def test_the_contract_check_notices_a_broken_answer(self):
        self.assertEqual(
            violations({"service": "svc", "domain": "dom", "version": 1, "status": "fine"}),
            ["upstream is missing", "version is not a string", "status is not one of ok, degraded"],
        )


if __name__ == "__main__":
    unittest.main()
