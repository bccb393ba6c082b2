import json
import os
import threading
import time
import unittest
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from service.app import ServiceOptions, start_service

# Blue-green: the new version (green) must pass these checks before traffic
# moves to it, and the old one (blue) must drain without dropping requests.
# With SERVICE_URL set (after a deployment) the checks run against it, and
# VERSION, when set, is the version it must serve.


def get(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, json.load(response)


def assert_serves(test: unittest.TestCase, base_url: str, version: str | None):
    test.assertEqual(get(f"{base_url}/readyz")[0], 200)
    if version:
        test.assertEqual(get(f"{base_url}/version")[1]["version"], version)
    test.assertEqual(get(f"{base_url}/api/status")[0], 200)


class SlowUpstream(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        time.sleep(0.2)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format, *args):  # noqa: A002
        pass


class BlueGreenTest(unittest.TestCase):
    @unittest.skipUnless(os.environ.get("SERVICE_URL"), "no deployed environment")
    def test_the_deployed_environment_serves_the_new_version(self):
        assert_serves(self, os.environ["SERVICE_URL"], os.environ.get("VERSION"))

    @unittest.skipIf(os.environ.get("SERVICE_URL"), "checking a deployed environment")
    def test_green_passes_then_blue_drains_without_dropping_a_request(self):
        # A slow upstream keeps a request in flight long enough to drain under it.
        upstream = ThreadingHTTPServer(("127.0.0.1", 0), SlowUpstream)
        threading.Thread(target=upstream.serve_forever, daemon=True).start()
        upstream_url = f"http://127.0.0.1:{upstream.server_address[1]}"
        blue = start_service(ServiceOptions("svc", "dom", "1.0.0", upstream_url, 1.0), 0)
        green = start_service(ServiceOptions("svc", "dom", "1.1.0", upstream_url, 1.0), 0)

        assert_serves(self, green.url, "1.1.0")

        answers = []
        in_flight = threading.Thread(target=lambda: answers.append(get(f"{blue.url}/api/status")))
        in_flight.start()
        time.sleep(0.05)
        blue.drain()
        in_flight.join()
        self.assertEqual(answers[0][0], 200)
        self.assertEqual(answers[0][1]["version"], "1.0.0")
        with self.assertRaises(urllib.error.URLError):
            get(f"{blue.url}/healthz")

        green.drain()
        upstream.shutdown()
        upstream.server_close()


if __name__ == "__main__":
    unittest.main()
