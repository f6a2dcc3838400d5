"""Every command the README shows is exercised somewhere, so none goes stale. A new
command in the README fails here until it is mapped to what runs it."""

from __future__ import annotations

import re

from tests.support import REPO

# command prefix -> where it is exercised
EXERCISED = {
    "make run": "test_bot_process.py (python -m bot, console and polling), Makefile run target",
    "make test": ".ci/run",
    "TELEGRAM_BOT_TOKEN=": "test_bot_process.py::test_polling_process_answers_and_serves_health",
    ".venv/bin/python -m index model": "make setup (scripts/prepare.sh)",
    ".venv/bin/python -m index build": "make setup; test_index_end_to_end.py",
    ".venv/bin/python -m index search": "test_index_end_to_end.py",
    ".venv/bin/python -m index import": "test_index_end_to_end.py",
    ".venv/bin/python -m index eval":
        "test_index_end_to_end.py::test_eval_with_pages_added_reports_every_set_and_speakers",
    ".venv/bin/python -m index add": "test_index_end_to_end.py",
    ".venv/bin/python -m index remove": "test_index_end_to_end.py",
    ".venv/bin/python -m index stats": "test_index_end_to_end.py",
    ".venv/bin/python -m index speakers":
        "test_index_end_to_end.py::test_speakers_reports_attribution_misses_and_changes_since_a_dump",
    ".venv/bin/python -m index feeds": "test_feeds.py::test_feeds_cli_adds_relevant_pages_and_catches_the_rest",
    ".venv/bin/python -m index relevance": "test_feeds.py::test_relevance_cli_reports_precision_and_recall",
    "docker build": "make image (same Dockerfile, podman) in .ci/run",
    "docker run": "make image-test (same image, podman run) in .ci/run",
}


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.replace("\\\n", " ").splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def test_every_readme_command_is_exercised():
    commands = readme_commands()
    assert len(commands) >= 10
    unmapped = [c for c in commands if not any(c.startswith(prefix) for prefix in EXERCISED)]
    assert not unmapped, f"README commands no test or CI step runs: {unmapped}"


def test_ci_runs_the_readme_test_command_and_the_image_test():
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci and "make image-test" in ci
    makefile = (REPO / "Makefile").read_text()
    assert "scripts/prepare.sh" in makefile and "include mk/image.mk" in makefile
