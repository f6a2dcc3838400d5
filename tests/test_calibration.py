"""The decline thresholds follow the corpus: as statements on neighbouring subjects pile
up, off-topic questions find closer ones, so each threshold rises to where the shipped bank
of off-topic questions (index/retrieval/off_topic.yaml) in its language is still declined at
the configured share, and never falls below `min_confidence`."""

from __future__ import annotations

from dataclasses import replace

import pytest

from index.retrieval.analyzer import written_in_english
from index.retrieval.build import make_searcher
from index.retrieval.calibration import off_topic_questions
from index.retrieval.search import Thresholds
from index.retrieval.store import load_index


def _searcher(base_config, data_dir, embedder, **search):
    config = replace(base_config, data_dir=data_dir, search=replace(base_config.search, **search))
    return make_searcher(config, embedder, load_index(config.index_dir))


@pytest.mark.parametrize("english", [False, True])
def test_the_bank_is_declined_at_the_configured_share_in_each_language(base_config, built_data_dir,
                                                                       embedder, english):
    searcher = _searcher(base_config, built_data_dir, embedder, min_confidence=0.05,
                         off_topic_declined=0.85)
    questions = [q for q in off_topic_questions() if written_in_english(q) == english]
    threshold = searcher.thresholds.english if english else searcher.thresholds.indonesian
    assert threshold > 0.05  # the bank, not the floor, set it
    answers = searcher.search_many(questions)
    declined = sum(not a.confident for a in answers) / len(answers)
    assert 0.85 <= declined <= 0.85 + 2 / len(answers)
    assert all(a.confident == (a.confidence >= threshold) for a in answers)


def test_an_english_question_is_judged_on_the_english_scale(base_config, built_data_dir, embedder):
    searcher = _searcher(base_config, built_data_dir, embedder, min_confidence=0.05,
                         off_topic_declined=0.85)
    assert searcher.thresholds.english != searcher.thresholds.indonesian  # the shipped corpus' own
    for question, threshold in (("May civil servants join a campaign?", searcher.thresholds.english),
                                ("Apakah ASN boleh ikut kampanye?", searcher.thresholds.indonesian)):
        answer = searcher.search(question)
        assert answer.confident == (answer.confidence >= threshold)


@pytest.mark.parametrize("share", [0.5, 0.95])
def test_a_larger_share_declined_means_higher_thresholds(base_config, built_data_dir, embedder, share):
    low = _searcher(base_config, built_data_dir, embedder, min_confidence=0.0, off_topic_declined=0.3)
    high = _searcher(base_config, built_data_dir, embedder, min_confidence=0.0, off_topic_declined=share)
    assert high.thresholds.indonesian > low.thresholds.indonesian
    assert high.thresholds.english > low.thresholds.english


def test_min_confidence_is_the_floor_and_zero_turns_calibration_off(base_config, built_data_dir,
                                                                     embedder, searcher):
    # The shipped corpus is small: its Indonesian off-topic questions stay below the floor.
    assert searcher.thresholds.indonesian == base_config.search.min_confidence
    assert searcher.thresholds.english >= base_config.search.min_confidence
    off = _searcher(base_config, built_data_dir, embedder, min_confidence=0.05, off_topic_declined=0.0)
    assert off.thresholds == Thresholds.fixed(0.05)
