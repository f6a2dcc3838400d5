"""Typed, validated configuration.

`config.yaml` maps onto frozen dataclasses. A key the schema does not know, or a value of
the wrong type, raises `ConfigError` naming the key, so a typo stops start-up instead of
being silently ignored. The bot extends `IndexConfig` with its own sections.

Nothing here reads the environment: the entry points (`python -m index`, `python -m bot`)
decide which file and which data directory to use and pass them in.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

DEFAULT_CONFIG = Path("config.yaml")  # in the working directory: the repository or the image's /app


class ConfigError(ValueError):
    """The configuration file is missing, unreadable or invalid."""


BACKENDS = ("onnx", "onnx-int8", "torch")
INDEX_TYPES = ("auto", "flat", "ivf", "hnsw")


@dataclass(frozen=True)
class EmbeddingConfig:
    model: str = "models/multilingual-e5-small-q4"
    backend: str = "onnx"
    query_prefix: str = "query: "
    passage_prefix: str = "passage: "
    batch_size: int = 32
    threads: int = 0  # 0: one per core

    def validate(self) -> None:
        require(self.backend in BACKENDS,
                f"embedding.backend must be one of {', '.join(BACKENDS)}, got {self.backend!r}")
        require(self.batch_size >= 1, "embedding.batch_size must be at least 1")
        require(0 <= self.threads <= 256, "embedding.threads must be in [0, 256] (0: one per core)")


@dataclass(frozen=True)
class VectorIndexConfig:
    type: str = "auto"
    flat_max: int = 50_000
    nprobe: int = 16
    ef_search: int = 64
    threads: int = 1

    def validate(self) -> None:
        require(self.type in INDEX_TYPES,
                f"index.type must be one of {', '.join(INDEX_TYPES)}, got {self.type!r}")
        require(self.flat_max >= 0, "index.flat_max must not be negative")
        require(1 <= self.nprobe <= 65_536, "index.nprobe must be in [1, 65536]")
        require(1 <= self.ef_search <= 65_536, "index.ef_search must be in [1, 65536]")
        require(1 <= self.threads <= 256, "index.threads must be in [1, 256]")


@dataclass(frozen=True)
class SearchConfig:
    top_k: int = 3
    candidates: int = 30
    dense_weight: float = 0.5
    min_confidence: float = 0.48
    dense_floor: float = 0.76
    dense_ceiling: float = 0.9
    who_weight: float = 1.0
    off_topic_declined: float = 0.85

    def validate(self) -> None:
        require(self.top_k >= 1, "search.top_k must be at least 1")
        require(self.candidates >= self.top_k, "search.candidates must be >= search.top_k")
        require(0.0 <= self.dense_weight <= 1.0, "search.dense_weight must be in [0, 1]")
        require(0.0 <= self.min_confidence <= 1.0, "search.min_confidence must be in [0, 1]")
        require(0.0 <= self.who_weight <= 1.0, "search.who_weight must be in [0, 1]")
        require(0.0 <= self.off_topic_declined < 1.0, "search.off_topic_declined must be in [0, 1)")
        require(-1.0 <= self.dense_floor < self.dense_ceiling <= 1.0,
                 "search.dense_floor must be below search.dense_ceiling, both in [-1, 1]")


@dataclass(frozen=True)
class CorpusConfig:
    dir: str = "corpus"

    def validate(self) -> None:
        require(bool(self.dir), "corpus.dir must not be empty")


@dataclass(frozen=True)
class IngestConfig:
    max_bytes: int = 5_000_000
    timeout_seconds: float = 15.0
    max_redirects: int = 5
    allow_private_hosts: bool = False
    user_agent: str = "NetralBot/0.1 (+https://t.me/)"

    def validate(self) -> None:
        require(self.max_bytes >= 1024, "ingest.max_bytes must be at least 1024")
        require(self.timeout_seconds > 0, "ingest.timeout_seconds must be positive")
        require(0 <= self.max_redirects <= 20, "ingest.max_redirects must be in [0, 20]")


@dataclass(frozen=True)
class FeedsConfig:
    """News feeds that grow the corpus (`python -m index feeds`, the bot's scheduled poll)."""

    urls: list[str] = field(default_factory=list)
    interval_minutes: float = 60.0
    auto_add: bool = True
    max_items_per_feed: int = 30
    # feedparser reads about 0.4 MB/s on hostile input: the cap bounds a poll's parse time.
    max_feed_bytes: int = 1_000_000
    # An item is relevant when its relevance reaches this share of what the corpus's own
    # articles score (see index.ingest.relevance).
    min_relevance: float = 0.56
    # Share of an item's word shingles found in one article already known (or the MinHash
    # Jaccard of the two) from which the item counts as a copy.
    duplicate_similarity: float = 0.7

    def validate(self) -> None:
        for i, url in enumerate(self.urls):
            require(url.startswith(("http://", "https://")) and len(url) <= 2048,
                    f"feeds.urls[{i}] must be an http(s) URL, got {url!r}")
        require(len(set(self.urls)) == len(self.urls), "feeds.urls lists a feed twice")
        require(0 < self.interval_minutes <= 7 * 24 * 60,
                "feeds.interval_minutes must be positive and at most a week (10080)")
        require(1 <= self.max_items_per_feed <= 500, "feeds.max_items_per_feed must be in [1, 500]")
        require(1024 <= self.max_feed_bytes <= 20_000_000,
                "feeds.max_feed_bytes must be in [1024, 20000000]")
        require(0.0 < self.min_relevance <= 1.5, "feeds.min_relevance must be in (0, 1.5]")
        require(0.0 < self.duplicate_similarity <= 1.0,
                "feeds.duplicate_similarity must be in (0, 1]")


@dataclass(frozen=True)
class IndexConfig:
    """Everything the index package reads. `base_dir` resolves relative paths."""

    embedding: EmbeddingConfig = field(default_factory=EmbeddingConfig)
    index: VectorIndexConfig = field(default_factory=VectorIndexConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    feeds: FeedsConfig = field(default_factory=FeedsConfig)
    synonyms: list[list[str]] = field(default_factory=list)
    base_dir: Path = field(default=Path("."), metadata={"internal": True})
    data_dir: Path = field(default=Path("data"), metadata={"internal": True})

    def validate(self) -> None:
        group_of: dict[str, int] = {}
        for number, group in enumerate(self.synonyms, start=1):
            require(len(group) >= 2, f"synonyms: each group needs two or more terms, got {group}")
            for term in group:
                key = " ".join(str(term).lower().split())
                # One term in two groups would silently belong to the last one only.
                require(key not in group_of, f"synonyms: {term!r} is in group {group_of.get(key)} "
                                             f"and group {number}; a term belongs to one group")
                group_of[key] = number

    def resolve(self, path: str) -> Path:
        """A path from the config, relative to the config file's directory."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else self.base_dir / p

    @property
    def corpus_dir(self) -> Path:
        return self.resolve(self.corpus.dir)

    @property
    def added_dir(self) -> Path:
        """Articles added at run time; the shipped corpus stays read-only."""
        return self.data_dir / "articles"

    @property
    def feeds_dir(self) -> Path:
        """The feeds' seen set and the queue of articles waiting for an admin."""
        return self.data_dir / "feeds"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def model_id(self) -> str:
        """What the index manifest records: a local folder by its name (the same model may
        sit at another path in a container), a hub model by its name."""
        path = Path(self.model_path)
        return path.name if path.is_absolute() else self.embedding.model

    @property
    def onnx_dir(self) -> Path:
        """Where `python -m index model` exports the ONNX graphs: beside a local model
        folder, or under models/ for a hub model."""
        path = Path(self.model_path)
        if path.is_absolute():
            return path.with_name(path.name + ".onnx")
        return self.resolve("models") / (self.embedding.model.replace("/", "--") + ".onnx")

    @property
    def model_path(self) -> str:
        """A local folder when the configured model names one, else the hub name as is."""
        local = self.resolve(self.embedding.model)
        looks_local = local.exists() or self.embedding.model.startswith((".", "/", "models/"))
        return str(local) if looks_local else self.embedding.model


def load_config(path: Path | str, schema: type[T] = IndexConfig, *,
                data_dir: Path = Path("data"), ignore_sections: bool = False) -> T:
    """Read and validate a config file into `schema`; runtime state goes to `data_dir`.

    With `ignore_sections`, top-level sections the schema does not know are skipped; the
    index CLI uses that, since the bot's own sections are validated when the bot starts.
    """
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"config file {path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"config file {path} must hold a mapping of sections")
    if ignore_sections:
        known = {f.name for f in dataclasses.fields(schema)}  # type: ignore[arg-type]
        raw = {k: v for k, v in raw.items() if k in known}
    extra = {"base_dir": path.resolve().parent, "data_dir": Path(data_dir).resolve()}
    return from_mapping(schema, raw, where=str(path), extra=extra)


def from_mapping(cls: type[T], data: Any, where: str, extra: dict[str, Any] | None = None) -> T:
    """Build dataclass `cls` from a mapping, strictly: unknown keys and wrong types fail."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a mapping, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    public = {f.name for f in dataclasses.fields(cls) if not f.metadata.get("internal")}  # type: ignore[arg-type]
    unknown = sorted(set(data) - public)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; "
                          f"allowed: {', '.join(sorted(public))}")
    values = {key: _coerce(hints[key], value, f"{where}: {key}") for key, value in data.items()}
    obj = cls(**values, **(extra or {}))
    validate = getattr(obj, "validate", None)
    if validate:
        validate()
    return obj


def _coerce(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        return from_mapping(hint, value if value is not None else {}, where)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        return _coerce(next(o for o in options if o is not type(None)), value, where)
    if origin is list:
        if not isinstance(value, list):
            raise ConfigError(f"{where}: expected a list, got {type(value).__name__}")
        (item,) = typing.get_args(hint)
        return [_coerce(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is Any:
        return value
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        raise ConfigError(f"{where}: expected {hint.__name__}, got {value!r}")
    return value


def require(condition: bool, message: str) -> None:
    """Validation helper for config sections' `validate` methods."""
    if not condition:
        raise ConfigError(message)
