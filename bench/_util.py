"""Shared by the benchmark scripts: percentiles, memory, the repository's config over a
scratch data directory."""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # index, bot and tests.support

from bot.config import AppConfig  # noqa: E402
from index.config import load_config  # noqa: E402


def scratch_config() -> AppConfig:
    """config.yaml with a fresh data directory, so benchmarks never touch ./data."""
    config = load_config(REPO / "config.yaml", AppConfig)
    return replace(config, data_dir=Path(tempfile.mkdtemp(prefix="netral-bench-")) / "data")


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(name: str, **figures: float | int | str) -> None:
    parts = [f"{k}={v:.1f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()]
    print(f"{name}: " + ", ".join(parts), flush=True)


QUESTIONS = [
    "Apakah ASN boleh terlibat politik praktis selama pilkada?",
    "Sanksi apa bagi ASN yang melanggar netralitas?",
    "Bolehkah ASN memakai media sosial untuk mendukung pasangan calon?",
    "Apa peran inspektorat dalam menjaga netralitas ASN?",
    "Apakah PPPK juga wajib netral?",
    "Bagaimana ASN menjadi contoh bagi masyarakat?",
    "Bolehkah ASN menerima politik uang?",
    "Bagaimana cara membuat kue lapis legit?",
]
