"""The domain-boundary rule.

A service may use its own domain's packages and any package that belongs to no
domain, but never another domain's packages (those talk to each other through
APIs and events, not imports). A distribution says which domain it belongs to
with a `domain:<name>` keyword in its metadata.
"""

import ast


def imported_modules(source: str) -> list[str]:
    """The top-level modules a Python source file imports (not relative ones)."""
    modules = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules += [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules.append(node.module.split(".")[0])
    return modules


def find_violations(own_domain: str, files: dict[str, str], domain_of_module) -> list[str]:
    """The imports of the files (path to source) that reach into another domain."""
    violations = []
    for path, source in files.items():
        for module in imported_modules(source):
            domain = domain_of_module(module)
            if domain and domain != own_domain:
                violations.append(f"{path}: imports {module}, a package of the {domain} domain")
    return violations
