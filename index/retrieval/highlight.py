"""The sentence of a statement that best matches a question, for the answer to bold."""

from __future__ import annotations

import re

from index.retrieval.analyzer import stems

# A sentence ends at . ! ? (and a closing quote after it) followed by a space.
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s)")
MAX_SENTENCES = 40


def best_sentence(question: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the sentence in `text` sharing the most content words with
    `question`; None when the text is one sentence or no sentence shares a word. A question
    in the statement (an interviewer's, before the answer) is never the one: it shares the
    asker's words but answers nothing."""
    wanted = set(stems(question))
    spans = _sentences(text)
    if not wanted or len(spans) < 2:
        return None
    scored = [(len(wanted & set(stems(text[s:e]))), -s, s, e) for s, e in spans
              if not text[s:e].rstrip("\"”’'").endswith("?")]
    if not scored:
        return None
    hits, _, start, end = max(scored)
    return (start, end) if hits else None


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans without their surrounding spaces (at most MAX_SENTENCES; the rest
    is one last span)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if len(spans) == MAX_SENTENCES - 1:
            break
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]
