import unittest

from service.status import is_ready, service_status

IDENTITY = {"service": "svc", "domain": "dom", "version": "1.0.0"}


class StatusTest(unittest.TestCase):
    def test_failing_upstream_degrades_but_keeps_the_service_ready(self):
        self.assertEqual(service_status(IDENTITY, "down")["status"], "degraded")
        self.assertTrue(is_ready(draining=False))

    def test_no_upstream_or_a_healthy_one_is_ok(self):
        self.assertEqual(service_status(IDENTITY, "none")["status"], "ok")
        self.assertEqual(service_status(IDENTITY, "up")["status"], "ok")

    def test_a_draining_service_takes_no_new_traffic(self):
        self.assertFalse(is_ready(draining=True))


if __name__ == "__main__":
    unittest.main()
