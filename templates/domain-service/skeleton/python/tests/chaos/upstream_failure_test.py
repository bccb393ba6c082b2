import json
import threading
import time
import unittest
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from service.app import ServiceOptions, start_service

# Fault injection: an upstream that the test makes fail, hang or recover.
MODE = {"value": "healthy"}
RELEASE = threading.Event()


class Upstream(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if MODE["value"] == "hanging":
            RELEASE.wait(5)
        self.send_response(500 if MODE["value"] == "failing" else 200)
        self.end_headers()

    def log_message(self, format, *args):  # noqa: A002
        pass


def status(url: str):
    started = time.monotonic()
    with urllib.request.urlopen(f"{url}/api/status", timeout=5) as response:
        return response.status, json.load(response), time.monotonic() - started


class UpstreamFailureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
        cls.upstream.daemon_threads = True
        threading.Thread(target=cls.upstream.serve_forever, daemon=True).start()
        cls.service = start_service(
            ServiceOptions(
                "svc",
                "dom",
                "1.0.0",
                upstream_url=f"http://127.0.0.1:{cls.upstream.server_address[1]}",
                upstream_timeout_s=0.3,
            ),
            0,
        )

    @classmethod
    def tearDownClass(cls):
        RELEASE.set()
        cls.service.drain()
        cls.upstream.shutdown()
        cls.upstream.server_close()

    def test_1_degrades_and_stays_ready_when_the_upstream_fails(self):
        MODE["value"] = "failing"
        code, body, _ = status(self.service.url)
        self.assertEqual((code, body["status"]), (200, "degraded"))
        with urllib.request.urlopen(f"{self.service.url}/readyz", timeout=5) as response:
            self.assertEqual(response.status, 200)

    def test_2_answers_within_its_timeout_when_the_upstream_hangs(self):
        MODE["value"] = "hanging"
        _, body, seconds = status(self.service.url)
        self.assertEqual(body["upstream"], "down")
        self.assertLess(seconds, 2)

    def test_3_recovers_as_soon_as_the_upstream_does(self):
        MODE["value"] = "healthy"
        self.assertEqual(status(self.service.url)[1]["status"], "ok")


if __name__ == "__main__":
    unittest.main()
