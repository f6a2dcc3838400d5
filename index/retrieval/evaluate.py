"""Retrieval metrics on question sets.

Two formats hold questions: a questions file (eval/dev-questions.yaml: `answerable` and
`unanswerable` lists) and a pages manifest (eval/pages/manifest.yaml: a list of pages, each
with its `questions`; the `out-of-scope.yaml` beside it supplies the unanswerable ones).

A question is found when one of its `any` phrases occurs, case- and space-insensitively,
in a returned statement. It is *answered* when the bot would show an answer (`confident`)
and a right statement is among the first three. Attribution asks, for questions found in
the top three that name `who` and/or `src`, whether the matching statement carries that
official and outlet. Declined is the share of unanswerable questions the bot declines.

The phrases credit only the statements a question was written from; as the corpus grows,
other articles' statements often answer as well and rank first. `judged@1` counts those too:
the share of questions whose first statement a phrase credits or a reader judged to answer
(eval/judgments.yaml: question, statement, verdict "yes", "partial" or "no"). A first
statement neither credited nor judged counts as wrong, and is reported as unjudged.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from index.retrieval.search import Answer, Mode, Searcher

MODES: tuple[Mode, ...] = ("bm25", "dense", "fused")
OUT_OF_SCOPE = "out-of-scope.yaml"


@dataclass(frozen=True)
class QuestionSet:
    name: str
    answerable: list[dict]
    unanswerable: list[dict]


@dataclass(frozen=True)
class Scores:
    mode: str
    hit_at_1: float
    hit_at_3: float
    mrr: float
    attribution: float
    declined: float
    answered: float
    questions: int
    unanswerable: int
    judged: float = 0.0
    unjudged: int = 0


def load_questions(path: Path) -> tuple[list[dict], list[dict]]:
    found = load_question_set(path)
    return found.answerable, found.unanswerable


def load_question_set(path: Path) -> QuestionSet:
    """A questions file, or a pages manifest with its out-of-scope file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if isinstance(data, list):
        answerable = [q for page in data for q in page.get("questions") or []]
        scope = path.parent / OUT_OF_SCOPE
        extra = yaml.safe_load(scope.read_text(encoding="utf-8")) if scope.is_file() else {}
        unanswerable = [{"q": q} for q in (extra or {}).get("out_of_scope") or []]
        return QuestionSet(path.name, answerable, unanswerable)
    return QuestionSet(path.name, list(data.get("answerable") or []),
                       list(data.get("unanswerable") or []))


Judgments = dict[tuple[str, str], str]


def load_judgments(path: Path) -> Judgments:
    """(question, statement) -> "yes", "partial" or "no", both as `normalize` leaves them."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {(normalize(r["q"]), normalize(r["statement"])): r["verdict"] for r in rows}


def evaluate(searcher: Searcher, answerable: list[dict], unanswerable: list[dict],
             mode: Mode, judgments: Judgments | None = None) -> Scores:
    answers = searcher.search_many([c["q"] for c in answerable + unanswerable], limit=10, mode=mode)
    positives, negatives = answers[:len(answerable)], answers[len(answerable):]
    ranks = [first_match_rank(c, a) for c, a in zip(answerable, positives)]
    verdicts = [None if r == 1 else _first_verdict(judgments or {}, c, a)
                for c, a, r in zip(answerable, positives, ranks)]
    attributed = [attribution_ok(c, a.hits[r - 1]) for c, a, r in zip(answerable, positives, ranks)
                  if r and r <= 3 and (c.get("who") or c.get("src"))]
    return Scores(
        mode=mode,
        hit_at_1=_share(r == 1 for r in ranks),
        hit_at_3=_share(bool(r) and r <= 3 for r in ranks),
        mrr=sum(1 / r for r in ranks if r) / max(len(ranks), 1),
        attribution=_share(attributed),
        declined=_share(not a.confident for a in negatives),
        answered=_share(a.confident and 0 < r <= 3 for a, r in zip(positives, ranks)),
        questions=len(answerable),
        unanswerable=len(unanswerable),
        judged=_share(r == 1 or v == "yes" for r, v in zip(ranks, verdicts)),
        unjudged=sum(r != 1 and v is None for r, v in zip(ranks, verdicts)),
    )


def _first_verdict(judgments: Judgments, case: dict, answer: Answer) -> str | None:
    """A reader's verdict on the first statement shown, if one was given."""
    if not answer.hits:
        return None
    return judgments.get((normalize(case["q"]), normalize(answer.hits[0].passage.text)))


def first_match_rank(case: dict, answer: Answer) -> int:
    """1-based rank of the first hit containing an expected phrase; 0 when none does."""
    phrases = [normalize(p) for p in case["any"]]
    for rank, hit in enumerate(answer.hits, start=1):
        if any(p in normalize(hit.passage.text) for p in phrases):
            return rank
    return 0


def attribution_ok(case: dict, hit) -> bool:
    official, source = hit.passage.official, hit.passage.source
    who_ok = not case.get("who") or normalize(case["who"]) in normalize(official.name)
    where = normalize(" ".join([source.outlet, source.title, source.url]))
    src_ok = not case.get("src") or normalize(case["src"]) in where
    return who_ok and src_ok


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text or "")).strip().lower()


def format_table(rows: list[tuple[str, Scores]]) -> str:
    width = max([len("questions")] + [len(name) for name, _ in rows])
    header = (f"{'questions':<{width}} {'mode':<6} {'hit@1':>6} {'hit@3':>6} {'MRR':>6} "
              f"{'attrib':>7} {'answered':>9} {'declined':>9} {'judged@1':>9} {'unjudged':>9}")
    lines = [header] + [f"{name:<{width}} {s.mode:<6} " + " ".join(
        _cell(value, size, present) for value, size, present in (
            (s.hit_at_1, 6, s.questions), (s.hit_at_3, 6, s.questions), (s.mrr, 6, s.questions),
            (s.attribution, 7, s.questions), (s.answered, 9, s.questions),
            (s.declined, 9, s.unanswerable), (s.judged, 9, s.questions)))
        + (f" {s.unjudged:>9}" if s.questions else f" {'-':>9}") for name, s in rows]
    return "\n".join(lines)


def _cell(value: float, width: int, present: int) -> str:
    """A figure, or "-" where the set has no question of that kind."""
    return f"{value:>{width}.2f}" if present else f"{'-':>{width}}"


def _share(flags) -> float:
    flags = list(flags)
    return sum(flags) / len(flags) if flags else 0.0
