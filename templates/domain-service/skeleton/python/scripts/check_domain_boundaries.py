"""Fails when a source file imports another domain's package; see domain_boundaries.py."""

import sys
import tomllib
from importlib import metadata
from pathlib import Path

from domain_boundaries import find_violations

root = Path.cwd()
own_domain = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["domain-delivery"][
    "domain"
]
distributions = metadata.packages_distributions()


def domain_of_module(module: str) -> str | None:
    for distribution in distributions.get(module, []):
        for keyword in (metadata.metadata(distribution).get("Keywords") or "").split(","):
            if keyword.strip().startswith("domain:"):
                return keyword.strip().removeprefix("domain:")
    return None


files = {str(path.relative_to(root)): path.read_text() for path in (root / "src").rglob("*.py")}
violations = find_violations(own_domain, files, domain_of_module)
for violation in violations:
    print(f"{violation}; {own_domain} services use other domains through their APIs", file=sys.stderr)
if violations:
    sys.exit(1)
print(f"No imports from other domains' packages in {own_domain}.")
