"""Runs the service: python -m service."""

import os
import signal
import threading

from service.app import options_from_environment, start_service

running = start_service(options_from_environment(), int(os.environ.get("PORT", "8080")))
print(f"listening on {running.url}", flush=True)

stopped = threading.Event()
# Kubernetes sends SIGTERM before it stops a pod: drain instead of dropping requests.
signal.signal(signal.SIGTERM, lambda *_: stopped.set())
stopped.wait()
running.drain()
