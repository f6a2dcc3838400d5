"""The BM25 side: how text becomes terms (colloquial forms, English told apart, the exact
phrasing beside the synonym groups), and the index stored with the vectors: the same
answers as analysing at load, re-analysed when the analysis changes, and top-k selection
in linear time equal to a stable sort."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import yaml

from tests.support import REPO
from index.corpus.article import Article, Official
from index.retrieval import lexical, search
from index.retrieval.analyzer import Analyzer, circumstance, phrasing, written_in_english
from index.retrieval.build import add_article, make_searcher, open_searcher
from index.retrieval.search import Searcher, _best_positive
from index.retrieval.store import load_index


def _questions() -> list[str]:
    return [c["q"] for name in ("dev", "extra")
            for part in ("answerable", "unanswerable")
            for c in yaml.safe_load((REPO / "eval" / f"{name}-questions.yaml").read_text()).get(part, [])]


def test_stored_bm25_answers_exactly_as_analysing_at_load(built_config, embedder):
    stored = load_index(built_config.index_dir, built_config.index)
    assert stored.lexical is not None and (built_config.index_dir / "current" / "lexical").is_dir()
    from_store = make_searcher(built_config, embedder, stored)
    analysed = Searcher(stored, embedder, Analyzer(built_config.synonyms), built_config.search)
    assert from_store._bm25 is stored.lexical.bm25
    for question in _questions():
        a, b = from_store.search(question), analysed.search(question)
        assert [(h.passage.id, round(h.score, 6)) for h in a.hits] == \
               [(h.passage.id, round(h.score, 6)) for h in b.hits], question
        assert (a.confident, round(a.confidence, 6)) == (b.confident, round(b.confidence, 6))


def test_passages_holding_a_term_are_those_bm25_scores(built_config):
    """passages_holding reads bm25s's own matrix: it agrees with bm25s's scoring; and each
    article has one number."""
    stored = load_index(built_config.index_dir, built_config.index)
    lexical = stored.lexical
    for term in ["asn", "netralitas", "sanksi", "pontianak", "tidak-ada-di-korpus"]:
        expected = np.flatnonzero(np.asarray(lexical.bm25.get_scores([term])) > 0)
        assert sorted(lexical.passages_holding(term).tolist()) == expected.tolist(), term
    numbers = {(p.article_id, int(n)) for p, n in zip(stored.passages, lexical.articles)}
    assert len(numbers) == len({p.article_id for p in stored.passages}) == len(set(lexical.articles))


def test_changed_synonyms_make_the_searcher_analyse_again(built_config, embedder):
    stored = load_index(built_config.index_dir, built_config.index)
    changed = replace(built_config, synonyms=built_config.synonyms + [["festival", "perayaan"]])
    assert make_searcher(changed, embedder, stored)._bm25 is not stored.lexical.bm25


def test_best_positive_equals_a_stable_sort_with_ties():
    rng = np.random.default_rng(3)
    for _ in range(200):
        scores = rng.integers(0, 4, size=rng.integers(1, 60)).astype(np.float32)
        k = int(rng.integers(1, 40))
        expected = np.argsort(-scores, kind="stable")[:k]
        expected = expected[scores[expected] > 0]
        assert _best_positive(scores, k).tolist() == expected.tolist()


def test_colloquial_verb_forms_meet_their_formal_ones():
    """How an ASN types on a phone ("dilanjutin", "nyoblos", "milih") reaches the same
    terms as the articles' formal forms; names and ordinary words stay as they are."""
    analyzer = Analyzer([])
    pairs = [("kasusnya dilanjutin ke siapa", "kasus dilanjutkan kepada"),
             ("boleh nyoblos", "mencoblos"), ("asn milih siapa", "memilih"),
             ("disebarin di grup", "disebarkan"), ("ngelaporin atasan", "melaporkan"),
             ("dukungin paslon", "mendukung")]
    for informal, formal in pairs:
        assert set(analyzer.terms(informal)) & set(analyzer.terms(formal)), (informal, formal)
    for word in ("misbahuddin", "nyoman", "medan", "mataram", "pontianak", "bikin", "main"):
        assert analyzer.terms(word) == [word]


def test_phrasing_keeps_the_words_as_written_and_pairs_neighbours():
    assert phrasing(["asn", "libat", "politik", "praktis"]) == [
        "asn", "libat", "politik", "praktis", "asn libat", "libat politik", "politik praktis"]
    assert phrasing([]) == []


def test_phone_spellings_of_stop_words_are_stop_words_but_acronyms_stay():
    """"sbg", "hrs", "jd", "knp" are how a phone spells stop words; left in, they looked like
    the unknown topic of the question. An acronym in capitals is never one ("bkn" = bukan,
    but BKN is the civil service agency; "dpt" = dapat, but DPT is the voter list)."""
    analyzer = Analyzer([])
    assert analyzer.terms("sbg ASN kita hrs jd contoh, knp?") == analyzer.terms(
        "sebagai ASN kita harus jadi contoh, kenapa?") == ["asn", "contoh"]
    assert analyzer.terms("apa kata BKN soal DPT") == ["bkn", "dpt"]
    assert analyzer.terms("kaya pose") == ["kaya", "pose"]  # a dictionary word ("rich") is not slang


def test_spoken_fillers_go_and_a_word_doubled_with_a_2_meets_its_written_form():
    """"emang", "pas", "biar" are dictionary roots, yet in a question only fillers; "ikut2an"
    is how a phone writes "ikut-ikutan"."""
    analyzer = Analyzer([])
    assert analyzer.terms("emang boleh ikut2an kampanye pas pilkada biar aman?") == \
        analyzer.terms("boleh ikut-ikutan kampanye pilkada aman?") == ["ikut", "kampanye", "pilkada", "aman"]
    assert analyzer.terms("hati2 di medsos") == ["hati", "medsos"] and analyzer.terms("2024") == ["2024"]


def test_an_informal_question_with_a_fitting_statement_is_answered(searcher):
    answer = searcher.search("sbg ASN kita hrs jd contoh buat masyarakat gak sih pas pilkada?")
    assert answer.confident
    assert "pelayan publik" in answer.hits[0].passage.text


def test_a_circumstance_the_corpus_never_mentions_does_not_decline_the_question(searcher):
    """The corpus never says "cuti"; the question is whether ASN may join a campaign, and
    the statements forbidding it answer that. An unknown subject outside the clause still
    declines."""
    assert circumstance("boleh gak sih asn dateng ke kampanye kalo lagi cuti?") == " lagi cuti"
    assert circumstance("Jika ada ASN, saat kampanye, lapor?") == " ada ASN  kampanye"
    assert searcher.search("boleh gak sih asn dateng ke kampanye kalo lagi cuti?").confident
    assert not searcher.search("kalo lagi cuti, gimana cara urus pindah memilih?").confident


def test_acronyms_are_the_words_written_in_capitals():
    analyzer = Analyzer([])
    assert analyzer.acronyms("What are the CPNS exam passing grades for 2024?") == {"cpns"}
    assert analyzer.acronyms("Can a PNS join the KPU? I am A civil servant") == {"pns", "kpu"}
    assert analyzer.acronyms("what about cpns") == set()


def test_english_is_told_apart_from_indonesian():
    assert written_in_english("What did the Pasuruan acting regent tell civil servants?")
    assert written_in_english("Can civil servants like a candidate's Instagram post?")
    for question in ("Apakah ASN boleh ikut kampanye?", "boleh gak sih asn dateng ke kampanye",
                     "apa kata Pj Gubernur Sulsel", "", "ASN di Medan"):
        assert not written_in_english(question), question


def _searcher_with(config, embedder, article: Article) -> Searcher:
    """A searcher over the built corpus with `article` added, as /tambah adds one."""
    add_article(config, embedder, article)
    return open_searcher(config, embedder)


def test_a_statement_in_the_questions_own_words_outranks_a_synonym_echo(built_config, embedder,
                                                                       monkeypatch):
    """"politik praktis" and "kampanye" share a synonym group, so a paragraph that says
    "kampanye" four times used to match "terlibat politik praktis" nearly as well as the
    statement that says it. The exact phrasing (words and neighbouring pairs) tells them apart."""
    searcher = _searcher_with(built_config, embedder, Article(
        "uji-frasa", "Bupati Sukamaju Ajak Warga Sukseskan Pilkada",
        "SUKAMAJU - Pemerintah Kabupaten Sukamaju menggelar apel bersama menjelang pemungutan suara.\n\n"
        "Bupati Sukamaju Dedi Wiranata meminta tim kampanye menjaga ketertiban. \"Kampanye dialogis, "
        "kampanye terbuka, dan kampanye di media sosial harus tertib selama Pilkada,\" kata Dedi.\n\n"
        "Dedi juga menegaskan bahwa ASN tidak boleh terlibat politik praktis selama Pilkada.",
        outlet="Warta Uji", official=Official("Dedi Wiranata", "Bupati Sukamaju")))

    def top3() -> list[str]:
        answer = searcher.search("Apakah ASN boleh terlibat politik praktis selama pilkada?", mode="bm25")
        return [h.passage.id for h in answer.hits[:3]]

    assert top3()[0] == "uji-frasa:2" and "uji-frasa:1" not in top3()
    monkeypatch.setattr(search, "PHRASING_WEIGHT", 0.0)
    assert "uji-frasa:1" in top3()  # the echo, without the exact phrasing


def test_the_statement_that_singles_out_the_asked_detail_outranks_the_articles_summary(
        built_config, embedder, monkeypatch):
    """Every paragraph of a report on an inspection repeats "satgas", "netralitas", "sidak"
    and "dinas"; only one says what was found. The question's word that few of the article's
    statements share ("menemukan") decides among them, not the topic words they all share."""
    searcher = _searcher_with(built_config, embedder, Article(
        "uji-sidak", "Satgas Netralitas ASN Sukamaju Sidak Dinas Menjelang Pilkada",
        "SUKAMAJU - Satgas Netralitas ASN Kabupaten Sukamaju melakukan sidak ke dinas-dinas "
        "menjelang Pilkada.\n\n"
        "Ketua Satgas Netralitas ASN Dedi Wiranata mengatakan sidak dilakukan agar ASN di setiap "
        "dinas menjaga netralitas. \"Satgas netralitas akan terus melakukan sidak ke dinas selama "
        "masa kampanye,\" kata Dedi.\n\n"
        "Dalam sidak itu satgas menemukan baliho pasangan calon di ruang kerja Dinas Perikanan. "
        "\"Baliho itu langsung kami turunkan,\" ujar Dedi.\n\n"
        "Dedi menambahkan satgas netralitas ASN akan melaporkan hasil sidak kepada bupati.",
        outlet="Warta Uji", official=Official("Dedi Wiranata", "Inspektur Kabupaten Sukamaju")))

    def first() -> str:
        return searcher.search("Satgas netralitas ASN Sukamaju menemukan apa waktu sidak?").hits[0].passage.id

    assert first() == "uji-sidak:2"
    monkeypatch.setattr(search, "DISTINCT_WEIGHT", 0.0)
    assert first() == "uji-sidak:1"  # the framing paragraph, on the shared topic words


def test_a_statement_is_matched_on_what_was_said_not_on_its_speakers_office(
        built_config, embedder, monkeypatch):
    """The paragraph that introduces a speaker repeats the office a question names ("Ketua
    Bawaslu Sukamaju ... menyebut"), so it used to win on those words over the paragraph
    that answers. Who said it is matched through the who-keys and the headline-and-official
    BM25; a statement's own BM25 holds what was said."""
    article = Article(
        "uji-kantor", "Bawaslu Sukamaju Buka Posko Pengaduan Netralitas ASN",
        "SUKAMAJU - Bawaslu Kabupaten Sukamaju membuka posko pengaduan netralitas ASN.\n\n"
        "Ketua Badan Pengawas Pemilu (Bawaslu) Kabupaten Sukamaju Nurul Hidayah menyebut pihaknya "
        "membuka posko pengaduan di 18 kecamatan selama masa kampanye.\n\n"
        "Ia menambahkan, hingga pekan ini pihaknya sudah menerima tiga laporan dugaan ASN tidak "
        "netral, dan dua di antaranya diteruskan ke BKN.",
        outlet="Warta Uji", official=Official("Nurul Hidayah", "Ketua Bawaslu Kabupaten Sukamaju"))
    add_article(built_config, embedder, article)
    stored = load_index(built_config.index_dir, built_config.index)
    question = "Berapa laporan yang sudah diterima Ketua Bawaslu Kabupaten Sukamaju?"

    def first() -> str:  # the lexical index analysed at load, with the code as patched
        analysed = Searcher(stored, embedder, Analyzer(built_config.synonyms), built_config.search)
        return analysed.search(question).hits[0].passage.id

    assert first() == "uji-kantor:2"
    monkeypatch.setattr(lexical, "_said", lambda terms, who: terms)
    assert first() == "uji-kantor:1"  # the introduction, on the office's words
