"""Apps depend on each other in one direction: alerts, review and ingest use follow-up, never back."""

import ast
from pathlib import Path

import pytest

TRACKER = Path(__file__).resolve().parents[2] / "tracker"


def imports(package: str) -> dict[str, set[str]]:
    """Module → the tracker modules it imports (at any depth in the file)."""
    found: dict[str, set[str]] = {}
    for path in (TRACKER / package).glob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("tracker."):
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names if a.name.startswith("tracker."))
        found[f"tracker.{package}.{path.stem}"] = names
    return found


@pytest.mark.parametrize(("package", "forbidden"), [
    ("followup", ("tracker.alerts", "tracker.review", "tracker.ingest")),
    ("alerts", ("tracker.review", "tracker.ingest")),
])
def test_a_package_does_not_reach_back(package, forbidden):
    reaching = {module: sorted(n for n in names if n.startswith(forbidden))
                for module, names in imports(package).items()}
    assert {m: n for m, n in reaching.items() if n} == {}


def test_no_module_of_the_alerts_imports_one_that_imports_it():
    graph = imports("alerts")
    cycles = [(a, b) for a, names in graph.items() for b in names if b in graph and a in graph[b]]
    assert cycles == []
