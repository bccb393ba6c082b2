import json
import unittest
import urllib.error
import urllib.request

from service.app import ServiceOptions, start_service


def get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


class HttpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.service = start_service(ServiceOptions("svc", "dom", "1.2.3"), 0)

    @classmethod
    def tearDownClass(cls):
        cls.service.drain()

    def test_answers_its_probes(self):
        self.assertEqual(get(f"{self.service.url}/healthz")[0], 200)
        self.assertEqual(get(f"{self.service.url}/readyz")[0], 200)

    def test_tells_which_version_runs(self):
        self.assertEqual(
            get(f"{self.service.url}/version"),
            (200, {"service": "svc", "domain": "dom", "version": "1.2.3"}),
        )

    def test_answers_unknown_paths_with_404(self):
        self.assertEqual(get(f"{self.service.url}/nope")[0], 404)


if __name__ == "__main__":
    unittest.main()
