"""The decline threshold follows the corpus: as statements on neighbouring subjects pile
up, off-topic questions find closer ones, so the threshold rises to where the shipped bank of
off-topic questions (index/retrieval/off_topic.yaml) is still declined at the configured
share, and never falls below `min_confidence`."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index.retrieval.build import make_searcher
from index.retrieval.calibration import off_topic_questions
from index.retrieval.store import load_index


def _searcher(base_config, data_dir, embedder, **search):
    config = replace(base_config, data_dir=data_dir, search=replace(base_config.search, **search))
    return make_searcher(config, embedder, load_index(config.index_dir))


def test_the_bank_is_declined_at_the_configured_share(base_config, built_data_dir, embedder):
    searcher = _searcher(base_config, built_data_dir, embedder, min_confidence=0.05,
                         off_topic_declined=0.85)
    assert searcher.min_confidence > 0.05  # the bank, not the floor, set it
    answers = searcher.search_many(list(off_topic_questions()))
    declined = sum(not a.confident for a in answers) / len(answers)
    assert 0.85 <= declined <= 0.85 + 2 / len(answers)
    assert all(a.confident == (a.confidence >= searcher.min_confidence) for a in answers)


@pytest.mark.parametrize("share", [0.5, 0.95])
def test_a_larger_share_declined_means_a_higher_threshold(base_config, built_data_dir, embedder, share):
    low = _searcher(base_config, built_data_dir, embedder, min_confidence=0.0, off_topic_declined=0.3)
    assert _searcher(base_config, built_data_dir, embedder, min_confidence=0.0,
                     off_topic_declined=share).min_confidence > low.min_confidence


def test_min_confidence_is_the_floor_and_zero_turns_calibration_off(base_config, built_data_dir,
                                                                     embedder, searcher):
    # The shipped corpus is small: its off-topic questions stay below the configured floor.
    assert searcher.min_confidence == base_config.search.min_confidence
    off = _searcher(base_config, built_data_dir, embedder, min_confidence=0.05, off_topic_declined=0.0)
    assert off.min_confidence == 0.05
