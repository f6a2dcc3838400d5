"""The built container image, run for real as a deployment would. Marked `image`: plain
`make test` deselects it (pyproject's addopts); `make image-test` builds the image, then runs
`pytest -m image tests/test_image.py`.

`python -m bot` runs in the container, polling the Bot API emulator and fetching from the
news site (tests/support/), both on 127.0.0.1 and reached through `--network host`. A fresh
named volume holds /data; it and every container are removed at the end, pass or fail. The
tests share one deployment and run in file order: container 1 on the fresh volume, then
container 2 on the same volume. Besides the checks it prints the image size and the times
from `run` to ready and to the first answer.

Environment: IMAGE (default localhost/netral:latest), CONTAINER_ENGINE (default
"podman --runtime runc --cgroup-manager cgroupfs"; "docker" works too).
"""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer

from tests.support import REPO
from tests.support.articles import KAPUAS_HULU
from tests.support.news_site import NewsSite
from tests.support.telegram_emulator import Call, TelegramEmulator

pytestmark = pytest.mark.image

DEFAULT_IMAGE = "localhost/netral:latest"
DEFAULT_ENGINE = "podman --runtime runc --cgroup-manager cgroupfs"
CONFIG_IN_CONTAINER = "/etc/netral/config.yaml"
EXPECTED_UID = "10001"

QUESTION = "Apakah ASN boleh terlibat politik praktis selama pilkada?"
QUESTION_OFFICIAL = "Ismail"
NEW_QUESTION = "Bolehkah ASN memberi like atau komentar di unggahan pasangan calon?"
ADMIN_ID = 900            # a bot admin (BOT_ADMIN_IDS)
GROUP_ID = -4242          # a plain group
GROUP_ADMIN_ID = 4343     # an administrator of that group, not a bot admin
USER_ID = 5151
ANNOUNCEMENT = "Uji pengumuman setelah restart"

START_TIMEOUT = 120.0     # run -> /healthz ok (model and index load)
ANSWER_TIMEOUT = 60.0
TAMBAH_TIMEOUT = 120.0
STOP_TIMEOUT = 20         # seconds the engine waits after SIGTERM before SIGKILL

# What a model download (or an attempt blocked by offline mode) leaves in the logs.
DOWNLOAD_SIGNS = re.compile(
    r"huggingface\.co|hf\.co/|HF_ENDPOINT|resolve/main|/api/models|Downloading|"
    r"OfflineModeIsEnabled|LocalEntryNotFoundError|couldn't connect to|MaxRetryError|"
    r"snapshot_download|hf_hub_download", re.IGNORECASE)
REBUILD_SIGNS = re.compile(r"index is stale|no index yet|embedding passages:")


# ----------------------------------------------------------------------------- engine

class Engine:
    """The container engine CLI (podman here, docker where an engine runs)."""

    def __init__(self, command: str) -> None:
        self.argv = shlex.split(command)
        self.name = Path(self.argv[0]).name

    def run(self, *args: str, timeout: float = 120, check: bool = True,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([*self.argv, *args], capture_output=True, text=True,
                                timeout=timeout, env=env)
        # Drop podman's harmless notes about systemd-driven healthcheck timers.
        result.stderr = "\n".join(line for line in result.stderr.splitlines()
                                  if "systemd" not in line and "healthcheck" not in line.lower())
        if check and result.returncode != 0:
            pytest.fail(f"`{self.name} {' '.join(args)}` exited {result.returncode}: "
                        f"{(result.stderr or result.stdout).strip()[-800:]}")
        return result

    def logs(self, container: str) -> str:
        result = self.run("logs", container, check=False, timeout=60)
        return result.stdout + result.stderr


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def get_json(url: str, timeout: float = 5) -> tuple[int, dict]:
    """Status and JSON body; (0, {}) when nothing answers."""
    try:
        with _DIRECT.open(url, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read() or b"{}")
        except ValueError:
            return exc.code, {}
    except OSError:
        return 0, {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ----------------------------------------------------------------------------- deployment

class Deployment:
    """The containers of one test run on one volume, and what they logged."""

    def __init__(self, engine: Engine, image: str, emu: TelegramEmulator, hub: HTTPServer,
                 workdir: Path, say: Callable[[str], None]) -> None:
        self.engine, self.image, self.emu, self.hub, self.say = engine, image, emu, hub, say
        self.prefix = self.volume = f"netral-image-test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.health_port = free_port()
        self.config = self._write_config(workdir)
        self.containers: list[str] = []
        self.logs: dict[str, str] = {}  # container -> its logs, kept once it stopped
        self.current: str | None = None
        self.started = 0.0  # time.monotonic() just before the current container's run
        self.mark = 0  # the emulator's mark just before it

    def _write_config(self, workdir: Path) -> Path:
        """The repository's config.yaml with loopback fetching allowed, paths made absolute
        (relative ones resolve against the config file's directory, here /etc/netral)."""
        raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
        raw["ingest"]["allow_private_hosts"] = True
        raw["corpus"]["dir"] = "/app/corpus"
        raw["embedding"]["model"] = "/app/models/" + Path(raw["embedding"]["model"]).name
        path = workdir / "config.yaml"
        path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
        workdir.chmod(0o755)
        path.chmod(0o644)
        return path

    def start(self) -> str:
        """`run -d` a new container on the volume; returns its name."""
        name = f"{self.prefix}-{len(self.containers) + 1}"
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": self.emu.token}
        args = [
            "run", "-d", "--name", name, "--network", "host",
            "--no-healthcheck",  # no systemd here to drive the timer; /healthz is probed directly
            "--stop-timeout", str(STOP_TIMEOUT),
            *(["--http-proxy=false"] if self.engine.name == "podman" else []),  # no host proxy
            "-v", f"{self.volume}:/data",
            "-v", f"{self.config}:{CONFIG_IN_CONTAINER}:ro",
            "-e", "TELEGRAM_BOT_TOKEN",  # the value comes from the environment, not argv
            "-e", f"TELEGRAM_API_URL={self.emu.base_url}",
            "-e", f"BOT_ADMIN_IDS={ADMIN_ID}",
            "-e", f"BOT_CONFIG={CONFIG_IN_CONTAINER}",
            "-e", f"BOT_HEALTH_PORT={self.health_port}",
            "-e", f"HF_ENDPOINT={self.hub.url_for('/')}",
            self.image,
        ]
        self.containers.append(name)
        self.current = name
        self.mark, self.started = self.emu.mark(), time.monotonic()
        self.engine.run(*args, env=env, timeout=120)
        return name

    def alive(self) -> bool:
        state = self.engine.run("inspect", "--format", "{{.State.Running}}", self.current or "",
                                check=False, timeout=30)
        return state.stdout.strip() == "true"

    def wait_ready(self) -> None:
        """Until GET /healthz answers ok and the bot polls. The emulator records a getUpdates
        when it returns, so the caller queues an update first: an idle long poll would only
        return after its 10 s."""
        deadline = self.started + START_TIMEOUT
        while get_json(self.url("/healthz"))[1].get("ok") is not True:
            assert time.monotonic() < deadline, f"/healthz not ok within {START_TIMEOUT:.0f}s"
            assert self.alive(), "the container exited before /healthz answered"
            time.sleep(0.1)
        health_s = time.monotonic() - self.started
        deadline = time.monotonic() + 30
        while True:
            try:
                poll = self.emu.wait_for_sync("getUpdates", after=self.mark, timeout=2)
                break
            except TimeoutError:
                assert self.alive(), "the container exited before polling Telegram"
                assert time.monotonic() < deadline, \
                    "/healthz is ok but no getUpdates came within 30s: the bot is not polling"
        self.say(f"{self.current}: /healthz ok {health_s:.1f}s, first getUpdates "
                 f"{poll.time - self.started:.1f}s after run")

    def stop(self) -> subprocess.CompletedProcess[str] | None:
        """SIGTERM the current container (SIGKILL after STOP_TIMEOUT) and keep its logs."""
        name, self.current = self.current, None
        if name is None:
            return None
        result = self.engine.run("stop", "-t", str(STOP_TIMEOUT), name, check=False,
                                 timeout=STOP_TIMEOUT + 60)
        self.logs[name] = self.engine.logs(name)
        return result

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.health_port}{path}"

    def redact(self, text: str) -> str:
        return text.replace(self.emu.token, "<TOKEN>")

    def show_logs(self, lines: int = 80) -> None:
        if self.current:
            tail = self.engine.logs(self.current).splitlines()[-lines:]
            self.say(f"----- last {len(tail)} log lines of container {self.current} -----")
            for line in tail:
                self.say("  | " + self.redact(line))

    def cleanup(self) -> list[str]:
        """Remove the containers and the volume; returns whatever is still there."""
        for name in self.containers:
            self.engine.run("rm", "-f", name, check=False, timeout=60)
        self.engine.run("volume", "rm", "-f", self.volume, check=False, timeout=60)
        left = self.engine.run("ps", "-a", "--filter", f"name={self.prefix}", "--format",
                               "{{.Names}}", check=False, timeout=60).stdout.split()
        volumes = self.engine.run("volume", "ls", "--format", "{{.Name}}", check=False,
                                  timeout=60).stdout.split()
        return left + [v for v in volumes if v == self.volume]

    # ------------------------------------------------------------------ the bot's answers

    def ask(self, user_id: int, text: str) -> Call:
        mark = self.emu.mark()
        self.emu.private_message(user_id, text)
        return self.emu.wait_for_message_sync(user_id, after=mark, timeout=ANSWER_TIMEOUT)

    def group_admin_command(self, command: str, args: str = "") -> Call:
        """The bot's reply to `command` sent in the test group by its admin."""
        mark = self.emu.mark()
        self.emu.command(GROUP_ID, command, args, user_id=GROUP_ADMIN_ID)
        return self.emu.wait_for_message_sync(GROUP_ID, after=mark, timeout=ANSWER_TIMEOUT)

    def expect_offline_start(self, name: str) -> None:
        logs = self.engine.logs(name)
        assert not self.hub.log, f"the hub endpoint was asked for: {self.hub.log[:5]}"
        signs = [self.redact(line) for line in logs.splitlines() if DOWNLOAD_SIGNS.search(line)]
        assert not signs, f"download attempts in the logs: {signs[:5]}"
        rebuilt = [line for line in logs.splitlines() if REBUILD_SIGNS.search(line)]
        assert not rebuilt, f"the index was rebuilt at start-up: {rebuilt[:3]}"
        assert re.search(r"ready: \d+ passages", logs), "no 'ready: N passages' line in the logs"

    def expect_writes_only_under_data_and_tmp(self, name: str) -> None:
        """`diff`: the root filesystem may change only under /data and /tmp. The mount point
        of the test's own config file is the engine's doing, not the bot's."""
        mount_points = {str(p) for p in Path(CONFIG_IN_CONTAINER).parents} | {CONFIG_IN_CONTAINER}
        lines = self.engine.run("diff", name, timeout=60).stdout.splitlines()
        entries = [line.split(None, 1) for line in lines if line.strip()]
        outside = [f"{kind} {path}" for kind, path in entries
                   if path not in mount_points
                   and not any(path == top or path.startswith(top + "/") for top in ("/data", "/tmp"))]
        assert not outside, f"changes outside /data and /tmp: {outside}"


def source_line(reply: Call) -> str:
    return next((line.strip() for line in (reply.text or "").splitlines()
                 if line.strip().startswith("📰")), "")


def expect_answer(reply: Call, official: str, outlet: str | None = None) -> None:
    text = reply.text or ""
    assert re.search(rf"<b>[^<]*{re.escape(official)}[^<]*</b>", text), \
        f"expected {official!r} in <b>…</b>, got {text[:600]!r}"
    assert source_line(reply), f"expected a line starting with 📰, got {text[:600]!r}"
    if outlet:
        assert outlet in source_line(reply), f"expected {outlet!r} on {source_line(reply)!r}"


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def say(pytestconfig) -> Callable[[str], None]:
    """Print past pytest's output capture: the figures and diagnostics of this run."""
    capture = pytestconfig.pluginmanager.get_plugin("capturemanager")
    reporter = pytestconfig.pluginmanager.get_plugin("terminalreporter")

    def say(text: str) -> None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(text)
    return say


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(os.environ.get("CONTAINER_ENGINE") or DEFAULT_ENGINE)


@pytest.fixture(scope="module")
def image_config(engine, say) -> dict:
    """The image's inspect record; fails every test when the image is not built."""
    image = os.environ.get("IMAGE") or DEFAULT_IMAGE
    info = json.loads(engine.run("image", "inspect", image, timeout=60).stdout)[0]
    size = int(info.get("Size") or 0)
    say(f"image {image} {info.get('Id', '')[:12]}: {size / 1e9:.2f} GB ({size / 2**20:.0f} MiB)")
    history = engine.run("history", "--no-trunc", "--format", "{{.Size}}\t{{.CreatedBy}}",
                         image, check=False, timeout=60)
    for row in history.stdout.splitlines():
        layer_size, _, step = row.partition("\t")
        if layer_size.strip() and layer_size.strip() not in ("0B", "0 B") \
                and not layer_size.strip().endswith(("kB", "KB")):
            step = re.sub(r"\s+", " ", step.replace("/bin/sh -c #(nop) ", "")).strip()
            step = re.sub(r"(dir|file):[0-9a-f]{64}", r"\1", step)
            say(f"  {layer_size:>10}  {step[:90]}")
    return {"name": image, **(info.get("Config") or info.get("ContainerConfig") or {})}


@pytest.fixture(scope="module")
def deployment(engine, image_config, news_site, tmp_path_factory, say) -> Iterator[Deployment]:
    with TelegramEmulator() as emu, HTTPServer("127.0.0.1", 0) as hub:
        # `hub` stands where Hugging Face's hub would be (HF_ENDPOINT): it has no routes and
        # logs every request, which the offline checks expect to be none.
        run = Deployment(engine, image_config["name"], emu, hub,
                         tmp_path_factory.mktemp("image-test"), say)
        engine.run("volume", "create", run.volume, timeout=60)
        try:
            yield run
        finally:
            run.stop()
            leftovers = run.cleanup()
            assert not leftovers, f"still present after clean-up: {leftovers}"


@pytest.fixture(autouse=True)
def _logs_on_failure(request, deployment) -> Iterator[None]:
    failed = request.session.testsfailed
    yield
    if request.session.testsfailed > failed:  # counted as soon as the test body failed
        deployment.show_logs()


@pytest.fixture(scope="module")
def first(deployment, say) -> str:
    """Container 1 on the fresh volume, polling, with a question queued as it started."""
    name = deployment.start()
    # Delivered by the first getUpdates, so the reply time measures run -> first answer.
    deployment.emu.private_message(USER_ID, QUESTION)
    deployment.wait_ready()
    return name


@pytest.fixture(scope="module")
def second(deployment, first) -> str:
    """Container 2 on the same volume, after container 1 stopped; a question about the
    article container 1 added is queued before it started."""
    deployment.stop()
    name = deployment.start()
    deployment.emu.private_message(USER_ID + 2, NEW_QUESTION)
    deployment.wait_ready()
    return name


# ----------------------------------------------------------------------------- container 1

def test_image_declares_a_numeric_non_root_user(image_config):
    assert str(image_config.get("User") or "").split(":")[0] == EXPECTED_UID, image_config


def test_first_question_is_answered_with_an_official_and_a_source(deployment, first, say):
    reply = deployment.emu.wait_for_message_sync(USER_ID, after=deployment.mark,
                                                 timeout=ANSWER_TIMEOUT)
    expect_answer(reply, QUESTION_OFFICIAL)
    say(f"{first}: run -> first answer {reply.time - deployment.started:.1f} s")


def test_health_endpoint(deployment, first):
    status, body = get_json(deployment.url("/healthz"))
    assert status == 200 and body.get("ok") is True, (status, body)
    assert body.get("passages") and body.get("database") is True, body


def test_no_model_download_and_the_shipped_index_is_used_as_is(deployment, first):
    deployment.expect_offline_start(first)


def test_bot_process_runs_as_non_root(deployment, first):
    assert deployment.engine.run("exec", first, "id", "-u", timeout=60).stdout.strip() \
        == EXPECTED_UID
    status = deployment.engine.run("exec", first, "cat", "/proc/1/status", timeout=60).stdout
    uids = re.search(r"^Uid:\s+(\d+)\s+(\d+)", status, re.M)
    assert uids and uids.groups() == (EXPECTED_UID, EXPECTED_UID), status


def test_group_admin_subscribes_the_group(deployment, first):
    deployment.emu.set_member_status(GROUP_ID, GROUP_ADMIN_ID, "administrator")
    reply = deployment.group_admin_command("langganan")
    assert "sekarang berlangganan" in (reply.text or "")


def test_bot_admin_adds_an_article_by_url(deployment, first, news_site: NewsSite):
    emu = deployment.emu
    mark = emu.mark()
    emu.command(ADMIN_ID, "tambah", news_site.url_for(KAPUAS_HULU.path), user_id=ADMIN_ID)
    done = emu.wait_for_sync("editMessageText",
                             lambda c: (c.params.get("text") or "")[:1] in ("✅", "❌"),
                             after=mark, timeout=TAMBAH_TIMEOUT).params["text"]
    assert done.startswith("✅") and KAPUAS_HULU.official in done, done
    assert news_site.hits(KAPUAS_HULU.path) >= 1


def test_added_article_answers(deployment, first):
    reply = deployment.ask(USER_ID + 1, NEW_QUESTION)
    expect_answer(reply, KAPUAS_HULU.official, KAPUAS_HULU.outlet)


def test_first_container_writes_only_under_data_and_tmp(deployment, first):
    deployment.expect_writes_only_under_data_and_tmp(first)


def test_sigterm_stops_the_bot_cleanly(deployment, first, say):
    started = time.monotonic()
    stopped = deployment.stop()
    assert stopped is not None and stopped.returncode == 0, stopped
    code = deployment.engine.run("inspect", "--format", "{{.State.ExitCode}}", first,
                                 timeout=30).stdout.strip()
    seconds = time.monotonic() - started
    assert code == "0", f"exit code {code} after {seconds:.1f}s (137: killed, SIGTERM ignored)"
    say(f"{first}: SIGTERM -> exited {seconds:.1f} s")


# ----------------------------------------------------------------------------- container 2

def test_restart_keeps_the_index_current(deployment, second):
    deployment.expect_offline_start(second)


def test_added_article_still_answers_after_restart(deployment, second, say):
    reply = deployment.emu.wait_for_message_sync(USER_ID + 2, after=deployment.mark,
                                                 timeout=ANSWER_TIMEOUT)
    expect_answer(reply, KAPUAS_HULU.official, KAPUAS_HULU.outlet)
    say(f"{second}: run -> first answer {reply.time - deployment.started:.1f} s")


def test_subscription_survives_umumkan_reaches_the_group(deployment, second):
    emu = deployment.emu
    mark = emu.mark()
    emu.command(ADMIN_ID, "umumkan", ANNOUNCEMENT, user_id=ADMIN_ID)
    emu.wait_for_message_sync(GROUP_ID, lambda c: ANNOUNCEMENT in (c.text or ""), after=mark,
                              timeout=ANSWER_TIMEOUT)


def test_subscription_survives_berhenti_says_it_was_subscribed(deployment, second):
    assert "tidak lagi menerima" in (deployment.group_admin_command("berhenti").text or "")


def test_second_container_writes_only_under_data_and_tmp(deployment, second):
    deployment.expect_writes_only_under_data_and_tmp(second)


# ----------------------------------------------------------------------------- both

def test_no_bot_api_request_was_rejected(deployment, second):
    deployment.stop()
    rejected = [f"{c.method}: {c.error}" for c in deployment.emu.calls if c.status == 400]
    assert not rejected, rejected[:5]


def test_token_never_in_the_container_logs(deployment, second):
    deployment.stop()
    secret = deployment.emu.token.split(":", 1)[1]
    assert len(deployment.logs) == 2
    leaked = [name for name, text in deployment.logs.items()
              if deployment.emu.token in text or secret in text]
    assert not leaked, f"the token appears in the logs of {leaked}"
