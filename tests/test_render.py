"""Answers always fit one Telegram message and escape whatever the corpus holds."""

from __future__ import annotations

from index.corpus.article import Official
from index.corpus.passages import Passage, Source

from bot.fitting import fits
from bot.render import answer_html, indonesian_date, source_buttons, statement_html


def _passage(text: str, url: str = "https://example.go.id/a?x=1&y=2") -> Passage:
    return Passage("a:1", "a", text, Official("Hera <Nugrahayu>", "Penjabat & Wali Kota"),
                   Source("ANTARA", "Judul <b>tebal</b>", "2024-06-10", url))


def test_three_huge_statements_still_fit_one_message():
    passages = [_passage("kata " * 3000) for _ in range(3)]
    html = answer_html("x" * 900, passages)
    assert fits(html)  # Telegram counts the text left after parsing the HTML
    assert "<b>3.</b>" in html and html.count("📰") == 1 and "…" in html  # one article: one byline


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


def test_statements_of_one_article_and_official_share_one_byline():
    first, second = _passage("“Pertama.”"), _passage("“Kedua.”")
    second = Passage("a:2", "a", "Kedua kalinya ASN diingatkan.", first.official, first.source)
    other = Passage("b:1", "b", "Lain lagi.", Official("Budi", "Camat"), Source("X", "Y", "", ""))
    html = answer_html("pertanyaan", [first, other, second])
    assert html.count("Hera &lt;Nugrahayu&gt;") == 1
    assert html.index("<b>2.</b> “Kedua kalinya") < html.index("<b>Budi</b>")  # grouped, renumbered
    buttons = source_buttons([first, other, second])
    assert [(b.text, b.url) for b in buttons] == [("🔗 Sumber 1, 2", first.source.url)]


def test_the_sentence_matching_the_question_is_bold_and_escaped():
    passage = _passage("Apel berjalan tertib. ASN <dilarang> memasang foto pasangan calon. Selesai.")
    html = statement_html(passage, question="Bolehkah ASN pasang foto calon?")
    assert "<b>ASN &lt;dilarang&gt; memasang foto pasangan calon.</b>" in html
    assert "<b>" not in statement_html(passage, question="cuaca hari ini").split("—")[0]


def test_an_office_without_a_name_is_the_byline():
    passage = Passage("a:1", "a", "Laporan diproses.", Official("", "Kepala BKPSDM Sleman"),
                      Source("X", "Y", "", ""))
    assert "— <b>Kepala BKPSDM Sleman</b>\n" in answer_html("laporan", [passage])
