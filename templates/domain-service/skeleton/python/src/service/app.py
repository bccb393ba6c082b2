"""The HTTP service: probes, its version and its status."""

import json
import os
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from service.status import is_ready, service_status


@dataclass
class ServiceOptions:
    service: str
    domain: str
    version: str
    upstream_url: str | None = None
    upstream_timeout_s: float = 0.5


def options_from_environment(env=os.environ) -> ServiceOptions:
    """Reads the options from environment variables, as the Helm chart sets them."""
    return ServiceOptions(
        service=env.get("SERVICE_NAME", "${{ values.name }}"),
        domain=env.get("SERVICE_DOMAIN", "${{ values.domain }}"),
        version=env.get("SERVICE_VERSION", "0.0.0-dev"),
        upstream_url=env.get("UPSTREAM_URL") or None,
        upstream_timeout_s=float(env.get("UPSTREAM_TIMEOUT_MS", "500")) / 1000,
    )


def check_upstream(options: ServiceOptions) -> str:
    if not options.upstream_url:
        return "none"
    try:
        with urllib.request.urlopen(
            options.upstream_url, timeout=options.upstream_timeout_s
        ) as response:
            return "up" if response.status < 400 else "down"
    except (urllib.error.URLError, TimeoutError, OSError):
        return "down"


class RunningService:
    """A running service; drain() stops new traffic and waits for requests in flight."""

    def __init__(self, options: ServiceOptions, port: int):
        self.draining = False
        identity = {
            "service": options.service,
            "domain": options.domain,
            "version": options.version,
        }
        running = self

        class Handler(BaseHTTPRequestHandler):
            def _json(self, status: int, body: dict) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
                if self.path == "/healthz":
                    self._json(200, {"status": "ok"})
                elif self.path == "/readyz":
                    if is_ready(running.draining):
                        self._json(200, {"status": "ready"})
                    else:
                        self._json(503, {"status": "draining"})
                elif self.path == "/version":
                    self._json(200, identity)
                elif self.path == "/api/status":
                    self._json(200, service_status(identity, check_upstream(options)))
                else:
                    self._json(404, {"error": "not found"})

            def log_message(self, format, *args) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1" if port == 0 else "", port), Handler)
        self.server.daemon_threads = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def drain(self) -> None:
        self.draining = True
        self.server.shutdown()
        # Joins the threads of requests still in flight before it returns.
        self.server.server_close()


def start_service(options: ServiceOptions, port: int) -> RunningService:
    return RunningService(options, port)
