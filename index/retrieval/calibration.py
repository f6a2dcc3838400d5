"""The confidence below which the bot declines, set for the corpus it searches.

Confidence rests on how close the best statements come to a question and how much of its
rarer vocabulary they hold: both are maxima over the corpus. The more statements on
neighbouring subjects (civil servants, elections), the closer some come to a question the
corpus does not answer. Measured on eval/ with the attribution pages added as the corpus
grew (39 -> 171 -> 539 statements): the median out-of-scope question's confidence rose
0.27 -> 0.36 -> 0.41, and at a fixed threshold of 0.48 the share declined fell .93 -> .82 ->
.71. So the threshold is read off the corpus itself: the confidence below which
`off_topic_declined` of a shipped bank of off-topic questions (off_topic.yaml) falls, never
below `min_confidence`.

It is read apart for English questions. Their cosines with the Indonesian statements run
about .05 lower, off-topic or not, and their vocabulary counts only where the corpus knows
it, so their confidences form a scale of their own: with one threshold for both languages,
at 20 added pages 0.48 declined only .46 of the evaluation's English out-of-scope questions.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from index.config import SearchConfig
from index.retrieval.analyzer import written_in_english
from index.retrieval.embedder import Embedder
from index.retrieval.search import Searcher, Thresholds

BANK = Path(__file__).with_name("off_topic.yaml")


@lru_cache(maxsize=1)
def off_topic_questions() -> tuple[str, ...]:
    return tuple(yaml.safe_load(BANK.read_text(encoding="utf-8"))["questions"])


@lru_cache(maxsize=4)
def _bank_vectors(embedder: Embedder) -> np.ndarray:
    """Embedded once per model: every rebuilt searcher reuses them."""
    return embedder.queries(list(off_topic_questions()))


def decline_thresholds(searcher: Searcher, embedder: Embedder, config: SearchConfig) -> Thresholds:
    """Per language, the lowest confidence that declines at least `off_topic_declined` of
    the bank's questions in that language (they are declined below it), or
    `min_confidence` if that is higher."""
    if config.off_topic_declined <= 0 or not searcher.passages:
        return Thresholds.fixed(config.min_confidence)
    questions = list(off_topic_questions())
    answers = searcher.rank_embedded(questions, _bank_vectors(embedder))
    english = [written_in_english(q) for q in questions]
    return Thresholds(
        indonesian=_threshold([a.confidence for a, e in zip(answers, english) if not e], config),
        english=_threshold([a.confidence for a, e in zip(answers, english) if e], config))


def _threshold(confidences: list[float], config: SearchConfig) -> float:
    if not confidences:
        return config.min_confidence
    ranked = np.sort(confidences)
    at = min(math.ceil(config.off_topic_declined * len(ranked)), len(ranked) - 1)
    return max(config.min_confidence, float(ranked[at]))
