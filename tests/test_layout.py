"""The dependency rule of the layout: `bot` reaches `index` only through its public API, and
`index` never imports `bot`. Read from the source, so a new module is covered too."""

from __future__ import annotations

import ast
from pathlib import Path

import index

REPO = Path(__file__).resolve().parent.parent


def _imports(package: str) -> list[tuple[Path, str, list[str]]]:
    found = []
    for path in sorted((REPO / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.append((path, node.module, [a.name for a in node.names]))
            elif isinstance(node, ast.Import):
                found.extend((path, a.name, []) for a in node.names)
    return found


def test_bot_imports_only_the_public_api_of_index():
    wrong = [(str(p.relative_to(REPO)), m) for p, m, _ in _imports("bot")
             if m.startswith("index.")]
    assert wrong == []
    names = {n for _, m, ns in _imports("bot") if m == "index" for n in ns}
    assert names, "bot should use index"
    assert names <= set(index.__all__), names - set(index.__all__)


def test_index_never_imports_bot():
    assert [(str(p.relative_to(REPO)), m) for p, m, _ in _imports("index")
            if m == "bot" or m.startswith("bot.")] == []


def test_the_model_converter_stays_off_the_runtime_path():
    runtime = [p for p in (REPO / "index").rglob("*.py") if "model" not in p.relative_to(REPO / "index").parts[:1]
               and p.name != "cli.py"]
    assert [str(p.relative_to(REPO)) for p in runtime
            if "index.model" in p.read_text(encoding="utf-8")] == []

