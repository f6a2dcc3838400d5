"""bench/bench_scale.py runs end to end at a small size and prints the figures it promises
(no timing assertions: the machine's load decides those)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support import REPO


def test_scale_benchmark_prints_its_figures_as_json():
    result = subprocess.run([sys.executable, "bench/bench_scale.py", "--passages", "3000",
                             "--index", "ivf", "--repeat", "1", "--json"],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"passages", "index", "search_p50_ms", "search_p95_ms", "recall_at_3", "build_s",
            "load_s", "rss_mb"} <= set(figures)
    assert figures["passages"] == 3000 and figures["index"] == "ivf"
    assert figures["recall_at_3"] >= 0.9
