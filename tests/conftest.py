"""Shared fixtures: the real embedding model (loaded once), configs over temporary data
directories, an index built from the shipped corpus (once), the news site (once), and the
real bot Application polling a fresh Bot API emulator. The helpers live in tests/support/."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tests.support import REPO

from bot.config import AppConfig
from index.config import load_config


@pytest.fixture(scope="session")
def base_config() -> AppConfig:
    config = load_config(REPO / "config.yaml", AppConfig)
    if not Path(config.model_path).exists():
        pytest.exit(f"model missing at {config.model_path}: run `make setup` first", returncode=1)
    return config


@pytest.fixture(scope="session")
def embedder(base_config):
    from index.retrieval.embedder import Embedder

    return Embedder(base_config)


@pytest.fixture()
def config(base_config, tmp_path) -> AppConfig:
    """The repository's config over a fresh, empty data directory."""
    return replace(base_config, data_dir=tmp_path / "data")


@pytest.fixture(scope="session")
def built_data_dir(base_config, embedder, tmp_path_factory) -> Path:
    """An index of the shipped corpus, built once; copy it before changing it."""
    from index.retrieval.build import build_index

    data_dir = tmp_path_factory.mktemp("built") / "data"
    build_index(replace(base_config, data_dir=data_dir), embedder)
    return data_dir


@pytest.fixture()
def built_config(base_config, built_data_dir, tmp_path) -> AppConfig:
    """A private copy of the built index, free to modify."""
    data_dir = tmp_path / "data"
    shutil.copytree(built_data_dir, data_dir, symlinks=True)
    return replace(base_config, data_dir=data_dir)


@pytest.fixture(scope="session")
def searcher(base_config, built_data_dir, embedder):
    from index.retrieval.build import make_searcher
    from index.retrieval.store import load_index

    config = replace(base_config, data_dir=built_data_dir)
    return make_searcher(config, embedder, load_index(config.index_dir))


@pytest.fixture(scope="session")
def news_site():
    """The fictional news site (tests/support/news_site.py); pages added by a test stay."""
    from tests.support.news_site import NewsSite

    with NewsSite() as site:
        yield site


@pytest.fixture()
def emulator():
    from tests.support.telegram_emulator import TelegramEmulator

    with TelegramEmulator() as emu:
        yield emu


@pytest.fixture()
def bot_config(built_config) -> AppConfig:
    from tests.support.bot_harness import ADMIN_ID

    return replace(built_config, admins=[ADMIN_ID])


@pytest.fixture()
async def bot(bot_config, embedder, emulator):
    """The real Application polling the emulator; fails the test on any 400 it provoked."""
    from tests.support.bot_harness import running_bot

    config = replace(bot_config, telegram=replace(bot_config.telegram, api_url=emulator.base_url))
    async with running_bot(config, embedder, emulator) as running:
        yield running
    assert len(running.bad_requests()) == running.expected_bad_requests, running.bad_requests()
    assert not emulator.internal_errors
