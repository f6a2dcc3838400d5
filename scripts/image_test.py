"""Container test of the built Netral image: `make image-test` (after `make image`).

    .venv/bin/python scripts/image_test.py [--image IMAGE] [--engine "podman --runtime runc ..."]

Runs the image for real, as a deployment would: `python -m bot` in the container, polling a
Telegram Bot API emulator and fetching from a local news site (tests/telegram_emulator.py,
tests/article_server.py), both on 127.0.0.1 and reached through `--network host`. A fresh
named volume holds /data; it and every container are removed at the end, pass or fail.

Checks (one PASS/FAIL line each; exit status 1 when any fails):
  * the image runs as uid 10001 and declares it (numeric User in the image config);
  * the bot starts without downloading a model: Hugging Face's endpoint points at a local
    recorder that must see no request, the logs show no download attempt, and the index
    shipped in the image is used as is (no rebuild);
  * it reaches polling, answers a private question with an official and a source line,
    and serves GET /healthz (200, ok true);
  * a group subscription (/langganan) and an article added by URL (/tambah) survive
    replacing the container with a new one on the same volume;
  * `podman diff`: nothing written outside /data and /tmp; SIGTERM stops the bot cleanly;
  * the bot token never appears in the container logs.
It also prints the image size, the time from `podman run` to the first answer, and the
time from the second `podman run` to ready.

Environment: IMAGE (default localhost/netral:latest), CONTAINER_ENGINE (default
"podman --runtime runc --cgroup-manager cgroupfs"; "docker" works too).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from article_server import KAPUAS_HULU, ArticleServer  # noqa: E402
from telegram_emulator import Call, TelegramEmulator  # noqa: E402

DEFAULT_IMAGE = "localhost/netral:latest"
DEFAULT_ENGINE = "podman --runtime runc --cgroup-manager cgroupfs"
CONFIG_IN_CONTAINER = "/etc/netral/config.yaml"
EXPECTED_UID = 10001

QUESTION = "Apakah ASN boleh terlibat politik praktis selama pilkada?"
QUESTION_OFFICIAL = "Ismail"
NEW_QUESTION = "Bolehkah ASN memberi like atau komentar di unggahan pasangan calon?"
ADMIN_ID = 900            # a bot admin (BOT_ADMIN_IDS)
GROUP_ID = -4242          # a plain group
GROUP_ADMIN_ID = 4343     # an administrator of that group, not a bot admin
USER_ID = 5151
ANNOUNCEMENT = "Uji pengumuman setelah restart"

START_TIMEOUT = 120.0     # podman run -> first getUpdates (model and index load)
ANSWER_TIMEOUT = 60.0
TAMBAH_TIMEOUT = 120.0
STOP_TIMEOUT = 20         # seconds podman waits after SIGTERM before SIGKILL

# What a model download (or an attempt blocked by offline mode) leaves in the logs.
DOWNLOAD_SIGNS = re.compile(
    r"huggingface\.co|hf\.co/|HF_ENDPOINT|resolve/main|/api/models|Downloading|"
    r"OfflineModeIsEnabled|LocalEntryNotFoundError|couldn't connect to|MaxRetryError|"
    r"snapshot_download|hf_hub_download", re.IGNORECASE)
REBUILD_SIGNS = re.compile(r"index is stale|no index yet|embedding passages:")


class Failed(Exception):
    """A check failed; the message says what was expected and what happened."""


class Abort(Exception):
    """A check the rest depends on failed: stop, clean up, report."""


# ----------------------------------------------------------------------------- output

class Report:
    def __init__(self) -> None:
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.numbers: dict[str, str] = {}
        self.started = time.monotonic()

    @staticmethod
    def say(text: str = "") -> None:
        print(text, flush=True)

    def ok(self, name: str, detail: str = "") -> None:
        self.passed.append(name)
        self.say(f"PASS  {name}" + (f" -- {detail}" if detail else ""))

    def fail(self, name: str, detail: str) -> None:
        self.failed.append(name)
        self.say(f"FAIL  {name} -- {detail}")

    def measure(self, name: str, value: str) -> None:
        self.numbers[name] = value
        self.say(f"INFO  {name}: {value}")


# ----------------------------------------------------------------------------- engine

class Engine:
    """The container engine CLI (podman here, docker where an engine runs)."""

    def __init__(self, command: str) -> None:
        self.argv = shlex.split(command)
        self.name = Path(self.argv[0]).name

    def run(self, *args: str, timeout: float = 120, check: bool = True,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        try:
            result = subprocess.run([*self.argv, *args], capture_output=True, text=True,
                                    timeout=timeout, env=env)
        except subprocess.TimeoutExpired as exc:
            raise Failed(f"`{self.name} {' '.join(args[:2])}` did not finish within {timeout:.0f}s") from exc
        result.stderr = _quiet(result.stderr)
        if check and result.returncode != 0:
            raise Failed(f"`{self.name} {' '.join(args)}` exited {result.returncode}: "
                         f"{(result.stderr or result.stdout).strip()[-800:]}")
        return result

    def logs(self, container: str) -> str:
        result = self.run("logs", container, check=False, timeout=60)
        return result.stdout + result.stderr

    def remove(self, container: str) -> None:
        self.run("rm", "-f", container, check=False, timeout=60)


def _quiet(stderr: str) -> str:
    """Drop podman's harmless notes about systemd-driven healthcheck timers."""
    return "\n".join(line for line in (stderr or "").splitlines()
                     if "systemd" not in line and "healthcheck" not in line.lower())


# ----------------------------------------------------------------------------- helpers

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class HubRecorder:
    """Stands where Hugging Face's hub would be (HF_ENDPOINT): serves nothing, records all."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _refuse(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                self.send_response(503)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_HEAD = do_POST = _refuse  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def get_json(url: str, timeout: float = 5) -> tuple[int, dict]:
    try:
        with _DIRECT.open(url, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read() or b"{}")
        except ValueError:
            return exc.code, {}


def wait_until(what: str, probe: Callable[[], object], timeout: float,
               alive: Callable[[], bool] | None = None, interval: float = 0.25) -> object:
    """Poll `probe` until it returns something truthy; `alive` False ends the wait early."""
    deadline = time.monotonic() + timeout
    last_error = ""
    next_alive_check = time.monotonic() + 2
    while time.monotonic() < deadline:
        try:
            value = probe()
            if value:
                return value
        except Exception as exc:  # noqa: BLE001 - reported on timeout
            last_error = f" (last error: {exc})"
        if alive is not None and time.monotonic() > next_alive_check:
            if not alive():
                raise Failed(f"the container exited while waiting for {what}")
            next_alive_check = time.monotonic() + 2
        time.sleep(interval)
    raise Failed(f"timed out after {timeout:.0f}s waiting for {what}{last_error}")


def human_size(size: int) -> str:
    return f"{size / 1e9:.2f} GB ({size / 2**20:.0f} MiB)"


# ----------------------------------------------------------------------------- the test

class ImageTest:
    def __init__(self, engine: Engine, image: str, report: Report) -> None:
        self.engine, self.image, self.report = engine, image, report
        suffix = f"{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.volume = f"netral-image-test-{suffix}"
        self.prefix = f"netral-image-test-{suffix}"
        self.containers: list[str] = []
        self.logs: dict[str, str] = {}
        self.current: str | None = None
        self.health_port = free_port()
        self.workdir = Path(tempfile.mkdtemp(prefix="netral-image-test-"))
        self.emu = TelegramEmulator()
        self.site = ArticleServer()
        self.hub: HubRecorder | None = None

    # ------------------------------------------------------------------ checks plumbing

    @contextmanager
    def check(self, name: str, fatal: bool = False) -> Iterator[list[str]]:
        """A named check; the body appends a detail line and raises Failed on failure."""
        detail: list[str] = []
        try:
            yield detail
        except (Failed, TimeoutError, AssertionError, subprocess.SubprocessError, OSError) as exc:
            self.report.fail(name, str(exc) or type(exc).__name__)
            self.show_logs()
            if fatal:
                raise Abort(name) from exc
        else:
            self.report.ok(name, "; ".join(detail))

    def show_logs(self, lines: int = 80) -> None:
        if not self.current:
            return
        text = self.engine.logs(self.current)
        tail = text.splitlines()[-lines:]
        self.report.say(f"----- last {len(tail)} log lines of container {self.current} -----")
        for line in tail:
            self.report.say("  | " + self.redact(line))
        self.report.say("----- end of logs -----")

    def redact(self, text: str) -> str:
        return text.replace(self.emu.token, "<TOKEN>")

    def alive(self) -> bool:
        if not self.current:
            return False
        state = self.engine.run("inspect", "--format", "{{.State.Running}}", self.current,
                                check=False, timeout=30)
        return state.stdout.strip() == "true"

    # ------------------------------------------------------------------ set-up

    def write_config(self) -> Path:
        """The repository's config.yaml with loopback fetching allowed, paths made absolute
        (relative ones resolve against the config file's directory, here /etc/netral)."""
        raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
        raw["ingest"]["allow_private_hosts"] = True
        raw["corpus"]["dir"] = "/app/corpus"
        raw["embedding"]["model"] = "/app/models/" + Path(raw["embedding"]["model"]).name
        path = self.workdir / "config.yaml"
        path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
        self.workdir.chmod(0o755)
        path.chmod(0o644)
        return path

    def start_container(self, config: Path) -> tuple[str, float]:
        """`podman run -d`; returns the name and time.monotonic() just before the run."""
        name = f"{self.prefix}-{len(self.containers) + 1}"
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": self.emu.token}
        args = [
            "run", "-d", "--name", name, "--network", "host",
            "--no-healthcheck",  # no systemd here to drive the timer; /healthz is probed directly
            "--stop-timeout", str(STOP_TIMEOUT),
            *(["--http-proxy=false"] if self.engine.name == "podman" else []),  # no host proxy
            "-v", f"{self.volume}:/data",
            "-v", f"{config}:{CONFIG_IN_CONTAINER}:ro",
            "-e", "TELEGRAM_BOT_TOKEN",  # the value comes from the environment, not argv
            "-e", f"TELEGRAM_API_URL={self.emu.base_url}",
            "-e", f"BOT_ADMIN_IDS={ADMIN_ID}",
            "-e", f"BOT_CONFIG={CONFIG_IN_CONTAINER}",
            "-e", f"BOT_HEALTH_PORT={self.health_port}",
            "-e", f"HF_ENDPOINT={self.hub.url}",
            self.image,
        ]
        self.containers.append(name)
        self.current = name
        started = time.monotonic()
        self.engine.run(*args, env=env, timeout=120)
        return name, started

    def wait_ready(self, after: int, started: float) -> tuple[float, float]:
        """Seconds from `started` until GET /healthz answered ok, and until the bot's first
        getUpdates arrived. The emulator records a getUpdates when it returns, so the caller
        queues an update first: an idle long poll would only return after its 10 s."""
        health_ok = wait_until(
            f"GET /healthz on 127.0.0.1:{self.health_port} to answer 200 ok",
            lambda: get_json(self.url("/healthz"))[1].get("ok") and time.monotonic(),
            START_TIMEOUT - (time.monotonic() - started), self.alive, interval=0.1)
        deadline = time.monotonic() + 30
        while True:
            try:
                poll = self.emu.wait_for_sync("getUpdates", after=after, timeout=2)
                break
            except TimeoutError:
                if not self.alive():
                    raise Failed("the container exited before polling Telegram") from None
                if time.monotonic() > deadline:
                    raise Failed("/healthz is ok but no getUpdates came within 30s: the bot "
                                 "did not reach polling") from None
        return health_ok - started, poll.time - started

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.health_port}{path}"

    # ------------------------------------------------------------------ scenario

    def run(self) -> None:
        r = self.report
        with self.check("image present", fatal=True) as d:
            info = self.engine.run("image", "inspect", self.image, timeout=60)
            image = json.loads(info.stdout)[0]
            config = image.get("Config") or image.get("ContainerConfig") or {}
            size = int(image.get("Size") or 0)
            d.append(f"{self.image} {image.get('Id', '')[:12]}, created {image.get('Created', '?')}")
        r.measure("image size", human_size(size))
        self.print_layers()

        with self.check("image declares a numeric non-root user") as d:
            user = str(config.get("User") or "")
            d.append(f"User={user!r}")
            if user.split(":")[0] != str(EXPECTED_UID):
                raise Failed(f"expected User {EXPECTED_UID}[:{EXPECTED_UID}], got {user!r}")

        self.emu.start()
        self.site.start()
        self.hub = HubRecorder()
        self.engine.run("volume", "create", self.volume, timeout=60)
        config_file = self.write_config()
        article_url = self.site.url(KAPUAS_HULU.path)

        # ---- first container: fresh volume
        r.say(f"\n== container 1 (fresh volume {self.volume}) ==")
        mark = self.emu.mark()
        with self.check("container starts", fatal=True) as d:
            name, started = self.start_container(config_file)
            d.append(name)
        # Queued before the bot polls: it is delivered by the first getUpdates, so the reply
        # time measures `podman run` -> first answer.
        self.emu.private_message(USER_ID, QUESTION)

        with self.check("reaches polling and health (offline start)", fatal=True) as d:
            health_s, poll_s = self.wait_ready(mark, started)
            d.append(f"/healthz ok {health_s:.1f}s, first getUpdates {poll_s:.1f}s after run")
        r.measure("run -> ready (/healthz ok and polling)", f"{max(health_s, poll_s):.1f} s")

        first_answer = None
        with self.check("private question answered with an official and a source") as d:
            reply = self.emu.wait_for_message_sync(USER_ID, after=mark, timeout=ANSWER_TIMEOUT)
            first_answer = reply.time - started
            self.expect_answer(reply, QUESTION_OFFICIAL)
            d.append(f"{QUESTION_OFFICIAL!r} in <b>, source {self.source_line(reply)!r}")
        if first_answer is not None:
            r.measure("run -> first answer", f"{first_answer:.1f} s")

        with self.check("health endpoint") as d:
            status, body = get_json(self.url("/healthz"))
            d.append(f"{status} {json.dumps(body)}")
            if status != 200 or body.get("ok") is not True:
                raise Failed(f"expected 200 with ok true, got {status} {body}")
            if not body.get("passages") or body.get("database") is not True:
                raise Failed(f"expected passages > 0 and database true, got {body}")

        with self.check("no model download, shipped index used as is") as d:
            logs = self.engine.logs(name)
            self.expect_offline_start(logs)
            d.append(f"hub recorder saw 0 requests; {self.ready_line(logs)}")

        with self.check("bot process runs as non-root") as d:
            uid = self.engine.run("exec", name, "id", "-u", timeout=60).stdout.strip()
            status = self.engine.run("exec", name, "cat", "/proc/1/status", timeout=60).stdout
            pid1 = re.search(r"^Uid:\s+(\d+)\s+(\d+)", status, re.M)
            d.append(f"exec id -u = {uid}, PID 1 uid = {pid1.group(1) if pid1 else '?'}")
            if uid != str(EXPECTED_UID) or not pid1 or pid1.group(1) != str(EXPECTED_UID) \
                    or pid1.group(2) != str(EXPECTED_UID):
                raise Failed(f"expected uid {EXPECTED_UID} for exec and PID 1, got {d[-1]}")

        with self.check("/langganan in a group by its admin") as d:
            self.emu.set_member_status(GROUP_ID, GROUP_ADMIN_ID, "administrator")
            reply = self.group_admin_command("langganan")
            d.append(repr(reply.text))
            if "sekarang berlangganan" not in (reply.text or ""):
                raise Failed(f"expected the subscribed confirmation, got {reply.text!r}")

        with self.check("/tambah <article URL> by a bot admin") as d:
            m = self.emu.mark()
            self.emu.command(ADMIN_ID, "tambah", article_url, user_id=ADMIN_ID)
            done = self.emu.wait_for_sync(
                "editMessageText", lambda c: (c.params.get("text") or "")[:1] in ("✅", "❌"),
                after=m, timeout=TAMBAH_TIMEOUT).params["text"]
            d.append(done.splitlines()[0] + " " + " ".join(done.splitlines()[3:4]))
            if not done.startswith("✅") or KAPUAS_HULU.official not in done:
                raise Failed(f"expected ✅ naming {KAPUAS_HULU.official}, got {done!r}")
            if self.site.hits(KAPUAS_HULU.path) < 1:
                raise Failed("the article server saw no request")

        with self.check("added article answers (before restart)") as d:
            reply = self.ask(USER_ID + 1, NEW_QUESTION)
            self.expect_answer(reply, KAPUAS_HULU.official, KAPUAS_HULU.outlet)
            d.append(f"{KAPUAS_HULU.official!r}, source {self.source_line(reply)!r}")

        self.check_diff(name)

        stop_s = None
        with self.check("SIGTERM stops the bot cleanly") as d:
            t = time.monotonic()
            self.engine.run("stop", "-t", str(STOP_TIMEOUT), name, timeout=STOP_TIMEOUT + 60)
            stop_s = time.monotonic() - t
            code = self.engine.run("inspect", "--format", "{{.State.ExitCode}}", name,
                                   timeout=30).stdout.strip()
            d.append(f"exit code {code} after {stop_s:.1f}s")
            if code != "0":
                raise Failed(f"expected exit code 0, got {code} after {stop_s:.1f}s "
                             f"(137 means it ignored SIGTERM and was killed)")
        if stop_s is not None:
            r.measure("stop (SIGTERM -> exited)", f"{stop_s:.1f} s")
        self.logs[name] = self.engine.logs(name)
        self.engine.remove(name)
        self.current = None

        # ---- second container: same volume
        r.say("\n== container 2 (same volume, new container) ==")
        mark = self.emu.mark()
        with self.check("new container starts on the same volume", fatal=True) as d:
            name, started = self.start_container(config_file)
            d.append(name)
        self.emu.private_message(USER_ID + 2, NEW_QUESTION)  # answered once it polls
        with self.check("restarted bot reaches polling and health", fatal=True) as d:
            health_s, poll_s = self.wait_ready(mark, started)
            d.append(f"/healthz ok {health_s:.1f}s, first getUpdates {poll_s:.1f}s after run")
        r.measure("restart: run -> ready (/healthz ok and polling)", f"{max(health_s, poll_s):.1f} s")

        with self.check("restart keeps the index current (no rebuild, no download)") as d:
            logs = self.engine.logs(name)
            self.expect_offline_start(logs)
            d.append(self.ready_line(logs))

        restart_answer = None
        with self.check("added article still answers after restart") as d:
            reply = self.emu.wait_for_message_sync(USER_ID + 2, after=mark, timeout=ANSWER_TIMEOUT)
            restart_answer = reply.time - started
            self.expect_answer(reply, KAPUAS_HULU.official, KAPUAS_HULU.outlet)
            d.append(f"{KAPUAS_HULU.official!r}, source {self.source_line(reply)!r}")
        if restart_answer is not None:
            r.measure("restart: run -> first answer", f"{restart_answer:.1f} s")

        with self.check("subscription survives: /umumkan reaches the group") as d:
            m = self.emu.mark()
            self.emu.command(ADMIN_ID, "umumkan", ANNOUNCEMENT, user_id=ADMIN_ID)
            sent = self.emu.wait_for_message_sync(
                GROUP_ID, lambda c: ANNOUNCEMENT in (c.text or ""), after=m,
                timeout=ANSWER_TIMEOUT)
            d.append(repr(sent.text.replace("\n", " ")))

        with self.check("subscription survives: /berhenti says it was subscribed") as d:
            reply = self.group_admin_command("berhenti")
            d.append(repr(reply.text))
            if "tidak lagi menerima" not in (reply.text or ""):
                raise Failed(f"expected the unsubscribed reply, got {reply.text!r}")

        self.check_diff(name)

        self.engine.run("stop", "-t", str(STOP_TIMEOUT), name, check=False,
                        timeout=STOP_TIMEOUT + 60)
        self.logs[name] = self.engine.logs(name)
        self.current = None

        with self.check("no Bot API request rejected (HTTP 400)") as d:
            rejected = [c for c in self.emu.calls if c.status == 400]
            d.append(f"{len(self.emu.calls)} calls")
            if rejected:
                raise Failed("; ".join(f"{c.method}: {c.error}" for c in rejected[:5]))

        with self.check("token never in the container logs") as d:
            secret = self.emu.token.split(":", 1)[1]
            total = 0
            for container, text in self.logs.items():
                total += len(text.splitlines())
                if self.emu.token in text or secret in text:
                    raise Failed(f"the token appears in the logs of {container}")
            d.append(f"{len(self.logs)} containers, {total} log lines checked")

    # ------------------------------------------------------------------ pieces

    def ask(self, user_id: int, text: str) -> Call:
        mark = self.emu.mark()
        self.emu.private_message(user_id, text)
        return self.emu.wait_for_message_sync(user_id, after=mark, timeout=ANSWER_TIMEOUT)

    @staticmethod
    def source_line(reply: Call) -> str:
        return next((line.strip() for line in (reply.text or "").splitlines()
                     if line.strip().startswith("📰")), "")

    def expect_answer(self, reply: Call, official: str, outlet: str | None = None) -> None:
        text = reply.text or ""
        if not re.search(rf"<b>[^<]*{re.escape(official)}[^<]*</b>", text):
            raise Failed(f"expected {official!r} in <b>…</b>, got {text[:600]!r}")
        source = self.source_line(reply)
        if not source:
            raise Failed(f"expected a line starting with 📰, got {text[:600]!r}")
        if outlet and outlet not in source:
            raise Failed(f"expected the outlet {outlet!r} on the source line, got {source!r}")

    def expect_offline_start(self, logs: str) -> None:
        if self.hub.requests:
            raise Failed(f"the hub endpoint was asked for: {self.hub.requests[:5]}")
        signs = [line for line in logs.splitlines() if DOWNLOAD_SIGNS.search(line)]
        if signs:
            raise Failed(f"download attempts in the logs: {[self.redact(s) for s in signs[:5]]}")
        rebuilt = [line for line in logs.splitlines() if REBUILD_SIGNS.search(line)]
        if rebuilt:
            raise Failed(f"the index was rebuilt at start-up: {rebuilt[:3]}")
        if not re.search(r"ready: \d+ passages", logs):
            raise Failed("no 'ready: N passages' line in the logs")

    @staticmethod
    def ready_line(logs: str) -> str:
        match = re.search(r"ready: \d+ passages, model \S+", logs)
        return match.group(0) if match else "?"

    def group_admin_command(self, command: str):
        """The bot's reply to `command` sent in the test group by its admin."""
        mark = self.emu.mark()
        self.emu.command(GROUP_ID, command, user_id=GROUP_ADMIN_ID)
        return self.emu.wait_for_message_sync(GROUP_ID, after=mark, timeout=ANSWER_TIMEOUT)

    def check_diff(self, name: str) -> None:
        """`podman diff`: the root filesystem may change only under /data and /tmp. The
        mount point of the test's own config file is podman's doing, not the bot's."""
        mount_points = {CONFIG_IN_CONTAINER}
        parent = Path(CONFIG_IN_CONTAINER).parent
        while str(parent) != "/":
            mount_points.add(str(parent))
            parent = parent.parent
        with self.check(f"{self.engine.name} diff {name}: writes only under /data and /tmp") as d:
            lines = self.engine.run("diff", name, timeout=60).stdout.split("\n")
            entries = [line.split(None, 1) for line in lines if line.strip()]
            self.report.say(f"      {self.engine.name} diff {name}:")
            for kind, path in entries:
                note = " (test's config mount point)" if path in mount_points else ""
                self.report.say(f"        {kind} {path}{note}")
            outside = [f"{kind} {path}" for kind, path in entries
                       if path not in mount_points
                       and not any(path == top or path.startswith(top + "/")
                                   for top in ("/data", "/tmp"))]
            d.append(f"{len(entries)} entries, {len(entries) - len(outside)} allowed")
            if outside:
                raise Failed(f"changes outside /data and /tmp: {outside}")

    def print_layers(self) -> None:
        history = self.engine.run("history", "--no-trunc", "--format",
                                  "{{.Size}}\t{{.CreatedBy}}", self.image, check=False, timeout=60)
        rows = [line.split("\t", 1) for line in history.stdout.splitlines() if "\t" in line]
        if not rows:
            return
        self.report.say("      largest layers:")
        for size, created_by in rows:
            if size.strip() in ("0B", "0 B", "") or size.strip().endswith(("kB", "KB")):
                continue
            step = re.sub(r"\s+", " ", created_by.replace("/bin/sh -c #(nop) ", "")).strip()
            step = re.sub(r"(dir|file):[0-9a-f]{64}", r"\1", step)
            self.report.say(f"        {size:>10}  {step[:90]}")

    # ------------------------------------------------------------------ clean-up

    def cleanup(self) -> None:
        for name in self.containers:
            self.engine.remove(name)
        self.engine.run("volume", "rm", "-f", self.volume, check=False, timeout=60)
        for stop in (self.emu.stop, self.site.stop, getattr(self.hub, "stop", None)):
            if stop:
                try:
                    stop()
                except Exception:  # noqa: BLE001 - best effort
                    pass
        for path in sorted(self.workdir.rglob("*"), reverse=True):
            path.unlink()
        self.workdir.rmdir()
        left = self.engine.run("ps", "-a", "--filter", f"name={self.prefix}", "--format",
                               "{{.Names}}", check=False, timeout=60).stdout.split()
        vols = self.engine.run("volume", "ls", "--format", "{{.Name}}", check=False,
                               timeout=60).stdout.split()
        leftovers = left + [v for v in vols if v == self.volume]
        if leftovers:
            self.report.fail("clean-up", f"still present: {leftovers}")
        else:
            self.report.say(f"      cleaned up: {len(self.containers)} containers, volume {self.volume}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--image", default=os.environ.get("IMAGE") or DEFAULT_IMAGE)
    parser.add_argument("--engine", default=os.environ.get("CONTAINER_ENGINE") or DEFAULT_ENGINE)
    parser.add_argument("--show-logs", action="store_true",
                        help="print every container's logs (token masked) at the end")
    args = parser.parse_args(argv)

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")
    signal.signal(signal.SIGTERM, terminate)

    report = Report()
    engine = Engine(args.engine)
    report.say(f"image-test: {args.image} with `{args.engine}`")
    test = ImageTest(engine, args.image, report)
    try:
        test.run()
    except Abort as exc:
        report.say(f"\nstopped after the failed check {str(exc)!r}; later checks need it")
    except KeyboardInterrupt:
        report.fail("interrupted", "cleaning up")
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):  # a second Ctrl-C must not skip clean-up
            signal.signal(signum, signal.SIG_IGN)
        if args.show_logs:
            for name, text in test.logs.items():
                report.say(f"\n----- logs of {name} -----\n{test.redact(text)}")
        test.cleanup()

    elapsed = time.monotonic() - report.started
    report.say("\n== summary ==")
    for name, value in report.numbers.items():
        report.say(f"  {name}: {value}")
    report.say(f"  image-test time: {elapsed:.0f} s")
    verdict = "FAILED" if report.failed else "PASSED"
    report.say(f"{verdict}: {len(report.passed)} passed, {len(report.failed)} failed"
               + (f" ({', '.join(report.failed)})" if report.failed else ""))
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
