"""Who a question asks about (who.py) and the share of it a statement's official matches."""

from __future__ import annotations

from index.corpus.article import Official
from index.corpus.passages import Passage, Source
from index.retrieval.search import _share
from index.retrieval.who import indexed_keys, named_keys, passage_keys, question_keys


def _passage(name: str, position: str, title: str = "Netralitas ASN") -> Passage:
    return Passage("a:1", "a", "Pernyataan.", Official(name, position), Source("Outlet", title, "", ""))


def test_an_office_beside_a_named_place_is_asked_for():
    asked, named = question_keys("Apa kata Pj Gubernur Jateng soal netralitas?", frozenset())
    assert asked == {"province:Jawa Tengah", "office:gubernur"}
    assert set(named.lower().split()) == {"pj", "gubernur", "jateng"}  # who, not what about
    asked, _ = question_keys("What did the Central Java acting governor say?", frozenset())
    assert "office:gubernur" in asked


def test_an_office_alone_is_a_topic_not_a_speaker():
    asked, named = question_keys("Apa tugas gubernur soal netralitas ASN?", frozenset())
    assert asked == frozenset() and named == ""


def test_a_deputy_is_another_office():
    asked, _ = question_keys("apa kata Wakil Bupati Pasuruan?", frozenset())
    assert "office:wakil bupati" in asked and "office:bupati" not in asked
    keys = passage_keys(_passage("Andriyanto", "Penjabat Bupati Pasuruan"))
    assert "office:bupati" in keys and "office:wakil bupati" not in keys


def test_a_candidate_is_not_the_office_holder():
    asked, _ = question_keys("apa kata Bupati Banyumas soal netralitas?", frozenset())
    candidate = passage_keys(_passage("Agus Riyanto", "Calon bupati Kabupaten Banyumas nomor urut 1"))
    regent = passage_keys(_passage("Hari Setiawan Nugraha", "Penjabat Sementara Bupati Banyumas"))
    assert "office:calon bupati" in candidate and "office:bupati" not in candidate
    assert _share(asked, regent) == 1.0 and _share(asked, candidate) == 0.5
    asked, _ = question_keys("apa kata cabup Banyumas?", frozenset())
    assert _share(asked, candidate) == 1.0


def test_the_office_comes_from_the_officials_position_not_the_headline():
    keys = passage_keys(_passage("Edward Candra", "Sekretaris Daerah Sumatera Selatan",
                                 "Sekda Sumsel Ingatkan ASN Jelang Pilgub, Gubernur Minta Netral"))
    assert not any(k.startswith("office:") for k in keys)


def test_the_asked_office_counts_only_with_the_asked_place():
    asked, _ = question_keys("Apa kata Pj Gubernur Sulsel?", frozenset())
    governor = passage_keys(_passage("Zudan Arif Fakrulloh", "Penjabat Gubernur Sulawesi Selatan"))
    sekda = passage_keys(_passage("Jufri Rahman", "Sekretaris Daerah Sulawesi Selatan"))
    elsewhere = passage_keys(_passage("Agus Fatoni", "Penjabat Gubernur Sumatera Utara"))
    assert _share(asked, governor) == 1.0
    assert _share(asked, sekda) == 0.5
    assert _share(asked, elsewhere) == 0.0  # another province's governor is not who is meant


def test_a_name_word_in_an_english_question_counts_only_capitalised():
    names = frozenset({"made", "aldy"})
    asked, _ = question_keys("How can civil servants be made brave enough to refuse?", names)
    assert "name:made" not in asked
    asked, _ = question_keys("What did Made Sukmawati say about sanctions?", names)
    assert "name:made" in asked
    asked, _ = question_keys("apa kata aldy soal medsos?", names)  # Indonesian: as typed
    assert "name:aldy" in asked


def test_a_place_with_an_institution_is_looked_up_together():
    """Every Bawaslu's statements share "institution:bawaslu": with thousands of them, the
    named candidates must be Padang's Bawaslu, not the first Bawaslus stored."""
    asked, _ = question_keys("Menurut Ketua Bawaslu Kota Padang, bagaimana tindak lanjut laporan?",
                             frozenset())
    assert asked == {"institution:bawaslu", "place:padang"}
    assert named_keys(asked)[0] == "place:padang+institution:bawaslu"
    chair = indexed_keys(_passage("Yusrizal Hamid", "Ketua Bawaslu Kota Padang"))
    sekda = indexed_keys(_passage("Arfian", "Sekretaris Daerah Kota Padang"))
    assert "place:padang+institution:bawaslu" in chair
    assert "place:padang+institution:bawaslu" not in sekda


def test_a_regional_body_named_in_short_or_in_full_is_one_institution():
    asked, named = question_keys("Menurut Kepala BKPSDM Kuningan, apa penyebab ASN melanggar?", frozenset())
    assert asked == {"institution:bkpsdm", "place:kuningan"}
    assert "BKPSDM" in named  # who, not what about
    head = passage_keys(_passage("Dedi Supriadi", "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya "
                                                  "Manusia Kabupaten Kuningan"))
    inspector = passage_keys(_passage("Euis Komalasari", "Inspektur Kabupaten Kuningan"))
    assert _share(asked, head) == 1.0 and _share(asked, inspector) == 0.5
    # Without a cue of attribution the body is the question's topic, a word for BM25.
    assert question_keys("Apa tugas BKPSDM soal netralitas?", frozenset()) == (frozenset(), "")


def test_a_city_is_not_the_regency_of_the_same_name():
    """Kota Banjar is in West Java, Kabupaten Banjar in South Kalimantan: the word before the
    name says which, in the question and in the official's post or headline."""
    asked, _ = question_keys("Kenapa Bawaslu Kota Banjar menyoroti aktivitas ASN di media sosial?", frozenset())
    city = passage_keys(_passage("Solehan", "Anggota Bawaslu Kota Banjar"))
    regency = passage_keys(_passage("Antung Muhammad Hasbi", "Ketua Bawaslu Kabupaten Banjar",
                                    "Pj Bupati Banjar Larang ASN Pose Jari"))
    assert _share(asked, city) == 1.0 and _share(asked, regency) < 1.0
    assert "province:Jawa Barat" not in regency  # the regency's province only
    asked, _ = question_keys("Apa kata Bawaslu Banjar soal medsos?", frozenset())  # either one
    assert _share(asked, city) == _share(asked, regency) == 1.0


def test_a_body_written_with_its_place_is_who_is_asked():
    """Without "menurut", a body and its place ("Inspektorat Kabupaten Kuningan") still name
    who answers; alone ("apa tugas BKPSDM") the body stays the topic."""
    asked, _ = question_keys("Bagaimana Inspektorat Kabupaten Kuningan memproses aduan?", frozenset())
    assert asked == {"institution:inspektorat", "place:kuningan"}
    inspector = passage_keys(_passage("Euis Komalasari", "Inspektur Kabupaten Kuningan"))
    bawaslu = passage_keys(_passage("Ujang Saepudin", "Ketua Bawaslu Kabupaten Kuningan"))
    assert _share(asked, inspector) == 1.0 and _share(asked, bawaslu) == 0.5


def test_the_headlines_body_counts_only_for_an_official_whose_post_names_none():
    asked, _ = question_keys("Menurut Kepala BKPSDM Kuningan, apa penyebab ASN melanggar?", frozenset())
    title = "Sosialisasi Netralitas ASN, Kepala BKPSDM Kuningan: Banyak yang Belum Paham"
    inspector = passage_keys(_passage("Euis Komalasari", "Inspektur Kabupaten Kuningan", title))
    unnamed = passage_keys(_passage("", "", title))
    assert _share(asked, inspector) == 0.5 and _share(asked, unnamed) == 1.0


def test_a_provinces_body_before_its_regencies():
    """ "Bawaslu Bali" is the province's Bawaslu; Gianyar's is in Bali, but it is not the one."""
    asked, _ = question_keys("According to the head of Bawaslu Bali, how have violations changed?", frozenset())
    province = passage_keys(_passage("Ni Komang Sri Wahyuni", "Ketua Bawaslu Provinsi Bali"))
    regency = passage_keys(_passage("I Wayan Sukadana Putra", "Ketua Bawaslu Gianyar"))
    assert _share(asked, province) == 1.0 and _share(asked, regency) < 1.0
    asked, _ = question_keys("Apa yang terjadi di Bali soal netralitas?", frozenset())  # a region
    assert _share(asked, regency) == 1.0
