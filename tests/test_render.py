"""Answers always fit one Telegram message and escape whatever the corpus holds."""

from __future__ import annotations

from index.corpus.article import Official
from index.corpus.passages import Passage, Source

from bot.render import MAX_MESSAGE_CHARS, answer_html, indonesian_date, statement_html


def _passage(text: str, url: str = "https://example.go.id/a?x=1&y=2") -> Passage:
    return Passage("a:1", "a", text, Official("Hera <Nugrahayu>", "Penjabat & Wali Kota"),
                   Source("ANTARA", "Judul <b>tebal</b>", "2024-06-10", url))


def test_three_huge_statements_still_fit_one_message():
    passages = [_passage("kata " * 3000) for _ in range(3)]
    html = answer_html("x" * 900, passages)
    assert len(html) <= MAX_MESSAGE_CHARS
    assert html.count("📰") == 3 and "…" in html


def test_corpus_text_is_escaped_and_links_are_quoted():
    html = statement_html(_passage('"Netralitas <harga mati> & tidak bisa ditawar," kata Hera.'))
    assert "&lt;harga mati&gt; &amp; tidak" in html
    assert "<b>Hera &lt;Nugrahayu&gt;</b>, Penjabat &amp; Wali Kota" in html
    assert 'href="https://example.go.id/a?x=1&amp;y=2"' in html
    assert "Judul &lt;b&gt;tebal&lt;/b&gt;" in html
    assert "10 Juni 2024" in html


def test_dates_render_in_indonesian_or_not_at_all():
    assert indonesian_date("2024-11-27") == "27 November 2024"
    assert indonesian_date("") == "" and indonesian_date("kemarin") == "kemarin"
