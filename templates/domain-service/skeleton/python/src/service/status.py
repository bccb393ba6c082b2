"""What the service reports about itself: pure, so the unit tests cover it."""


def is_ready(draining: bool) -> bool:
    """Whether the service takes traffic: not while it drains for a shutdown.

    A failing upstream degrades the answers but does not take the service out
    of rotation, so one failing dependency does not cascade through the domain.
    """
    return not draining


def service_status(identity: dict, upstream: str) -> dict:
    """The status reported for an upstream that is 'up', 'down' or 'none'."""
    return {
        **identity,
        "status": "degraded" if upstream == "down" else "ok",
        "upstream": upstream,
    }
