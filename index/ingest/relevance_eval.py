"""Precision and recall of the relevance decision on labelled pages (HTML files).

Positives: pages about ASN neutrality (eval/pages/); negatives: near-domain news that is not
(eval/relevance/negatives/: vote counts, debates, civil-servant pay, disasters...). Each page
is extracted and attributed as a feed item would be, then judged against the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from index.ingest.extract import extract_article
from index.ingest.relevance import Relevance, RelevanceModel
from index.ingest.sources import article_from_extracted


@dataclass(frozen=True)
class Judged:
    name: str
    positive: bool
    relevance: Relevance


@dataclass(frozen=True)
class Measured:
    judged: list[Judged]

    @property
    def true_positives(self) -> int:
        return sum(j.positive and j.relevance.relevant for j in self.judged)

    @property
    def precision(self) -> float:
        predicted = sum(j.relevance.relevant for j in self.judged)
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        positives = sum(j.positive for j in self.judged)
        return self.true_positives / positives if positives else 0.0


def judge_pages(model: RelevanceModel, positives: Path, negatives: Path,
                paragraphs: int | None = None) -> Measured:
    """Each page judged whole, or cut to its first `paragraphs` paragraphs: feeds bring short
    reports too."""
    labelled = [(p, True) for p in sorted(positives.glob("*.html"))]
    labelled += [(p, False) for p in sorted(negatives.glob("*.html"))]
    judged = []
    for path, positive in labelled:
        html = path.read_text(encoding="utf-8")
        article = article_from_extracted(extract_article(html, f"https://eval.invalid/{path.name}"))
        if paragraphs is not None:
            article = replace(article, body="\n\n".join(article.body.split("\n\n")[:paragraphs]))
        judged.append(Judged(path.name, positive, model.judge(article)))
    return Measured(judged)
