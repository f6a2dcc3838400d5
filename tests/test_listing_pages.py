"""Pages that list articles are refused; articles among widgets that list other stories
are read, and those stories' teasers are no statements of theirs (eval/listing/: 16
pages written blind to the code, 8 of each kind)."""

from __future__ import annotations

import pytest
import yaml

from tests.support import REPO
from index.corpus.passages import article_passages
from index.ingest.extract import ExtractError, ExtractReason, extract_article
from index.ingest.sources import article_from_extracted
from index.retrieval.eval_pages import expected_speakers, same_name

FOLDER = REPO / "eval" / "listing"
ENTRIES = yaml.safe_load((FOLDER / "manifest.yaml").read_text(encoding="utf-8"))


def _page(entry: dict) -> str:
    return (FOLDER / entry["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["kind"] == "listing"], ids=lambda e: e["file"][:3])
def test_a_page_listing_articles_is_refused(entry):
    with pytest.raises(ExtractError) as refused:
        extract_article(_page(entry), entry["url"])
    assert refused.value.reason in (ExtractReason.LISTING, ExtractReason.NO_ARTICLE)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["kind"] == "article"], ids=lambda e: e["file"][:3])
def test_an_article_among_lists_of_other_stories_keeps_only_its_own_speakers(entry):
    article = article_from_extracted(extract_article(_page(entry), entry["url"]))
    passages = article_passages(article)
    speakers = {s.name for s in expected_speakers(entry)}
    strays = [p.official for p in passages if not any(same_name(p.official.name, s) for s in speakers)]
    assert not strays  # no teaser of another story, with its official, among the statements
    for phrase, name in entry["quotes"].items():
        passage = next(p for p in passages if phrase in p.text.lower())
        assert same_name(passage.official.name, name), (phrase, passage.official)
