"""Importing raw seed pages: boilerplate never survives, headers are filled, repeats go."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from index.corpus.article import parse_article, read_article, render_article
from index.ingest.clean import clean_lines
from index.ingest.text_import import import_file, import_text

SEEDS = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
CORPUS = sorted((Path(__file__).parent.parent / "corpus").glob("*.txt"))

BOILERPLATE = re.compile(
    r"baca juga|berita terkait|terpopuler|artikel terbaru|isi komentar|dapatkan informasi|"
    r"ikuti terus|penulis:|editor:|redaktur|!\[\]|\|\s*$|^\s*•|\d+(\.\d+)? C$|friday|wib|"
    r"\(art/kpg\)|\(\*\)|prokopim/kominfo|foto\s*:|antara/ho|bengkuluekspress-",
    re.IGNORECASE | re.MULTILINE)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_imported_body_has_no_boilerplate(seed):
    article = import_file(seed)
    assert article.body
    assert not BOILERPLATE.search(article.body), BOILERPLATE.search(article.body).group()


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem[:3])
def test_shipped_corpus_has_no_boilerplate(path):
    assert not BOILERPLATE.search(read_article(path).body)


def test_repeated_body_is_kept_once():
    article = import_file(next(p for p in SEEDS if p.name.startswith("002")))
    paragraphs = article.paragraphs()
    assert len(paragraphs) == len(set(paragraphs))
    assert sum("Kedua menghindari konflik kepentingan" in p for p in paragraphs) == 1


@pytest.mark.parametrize("prefix, title, outlet, date, name, position", [
    ("000", "Pj Bupati Mempawah Berikan", "Tribun Pontianak", "2024-09-12", "Ismail",
     "Penjabat Bupati Mempawah"),
    ("001", "Pj Wali Kota Pontianak Tegaskan", "InfoPublik", "2024-10-14", "Ani Sofian",
     "Penjabat Wali Kota Pontianak"),
    ("002", "Nunu Ingatkan Netralitas", "Prokalteng.co", "", "Nunu Andriani",
     "Penjabat Bupati Pulang Pisau"),
    ("003", "Pimpin Apel Pagi", "Harian Bengkulu Ekspress", "2024-11-04", "Sisardi",
     "Pejabat Sementara Bupati Bengkulu Selatan"),
    ("004", "Penjabat wali kota ingatkan", "ANTARA", "2024-06-10", "Hera Nugrahayu",
     "Penjabat Wali Kota Palangka Raya"),
])
def test_header_is_detected(prefix, title, outlet, date, name, position):
    article = import_file(next(p for p in SEEDS if p.name.startswith(prefix)))
    assert article.title.startswith(title)
    assert (article.outlet, article.date) == (outlet, date)
    assert (article.official.name, article.official.position) == (name, position)


def test_article_file_round_trips():
    article = import_file(SEEDS[0])
    assert parse_article(render_article(article), article.id) == article


def test_clean_keeps_prose_and_stops_at_page_furniture():
    lines = ["Menurut Ismail, ASN menjadi tonggak kestabilan pemerintahan dan pelayanan publik.",
             "BACA JUGA:Prakiraan Cuaca untuk Wilayah BS, Selasa 5 November 2024",
             "Kepala SMAN 1 Sungai Tebelian Pertanyakan Realisasi Program |",
             "“ASN yang melanggar aturan dapat dikenakan sanksi administratif,” tambahnya.(art/kpg)",
             "Berita Terkait Lainnya",
             "Warga antusias mengikuti kegiatan yang digelar pada hari Minggu kemarin."]
    assert clean_lines(lines) == [
        lines[0], "“ASN yang melanggar aturan dapat dikenakan sanksi administratif,” tambahnya."]


def test_a_reporters_code_after_the_last_sentence_does_not_drop_the_statement():
    """Portals end an article with the reporter's code ("... ajak Yusril. rul"); the paragraph
    then lacked a sentence end and its statement was lost."""
    ends = ["ajak Yusril. rul", "ajak Yusril. (ant)", "ajak Yusril. - ags", "ajak Yusril.(art/kpg)",
            "ajak Yusril.***", "ajak Yusril. #", "ajak Yusril. (m05)",
            "ajak Yusril. (KE-03)", "ajak Yusril. (KB.03)", "ajak Yusril. (CAKAPLAH)", "ajak Yusril. (humas bkd)"]
    for end in ends:
        line = f"“Para ASN harus di depan memberi contoh, di tengah memberi ide,” {end}"
        expected = "“Para ASN harus di depan memberi contoh, di tengah memberi ide,” ajak Yusril."
        assert clean_lines([line]) == [expected], end
    assert clean_lines(["Kata dia, ASN harus netral. Kata dia di kantor bupati."]) == [
        "Kata dia, ASN harus netral. Kata dia di kantor bupati."]  # a last sentence is no code
    # a short quotation with who said it is a statement however few its words; a label is not
    assert clean_lines(['"Ewako Makassar, pilkada damai," tutupnya. (*)', '"Baca juga"', "Tags: netralitas"]) == [
        '"Ewako Makassar, pilkada damai," tutupnya.']


def test_an_editors_correction_note_corrects_the_text_and_is_no_statement():
    lines = ["Anggota Bawaslu Kukar, Fajar Nugraha, mengatakan pengawasan diperketat di semua kecamatan.",
             "Anggota Bawaslu Kukar, Rina Sari, mengatakan laporan sudah masuk dari beberapa warga.",
             "Ralat: Artikel ini dikoreksi pada Selasa pukul 15.20 WIB. Sebelumnya tertulis Fajar Nugraha "
             "merupakan Anggota Bawaslu Kukar. Yang benar, Fajar Nugraha adalah Ketua Bawaslu Kukar."]
    assert clean_lines(lines) == [  # only the person corrected
        "Ketua Bawaslu Kukar, Fajar Nugraha, mengatakan pengawasan diperketat di semua kecamatan.", lines[1]]
    # a correction a period may have cut short ("Plt. Inspektur") changes nothing; the note still goes
    note = ("Ralat: Sebelumnya tertulis Yusuf Hamdani menjabat Inspektur Kota Pontianak. Yang benar, Yusuf "
            "Hamdani adalah Plt. Inspektur Kota Pontianak.")
    kept = "Inspektur Kota Pontianak, Yusuf Hamdani, mengatakan pemeriksaan lurah itu sudah dimulai."
    assert clean_lines([kept, note]) == [kept]
    # a name corrected, also where the article gives it short
    named = ["Ketua Panwascam Tambang, Rahmat Hidayat, menjelaskan temuan bermula dari rekaman warga.",
             "“Kami tidak mau gegabah dalam perkara ini,” kata Rahmat kepada wartawan.",
             "Ralat: Sebelumnya tertulis Ketua Panwascam Tambang bernama Rahmat Hidayat. Yang benar adalah "
             "Rahmad Hidayat."]
    assert clean_lines(named) == [line.replace("Rahmat", "Rahmad") for line in named[:2]]


def test_text_without_any_prose_gives_an_empty_body():
    article = import_text("Judul Berita Yang Cukup Panjang\nBaca juga: sesuatu\n![]()\n")
    assert article.body == ""


def test_a_sentence_announcing_a_quotation_is_kept_and_a_label_is_not():
    announcing = ("Kapolres Gowa melalui Kasi Humas, Iptu Wahyuddin Lallo, mengatakan penyidik sudah "
                  "ikut membahas laporan itu. Ia lalu merinci:")
    assert clean_lines([announcing, 'Simak Video "Bawaslu Ingatkan ASN Tak Ikut Kampanye di Medsos":',
                        "Berikut daftar lengkapnya:"]) == [announcing]


def test_clean_lines_drops_debris_and_keeps_statements():
    debris = [
        "Baca juga: Bawaslu Ingatkan Kades", "BACA JUGA: Seleksi PPPK", "Baca Juga : Debat",
        "baca juga - Kampanye Damai", "Lihat Juga: Video Apel", "Simak juga video berikut",
        "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Iklan",
        "Ikuti saluran TribunPontianak.co.id di WhatsApp: https://whatsapp.com/channel/x",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com.",
        "Simak berita dan artikel lainnya di Google News",
        "Artikel ini telah tayang di Kompas.com dengan judul \u201cASN Netral\u201d",
        "Penulis: Ramadhan | Editor: Rivaldi Ade Musliadi", "Pewarta: Andi",
        "Copyright \u00a9 2024 Warta Kapuas", "Bagikan:", "Tulis komentar",
        "[Gambas:Video 20detik]",
    ]
    statements = [
        "\"Gabung di grup WhatsApp tim pemenangan juga dilarang,\" kata Budi.",
        "Gabung di grup WhatsApp tim pemenangan juga dilarang bagi ASN, ujar Budi.",
        "Komentar warganet di media sosial terhadap unggahan calon kerap memancing ASN "
        "untuk ikut berpendapat, kata Budi.",
        "Baca pesan Bupati ini dengan saksama, kata Sekda.",
    ]
    assert clean_lines(debris + statements) == statements


def test_an_embedded_post_keeps_its_words_without_its_hashtags_and_picture_link():
    post = ("Ketua Bawaslu Lotim Lalu Ahmad Zaini: ASN yang hadir di kampanye jangan menunggu dipanggil, "
            "datang dan jelaskan sendiri.")
    assert clean_lines([post + " #AwasiPilkada #PilkadaDamai pic.twitter.com/Xy7pQ2lmNb"]) == [post]


def test_a_list_joins_the_paragraph_that_introduces_it_and_headline_lists_stay_out():
    lines = ["Untuk itu, ia meminta pemerintah daerah menempuh tiga langkah berikut:",
             "- memastikan pejabat menandatangani pakta integritas;",
             "- mengaktifkan kanal pengaduan di setiap kecamatan;",
             "- menindaklanjuti rekomendasi BKN tanpa menunda",
             "1. ASN dilarang hadir di kampanye pasangan calon mana pun;",
             "2. ASN dilarang mengunggah dukungan di media sosial.",
             "- Bupati Ingatkan ASN Jaga Netralitas Jelang Pencoblosan Serentak Tahun Ini",
             "- Kapolres: Jaga Kondusivitas Selama Masa Tenang Pilkada Serentak Tahun Ini",
             "Topik:", "- Pilkada Serentak 2024 Jawa Tengah Netralitas ASN"]
    assert clean_lines(lines) == [
        "Untuk itu, ia meminta pemerintah daerah menempuh tiga langkah berikut: memastikan "
        "pejabat menandatangani pakta integritas; mengaktifkan kanal pengaduan di setiap "
        "kecamatan; menindaklanjuti rekomendasi BKN tanpa menunda.",
        "ASN dilarang hadir di kampanye pasangan calon mana pun; ASN dilarang mengunggah "
        "dukungan di media sosial."]
    # items that each quote their own speaker are statements of their own
    quoted = ["Berikut pernyataan para kepala daerah dalam rakor tersebut:",
              "1. Pj Bupati Sambas, Hendri Kusnadi: “Kepala desa yang ikut berkampanye kami beri sanksi.”",
              "2. Pj Bupati Sanggau, Markus Jelani: “Pengawasan di perbatasan kami perketat bersama camat.”"]
    assert clean_lines(quoted) == [line[3:] for line in quoted[1:]]  # the label alone is no sentence


def test_clean_lines_normalises_and_deduplicates():
    lines = ["  Judul Berita Yang Diulang Lagi Di Badan  ",
             "Paragraf\u00a0satu  dengan   spasi yang berlebihan sekali.", "",
             "Paragraf satu dengan spasi yang berlebihan sekali.",
             "Judul Berita Yang Diulang Lagi Di Badan."]
    assert clean_lines(lines, title="Judul Berita Yang Diulang Lagi Di Badan") == [
        "Paragraf satu dengan spasi yang berlebihan sekali."]
