"""Who said what: speaker detection and how articles become quotable passages."""

from __future__ import annotations

from index.corpus.article import Article, Official
from index.corpus.officials import detect_main_official, detect_officials, detect_speakers, speaker_names
from index.corpus.passages import MAX_WORDS, article_passages, statements, unique_passages
from index.corpus.places import canonical_position
from index.corpus.turns import split_at_new_speakers
from index.ingest.clean import clean_lines
from index.ingest.extract import extract_article
from index.ingest.sources import article_from_extracted
from index.retrieval.analyzer import Analyzer

HERA = Official("Hera Nugrahayu", "Penjabat Wali Kota Palangka Raya")
BUDI = Official("Budi Santoso", "Kepala BKPSDM Kapuas Hulu")


def test_speaker_names_come_from_attribution_patterns():
    text = ('"ASN wajib netral," kata Hera. Ani Sofian menekankan pentingnya pelayanan. '
            'Menurut Ismail, ASN adalah tonggak. "Jangan memihak," tegas dia.')
    assert set(speaker_names(text)) == {"Hera", "Sofian", "Ismail"}  # the word next to the verb


def test_main_official_joins_short_name_to_position_phrase():
    paragraphs = ["Bupati Kapuas Hulu, Fransiskus Diaan, menegaskan ASN wajib menjaga netralitas.",
                  '"Tidak boleh ada ASN yang ikut kampanye," tegas Fransiskus.',
                  "Fransiskus juga mengingatkan sanksi disiplin bagi pelanggar aturan netralitas."]
    official = detect_main_official("Bupati Ingatkan ASN", paragraphs)
    assert official == Official("Fransiskus Diaan", "Bupati Kapuas Hulu")


def test_other_officials_are_found_and_quotes_attributed_to_them():
    paragraphs = ["Penjabat Wali Kota Palangka Raya, Kalimantan Tengah Hera Nugrahayu mengingatkan ASN.",
                  "Sementara itu Kepala BKPSDM Kapuas Hulu Budi Santoso mengatakan hal senada.",
                  '"Sanksi sudah menanti," kata Budi.', '"ASN harus netral," kata Hera.']
    officials = detect_officials("Judul", paragraphs)
    names = [o.name for o in officials]
    assert names[0] == "Hera Nugrahayu" and "Budi Santoso" in names
    speakers = detect_speakers("Judul", paragraphs + ["Tanpa atribusi apa pun di sini."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Hera Nugrahayu", "Budi Santoso", "Budi Santoso", "Hera Nugrahayu", "Hera Nugrahayu"]


def test_a_province_before_a_verb_of_saying_is_not_a_name():
    """Neither "Jawa" nor "Timur" is a place alone, and "Jawa" could be a name: together
    they are the province an institution speaks for."""
    paragraphs = ["SURABAYA - Bawaslu Jawa Timur mengingatkan ASN agar tidak mendukung calon.",
                  "Ketua Bawaslu Jawa Timur A Warits mengatakan pengawasan diperketat.",
                  "Pemprov Kalimantan Barat Harisson menegaskan ASN harus netral.",
                  "WATES – BKPSDM Kabupaten Kulon Progo meminta ASN tidak mengunggah dukungan."]
    speakers = detect_speakers("Bawaslu Jatim Ingatkan ASN", paragraphs)
    assert {"Jawa Timur", "Progo"}.isdisjoint({o.name for o in speakers.officials + speakers.by_paragraph})
    assert [o.name for o in speakers.by_paragraph] == ["A Warits", "A Warits", "Harisson", "A Warits"]


def test_a_village_or_district_after_its_office_is_its_place_not_a_name():
    """No gazetteer lists villages and districts; after a camat's, lurah's or kades's
    office the next word is the place, unless it is a known name."""
    cases = {
        "Kepala Desa Sukamaju mengatakan warganya siap.": Official("", "Kepala Desa Sukamaju"),
        "Camat Cibinong mengimbau ASN di wilayahnya netral.": Official("", "Camat Cibinong"),
        "Ketua Panwascam Cileunyi mengatakan pengawasan diperketat.": Official("", "Ketua Panwascam Cileunyi"),
        "Kades Sukamaju Asep Saepudin mengatakan ASN netral.": Official("Asep Saepudin", "Kades Sukamaju"),
        "Kepala Desa Sukamaju, Ujang Suryana, mengatakan ASN netral.":
            Official("Ujang Suryana", "Kepala Desa Sukamaju"),
        "Camat Budi Santoso mengatakan ASN netral.": Official("Budi Santoso", "Camat"),
        # a village's own word (Kei's "ohoi"), and its district set off after it, all place
        "Salah satu kepala ohoi, Elias Rahayaan, Kepala Ohoi Debut, Kecamatan Kei Kecil, mengaku netral.":
            Official("Elias Rahayaan", "Kepala Ohoi Debut, Kecamatan Kei Kecil"),
    }
    for paragraph, official in cases.items():
        assert detect_speakers("Judul", [paragraph]).by_paragraph[0] == official, paragraph


def test_an_honorific_before_a_name_is_dropped_and_the_name_kept():
    cases = {
        '"Jangan ikut kampanye," kata H. Ahmad Yani.': "Ahmad Yani",
        '"Jangan ikut kampanye," kata Ny. Ratna Dewi.': "Ratna Dewi",  # "ratna" is also a word
        "Ketua TP PKK Kabupaten Bogor Ny. Ratna Dewi mengatakan istri ASN juga netral.": "Ratna Dewi",
    }
    for paragraph, name in cases.items():
        assert detect_speakers("Judul", [paragraph]).by_paragraph[0].name == name, paragraph


def test_a_headline_that_quotes_names_the_speaker_the_body_calls_dia():
    paragraphs = ["GARUT - ASN di lingkungan Pemkab Garut diminta tidak mendukung calon di media sosial.",
                  '"Jangan like, jangan share konten paslon," kata dia saat apel pagi.']
    speakers = detect_speakers("Pj Bupati Garut Barnas Adjidin: ASN Jangan Main Medsos", paragraphs)
    assert speakers.by_paragraph == [Official("Barnas Adjidin", "Penjabat Bupati Garut")] * 2
    office = detect_speakers("Mendagri: ASN Harus Netral", paragraphs).main
    assert office == Official("", "Menteri Dalam Negeri")
    # the body's own speaker wins over the headline's
    named = detect_speakers("Sekda: ASN Wajib Netral", ['"Netral itu wajib," kata Sekda Garut Nurdin Yana.'])
    assert named.main == Official("Nurdin Yana", "Sekretaris Daerah Garut")


def test_meanwhile_is_not_an_acting_office():
    """"Sementara" after "Pejabat" is the Pjs; opening a sentence it is "meanwhile"."""
    speakers = detect_speakers("Judul", [
        "Sementara Ketua Bawaslu Kabupaten Bogor, Ridwan Arifin, menyatakan pihaknya memantau.",
        "Pejabat Sementara Bupati Bengkulu Selatan Sisardi mengatakan ASN netral."])
    assert [o.position for o in speakers.by_paragraph] == [
        "Ketua Bawaslu Kabupaten Bogor", "Pejabat Sementara Bupati Bengkulu Selatan"]


def test_the_official_accompanied_is_not_the_one_who_speaks():
    for paragraph in ("Pj Wali Kota Tangerang Nurdin, didampingi Sekda Herman Suwarman, meminta ASN netral.",
                      "Didampingi Sekda Tangerang Herman Suwarman, Pj Wali Kota Tangerang Nurdin "
                      "mengatakan ASN harus netral."):
        speakers = detect_speakers("Judul", [paragraph])
        assert speakers.by_paragraph[0] == Official("Nurdin", "Penjabat Wali Kota Tangerang"), paragraph
        assert "Herman Suwarman" in {o.name for o in speakers.officials}


def test_a_passive_verb_of_saying_names_the_next_speaker():
    paragraphs = ["“Semua ASN harus netral,” ujar Sekda Kota Semarang Iswar Aminuddin.",
                  "Hal senada disampaikan Kepala BKPP Kota Semarang, Budi Prakosa.",
                  "“Kami sudah menyebarkan surat edaran,” katanya.",
                  "Imbauan itu juga ditegaskan oleh Iswar saat apel."]
    speakers = detect_speakers("Judul", paragraphs)
    assert [o.name for o in speakers.by_paragraph] == [
        "Iswar Aminuddin", "Budi Prakosa", "Budi Prakosa", "Iswar Aminuddin"]
    assert speakers.by_paragraph[1].position == "Kepala BKPP Kota Semarang"

def test_an_office_in_lower_case_words_ends_at_the_comma_before_the_name():
    cases = [("Direktur lembaga survei Indikator, Fajar Prasetyo, mengatakan hasilnya tipis.",
              Official("Fajar Prasetyo", "Direktur lembaga survei Indikator")),
             ("Bupati Bandung Barat terpilih, Jeje Ritchie Ismail, mengatakan ASN harus netral.",
              Official("Jeje Ritchie Ismail", "Bupati Bandung Barat terpilih")),
             # "setempat" (local) is the article's place
             ("Kepala Dinas Pendidikan setempat, Budi Santoso, mengatakan guru di Sleman netral.",
              Official("Budi Santoso", "Kepala Dinas Pendidikan Kabupaten Sleman"))]
    for paragraph, expected in cases:
        assert detect_main_official("Judul", [paragraph]) == expected, paragraph
    # words in lower case that are no office: the office speaks, the name is not its
    official = detect_main_official("Judul", ["Bupati Sleman meminta ASN di wilayahnya, terutama camat, untuk netral."])
    assert official == Official("", "Bupati Sleman")

def test_two_offices_joined_by_and_and_names_that_hold_an_office_from_before():
    rahmat = Official("Rahmat Hidayat", "Ketua KPU Kabupaten Garut")
    sri = Official("Sri Wahyuni", "Kepala BKD Kota Cimahi")
    paragraphs = ["Ketua KPU Kabupaten Garut Rahmat Hidayat dan Kepala BKD Kota Cimahi Sri Wahyuni hadir.",
                  "Rahmat menyebut tahapan aman.", "Sementara Sri meminta ASN netral."]
    assert detect_speakers("Judul", paragraphs).by_paragraph == [rahmat, rahmat, sri]
    for paragraph, expected in (
            ("Rahmat Hidayat yang juga Ketua KPU Kabupaten Garut mengatakan tahapan lancar.", rahmat),
            ("Hal itu diungkapkan Sri Wahyuni, Kepala BKD Kota Cimahi, saat apel pagi.", sri),
            ("Sri Wahyuni selaku Kepala BKD Kota Cimahi meminta ASN netral.", sri)):
        assert detect_main_official("Judul", [paragraph]) == expected, paragraph

def test_each_speaker_keeps_their_statements_across_clauses_and_paragraphs():
    """A clause between the office and its verb ("dalam sambutannya", "saat dikonfirmasi,"),
    a description that refers to the person spoken of ("perempuan yang juga ... itu"), a
    passive verb of saying, and a quote over paragraphs, attributed where it closes."""
    budi = Official("Budi Santoso", "Bupati Sleman")
    kurniawan = Official("Kurniawan", "Ketua Bawaslu Kabupaten Sleman")
    dina = Official("Dina Marlina", "Kepala Dinas Kominfo Kabupaten Sleman")
    paragraphs = ["Bupati Sleman Budi Santoso meminta ASN netral.",
                  "Ketua Bawaslu Kabupaten Sleman Kurniawan dalam sambutannya mengatakan pengawasan diperketat.",
                  "Kepala Dinas Kominfo Kabupaten Sleman, Dina Marlina, saat dikonfirmasi, membenarkan laporan itu.",
                  "“Laporan kami teruskan,” ujar perempuan yang juga Sekretaris Korpri Sleman itu.",
                  "“Kami tidak main-main. Semua ASN sudah diberi pengarahan.",
                  "Yang melanggar akan diproses,” kata Kurniawan.",
                  "Demikian disampaikan Bupati Sleman Budi Santoso dalam rapat koordinasi."]
    assert detect_speakers("Judul", paragraphs).by_paragraph == [
        budi, kurniawan, dina, dina, kurniawan, kurniawan, budi]

def test_an_office_quoted_without_a_name_is_its_own_speaker():
    """Not the article's named official: "Kepala BKPSDM Sleman mengatakan" and the pronoun
    after it are the office's; the office of someone already named is that person."""
    paragraphs = ["Bupati Sleman Kustini Sri Purnomo mengatakan ASN harus netral.",
                  "Sementara itu, Kepala BKPSDM Sleman mengatakan laporan akan diproses.",
                  "“Kami tindak lanjuti,” ujarnya.",
                  "Kustini menambahkan, sanksi menanti.",
                  "Bupati Sleman juga meminta camat mengawasi perangkat desa."]
    kustini, office = Official("Kustini Sri Purnomo", "Bupati Sleman"), Official("", "Kepala BKPSDM Sleman")
    speakers = detect_speakers("Judul", paragraphs)
    assert speakers.by_paragraph == [kustini, office, office, kustini, kustini]
    assert speakers.main == kustini
    # the deputy is not the office's holder; an acting holder is
    paragraphs = ["Wakil Bupati Sleman Danang Maharsa mengatakan ASN netral.",
                  "Penjabat Bupati Sleman Budi Santoso meminta camat netral.",
                  "Bupati Sleman juga meminta lurah netral."]
    assert [o.name for o in detect_speakers("Judul", paragraphs).by_paragraph] == [
        "Danang Maharsa", "Budi Santoso", "Budi Santoso"]

def test_a_name_set_off_by_commas_after_the_office_is_read_whole():
    """"Office, Name, verb" with a first name that is also an ordinary word, a rank before
    the name, initials after it, or the office in lower case after "kata"; abbreviated
    offices; a rank or a village between office and name; and "Name, Office, verb"."""
    cases = [("Komisioner KPU Kota Medan, Bambang Hariyanto, menyebutkan tema debat.",
              Official("Bambang Hariyanto", "Komisioner KPU Kota Medan")),
             ('Sekretaris Daerah Pelalawan, Tengku Mukhlis, mengatakan pegawai siaga. "Siap '
              'digerakkan," kata Mukhlis.', Official("Tengku Mukhlis", "Sekretaris Daerah Pelalawan")),
             ("Kapolres Kediri, AKBP Bimo Ariyanto, mengatakan pengamanan siap.",
              Official("Bimo Ariyanto", "Kapolres Kediri")),
             ("Penjabat (Pj) Gubernur Aceh, Safrizal ZA, menyebutkan inflasi terkendali.",
              Official("Safrizal ZA", "Penjabat Gubernur Aceh")),
             ('"Honor naik," kata anggota KPU RI, Idham Holik.',
              Official("Idham Holik", "Anggota KPU RI")),
             ("Kabid Humas Polda Jabar Kombes Pol Jules Abraham Abast mengatakan polisi netral.",
              Official("Jules Abraham Abast", "Kabid Humas Polda Jawa Barat")),
             ("MenPANRB Abdullah Azwar Anas mengatakan ASN harus netral.",
              Official("Abdullah Azwar Anas", "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi")),
             ("Kapolda Metro Jaya Irjen Karyoto mengatakan polisi netral.",
              Official("Karyoto", "Kapolda Metro Jaya")),
             ("Kepala Desa Sukamaju, Ujang Suryana, mengatakan warganya siap memilih.",
              Official("Ujang Suryana", "Kepala Desa Sukamaju")),
             ("Ketua Umum Korpri Zudan Arif Fakrulloh mengingatkan ASN.",
              Official("Zudan Arif Fakrulloh", "Ketua Umum Korpri")),
             # ordinary words as a name: after the office's body, before the verb of saying
             ("Direktur Jenderal Otonomi Daerah Kemendagri Akmal Malik mengatakan ASN netral.",
              Official("Akmal Malik", "Direktur Jenderal Otonomi Daerah Kemendagri"))]
    for paragraph, expected in cases:
        assert detect_main_official("Judul", [paragraph]) == expected, paragraph
    # the name first, the office set off by commas after it; a first word that is also an
    # ordinary word ("Lalu", a Sasak title) starts the name there too
    paragraphs = ["Lalu Gita Ariadi, Sekda NTB, mengatakan ASN harus netral.",
                  '"Jangan ikut kampanye," kata Gita.']
    assert detect_main_official("Judul", paragraphs) == \
        Official("Lalu Gita Ariadi", "Sekretaris Daerah Nusa Tenggara Barat")
    # an office alone that speaks has no name, and is the speaker
    for paragraph, office in (("Menteri Dalam Negeri mengatakan ASN netral.", "Menteri Dalam Negeri"),
                              ("Ketua Bawaslu Kota Bontang mengatakan ASN netral.", "Ketua Bawaslu Kota Bontang")):
        assert detect_main_official("Judul", [paragraph]) == Official("", office), paragraph
    # an ordinary word alone between commas is still no name
    listed = detect_officials("Judul", ["Kepala Dinas Pendidikan, Pemuda, dan Olahraga mengatakan hal itu."])
    assert all(o.name != "Pemuda" for o in listed)


def test_short_given_names_nicknames_and_a_later_office_join_the_person():
    # "Moh." and "R." do not end the name
    assert detect_main_official("Judul", [
        "Koordinator Divisi Pencegahan Bawaslu Lamongan, Moh. Faishol Anwar, S.H.I., memaparkan data."
    ]).name == "Moh Faishol Anwar"
    assert detect_main_official("Judul", ["R. Bayu Nugroho Adi mengatakan personel siaga."]).name == \
        "R Bayu Nugroho Adi"
    # a nickname, introduced either way, speaks for the person
    for introduced, later in (("Rahmawati Sulistyorini, pengamat politik, menilai rawan.",
                               "Menurut Rahma, sapaan akrabnya, birokrasi masih loyal."),
                              ("Ketua Bawaslu Mataram, Yusril Abdillah, yang akrab disapa Ucil, "
                               "mengatakan pengawasan ketat.", '"ASN harus netral," kata Ucil.')):
        speakers = detect_speakers("Judul", [introduced, "Kepala BKD Jatim Bambang Wibowo mengatakan aduan "
                                             "diproses.", later])
        assert speakers.by_paragraph[2] == speakers.by_paragraph[0], later
    # the office given paragraphs after the name
    speakers = detect_speakers("Judul", ["TIMIKA - Yosias Kambuaya menegaskan tidak ada toleransi.",
                                         "Yosias yang menjabat Penjabat (Pj) Bupati Mimika mengaku menerima laporan."])
    assert speakers.by_paragraph == [Official("Yosias Kambuaya", "Penjabat Bupati Mimika")] * 2
    # an office with commas inside, after the name it belongs to
    assert detect_main_official("Judul", [
        "Tjhang Kim Fui, Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Humas Bawaslu Kota "
        "Singkawang, mengatakan modus kampanye terselubung marak."]).position == \
        "Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Humas Bawaslu Kota Singkawang"


def test_descriptions_pronouns_documents_and_stand_ins_are_read_as_such():
    # a description ending in "itu" that opens the sentence, or "yang bersangkutan", is the
    # person just quoted; such a paragraph is no introduction to the next speaker's quote
    article = Article("uji-epitet", "Bawaslu RI Catat Pelanggaran Netralitas", "\n\n".join([
        "Komisioner Bawaslu RI, Puji Rahayu, mengatakan pelanggaran naik.",
        "Pengamat hukum dari Universitas Indonesia, Ridwan Siregar, menilai angka itu tinggi.",
        "Dosen yang juga putra Tapanuli itu menyarankan pelaporan dibuat lebih aman.",
        '"Netralitas bukan hanya urusan Bawaslu," demikian Puji.',
        "Kepala Desa Karangrejo, Sutrisno, membantah tuduhan tersebut.",
        "Yang bersangkutan juga menyatakan siap memenuhi panggilan Bawaslu."]),
        outlet="Warta Uji")
    speakers = [(p.text[:12], p.official.name) for p in article_passages(article)]
    assert speakers == [("Komisioner B", "Puji Rahayu"), ("Pengamat huk", "Ridwan Siregar"),
                        ("Dosen yang j", "Ridwan Siregar"), ('"Netralitas ', "Puji Rahayu"),
                        ("Kepala Desa ", "Sutrisno"), ("Yang bersang", "Sutrisno")]
    # an office named in a document or stood in for does not speak
    for paragraph in ("Berdasarkan surat Menteri Keuangan, ketua KPPS menerima honor baru.",
                      "Sekretaris Kesbangpol Lampung, Andi Wijaya, yang hadir mewakili Penjabat "
                      "Gubernur Lampung menyampaikan dukungan."):
        assert all("Menteri" not in o.position and "Gubernur" not in o.position
                   for o in detect_officials("Judul", [paragraph])), paragraph
    # a local office names its own place: the article's regency is not added to it
    assert detect_main_official("Judul", [
        "Bawaslu Kabupaten Grobogan memproses laporan itu.",
        "Kepala Desa Karangrejo, Sutrisno, membantah tuduhan tersebut."]).position == "Kepala Desa Karangrejo"


def test_speakers_in_a_chain_namesakes_and_names_around_titles_and_degrees():
    paragraphs = [
        "Bupati Tapanuli Selatan, Parlindungan Siregar, mengingatkan kepala desa netral.",
        "Di tempat yang sama, Kepala Dinas PMD Tapsel, Hotman Parulian Siregar, mengatakan posko dibuka.",
        "“Laporan masyarakat akan kami verifikasi dulu,” kata Siregar.",  # the namesake named last
        "Hal itu dibenarkan oleh Ketua Bawaslu Tapsel, Ahmad Fauzan Nasution. Menurutnya, dua aduan diklarifikasi.",
        # a title between the body and the name, degrees without dots after it
        "“Ini pelanggaran,” kata Ketua DPRD Kampar H Zulfikri Rahman SE yang memimpin rapat tersebut.",
        "Menanggapi hal itu, Kepala BKPSDM Kampar Hj Rosmaini Fitriani SSos MSi mengakui prosesnya lambat.",
        # two offices at once after a passive verb of saying
        "Penegasan itu disampaikan Sekda Lamteng sekaligus Ketua Tim Netralitas ASN, Nursalim Akbar, usai apel.",
        # a lower-case post after the name runs to the paragraph's end
        "“Sanksi tanpa edukasi melahirkan ketakutan,” ujar Rifqi Maulana Hakim, pengamat kebijakan publik "
        "dari Universitas Sultan Ageng Tirtayasa (Untirta)."]
    by_paragraph = detect_speakers("Judul", paragraphs).by_paragraph
    assert [o.name for o in by_paragraph] == [
        "Parlindungan Siregar", "Hotman Parulian Siregar", "Hotman Parulian Siregar", "Ahmad Fauzan Nasution",
        "Zulfikri Rahman", "Rosmaini Fitriani", "Nursalim Akbar", "Rifqi Maulana Hakim"]
    assert by_paragraph[4].position == "Ketua DPRD Kampar"
    assert by_paragraph[7].position == "Pengamat kebijakan publik dari Universitas Sultan Ageng Tirtayasa"
    # a place written as one word ("Gunungkidul") is a place, no name
    gunungkidul = detect_speakers("Judul", ["GUNUNGKIDUL - Pemkab Gunungkidul meminta lurah netral.",
                                            "Kepala DPMKal, Sigit Purwanto, mengatakan lurah milik semua warga."])
    assert gunungkidul.officials == [Official("Sigit Purwanto", "Kepala DPMKal Kabupaten Gunung Kidul")]


def test_familiar_forms_before_a_name_and_an_office_named_with_where_its_holder_comes_from():
    paragraphs = [
        "Ketua Bawaslu Kabupaten Jember, Cak Nurul Huda, mengatakan honorer juga wajib netral.",
        "“Netralitasnya tetap melekat,” ujar pria yang akrab disapa Cak Nur itu.",
        "Kepala DLH Kabupaten Jember, Pak Sugeng Wibowo, mengaku kecolongan.",
        "Cak Nur mengingatkan, masa kampanye tinggal sepekan. “Pengawasan kami terbatas,” pungkasnya.",
        "Pak Sugeng menutup pertemuan dengan mengajak petugas belajar aturan. “Itu PR kami,” pungkasnya.",
        "Imbauan serupa disampaikan anggota DPD RI asal Sumatera Barat, Hj. Nofrianti Syahrul, dalam unggahannya."]
    by_paragraph = detect_speakers("Judul", paragraphs).by_paragraph
    assert [o.name for o in by_paragraph] == ["Nurul Huda", "Nurul Huda", "Sugeng Wibowo", "Nurul Huda",
                                              "Sugeng Wibowo", "Nofrianti Syahrul"]
    assert by_paragraph[5].position == "Anggota DPD RI asal Sumatera Barat"


def test_hurried_paragraphs_and_sumatran_names():
    paragraphs = [
        # a short name ends a sentence; the next brings in another speaker in the same paragraph
        "Kepala BKPSDM Lampung Tengah, Rika Oktaviani, mengungkapkan ada tujuh laporan. “Tiga sudah kami "
        "rekomendasikan,” kata Rika. Adapun Ketua Bawaslu Lampung Tengah, Yusuf Maulana Sidik, menegaskan "
        "lembaganya meneruskan setiap temuan. “Kami tidak pandang bulu,” tuturnya.",
        # a quotation left open is the previous speaker's
        "“Kami sudah petakan kelurahan rawan. Pengawas kelurahan kami minta lapor setiap hari",
        # Batak "br.", Acehnese "Cut" and "T." for Teuku
        "Ketua Bawaslu Kabupaten Toba, Lamria br. Simanjuntak, menyebut ada dua laporan.",
        "Sementara itu, Ketua Tuha Peut Gampong Lamreh Cut Rahmawati menyebut lembaganya mengawasi.",
        "Kepala DPMG Aceh Besar, Teuku Razali Husin, mengatakan keuchik wajib netral.",
        "T. Razali menjelaskan keuchik yang melanggar dapat dijatuhi sanksi."]
    speakers = detect_speakers("Judul", split_at_new_speakers(paragraphs))
    assert [o.name for o in speakers.by_paragraph] == [
        "Rika Oktaviani", "Yusuf Maulana Sidik", "Yusuf Maulana Sidik", "Lamria br Simanjuntak", "Cut Rahmawati",
        "Teuku Razali Husin", "Teuku Razali Husin"]
    # initials after an office, of someone named before
    initials = detect_speakers("Judul", [
        "Ridwan menyebut, Pj Bupati Ogan Ilir H. Hendri Syahputra, S.H., M.H. telah menerbitkan surat edaran.",
        "Pj Bupati HS sebelumnya juga menegaskan akan menonaktifkan ASN. “Kalau terbukti, saya nonaktifkan "
        "dulu,” kata HS."])
    assert initials.by_paragraph[1].name == "Hendri Syahputra"
    # Makassar and Minahasa names and village heads
    south = detect_speakers("Judul", [
        "Ketua Bawaslu Pangkep Andi Muh. Ikhsan Karaeng Tola mengatakan temuan itu dari pengawas kecamatan.",
        "Sementara itu, Kepala Desa Bontoa Lempangan, Muhammad Ramli Daeng Sila, membantah hadir sebagai pendukung.",
        "“Saya tuan rumah, masa saya tidak lihat warga saya,” ujar Daeng Sila, sapaan akrabnya.",
        "Hukum Tua Desa Tatelu Satu, Meiske Rondonuwu, mengatakan desanya netral.",
        "Sekda Tala, Muhammad Ridhani Aslam, menambahkan absensi dicek."])
    assert [(o.name, o.position) for o in south.by_paragraph] == [
        ("Andi Muh Ikhsan Karaeng Tola", "Ketua Bawaslu Pangkajene Kepulauan"),
        ("Muhammad Ramli Daeng Sila", "Kepala Desa Bontoa Lempangan"),
        ("Muhammad Ramli Daeng Sila", "Kepala Desa Bontoa Lempangan"),
        ("Meiske Rondonuwu", "Hukum Tua Desa Tatelu Satu"),
        ("Muhammad Ridhani Aslam", "Sekretaris Daerah Tanah Laut")]
    # an office given its place before it, a list item's speaker before a colon
    event = detect_speakers("Judul", [
        "Pj Gubernur NTB Muhammad Zulkifli Amrullah mengatakan ASN harus netral.",
        "Sementara dari Lombok Tengah, Pj Bupati menegaskan pihaknya sudah membentuk satgas.",
        "Pj Bupati Sanggau, Markus Dominikus Jelani: “Wilayah kami berbatasan dengan Malaysia.”"])
    assert [(o.name, o.position) for o in event.by_paragraph[1:]] == [
        ("", "Penjabat Bupati Lombok Tengah"), ("Markus Dominikus Jelani", "Penjabat Bupati Sanggau")]
    # Bali's customary heads, two people joined by "serta", a video transcript's time-coded labels
    bali = detect_speakers("Judul", [
        "Bendesa Madya MDA Kabupaten Karangasem, I Gusti Ngurah Made Sumatra, mendukung imbauan Bawaslu.",
        "“Dia mewakili seluruh krama,” kata Gusti Ngurah Sumatra.",
        "Kepala BKPSDM Sikka, Maria Goreti Da Cunha, S.H., serta Ketua Bawaslu Kabupaten Sikka, Yohanes "
        "Berchmans Moa, S.Fil., turut hadir.",
        "[01:14] Maria Goreti Da Cunha, Kepala BKPSDM Sikka:",
        "Sanksinya berjenjang, mulai dari hukuman disiplin sedang sampai berat."])
    assert [bali.by_paragraph[k].name for k in (0, 1, 2, 4)] == [  # the label says nothing itself
        "I Gusti Ngurah Made Sumatra", "I Gusti Ngurah Made Sumatra", "Maria Goreti Da Cunha",
        "Maria Goreti Da Cunha"]
    assert ("Yohanes Berchmans Moa", "Ketua Bawaslu Kabupaten Sikka") in {(o.name, o.position) for o in bali.officials}
    # a nickname after an honorific; a headline's office with its place written short before a colon
    ros = detect_speakers("Ketua PGRI Kukar: Guru Bukan Alat Mobilisasi Suara", [
        "Kepala BKPSDM Kota Palu, Rosmawati Lamakarate, mengatakan ASN wajib netral.",
        "Kepala Disdikbud Kukar, Mardiana Safitri, mengatakan guru diawasi. Ia meminta guru netral.",
        "Menurut Bu Ros, sapaan akrabnya, BKPSDM sudah menyurati seluruh organisasi perangkat daerah.",
        "Ketua PGRI Kukar, Syahrani Mahyudin, mengatakan guru bukan alat mobilisasi suara."])
    assert ros.by_paragraph[2].name == "Rosmawati Lamakarate" and ros.main.name == "Syahrani Mahyudin"
    # a provincial Sekda written short, and a military unit's name that is its own place
    province = detect_speakers("Judul", [
        "Sekdaprov Jateng Hendro Wibisono mengatakan satgas sudah dibentuk di Semarang.",
        "Menurut Sekdaprov Jateng itu, satgas memantau akun media sosial pegawai.",
        "Pangdam IX/Udayana Mayjen TNI Wirawan Adi Nugroho mengingatkan prajurit di Belu."])
    assert [(o.name, o.position) for o in province.by_paragraph] == [
        ("Hendro Wibisono", "Sekretaris Daerah Provinsi Jawa Tengah"),
        ("Hendro Wibisono", "Sekretaris Daerah Provinsi Jawa Tengah"),
        ("Wirawan Adi Nugroho", "Pangdam IX/Udayana")]  # no regency added to the unit
    # "Kabupaten Toba" is a place (Toba Samosir until 2020), not a name
    assert detect_officials("Judul", ["Ketua PGRI Kabupaten Toba, Rosdiana Napitupulu, menyebut guru netral."]) \
        == [Official("Rosdiana Napitupulu", "Ketua PGRI Kabupaten Toba")]


def test_a_pronoun_is_the_person_who_opens_an_earlier_sentence_of_its_paragraph():
    paragraphs = ["Bupati Garut Barnas Adjidin membuka rapat itu.",
                  "Pemprov terus mendorong daerah menindaklanjuti rekomendasi. Asisten Pemerintahan "
                  "Setdaprov Sumut, Rahmat Hidayat Lubis, dalam rapat koordinasi di Kantor Gubernur, Senin "
                  "(28/10), "
                  "meminta para sekda tidak menyimpan laporan. “Itu sama saja membiarkan,” ujarnya."]
    assert detect_speakers("Judul", paragraphs).by_paragraph[1].name == "Rahmat Hidayat Lubis"


def test_a_body_on_its_own_site_is_the_outlet_s_body_not_the_story_s_place():
    paragraphs = ["Pontianak - Anggota Bawaslu Iqbal Siregar mengingatkan ASN di Kalimantan Barat.",
                  "Penjabat Gubernur Kalimantan Barat Bambang Hermanto mendukung pengawasan itu."]
    assert detect_main_official("Judul", paragraphs).position == "Anggota Bawaslu Provinsi Kalimantan Barat"
    assert detect_main_official("Judul", paragraphs, "Bawaslu RI").position == "Anggota Bawaslu"
    assert detect_main_official("Judul", paragraphs, "Bawaslu Kota Singkawang").position \
        == "Anggota Bawaslu Kota Singkawang"
    # another body's site is no such source: the regional office keeps the story's place
    assert detect_main_official("Judul", paragraphs, "KPU RI").position \
        == "Anggota Bawaslu Provinsi Kalimantan Barat"
    # on a national body's own site, a post that names no body is that body's, not the dateline's
    deputy = ["Jakarta - Asisten Deputi Pembinaan Integritas SDM Aparatur, Ratna Anggraini, mengatakan ASN netral."]
    assert detect_main_official("Judul", deputy, "Kementerian PANRB").position \
        == "Asisten Deputi Pembinaan Integritas SDM Aparatur Kementerian PANRB"


def test_the_official_the_headline_names_is_the_main_one_though_quoted_less():
    paragraphs = ["Plh Wali Kota Parepare, Andi Baso Tenriajeng, melarang ASN memasang foto profil paslon.",
                  '"Tolong diganti sekarang juga," kata Andi Baso.',
                  "Ketua DPRD Kota Parepare, Andi Nurhaedah Mappatoba, menilai langkah itu penting.",
                  '"Birokrasi harus berdiri di tengah," ujar Nurhaedah.',
                  '"Kami akan memanggil kepala OPD," tegas Nurhaedah.']
    headline = "Plh Wali Kota Parepare Larang ASN Pasang Foto Profil Bernuansa Paslon"
    assert detect_main_official(headline, paragraphs).name == "Andi Baso Tenriajeng"
    assert detect_main_official("ASN Dilarang Pasang Foto Profil Paslon", paragraphs).name == \
        "Andi Nurhaedah Mappatoba"  # no headline naming: the one quoted most
    # a place alone in the headline names none of its officials
    assert detect_main_official("Parepare Larang ASN Pasang Foto Profil", paragraphs).name == \
        "Andi Nurhaedah Mappatoba"


def test_a_headline_naming_an_office_outranks_one_naming_only_a_body():
    """"Pjs. Bupati ... Hadiri Deklarasi ... yang Digelar Bawaslu": its subject is the
    acting regent, though the Bawaslu chair is quoted more."""
    paragraphs = ["Ketua Bawaslu Kabupaten Banyumas, Wulan Sari Dewi, mengatakan netralitas jadi fokus.",
                  '"Kerawanan tertinggi ada pada acara sosial," ungkap Wulan.',
                  "Pjs. Bupati Banyumas, Hari Setiawan Nugraha, memastikan perangkat daerah netral.",
                  '"Kami sudah memetakan 27 kecamatan," kata Wulan.']
    headline = "Pjs. Bupati Banyumas Hadiri Deklarasi Netralitas ASN yang Digelar Bawaslu"
    assert detect_main_official(headline, paragraphs).name == "Hari Setiawan Nugraha"
    assert detect_main_official("Bawaslu Banyumas Gelar Deklarasi", paragraphs).name == "Wulan Sari Dewi"


def test_candidates_speak_with_their_office_and_ballot_number():
    paragraphs = ["Calon bupati nomor urut 1, Agus Riyanto, menyatakan dukungannya terhadap deklarasi di Banyumas.",
                  "Calon Bupati Banyumas nomor urut 2 Budi Hartono mengatakan pihaknya tidak merekrut ASN.",
                  '"Kami tidak butuh kemenangan dengan cara itu," ujar calon wakil gubernur Jawa Tengah, Siti Rahma.',
                  "ASN dilarang mendukung calon bupati nomor urut 2, Budi Hartono, kata Ketua Bawaslu Banyumas "
                  "Wulan Sari."]
    article = Article(id="c", title="Paslon Dukung Netralitas ASN", body="\n\n".join(paragraphs),
                      outlet="X", official=Official("", ""))
    speakers = [(p.official.name, p.official.position) for p in article_passages(article)]
    assert speakers == [("Agus Riyanto", "Calon bupati Kabupaten Banyumas nomor urut 1"),
                        ("Budi Hartono", "Calon Bupati Banyumas nomor urut 2"),
                        ("Siti Rahma", "Calon wakil gubernur Jawa Tengah"),
                        ("Wulan Sari", "Ketua Bawaslu Banyumas")]


def _speakers_of(*paragraphs: str) -> list[tuple[str, str]]:
    """Each paragraph's speaker."""
    return [(o.name, o.position) for o in detect_speakers("Netralitas ASN", list(paragraphs)).by_paragraph]


def test_religious_and_community_figures_speak_with_their_titles_left_out():
    assert _speakers_of(
        "Ketua MUI Kabupaten Pamekasan K.H. Muhammad Thoha Mansur, M.Pd.I. menyampaikan imbauan itu.",
        '"Kiai boleh punya pilihan, itu hak," tutur Kiai Thoha.',
        "Sekretaris Komisi Dakwah MUI Pamekasan Ustaz Fathurrahman bin Abdul Ghani mengatakan, khotbah diisi "
        "pesan damai.",
        '"Kami sudah sepakat," kata Ustaz Fathur.',  # a name cut short
        "Sementara itu, pengasuh Majelis Taklim Nurul Musthofa Habib Abdullah bin Umar Alaydrus menuturkan, "
        "jamaah banyak guru.",
        "Pastor Paroki Roh Kudus Soe, Romo Fransiskus Xaverius Bria Seran, Pr, menegaskan ASN wajib taat.",
        "Ketua Majelis Klasis GMIT Soe, Pdt. Yunus Benyamin Tefa, S.Th., M.Si., mengatakan gereja tidak berpihak.",
    ) == [("Muhammad Thoha Mansur", "Ketua MUI Kabupaten Pamekasan")] * 2 + \
        [("Fathurrahman bin Abdul Ghani", "Sekretaris Komisi Dakwah MUI Pamekasan")] * 2 + \
        [("Abdullah bin Umar Alaydrus", "Pengasuh Majelis Taklim Nurul Musthofa"),
         ("Fransiskus Xaverius Bria Seran", "Pastor Paroki Roh Kudus Soe"),
         ("Yunus Benyamin Tefa", "Ketua Majelis Klasis GMIT Soe")]  # a congregation is its own place


def test_an_office_word_is_no_name_and_a_second_office_is_left_out():
    assert _speakers_of(
        "Lurah Parang Tambung, Kecamatan Tamalate, Hj. Rahmawati, S.Sos., mengatakan warga harus netral.",
        "Plt Kepala BKPSDM Jayawijaya yang juga Sekretaris Inspektorat, Selfina Wetipo, memaparkan data.",
        "Tokoh adat Amanuban menolak struktur adat dipakai untuk politik.",
        "Tokoh adat Amanuban, Yakobus Nenobais, menambahkan bahwa suara adat didengar.",
    ) == [("Rahmawati", "Lurah Parang Tambung, Kecamatan Tamalate"),
          ("Selfina Wetipo", "Pelaksana Tugas Kepala BKPSDM Jayawijaya"),
          ("Yakobus Nenobais", "Tokoh adat Amanuban"), ("Yakobus Nenobais", "Tokoh adat Amanuban")]


def test_an_office_held_after_menjabat_is_the_name_befores():
    """"Taput" was read as the name of the Kepala BKD: the holder is named before."""
    assert _speakers_of(
        "Sahat Parulian Simanjuntak, yang baru tiga bulan menjabat Kepala BKD Taput, mengatakan pihaknya "
        "tidak ingin gegabah.") == [("Sahat Parulian Simanjuntak", "Kepala BKD Tapanuli Utara")]


def test_a_spokesperson_or_stand_in_speaks_and_a_quotation_over_paragraphs_stays_theirs():
    assert _speakers_of(
        "Kepala Kejaksaan Negeri Maluku Tengah, Yusuf Wattimena, melalui Kepala Seksi Intelijen, "
        "Ferdinand Sahetapy, mengatakan belum ada unsur pidana. Ia lalu merinci:",
        "“Sejauh ini yang muncul adalah pelanggaran netralitas.",
        "“Tapi kami tetap memantau bersama kepolisian.”",
        "Pj Bupati Lumajang, Teguh Prasetyo Wibowo, yang diwakili Asisten Pemerintahan Setda Kabupaten "
        "Lumajang, Drs. Ec. H. A. Bambang Sugiarto, M.M., menyampaikan kepala sekolah paling sering didekati.",
        "Terpisah, Kepala BKPSDM Merauke, Drs. Yosep Ch. Gebze, M.AP., memastikan pemeriksaan segera dilakukan.",
    ) == [("Ferdinand Sahetapy", "Kepala Seksi Intelijen Kejaksaan Negeri Maluku Tengah")] * 3 + \
        [("A Bambang Sugiarto", "Asisten Pemerintahan Setda Kabupaten Lumajang"),
         ("Yosep Ch Gebze", "Kepala BKPSDM Merauke")]


def test_an_office_or_nickname_that_spoke_before_the_name_came_is_that_person():
    assert _speakers_of(
        "Penjabat Bupati Bang Ucok mengingatkan ASN agar netral.",
        "Senada dengan itu, Kepala Kesbangpol Deli Serdang mengaku sudah menerima aduan warga.",
        "“Kami sudah meneruskan tiga laporan,” ujar Kepala Badan Kesatuan Bangsa dan Politik (Kesbangpol) "
        "Kabupaten Deli Serdang, Syahrul Efendi Nasution, kepada wartawan.",
        "“ASN harus netral,” tegas Pj Bupati Deli Serdang, Hamonangan Siregar, yang akrab disapa Bang Ucok.",
    ) == [("Hamonangan Siregar", "Penjabat Bupati Deli Serdang")] + \
        [("Syahrul Efendi Nasution", "Kepala Badan Kesatuan Bangsa dan Politik Kabupaten Deli Serdang")] * 2 + \
        [("Hamonangan Siregar", "Penjabat Bupati Deli Serdang")]


def test_a_paragraph_naming_its_own_speaker_does_not_join_the_next_speakers_quote():
    paragraphs = ["Sekda Kabupaten Banjar, M. Syarifuddin Ilmi, mengatakan ikrar bukan seremoni.",
                  "Dia memastikan sekda tidak akan menunda pemeriksaan.",
                  "“Kami sudah memetakan kecamatan rawan,” ujar Kepala Kesbangpol Banjar, Ahmad Iskandar."]
    article = Article(id="b", title="Ikrar Netralitas ASN Banjar", body="\n\n".join(paragraphs),
                      outlet="X", official=Official("", ""))
    owners = {p.text[:10]: p.official.name for p in article_passages(article)}
    assert owners == {"Sekda Kabu": "M Syarifuddin Ilmi", "Dia memast": "M Syarifuddin Ilmi",
                      "“Kami suda": "Ahmad Iskandar"}


def test_a_title_or_rank_is_followed_by_the_name_even_a_place_or_an_ordinary_word():
    """A rank or title comes only before a name; after a place or a body, a speaking
    office's words up to the verb or a comma are the name, even dictionary words ("Aries",
    "Aulia"); newer police and military heads; a lower-case "dr." or name particle."""
    cases = [("Dandim 0607 Kota Sukabumi Letkol Inf Dwi Bima Sakti mengatakan prajurit netral.",
              Official("Dwi Bima Sakti", "Dandim 0607 Kota Sukabumi")),  # "Bima" is a regency
             ("Kapolri Jenderal Listyo Sigit Prabowo mengingatkan anggota Polri untuk netral.",
              Official("Listyo Sigit Prabowo", "Kapolri")),
             ("Kasatreskrim Polres Gowa AKP Bahtiar mengatakan penyidik menunggu rekomendasi.",
              Official("Bahtiar", "Kasatreskrim Polres Gowa")),
             ("Kepala Dinas Pendidikan Provinsi Jawa Timur Aries Agung Paewai mengingatkan guru.",
              Official("Aries Agung Paewai", "Kepala Dinas Pendidikan Provinsi Jawa Timur")),
             ("Wakil Wali Kota Medan Aulia Rachman, dalam apel gabungan, mengingatkan ASN.",
              Official("Aulia Rachman", "Wakil Wali Kota Medan")),
             ("Kepala Dinas Kesehatan Kota Padang dr. Srikurnia Yati mengatakan nakes wajib netral.",
              Official("Srikurnia Yati", "Kepala Dinas Kesehatan Kota Padang")),
             ("Plt Kepala Dinas Kominfo Kabupaten Sumedang, Drs. H. Ahmad Yani, M.Si., menjelaskan hal itu.",
              Official("Ahmad Yani", "Pelaksana Tugas Kepala Dinas Kominfo Kabupaten Sumedang")),
             ("Dirjen Politik dan Pemerintahan Umum Kemendagri Bahtiar mengatakan pemda ikut mengawasi.",
              Official("Bahtiar", "Direktur Jenderal Politik dan Pemerintahan Umum Kemendagri")),
             ("Ketua Bawaslu Provinsi NTT Nonato da Purificacao Sarmento mengatakan ASN diawasi.",
              Official("Nonato da Purificacao Sarmento", "Ketua Bawaslu Provinsi Nusa Tenggara Timur"))]
    for paragraph, expected in cases:
        assert detect_main_official("Judul", [paragraph]) == expected, paragraph
    # a status word after the place belongs to the office, not the name
    official = detect_main_official("Judul", ["Wali Kota Bandung Terpilih Muhammad Farhan mengatakan ASN netral."])
    assert official.name == "Muhammad Farhan"


def test_appositions_without_a_verb_of_saying_still_name_the_holder():
    """A second office in apposition, a former office, a sentence opened by "Adapun", a
    name with a dictionary word inside, a name with its office in brackets, an office "pada"
    its body."""
    paragraphs = [
        "Sementara itu, Dewi Lestari, Anggota Bawaslu Kabupaten Solok, Koordinator Divisi "
        "Hukum dan Humas, mengatakan pihaknya menerima tiga laporan.",
        "Pendapat lain disampaikan Hendra Gunawan, mantan Ketua KPU Provinsi Riau. Adapun "
        "Yosef Bahari Simanjuntak, Direktur Lembaga Pemantau Pemilu Riau, justru menilai sebaliknya.",
        '"Pelapor makin berani," tutur Yosef.',
        "Rudi Hartono (Camat Rumbai) menyambut baik imbauan itu. Ia mengaku sering didatangi relawan.",
        "Maya Sari Lubis, Inspektur Wilayah III pada Inspektorat Jenderal Kemendagri, mengatakan "
        "pengawasan diperketat pada Senin.",
    ]
    speakers = detect_speakers("Bawaslu Solok Terima Tiga Laporan", paragraphs)
    assert {(o.name, o.position) for o in speakers.officials} >= {
        ("Dewi Lestari", "Anggota Bawaslu Kabupaten Solok, Koordinator Divisi Hukum dan Humas"),
        ("Hendra Gunawan", "mantan Ketua KPU Provinsi Riau"),
        ("Yosef Bahari Simanjuntak", "Direktur Lembaga Pemantau Pemilu Riau"),
        ("Rudi Hartono", "Camat Rumbai"),
        ("Maya Sari Lubis", "Inspektur Wilayah III pada Inspektorat Jenderal Kemendagri")}
    assert [o.name for o in speakers.by_paragraph[2:4]] == ["Yosef Bahari Simanjuntak", "Rudi Hartono"]


def test_pronouns_and_epithets_of_the_person_opening_a_paragraph_are_theirs():
    paragraphs = [
        "Kepala BKD Kabupaten Pesisir Selatan, Arman Syahputra, mengingatkan ASN agar netral.",
        "Ketua Bawaslu Pesisir Selatan, Nofrizal Datuak Bandaro, menyampaikan hal senada.",
        'Datuak Bandaro setuju dengan imbauan itu. "Adat tak boleh jadi alat kampanye," ujarnya.',
        '"Kami awasi sampai hari pencoblosan," kata pria yang memimpin Bawaslu Pesisir Selatan sejak 2023 itu.',
        '"Aturan tetap aturan," tukasnya.',
    ]
    speakers = detect_speakers("Judul", paragraphs)
    assert [o.name for o in speakers.by_paragraph[2:]] == ["Nofrizal Datuak Bandaro"] * 3


def test_a_source_the_article_keeps_unnamed_is_no_officials():
    paragraphs = [
        "Kepala BKPSDM Kabupaten Sijunjung, Hendri Mulyadi, mengingatkan ASN agar netral.",
        'Salah seorang guru di SMA Negeri 1 Sijunjung yang tidak mau disebutkan namanya mengaku '
        'pernah diajak ke acara calon. "Saya tolak baik-baik," katanya.',
        '"Laporkan saja kalau ada tekanan," kata Hendri.',
    ]
    speakers = detect_speakers("Judul", paragraphs)
    assert speakers.by_paragraph[1] == Official("", "Salah seorang guru di SMA Negeri 1 Sijunjung")
    assert speakers.by_paragraph[2].name == speakers.main.name == "Hendri Mulyadi"


def test_an_acting_office_is_the_one_shown_and_a_spokesperson_speaks_for_the_office():
    paragraphs = [
        "Pjs. Bupati Lombok Tengah, Fauzan Hakim, yang dilantik pekan lalu, memastikan "
        "seluruh perangkat daerah bekerja tanpa keberpihakan.",
        '"Saya tidak punya kepentingan," kata Fauzan, yang sehari-hari menjabat Kepala Biro '
        'Pemerintahan Setda Provinsi Nusa Tenggara Barat.',
        "Melalui Kepala Bagian Protokol Setda Lombok Tengah, Sri Wahyuni, Pjs. Bupati "
        "menyampaikan komitmen menindaklanjuti aduan.",
    ]
    speakers = detect_speakers("Pjs. Bupati Lombok Tengah Minta ASN Netral", paragraphs)
    fauzan = Official("Fauzan Hakim", "Penjabat Sementara Bupati Lombok Tengah")
    assert speakers.by_paragraph[:2] == [fauzan, fauzan]  # the first with no verb of saying
    assert speakers.by_paragraph[2] == Official("Sri Wahyuni", "Kepala Bagian Protokol Setda Lombok Tengah")


def test_nicknames_datelines_lower_case_offices_and_an_interview():
    paragraphs = [
        "BIMA-Penjabat (Pj) Wali Kota Bima H. Lalu Ahmad Fauzi, S.H. melarang ASN berkampanye.",
        '"Jangan main api," kata pejabat yang akrab disapa Miq Ahmad itu.',
        "Miq Ahmad mengatakan, kepala OPD wajib memeriksa grup WhatsApp pegawai.",
        "Sementara itu, anggota Komisi I DPRD Kota Bima, Yahya Daeng, meminta sanksi tegas.",
        "Adapun pengamat politik Universitas Bima (Unibi) Dr. Sri Handayani menilai aturan sudah jelas.",
        "Kepala BKPSDM Kota Bima, Nurhayati Abbas, menerima wartawan. Berikut petikan wawancaranya.",
        "Berapa laporan yang sudah masuk?",
        "Sampai Oktober ada sembilan laporan, semuanya sudah kami periksa.",
    ]
    speakers = detect_speakers("Pj Wali Kota Bima Larang ASN Berkampanye", paragraphs)
    assert {(o.name, o.position) for o in speakers.officials} >= {
        ("Lalu Ahmad Fauzi", "Penjabat Wali Kota Bima"), ("Yahya Daeng", "Anggota Komisi I DPRD Kota Bima"),
        ("Sri Handayani", "Pengamat politik Universitas Bima"),
        ("Nurhayati Abbas", "Kepala BKPSDM Kota Bima")}
    assert [o.name for o in speakers.by_paragraph[1:3]] == ["Lalu Ahmad Fauzi"] * 2  # "Miq Ahmad"
    assert speakers.by_paragraph[7].name == "Nurhayati Abbas"  # the answer to the question before


def test_a_quotation_standing_alone_is_whose_the_paragraphs_around_it_say():
    paragraphs = [
        "Kepala BKD Provinsi Sulawesi Utara, Meiske Pangemanan, mengatakan 14 ASN diperiksa.",
        "Ketua Bawaslu Sulawesi Utara Rendy Kaunang mengatakan pengawasan diperketat.",
        "\u201cKami akan memantau pergerakan pejabat struktural pada malam terakhir.\u201d",
        "Bupati Minahasa, Joune Ganda, menyebut pemkab membuka posko di setiap kecamatan.",
        "\u201cSetiap laporan dengan bukti foto akan kami prioritaskan segera.\u201d",
        "Demikian disampaikan Rendy saat ditemui di Manado.",
    ]
    speakers = detect_speakers("BKD Sulut Periksa 14 ASN", paragraphs)
    assert [o.name for o in speakers.by_paragraph[2:5]] == ["Rendy Kaunang", "Joune Ganda", "Rendy Kaunang"]


def test_a_paragraph_is_cut_where_a_new_speaker_takes_over():
    paragraph = ("Inspektur Provinsi Jambi, Rina Marlina, menyebut pemeriksaan 12 ASN rampung. "
                 "Ia mengatakan sisa kasus selesai pekan depan. Asisten Pemerintahan Setda "
                 "Provinsi Jambi, Ahmad Fauzan, menimpali bahwa camat sudah diminta mengawasi. "
                 "Menurutnya, lurah adalah pihak paling rawan. Hendra lalu menambahkan bahwa "
                 "sanksi diumumkan terbuka.")
    assert split_at_new_speakers([paragraph]) == [
        "Inspektur Provinsi Jambi, Rina Marlina, menyebut pemeriksaan 12 ASN rampung. Ia "
        "mengatakan sisa kasus selesai pekan depan.",
        "Asisten Pemerintahan Setda Provinsi Jambi, Ahmad Fauzan, menimpali bahwa camat sudah "
        "diminta mengawasi. Menurutnya, lurah adalah pihak paling rawan.",
        "Hendra lalu menambahkan bahwa sanksi diumumkan terbuka."]
    speakers = detect_speakers("Judul", split_at_new_speakers([paragraph]))
    assert [o.name for o in speakers.by_paragraph] == ["Rina Marlina", "Ahmad Fauzan", "Hendra"]
    kept = [  # framing before the first speaker, an attribution pointing back, an open quote
        "Dukungan datang dari legislatif. Ketua DPRD Kota Jambi, Budi Santoso, menilai langkah itu tepat.",
        "Netralitas ASN harga mati. Hal tersebut disampaikan oleh Bupati Kerinci, Adi Rozal, kemarin.",
        "\u201cKami awasi. Ini sedang kami dalami,\u201d ungkap Kepala Kesbangpol Jambi, Yusran Hadi.",
        "Ny. Siti Aminah, Ketua Dharma Wanita Jambi, menyebut istri pegawai kerap terseret."]
    assert split_at_new_speakers(kept) == kept


def test_ranks_in_full_brands_national_bodies_and_an_office_after_the_name():
    paragraphs = [
        "PALU - Kabid Humas Polda Sulteng Komisaris Besar Polisi Rudi Hartanto mengatakan "
        "polisi siap menindak. \u201cKami siap,\u201d ujarnya.",
        "Pengaduan bisa disampaikan melalui pesan WhatsApp ke posko Bawaslu Kota Palu.",
        "\u201cBukti foto cukup,\u201d ujar Ir. H. Zulkifli Anwar, M.T., Pelaksana Harian (Plh) "
        "Sekda Kota Palu, kepada wartawan.",
        "Sementara itu, peneliti Perludem, Nadia Kusuma, menilai pengawasan belum merata.",
    ]
    speakers = detect_speakers("Polda Sulteng Siap Tindak ASN", paragraphs)
    assert {(o.name, o.position) for o in speakers.officials} >= {
        ("Rudi Hartanto", "Kabid Humas Polda Sulawesi Tengah"),
        ("Zulkifli Anwar", "Pelaksana Harian Sekretaris Daerah Kota Palu"),
        ("Nadia Kusuma", "Peneliti Perludem")}  # a national body: no region added
    assert "WhatsApp" not in {o.name for o in speakers.officials}
    from index.corpus.name_reading import quoted_words, split_words
    assert len(split_words(paragraphs[0])) == len(quoted_words(paragraphs[0]))  # read alike


def test_a_place_named_after_a_general_is_no_name_and_a_short_first_name_is_the_full_one():
    paragraphs = [
        "Kepala BKPSDM Kabupaten Gianyar, Cokorda Gede Agung Wiratmaja, memaparkan bentuk "
        "pelanggaran netralitas ASN.",
        "\u201cBerfoto dengan gaya jari pun sudah pelanggaran,\u201d papar Cok Wiratmaja.",
        "Hal itu dibahas bersama Dosen Fakultas Ilmu Sosial dan Ilmu Politik Universitas "
        "Jenderal Soedirman Purwokerto.",
    ]
    speakers = detect_speakers("BKPSDM Gianyar Paparkan Pelanggaran", paragraphs)
    assert [o.name for o in speakers.officials] == ["Cokorda Gede Agung Wiratmaja"]
    assert [o.name for o in speakers.by_paragraph] == ["Cokorda Gede Agung Wiratmaja"] * 3


def test_an_opinion_column_is_its_authors_as_byline_and_closing_note_say():
    body = ("<p>Netralitas ASN bukan berarti kehilangan hak pilih di bilik suara pada Pilkada.</p>"
            "<p>Persoalannya, pelanggaran kerap muncul karena tekanan atasan, kata Bupati Banyumas "
            "Achmad Husein dalam sebuah forum.</p>"
            "<p>Karena itu saya menawarkan pembinaan yang menyasar pimpinan, bukan hanya staf.</p>")
    note = "<p>*) Penulis adalah Dosen Administrasi Publik Universitas Jenderal Soedirman.</p>"
    byline = "<span class='oleh'>Oleh: Dr. Hj. Endang Sri Rahayu, S.Sos., M.Si.</span>"

    def article(html_body: str) -> Article:
        html = f"<html><body><div>{byline}</div><article>{html_body}</article></body></html>"
        return article_from_extracted(extract_article(html, "https://radar.example/opini/1"))

    column = article(body + note)
    author = Official("Endang Sri Rahayu", "Dosen Administrasi Publik Universitas Jenderal Soedirman")
    assert column.official == author and "Penulis adalah" not in column.body
    assert [p.official.name for p in article_passages(column)] == [
        "Endang Sri Rahayu", "Achmad Husein", "Endang Sri Rahayu"]
    # Without the note the byline is a reporter's: the article is attributed as news is.
    assert article(body).official.name == "Achmad Husein"
    # A theme's byline naming its desk comes first; the column's own byline follows it.
    byline = "<span class='jeg_meta_author'>Oleh <a>Redaksi Siger Pos</a></span>" + byline
    assert article(body + note).official == author


def test_offices_joined_listed_or_interim_and_sources_named_late():
    paragraphs = [
        "\u201cTugas utamanya mencegah, baru kemudian menindak,\u201d kata seorang pejabat yang "
        "memimpin satgas.",
        "Pejabat itu adalah Inspektur Kabupaten Konawe Selatan, Hasnawati Tombili.",
        "Kepala Dinas PUPR Kabupaten Konawe Selatan, Hotman Lumbantobing, dilaporkan ke Bawaslu "
        "karena diduga menghadiri kampanye.",
        "Anggota Bawaslu Kabupaten Konawe Selatan sekaligus Koordinator Divisi Pencegahan, "
        "Partisipasi Masyarakat dan Hubungan Masyarakat, Arif Budi Santoso, mengajak warga melapor.",
        "Kepala Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga "
        "Berencana Kabupaten Konawe Selatan, Hj. Siti Rohmah Fauziah, mengatakan penyuluh KB rawan.",
        "Ketua KPU Kabupaten Konawe Selatan ad interim, Suryo Handoko, menyebut logistik aman.",
        "Anggota Bawaslu Kabupaten Garut, Koordinator Divisi Penanganan Pelanggaran, Ahmad Fauzi, "
        "mengatakan klarifikasi sudah dilakukan.",
        "Hasnawati menambahkan, inspektorat siap turun. \u201cData pegawai bisa kami cek dalam "
        "hitungan jam,\u201d timpal Fauziah. \u201cSetiap aduan kami tindak lanjuti,\u201d kata Hasnawati.",
    ]
    speakers = detect_speakers("Satgas Netralitas Dibentuk", split_at_new_speakers(paragraphs))
    assert ("Arif Budi Santoso", "Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Hubungan "
            "Masyarakat Bawaslu Kabupaten Konawe Selatan") in {(o.name, o.position) for o in speakers.officials}
    assert ("Suryo Handoko", "Ketua KPU Kabupaten Konawe Selatan ad interim") in \
        {(o.name, o.position) for o in speakers.officials}
    assert "Perlindungan Anak" not in {o.name for o in speakers.officials}
    # two offices in apposition: the second held in the first one's body
    assert ("Ahmad Fauzi", "Koordinator Divisi Penanganan Pelanggaran Bawaslu Kabupaten Garut") in \
        {(o.name, o.position) for o in speakers.officials}
    assert [o.name for o in speakers.by_paragraph] == [
        "Hasnawati Tombili", "Hasnawati Tombili",  # the quote is the source's named after it
        "Hasnawati Tombili",  # the reported Kepala Dinas is no speaker: the main official
        "Arif Budi Santoso", "Siti Rohmah Fauziah", "Suryo Handoko", "Ahmad Fauzi",
        "Hasnawati Tombili", "Siti Rohmah Fauziah", "Hasnawati Tombili"]  # cut where she takes over


def test_transcripts_interviews_spellings_and_an_office_named_again():
    transcript = [
        "Radio Bandung menggelar dialog netralitas ASN yang dipandu penyiar Rina Marliana.",
        "Narasumber: Dr. H. Dedi Supriatna Kusumah, M.Si., Sekretaris Daerah Kabupaten Bandung",
        "Narasumber (via telepon): Euis Komariah, S.H., Ketua Badan Pengawas Pemilihan Umum "
        "(Bawaslu) Kabupaten Bandung",
        "Rina Marliana: Pak Sekda, masih ada ASN yang ikut kampanye?",
        "Dedi Supriatna: Saya tidak menutup mata, memang masih ada laporan soal ASN.",
        "EUIS KOMARIAH (BAWASLU): Sampai hari ini ada tujuh dugaan pelanggaran yang kami tangani.",
    ]
    speakers = detect_speakers("Dialog Netralitas ASN", transcript)
    assert {(o.name, o.position) for o in speakers.officials} == {
        ("Dedi Supriatna Kusumah", "Sekretaris Daerah Kabupaten Bandung"),
        ("Euis Komariah", "Ketua Badan Pengawas Pemilihan Umum Kabupaten Bandung")}
    assert [o.name for o in speakers.by_paragraph[4:]] == ["Dedi Supriatna Kusumah", "Euis Komariah"]
    article = Article(id="t", title="Dialog", body="\n\n".join(transcript))
    assert not any(p.text.startswith("Narasumber") for p in article_passages(article))  # no statement

    interview = [
        "RIAUPOS.CO - Riau Pos berbincang dengan Kepala Kantor Regional XII BKN Pekanbaru, Drs. Hendrawan "
        "Saputra Nasution, di ruang kerjanya. Berikut petikannya.",
        "Apakah menekan tombol like sudah bisa dijatuhi sanksi?",
        "Ya, itu masuk kategori pelanggaran kode etik bagi ASN.",
    ]
    assert detect_speakers("Wawancara", interview).by_paragraph[2].name == "Hendrawan Saputra Nasution"

    paragraphs = [
        "Harianjogja.com, GUNUNGKIDUL\u2014Penjabat (Pj) Bupati Gunungkidul, Syahrudin Marzuki, "
        "mengingatkan ASN agar netral.",
        "Komandan Distrik Militer (Dandim) 0730/Gunungkidul, Letkol Inf Rudi Hartawan, mengatakan prajurit netral.",
        "\u201cKami tidak akan ragu,\u201d kata Syahruddin.",
        "Dandim juga mengingatkan sanksi. \u201cSaya proses sesuai hukum militer,\u201d katanya.",
        "Pj Bupati itu menegaskan pemkab tidak melindungi pelanggar. \u201cTidak ada toleransi,\u201d ujarnya.",
    ]
    speakers = detect_speakers("Pj Bupati Gunungkidul Ingatkan ASN", paragraphs)
    assert speakers.main == Official("Syahrudin Marzuki", "Penjabat Bupati Gunungkidul")
    assert [o.name for o in speakers.by_paragraph] == [
        "Syahrudin Marzuki", "Rudi Hartawan", "Syahrudin Marzuki", "Rudi Hartawan", "Syahrudin Marzuki"]


def test_a_speaker_given_initials_is_known_by_them_later():
    paragraphs = [
        "Konferensi pers menghadirkan Pj Bupati Ogan Komering Ilir, Muhammad Refly Anshori, dan "
        "Inspektur Kabupaten Ogan Komering Ilir, Drs. Zulkarnain Abdullah, M.Si. (ZA).",
        "ZA kemudian memaparkan hasil pemeriksaan. \u201cDua orang hadir di acara keluarga,\u201d ujarnya.",
        "\u201cPolanya membagikan alat peraga kampanye,\u201d kata ZA.",
    ]
    speakers = detect_speakers("Pemkab OKI Umumkan Hasil Pemeriksaan", paragraphs)
    assert [o.name for o in speakers.by_paragraph[1:]] == ["Zulkarnain Abdullah"] * 2


def test_a_feature_names_its_people_with_their_age_and_an_office_after_the_name():
    paragraphs = [
        "GROBOGAN - Pukul 06.45 WIB, Sri Handayani (47) sudah berdiri di gerbang sekolah. Ia menyalami murid.",
        "\u201cNanti kalau sudah besar kalian pilih sendiri,\u201d kata Sri, guru SD Negeri 2 Kuwu yang "
        "sudah 22 tahun mengajar.",
        "Warsini (38), wali murid yang menunggu anaknya, mengaku lega. \u201cGurunya tidak bawa politik,\u201d "
        "katanya.",
    ]
    speakers = detect_speakers("Kisah Guru Jaga Netralitas", paragraphs)
    assert speakers.main == Official("Sri Handayani", "Guru SD Negeri 2 Kuwu")
    assert [o.name for o in speakers.by_paragraph] == ["Sri Handayani", "Sri Handayani", "Warsini"]


def test_attendance_lists_and_a_name_read_short_before_it_is_given_in_full():
    paragraphs = [
        "PEKANBARU - Penjabat (Pj) Gubernur Riau Taufik Hidayat Nasution memimpin rapat koordinasi netralitas.",
        "Kegiatan dihadiri oleh Kepala Subbagian Tata Usaha Hj. Siti Rofiah, S.Ag.; Kepala Seksi Bimas Islam "
        "Muhammad Nurul Huda; Kepala KUA Kecamatan Jombang Mas'ud Arifin; serta para penyuluh.",
        "Dalam sambutannya, Pj Gubernur Riau Taufik Hidayat Nasution menegaskan kepala OPD bertanggung jawab.",
        "Kasi Humas Polres Klaten AKP Nanang Setiawan mengatakan patroli siber digelar setiap hari.",
    ]
    speakers = detect_speakers("Pj Gubernur Riau Minta Kepala OPD Awasi Bawahan", paragraphs)
    assert speakers.main == Official("Taufik Hidayat Nasution", "Penjabat Gubernur Riau")
    assert speakers.by_paragraph[1].name == "Taufik Hidayat Nasution"  # a list of who attended says nothing
    assert canonical_position("Kepala Seksi Humas Polres Klaten") == \
        canonical_position("Kepala Seksi Hubungan Masyarakat Kepolisian Resor Klaten")


def test_national_offices_with_an_acronym_in_brackets_and_experts():
    paragraphs = [
        "Jakarta - Menteri Dalam Negeri (Mendagri) Arifin Sasmita Nugraha mengancam mencopot penjabat.",
        "Peneliti Perkumpulan untuk Pemilu dan Demokrasi (Perludem) Rahmi Fadhilah menilai langkah itu terlambat.",
        "Pakar hukum tata negara Universitas Padjadjaran, Maria Goreti Simanjuntak, berpendapat sanksi perlu.",
    ]
    assert {(o.name, o.position) for o in detect_speakers("Mendagri Ancam Copot Pj", paragraphs).officials} == {
        ("Arifin Sasmita Nugraha", "Menteri Dalam Negeri"),
        ("Rahmi Fadhilah", "Peneliti Perkumpulan untuk Pemilu dan Demokrasi"),
        ("Maria Goreti Simanjuntak", "Pakar hukum tata negara Universitas Padjadjaran")}


def test_a_city_written_as_one_word_a_panewu_and_what_an_office_covers():
    paragraphs = [
        "Kepala BKPSDM Kota Tanjungpinang Suryani Lamsir mengatakan dua ASN sudah dijatuhi hukuman disiplin.",
        "Panewu Pengasih, Tri Hastuti Wulandari, S.IP., M.Si., dalam sambutannya menyampaikan pamong wajib netral.",
        "Anggota Bawaslu Kabupaten Mamuju Tengah yang membidangi penanganan pelanggaran, Andi Muhammad Arsyad, "
        "mengatakan laporan itu diproses.",
    ]
    assert {(o.name, o.position) for o in detect_speakers("Netralitas ASN", paragraphs).officials} == {
        ("Suryani Lamsir", "Kepala BKPSDM Kota Tanjungpinang"), ("Tri Hastuti Wulandari", "Panewu Pengasih"),
        ("Andi Muhammad Arsyad", "Anggota Bawaslu Kabupaten Mamuju Tengah")}
    # a lower-case title ends no sentence: "dr. H. Hairul" is not cut after "dr."
    reply = ["Menanggapi hal itu, Kepala Dinas Kesehatan Kabupaten Lombok Timur, dr. H. Hairul Ahyar, "
             "M.Kes., mengatakan pihaknya menunggu kajian Bawaslu."]
    assert detect_speakers("Bawaslu", split_at_new_speakers(reply)).main == Official(
        "Hairul Ahyar", "Kepala Dinas Kesehatan Kabupaten Lombok Timur")


def test_who_speaks_for_the_head_speaks_with_their_own_office():
    paragraphs = ["Mewakili Penjabat Bupati Badung, Asisten Pemerintahan dan Kesejahteraan Rakyat Sekretariat "
                  "Daerah Kabupaten Badung, I Made Surya Adnyana, menyampaikan bahwa pakta integritas terkumpul."]
    assert detect_speakers("Apel Netralitas", paragraphs).main == Official(
        "I Made Surya Adnyana", "Asisten Pemerintahan dan Kesejahteraan Rakyat Sekretariat Daerah Kabupaten Badung")


def test_a_person_named_in_apposition_an_office_after_the_verb_and_the_headline_subject():
    paragraphs = [
        "LEBAK - Bawaslu Kabupaten Lebak memanggil Camat Cipanas, Iwan Setiawan, untuk klarifikasi.",
        "Ketua Bawaslu Kabupaten Lebak, Ahmad Fauzan Muttaqin, membenarkan pihaknya sudah memeriksa camat itu.",
        "Kepala BKPSDM Kabupaten Lebak, Hj. Euis Rohaeti, mengatakan pihaknya menunggu rekomendasi resmi.",
        # the office after the verb is its holder's, not a pronoun for whoever spoke last
        "\u201cLaporan masyarakat masih terus masuk,\u201d tutup Ketua Bawaslu Lebak itu.",
        # "Guru yang bersangkutan, Name," opens on the person reported on: "Ia" and "ujarnya" are hers
        "Guru yang bersangkutan, Veronika Lasmi, saat ditemui di rumahnya mengaku menyesal. Ia mengaku "
        "tidak memahami aturan itu.",
        "\u201cSaya pikir itu acara kampung biasa,\u201d ujarnya.",
        # "Hi." (Haji) inside a North Maluku name does not end it
        "Ketua Bawaslu Halsel, Rusli Hi. Ahmad, mengatakan pengawas merekam setiap rombongan.",
    ]
    speakers = detect_speakers("Bawaslu Lebak Panggil Camat yang Hadiri Kampanye di Cipanas", paragraphs)
    assert speakers.main.name == "Ahmad Fauzan Muttaqin"  # the body that opens the headline, not its object
    assert [o.name for o in speakers.by_paragraph[3:]] == [
        "Ahmad Fauzan Muttaqin", "Veronika Lasmi", "Veronika Lasmi", "Rusli Hi Ahmad"]
    assert canonical_position("Kasat Reskrim Polres Donggala") == \
        canonical_position("Kepala Satuan Reserse Kriminal Kepolisian Resor Donggala")


def test_long_form_pages_name_people_once_in_full_and_in_passing():
    paragraphs = [
        # a name given in full once, where no reading takes it, completes the short one
        "Bagi Yessi Natalia Tarigan, S.E., analis kebijakan di Pemerintah Kabupaten Karo, urusan media "
        "sosial tidak hanya soal aturan.",
        "\u201cSaya matikan notifikasi semua grup keluarga,\u201d kata Yessi.",
        # a village named in two words after its head, who was named before the comma
        "Salah satunya Zulkarnaen Amir, Kepala Desa Gunung Rajak. Dalam percakapan, nomornya muncul.",
        "\u201cItu adat, bukan kampanye,\u201d ujarnya.",
        # an office given in a clause that names a month
        "Nomor itu atas nama Mahsun Hariadi, S.Sos., yang sejak Agustus menjabat Pelaksana Tugas (Plt) "
        "Camat Sakra Barat.",
        # "Di kantor Pemerintah ...," is a place, not a list of offices no one holds
        "Di kantor Pemerintah Kabupaten Lombok Timur, Inspektur Kabupaten Lombok Timur, Drs. H. Rusdi "
        "Harmain, M.M., mengatakan pihaknya belum menerima rekomendasi.",
        # an office before "tetapi" does not speak; the subject after it does
        "Kepala desa bukan ASN, tetapi Rusdi menegaskan larangannya diatur dalam UU Desa.",
        # someone known by a word no reading takes for a name alone
        "Di akhir sesi, Yessi kembali menegaskan bahwa ia menunggu.",
    ]
    speakers = detect_speakers("Jejak Aparatur di Grup WhatsApp", paragraphs)
    assert {(o.name, o.position) for o in speakers.officials} >= {
        ("Yessi Natalia Tarigan", "Analis kebijakan di Pemerintah Kabupaten Karo"),
        ("Zulkarnaen Amir", "Kepala Desa Gunung Rajak"),
        ("Mahsun Hariadi", "Pelaksana Tugas Camat Sakra Barat"),
        ("Rusdi Harmain", "Inspektur Kabupaten Lombok Timur")}
    assert [o.name for k, o in enumerate(speakers.by_paragraph) if k != 4] == [  # the fifth says nothing
        "Yessi Natalia Tarigan", "Yessi Natalia Tarigan", "Zulkarnaen Amir", "Zulkarnaen Amir",
        "Rusdi Harmain", "Rusdi Harmain", "Yessi Natalia Tarigan"]
    assert canonical_position("Kepala SD Negeri 14 Sajingan Besar") == \
        canonical_position("Kepala Sekolah Dasar Negeri 14 Sajingan Besar")
    # a street named after someone completes no one's name
    street = ["Warga berkumpul di Jalan Ahmad Yani sejak pagi.", "\u201cKami ingin ASN netral,\u201d kata Ahmad."]
    assert [o.name for o in detect_speakers("Aksi Warga", street).officials] == ["Ahmad"]


def test_a_column_s_answers_and_an_interview_announced_after_the_name():
    column = [
        "Pekan ini, pertanyaan pilihan dijawab oleh Kepala Kantor Regional III BKN Bandung, Drs. H. "
        "Tatang Suherman, M.AP.",
        "Jawab: Ibu tidak boleh naik panggung dan tidak boleh hadir sebagai peserta kampanye suami.",
        "Atas pertanyaan ini, Anggota Bawaslu Jawa Barat, Yuyun Wahyuningsih, mengatakan laporan dari "
        "dalam birokrasi paling kuat buktinya.",
        "Jawab: Segera laporkan akun palsu itu ke platform dan simpan buktinya.",
    ]
    assert [o.name for o in detect_speakers("Konsultasi ASN", column).by_paragraph] == [
        "Tatang Suherman", "Tatang Suherman", "Yuyun Wahyuningsih", "Tatang Suherman"]
    interview = [
        "BANJARMASIN - Apel ikrar netralitas digelar di hampir semua daerah.",
        "Dr. H. Muhammad Rusdiansyah Noor, S.H., M.H., mengenal betul pola itu. Ia memimpin Bawaslu "
        "Kalimantan Selatan pada periode sebelumnya.",
        "Barito Post menemuinya di ruang dosen. Berikut petikan wawancaranya.",
        "Apakah apel itu cukup?",
        "Tidak cukup. Ikrar itu seremoni, bukan sistem.",
        "Kepala BKD Provinsi Kalimantan Selatan, Noorhayati Jamaluddin, mengatakan satgas sudah turun.",
    ]
    speakers = detect_speakers("Mantan Ketua Bawaslu Kalsel: Netralitas Tak Cukup dengan Apel", interview)
    assert speakers.by_paragraph[4].name == "Muhammad Rusdiansyah Noor"  # the answer is the interviewee's


def test_offices_in_newsrooms_short_forms():
    same = [("Sekwan DPRD Lebak", "Sekretaris Dewan Perwakilan Rakyat Daerah Kabupaten Lebak"),
            ("Kalak BPBD OKU Timur",
             "Kepala Pelaksana Badan Penanggulangan Bencana Daerah Kabupaten Ogan Komering Ulu Timur"),
            ("Kakan Kemenag Bone", "Kepala Kantor Kementerian Agama Kabupaten Bone"),
            ("Kepsek SMPN 2 Pandeglang", "Kepala Sekolah Menengah Pertama Negeri 2 Pandeglang"),
            ("Kapolsek Cileungsi", "Kepala Kepolisian Sektor Cileungsi"),
            ("Danramil Cileungsi", "Komandan Komando Rayon Militer Cileungsi"),
            ("Kadiskominfo Malra", "Kepala Dinas Komunikasi dan Informatika Kabupaten Maluku Tenggara")]
    for short, full in same:
        assert canonical_position(short) == canonical_position(full), short
    paragraphs = [
        # "Kab." ends no sentence: the name after it is the office's holder
        "Kepala BKPSDM Kab. Tangerang, Agus Salim Nurdin, mengatakan catatan pelanggaran disimpan.",
        # a street named after a colonel is not who asks
        "Waka DPRD Kota Tegal, Lilis Suryani, yang ikut meninjau penertiban di Jalan Kolonel Sudiarto, "
        "meminta Satpol PP menjaga kepercayaan publik.",
        "\u201cJangan sampai Satpol PP jadi alat salah satu kubu,\u201d ujar Lilis.",
    ]
    speakers = detect_speakers("Penertiban APK", paragraphs)
    assert [o.name for o in speakers.by_paragraph] == ["Agus Salim Nurdin", "Lilis Suryani", "Lilis Suryani"]
    assert "Sudiarto" not in {o.name for o in speakers.officials}


def test_hearings_name_prosecutors_experts_and_complainants():
    assert canonical_position("Kasi Pidum Kejari Jember") == \
        canonical_position("Kepala Seksi Tindak Pidana Umum Kejaksaan Negeri Jember")
    paragraphs = [
        "Kasi Pidum Kejari Pasaman Barat, Aditya Rahman Nasution, mengatakan jaksa mengajukan banding.",
        "\u201cPengadilan tinggi hanya punya waktu tujuh hari,\u201d ujar Kasi Pidum itu.",
        # the expert named in full once, then "Wa Ode", is one person
        "Ahli yang dihadirkan, Dr. Wa Ode Nurhikmah, S.H., M.H., menjelaskan di hadapan majelis bahwa "
        "forum itu resmi.",
        "\u201cYang dinilai adalah akibatnya bagi pemilih,\u201d kata Wa Ode.",
        # a name read short ("Andi Irfan") completed by the one full mention
        "Perkara tersebut diadukan Andi Irfan Mappasomba, Direktur Lembaga Advokasi Demokrasi Bulukumba.",
        "\u201cTanpa ada satu pun catatan perbaikan,\u201d kata Andi Irfan.",
    ]
    speakers = detect_speakers("Jaksa Ajukan Banding", paragraphs)
    assert [o.name for k, o in enumerate(speakers.by_paragraph) if k != 4] == [
        "Aditya Rahman Nasution", "Aditya Rahman Nasution", "Wa Ode Nurhikmah", "Wa Ode Nurhikmah",
        "Andi Irfan Mappasomba"]
    assert not any("Pidum" in o.name for o in speakers.officials)


def test_everyday_feed_items_name_bodies_and_describe_offices():
    """Round 28's feed items: a regency written short, a member named "dari Bawaslu X" and
    described later, an office held besides, a community figure's second office, a
    regency's province after a comma, and an academic referred to by her university."""
    assert _speakers_of(
        "Penjabat (Pj) Bupati Beltim, Drs. H. Syahrial Effendi, M.Si., melarang ASN memberi like.",
        "Terpisah, I Ketut Suardana dari Bawaslu Banggai mengatakan pihaknya menemukan unggahan itu.",
        '"Kami temukan tanggal 9 Januari," ucap Anggota Bawaslu Banggai yang membidangi penanganan '
        "pelanggaran itu.",
    ) == [("Syahrial Effendi", "Penjabat Bupati Belitung Timur")] + \
        [("I Ketut Suardana", "Anggota Bawaslu Banggai")] * 2
    assert _speakers_of(
        "Sekretaris Daerah (Sekda) Kabupaten Karimun, H. Muhammad Firdaus Hamid, memastikan ASN diperiksa.",
        '"Sudah saya tonton videonya," kata Firdaus kepada wartawan.',
        "Firdaus, yang juga menjabat Ketua Dewan Pengurus Korpri Kabupaten Karimun, mengaku kecewa.",
        "Sementara itu, tokoh adat sekaligus Ketua Lembaga Masyarakat Adat (LMA) Kabupaten Jayawijaya, "
        "Albertus Asso, meminta semua pihak menjaga suasana damai.",
        "Dukungan juga datang dari tokoh adat. Ketua Lembaga Masyarakat Adat (LMA) Malind Anim, Yosep "
        "Balagaize, meminta ASN tidak menggiring pilihan warga.",
        "Polewali (ANTARA) - Penjabat (Pj) Bupati Polewali Mandar, Provinsi Sulawesi Barat, Muhammad Idris "
        "Sallatu mengingatkan ASN agar tidak menjadi tim sukses.",
    ) == [("Muhammad Firdaus Hamid", "Sekretaris Daerah Kabupaten Karimun")] * 3 + [
        ("Albertus Asso", "Ketua Lembaga Masyarakat Adat Kabupaten Jayawijaya"),
        ("Yosep Balagaize", "Ketua Lembaga Masyarakat Adat Malind Anim"),
        ("Muhammad Idris Sallatu", "Penjabat Bupati Polewali Mandar")]
    speakers = _speakers_of(
        "Pengamat politik Universitas Flores (Uniflor) Ende, Dr. Maria Yasinta Bhara, S.IP., M.Si., menilai "
        "imbauan itu perlu dibarengi keteladanan.",
        'Menurut akademisi Uniflor itu, netralitas menyangkut kepercayaan publik. "Yang kalah akan selalu '
        'punya alasan," imbuhnya.')
    assert [name for name, _ in speakers] == ["Maria Yasinta Bhara"] * 2


def test_a_member_heading_a_division_a_former_office_an_adat_title_and_an_office_written_short():
    """Round 29: "Anggota Bawaslu X, Name" then "jelas Koordinator Divisi ... itu" is one
    position; "yang sebelumnya menjabat ..." is no office held now; the Minang adat title
    "Dt. ..." is no part of the name; "kata Kadisdikbud" is the office's holder."""
    assert _speakers_of(
        "Sementara itu, Anggota Bawaslu Buleleng, Kadek Dwi Saputra, menyebut dua laporan sudah ditangani.",
        '"Ada pidana di Pasal 188 UU Pilkada," jelas Koordinator Divisi Penanganan Pelanggaran dan '
        "Penyelesaian Sengketa itu.",
    ) == [("Kadek Dwi Saputra", "Anggota Bawaslu Buleleng, Koordinator Divisi Penanganan Pelanggaran dan "
                                "Penyelesaian Sengketa")] * 2
    assert _speakers_of(
        "Ketua Bawaslu Jember, Ahmad Rofiqi Ismail, menyebut tiga kepala desa diperiksa.",
        "Pria yang sebelumnya menjabat Koordinator Divisi Penanganan Pelanggaran Bawaslu Jember itu "
        "menjelaskan ancaman pidananya.",
    ) == [("Ahmad Rofiqi Ismail", "Ketua Bawaslu Jember")] * 2
    assert _speakers_of(
        "Sekretaris Daerah (Sekda) Kabupaten Padang Pariaman, Afrizal Syamsuddin Dt. Bandaro Kayo, "
        "mengingatkan ASN menjaga netralitas.",
        '"Jangan anggap sepele jempol kita," kata Drs. H. Afrizal Syamsuddin Dt. Bandaro Kayo, M.Si.',
    ) == [("Afrizal Syamsuddin", "Sekretaris Daerah Kabupaten Padang Pariaman")] * 2
    assert _speakers_of(
        "Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Tabalong, Hj. Rusdiana Fitriani, meminta guru netral.",
        '"Kepala sekolah kami minta menempelkan pakta integritas," kata Kadisdikbud.',
    ) == [("Rusdiana Fitriani", "Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Tabalong")] * 2


def test_a_rank_with_its_corps_and_a_degree_ending_a_sentence_are_no_part_of_the_office():
    assert _speakers_of(
        "Kapolda Sulawesi Utara (Sulut) Irjen Pol Drs. Johanis Ferdinand Sumampouw, M.Si. menegaskan "
        "tidak akan ragu menjatuhkan sanksi.",
    ) == [("Johanis Ferdinand Sumampouw", "Kapolda Sulawesi Utara")]
    speakers = detect_speakers("Bawaslu Bone Gelar Rakor Netralitas", [
        "Ketua Bawaslu Kabupaten Bone, Andi Muhammad Yusran, S.H., menyampaikan bahwa rakor ini upaya pencegahan.",
        "Hadir sebagai narasumber Kasat Intelkam Polres Bone, AKP Syamsul Bahri Lagu, S.H. Kegiatan ini juga "
        "diikuti perwakilan Kodim 1407/Bone."])
    assert all("Kegiatan" not in o.position for o in speakers.officials)


def test_national_offices_in_short_forms_and_names_with_noble_titles():
    """Round 31: "Deputi SDMA" is the "Deputi Bidang Sumber Daya Manusia Aparatur" named
    before, "ucap Sesmen" the ministry's secretary; "Lalu" and "Wa Ode" open names after a
    province; "SIK" is a degree; "yang juga Guru Besar" an office held besides; "dari Fraksi"
    and a description opening a sentence are part of the office."""
    assert _speakers_of(
        "Deputi Bidang Sumber Daya Manusia Aparatur Kementerian PANRB Aris Wicaksono Hadi mengingatkan ASN.",
        '"Ini kewajiban yang melekat sejak seseorang diangkat," tegas Deputi SDMA.',
        "Sekretaris Kementerian PANRB Retno Lestari Pamungkas mengatakan aduan bisa disampaikan daring.",
        '"Identitas pelapor kami jaga," ucap Sesmen.',
        "Plt. Kepala Badan Kepegawaian Daerah (BKD) Provinsi Nusa Tenggara Barat Lalu Muhammad Fauzan "
        "mengatakan surat edaran sudah disebarkan.",
    ) == [("Aris Wicaksono Hadi", "Deputi Bidang Sumber Daya Manusia Aparatur Kementerian PANRB")] * 2 + \
        [("Retno Lestari Pamungkas", "Sekretaris Kementerian PANRB")] * 2 + \
        [("Lalu Muhammad Fauzan", "Pelaksana Tugas Kepala Badan Kepegawaian Daerah Provinsi Nusa Tenggara Barat")]
    assert _speakers_of(
        "Penjabat (Pj) Sekretaris Daerah Provinsi Sultra Wa Ode Rahmawati Saleh meminta ASN menjaga jarak.",
        "Kepala Kepolisian Resor (Kapolres) Hulu Sungai Selatan (HSS) AKBP Yudhistira Hadi Nugroho SIK "
        "mengingatkan para kepala desa.",
        "Sementara itu, anggota Komisi II DPR RI dari Fraksi PDI Perjuangan I Gede Wirata Adnyana meminta "
        "perlindungan bagi ASN.",
        "Pengamat politik Universitas Halu Oleo (UHO) Dr Laode Hasrun Tamburaka menilai sanksi belum menjerakan.",
    ) == [("Wa Ode Rahmawati Saleh", "Penjabat Sekretaris Daerah Provinsi Sulawesi Tenggara"),
          ("Yudhistira Hadi Nugroho", "Kepala Kepolisian Resor Hulu Sungai Selatan"),
          ("I Gede Wirata Adnyana", "Anggota Komisi II DPR RI dari Fraksi PDI Perjuangan"),
          ("Laode Hasrun Tamburaka", "Pengamat politik Universitas Halu Oleo")]
    assert _speakers_of(
        "Kepala Badan Kepegawaian Negara (BKN) Haryo Seno Adinegoro mengatakan aduan terus bertambah.",
        '"Kami proses semuanya," ujar pria yang juga Guru Besar Ilmu Administrasi Publik itu.',
    ) == [("Haryo Seno Adinegoro", "Kepala Badan Kepegawaian Negara")] * 2


def test_a_video_transcript_s_guests_and_villages_own_titles():
    """Round 32: "Narasumber: Name, degrees (Office)" opens that guest's answers; "Wali Nagari",
    "Keuchik", "Jaro" and "Kepala Distrik" are offices naming their own place."""
    assert _speakers_of(
        "Narasumber: Ir. H. Darmawan Saputra, M.Si. (Penjabat Bupati Ogan Komering Ilir)",
        '"ASN itu abdi negara, bukan abdi kandidat."',
        "Narasumber: Hendri Kusnadi, S.H., M.H. (Ketua Bawaslu Kabupaten Ogan Komering Ilir)",
        '"Sampai hari ini kami sudah menerima enam laporan dugaan pelanggaran netralitas."',
    )[1::2] == [("Darmawan Saputra", "Penjabat Bupati Ogan Komering Ilir"),
                ("Hendri Kusnadi", "Ketua Bawaslu Kabupaten Ogan Komering Ilir")]
    assert _speakers_of(
        "Wali Nagari Gadut, Hendri Yusman, mengingatkan perangkat nagari agar tidak berpihak.",
        "Keuchik Gampong Meunasah Tutong, Tgk Ridwan Hasan, membantah dirinya ikut berkampanye.",
        "Jaro Desa Citorek Tengah, Enjang Sukmana, menyatakan siap menjaga netralitas.",
        "Kepala Distrik Waibu, Yoseph Ohee, mengatakan kepala kampung dilarang menjadi tim sukses di Papua.",
    ) == [("Hendri Yusman", "Wali Nagari Gadut"), ("Ridwan Hasan", "Keuchik Gampong Meunasah Tutong"),
          ("Enjang Sukmana", "Jaro Desa Citorek Tengah"), ("Yoseph Ohee", "Kepala Distrik Waibu")]


def test_a_lead_in_capitals_is_read_as_in_ordinary_case():
    assert _speakers_of(
        "Kota Bima — SEKDA KOTA BIMA, H. MUH. YUNUS AHMAD, S.H., M.H., mengingatkan seluruh lurah.",
        "SINGARAJA, NusaBali – KAPOLRES BULELENG AKBP I GEDE WIRA ADNYANA, S.I.K., M.H., mengumpulkan ASN.",
        "Dari parlemen, Wakil Ketua Komisi II DPR RI Iskandar Syahputra menyebut ASN PPPK rawan.",
    ) == [("Muh Yunus Ahmad", "Sekretaris Daerah Kota Bima"),
          ("I Gede Wira Adnyana", "Kapolres Buleleng"),
          ("Iskandar Syahputra", "Wakil Ketua Komisi II DPR RI")]  # acronyms and numerals kept


def test_a_headline_names_a_body_by_the_words_it_starts_with():
    """ "Kades Dilarang ..., Bawaslu Kubu Raya Ingatkan ...": the Bawaslu's chair, not the head
    of the "Dinas Pemberdayaan Masyarakat dan Desa" whose name ends in "Desa Kubu Raya"."""
    main = detect_main_official("Kades Dilarang Jadi Tim Sukses, Bawaslu Kubu Raya Ingatkan Ancaman Pidana", [
        "Kepala Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Kubu Raya, Mustafa Kamal, mengatakan "
        "kades sudah diingatkan.",
        "Ketua Bawaslu Kubu Raya, Hairul Anwar, mengatakan kades yang menjadi tim sukses bisa dipidana.",
        '"Kami tidak main-main," tegas Hairul.'])
    assert main.name == "Hairul Anwar"


def test_intro_sentence_travels_with_the_quote_it_introduces():
    paragraphs = ["Ismail turut mengingatkan agar ASN tetap waspada terhadap pengaruh eksternal.",
                  '"Saya menyadari ada tekanan atau godaan dari pihak tertentu," pesan Ismail.',
                  "Paragraf lain yang berdiri sendiri dan cukup panjang untuk menjadi pernyataan."]
    merged = statements(paragraphs)
    assert merged[0].startswith("Ismail turut") and "tekanan atau godaan" in merged[0]
    assert merged[1] == paragraphs[2]


def test_an_interviewers_question_travels_with_the_answer_and_its_speaker():
    """A question is no one's statement but what the next paragraph answers: the two are one
    passage, the answerer's. A question in quotation marks is the speaker's own."""
    body = "\n\n".join([
        "Kepala BKPSDM Kudus, Eko Budi Santoso, menjawab pertanyaan pembaca soal netralitas ASN.",
        "Tanya: Bolehkah ASN mengantar suami yang menjadi calon bupati ke lokasi kampanye?",
        "Jawab: Boleh mengantar, tetapi tidak boleh naik panggung atau memakai atribut pasangan calon.",
        "“Mau dibawa ke mana birokrasi kita kalau pegawainya ikut berkampanye?”",
        "Ia meminta ASN menyimpan pilihan untuk diri sendiri sampai hari pemungutan suara."])
    article = Article(id="k", title="Tanya Jawab Netralitas ASN", body=body, outlet="Suara Merdeka")
    passages = article_passages(article)
    answer = next(p for p in passages if "Bolehkah ASN" in p.text)
    assert "Jawab: Boleh mengantar" in answer.text and answer.official.name == "Eko Budi Santoso"
    assert any(p.text == "“Mau dibawa ke mana birokrasi kita kalau pegawainya ikut berkampanye?”"
               for p in passages)


def test_long_paragraph_is_cut_at_sentence_boundaries():
    sentence = "ASN wajib menjaga netralitas dalam setiap tahapan pemilihan kepala daerah serentak."
    chunks = statements([" ".join([sentence] * 40)])
    assert len(chunks) > 1
    assert all(len(c.split()) <= MAX_WORDS and c.endswith(".") for c in chunks)


def test_passages_carry_official_and_source_and_dedupe_across_articles():
    body = '"ASN harus netral dan tidak memihak kepada pasangan calon mana pun," kata Hera.'
    a = Article(id="a", title="Judul A", body=body, outlet="ANTARA", date="2024-06-10", official=HERA)
    b = Article(id="b", title="Judul B", body=body, outlet="Kompas", official=HERA)
    passages = unique_passages(article_passages(a) + article_passages(b))
    assert len(passages) == 1
    p = passages[0]
    assert (p.official, p.source.outlet, p.source.date, p.source.title) == (HERA, "ANTARA", "2024-06-10", "Judul A")
    assert "Hera Nugrahayu" in p.dense_text() and "Judul A" in p.dense_text()
    assert p.text == body


def test_analyzer_applies_synonyms_and_stemming():
    analyzer = Analyzer([["pasangan calon", "paslon", "kandidat"], ["media sosial", "medsos"]])
    assert analyzer.terms("dukung paslon di medsos") == analyzer.terms("mendukung pasangan calon di media sosial")
    assert analyzer.terms("Apakah ASN boleh?") == ["asn"]
    assert analyzer.terms("pelanggaran") == analyzer.terms("melanggar")
    # asking what someone said is not a topic: "bicara" or "pendapat" in no statement must
    # not read as what the question is about
    assert analyzer.terms("Siapa pejabat Kalbar yang bicara soal netralitas?") == \
        analyzer.terms("pejabat Kalbar soal netralitas")
    assert analyzer.terms("Apa pendapat Bawaslu?") == analyzer.terms("Apa pesan Bawaslu?") == ["bawaslu"]


def test_synonyms_match_whole_words_and_peel_clitics_only():
    analyzer = Analyzer([["sanksi", "hukuman"], ["politik praktis", "berpolitik", "kampanye"]])
    assert analyzer.terms("hukumannya berat") == analyzer.terms("sanksi berat")
    assert analyzer.terms("ikut kampanye") == analyzer.terms("ikut politik praktis")
    # "berpolitik" stems to "politik": matching stems would turn every "politik" into the group
    assert analyzer.terms("situasi politik daerah") == ["situasi", "politik", "daerah"]


def test_english_function_words_carry_no_weight():
    analyzer = Analyzer([["asn", "civil servants"], ["politik praktis", "campaign"]])
    assert analyzer.terms("Is it allowed for civil servants to join a campaign?") == \
        analyzer.terms("Apakah ASN boleh ikut politik praktis?")


def test_national_bodies_in_a_jakarta_story_and_the_house_s_committees():
    """The forty-sixth round (au01-au12, national voices): national bodies written out or
    joined ("Dewan Kehormatan Penyelenggara Pemilu", "KemenPAN-RB", "DPR") get no place
    from a story set in Jakarta; a hearing's "anggota Komisi II" is the House's committee
    the report named; a member's party is no part of the seat."""
    assert _speakers_of(
        "Jakarta - Rapat di Jakarta Pusat, DKI Jakarta. Anggota Dewan Kehormatan Penyelenggara Pemilu "
        "Marlina Sitompul mengatakan etik berlaku.",
        "Deputi Bidang Sumber Daya Manusia Aparatur KemenPAN-RB Wahyu Kuncoro Adi memaparkan data di Jakarta.",
        "Rapat Komisi II DPR RI di Jakarta. Anggota Komisi II dari Fraksi PKS Ahmad Zulkarnain Siregar "
        "menyoroti KASN.",
    ) == [("Marlina Sitompul", "Anggota Dewan Kehormatan Penyelenggara Pemilu"),
          ("Wahyu Kuncoro Adi", "Deputi Bidang Sumber Daya Manusia Aparatur KemenPAN-RB"),
          ("Ahmad Zulkarnain Siregar", "Anggota Komisi II DPR dari Fraksi PKS")]
    assert canonical_position("Anggota Komisi II DPR dari Fraksi PKS") == canonical_position("Anggota Komisi II DPR RI")
    assert canonical_position("Kepala Pusat Penerangan Kemendagri") == \
        canonical_position("Kepala Pusat Penerangan Kementerian Dalam Negeri")


def test_a_minister_relayed_by_a_spokesman_is_the_one_the_headline_names():
    """ "Menurut Yudhistira, Mendagri juga meminta ...": the minister opens what is reported,
    and is no office of the spokesman; the minister, who only acts in the lead, is the
    article's main official; a head of a unit ("Kapuspen Kemendagri") is named by a headline
    naming the ministry less surely than a Direktur Jenderal of it."""
    main = detect_main_official("Mendagri Minta Pj Kepala Daerah Tak Seret ASN", [
        "Jakarta - Menteri Dalam Negeri (Mendagri) Bimo Adiwijaya meminta seluruh penjabat kepala daerah "
        "tidak memanfaatkan ASN. Pesan itu disampaikan melalui Kepala Pusat Penerangan (Kapuspen) Kemendagri "
        "Yudhistira Pramono.",
        "Menurut Yudhistira, Mendagri juga meminta Pj kepala daerah tidak mengganti pejabat.",
        '"Beliau menegaskan tidak akan ragu mencopot Pj," ujar Yudhistira.'])
    assert main == Official("Bimo Adiwijaya", "Menteri Dalam Negeri")
    spokesman = detect_officials("Netralitas ASN", [
        "Menurut Yudhistira, Mendagri juga meminta Pj kepala daerah tidak mengganti pejabat."])
    assert spokesman == [Official("Yudhistira", "")]
    assert _speakers_of("Belum genap dua pekan menjabat, Menteri Pendayagunaan Aparatur Negara dan Reformasi "
                        "Birokrasi Rachmat Wiranegara langsung menegaskan sanksi.") == \
        [("Rachmat Wiranegara", "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi")]


def test_a_column_s_byline_may_say_what_its_author_is():
    byline = ("<div class='author-opini'>Oleh: <strong>Prof. Dr. Hendrawan Saragih, S.H., M.Hum.</strong> "
              "Guru Besar Hukum Tata Negara Universitas Sumatera Utara</div>")
    body = ("<p>Setiap kali pemilihan digelar, cerita yang sama berulang di banyak daerah kita.</p>"
            "<p>Ketua Bawaslu RI Taufik Hidayatullah mengakui lembaganya hanya berwenang merekomendasikan.</p>"
            "<p>Saya mengusulkan tiga hal untuk memperbaiki penegakan netralitas aparatur.</p>")
    html = f"<html><body>{byline}<article>{body}</article></body></html>"
    column = article_from_extracted(extract_article(html, "https://media.example/opini/1"))
    author = Official("Hendrawan Saragih", "Guru Besar Hukum Tata Negara Universitas Sumatera Utara")
    assert column.official == author
    assert [p.official.name for p in article_passages(column)] == [
        "Hendrawan Saragih", "Taufik Hidayatullah", "Hendrawan Saragih"]
    # a reporter's byline says nothing after the name: news is attributed as news
    reporter = html.replace("Guru Besar Hukum Tata Negara Universitas Sumatera Utara", "Selasa, 19/11/2024")
    assert article_from_extracted(extract_article(reporter, "https://media.example/1")).official.name == \
        "Taufik Hidayatullah"


def test_everyday_regional_news_lead_ins_clauses_and_people_identified():
    """The forty-fourth round (as01-as12, Kalimantan, Sulawesi, Maluku, Nusa Tenggara and
    Papua): a subject after a lead-in ("Soal kemungkinan sanksi, Andi Syamsu enggan ...");
    someone not reached says nothing; a subject described by a clause ("Junaidi yang duduk
    ... menimpali", "Tenriola, yang ditemui ..., membantah") speaks and takes over the
    paragraph; "Camat yang dimaksud adalah Name" and a name closing a sentence are what the
    next "ia" refers to; "yang dilantik sebagai Penjabat ..." is the name's office."""
    assert _speakers_of(
        "Inspektur Kabupaten Bone, Dr. H. Andi Syamsu Rijal Tenriangke, S.Sos, M.Si, membenarkan pemeriksaan.",
        "Koordinator Divisi Hukum Bawaslu Bone, Muh. Ashar Patongai, mengatakan kajian sudah dilakukan.",
        "Soal kemungkinan sanksi, Andi Syamsu enggan berandai-andai. Ia memastikan pemeriksaan sesuai aturan.",
        "Hingga berita ini diturunkan, Ashar belum dapat dikonfirmasi. Ia disebut masih rapat.",
    )[2:] == [("Andi Syamsu Rijal Tenriangke", "Inspektur Kabupaten Bone")] * 2
    paragraphs = split_at_new_speakers([
        "Dalam mediasi yang difasilitasi Camat Sakra Barat, Selasa (12/11). Dalam pertemuan itu Saprudin "
        "membantah semua tudingan. “Tidak ada saya sebut nama calon,” kata Saprudin. Junaidi yang duduk di "
        "seberang meja langsung menimpali. “Kenapa kadus disuruh setor daftar?” sergahnya."])
    assert len(paragraphs) == 2 and paragraphs[1].startswith("Junaidi")
    assert [o.name for o in detect_speakers("Netralitas ASN", [
        "Ketua BPD Sukarara Timur, Lalu Ahmad Junaidi, mengaku mendorong warga melapor.",
        "Kepala Desa Sukarara Timur, Muhammad Saprudin, membantah tudingan itu.",
        *paragraphs]).by_paragraph] == ["Lalu Ahmad Junaidi", "Muhammad Saprudin", "Muhammad Saprudin",
                                        "Lalu Ahmad Junaidi"]
    assert _speakers_of(
        "Pj Bupati Kapuas Hulu, Yosef Nyangun, meminta camat menjaga netralitas.",
        "Camat yang dimaksud adalah Markus Lanjak. Saat dikonfirmasi, ia mengakui foto itu. Menurutnya, "
        "paslon datang tanpa pemberitahuan.",
        "Langkah itu mendapat tanggapan dari Anggota DPRD Kapuas Hulu, Blasius Ndahur. Ia menilai langkah "
        "itu tepat.",
    )[1:] == [("Markus Lanjak", ""), ("Blasius Ndahur", "Anggota DPRD Kapuas Hulu")]
    assert _speakers_of(
        "MANADOPOST.ID—Penjabat (Pj) Bupati Minahasa Utara Drs. Hendrik Johanis Kaunang, M.Si menerbitkan SE.",
        "Rumbiak, yang dilantik sebagai Penjabat Wali Kota Jayapura pada Mei 2024, menyebut ASN harus netral.",
    ) == [("Hendrik Johanis Kaunang", "Penjabat Bupati Minahasa Utara"),
          ("Rumbiak", "Penjabat Wali Kota Jayapura")]
    assert _speakers_of("Kepala Puskesmas Wera, Ns. Nurhayati, S.Kep, angkat bicara soal video itu.")[0][0] == \
        "Nurhayati"  # a nurse's title
    main = detect_main_official("Kades Sukarara Timur Dilaporkan ke Bawaslu Lotim, Ketua BPD: Ada Pengarahan", [
        "Kepala Desa Sukarara Timur, Kecamatan Sakra Barat, Lombok Timur, H. Muhammad Saprudin, dilaporkan ke "
        "Bawaslu.",
        "Koordinator Divisi Penanganan Pelanggaran Bawaslu Lombok Timur, Baiq Nurul Hidayati, membenarkan laporan.",
        '"Kami kaji tiga hari," terangnya.',
        "Saprudin sendiri mengaku tidak gentar menghadapi laporan tersebut."])
    assert main.name == "Muhammad Saprudin"  # the office the headline names, its district set off


def test_the_open_web_s_live_blogs_old_portals_and_a_teacher_from_her_school():
    """The forty-fifth round (at01-at12, messy HTML): a live report's entries, each a list
    item with a heading and paragraphs, are read as blocks, not one line each; an old
    portal's "Kapuas Post Online :: headline" names the site; a teacher set off before her
    name speaks from her school ("Salah seorang guru, Rina Marlina, S.Pd., dari SDN 2 ...")."""
    entries = "".join(
        f"<li><time>{t}</time><h3>{h}</h3><div><p>{p}</p></div></li>" for t, h, p in [
            ("14:55", "Kapolrestabes: Medan Kondusif", "Kapolrestabes Medan, Kombes Pol Teddy Marbun, "
             "memastikan situasi di seluruh TPS kondusif. “Kami siaga sampai rekapitulasi,” katanya."),
            ("13:20", "Pj Gubernur: Status ASN Tidak Ikut Libur", "Usai mencoblos, Pj Gubernur Sumut Hasan Basri "
             "mengingatkan ASN agar tidak terlibat memengaruhi pemilih di sekitar TPS.")])
    html = (f"<html><head><title>Kapuas Post Online :: Live Update Pilkada</title></head><body><article>"
            f"<h1>Live Update Pilkada</h1><p>Pemungutan suara Pilkada Serentak 2024 berlangsung di seluruh "
            f"Sumatera Utara dengan pengamanan ketat.</p><ul class='liveblog'>{entries}</ul></article></body></html>")
    article = article_from_extracted(extract_article(html, "https://www.kapuaspost.co.id/berita/1"))
    assert article.outlet == "Kapuas Post Online"
    paragraphs = article.body.split("\n\n")
    assert not any(p.startswith(("Kapolrestabes: Medan", "- ")) and "Teddy" in p for p in paragraphs)
    assert any(p.startswith("Kapolrestabes Medan, Kombes Pol Teddy Marbun") for p in paragraphs)
    assert ("Teddy Marbun", "Kapolrestabes Medan") in {(o.name, o.position) for o in
                                                      (p.official for p in article_passages(article))}
    assert _speakers_of(
        "Ketua PGRI Kabupaten Garut, Enjang Kusnadi, mengatakan guru harus netral.",
        "Salah seorang guru, Rina Marlina, S.Pd., dari SDN 2 Tarogong Kidul, mengaku lebih tenang. Ia mengaku "
        "kerap dimintai pendapat oleh orang tua murid.",
    )[1] == ("Rina Marlina", "Guru SDN 2 Tarogong Kidul")


def test_noble_titles_helpers_clauses_and_those_who_say_nothing():
    """Rounds forty-seven to forty-nine (government events in Sumatra and Java, pages that are
    no plain news, officials quoted by phone and in doorstops): noble titles some articles
    leave out ("Raden", Madura's "Ra", Palembang's "Kgs.") are no part of the name, and
    Banten's "Tb." is a given name written short; a committee the article placed in a DPRD
    keeps it; "Pj Wako" is an office; whom someone accompanies is no speaker; a name set off
    before a clause speaks; someone seen in a photo, not reached or declining says nothing."""
    assert _speakers_of(
        "Ketua KPU Kota Jambi, Raden Ahmad Syukri, mengatakan PPS yang ASN diminta netral.",
        "Ketua Bawaslu Pamekasan Ra Hasan Basri memaparkan modus pelanggaran kepala desa.",
        "Kepala SMP Negeri 1 Indralaya Utara, Kgs. Fikri Hamdani, mengatakan grup guru dikunci.",
        "Kepala Satpol PP Kabupaten Serang, Tb. Ahmad Fauzan, mengatakan penertiban dilakukan.",
    ) == [("Ahmad Syukri", "Ketua KPU Kota Jambi"), ("Hasan Basri", "Ketua Bawaslu Pamekasan"),
          ("Fikri Hamdani", "Kepala SMP Negeri 1 Indralaya Utara"),
          ("Tb Ahmad Fauzan", "Kepala Satpol PP Kabupaten Serang")]
    assert _speakers_of(
        "Komisi I DPRD Provinsi Bengkulu menggelar rapat. Ketua Komisi I DPRD Provinsi Bengkulu Hamdan "
        "Syarbaini meminta BKD terbuka.",
        "Anggota Komisi I, Rio Andika Pratama, kemudian mempertanyakan lambatnya proses tersebut.",
        "Dalam sambutannya, Pj Wako Pariaman Roberia mengatakan ASN harus netral.",
        "Sementara itu, dalam pesan WhatsApp-nya, Pj Bupati Ketapang Yohanes Edi Santoso mengingatkan camat.",
    )[1:] == [("Rio Andika Pratama", "Anggota Komisi I DPRD Provinsi Bengkulu"),
              ("Roberia", "Penjabat Wali Kota Pariaman"),
              ("Yohanes Edi Santoso", "Penjabat Bupati Ketapang")]
    speakers = detect_speakers("Netralitas ASN", [
        "Inspektur Kabupaten Pelalawan, Tengku Fahrurrazi, mengatakan audit dimulai pekan ini.",
        "Inspektur Pembantu Wilayah IV Inspektorat Pelalawan, Hj. Wan Nurhayati, S.E., M.Ak, yang mendampingi "
        "Inspektur menambahkan, tim auditor juga akan menyisir data bansos.",
        "Suwarno, yang ditemui terpisah di Balai Kalurahan Ngeposari, membenarkan dukuh itu sudah ditegur.",
        "Dalam foto itu, Camat Kradenan, Agus Prasetyo Nugroho, tampak duduk di barisan depan.",
        "Sementara itu, Sekda Ogan Ilir, Muhammad Firdaus Yakub, juga belum merespons pesan wartawan.",
        "Usai klarifikasi, Kadis Pertanian Zulkarnain yang keluar dari ruang pemeriksaan enggan berkomentar.",
        "Kapolres Banjar, AKBP Fadli Rahmansyah, mengatakan situasi kondusif.",
        "Pj Bupati Banjar, Ahmad Rizani Anshari, mengatakan ASN dilarang memasang atribut.",
        "Giliran Fadli ditanya soal peran polisi. Ia menegaskan pelanggaran netralitas ranah administrasi.",
    ]).by_paragraph
    assert [o.name for o in speakers[1:3] + speakers[8:]] == ["Wan Nurhayati", "Suwarno", "Fadli Rahmansyah"]
    assert not {o.name for o in speakers[3:6]} & {"Agus Prasetyo Nugroho", "Muhammad Firdaus Yakub", "Zulkarnain"}


def test_question_boxes_labelled_dates_and_a_title_that_opens_with_the_site():
    qa = ("<div class='tanya-jawab'><dl><dt>Bolehkah ASN memasang foto profil bersama calon?</dt>"
          "<dd>Tidak. Foto profil termasuk konten yang dapat dilihat publik dan bisa dianggap dukungan.</dd>"
          "</dl></div>")
    html = ("<html><head><title>Pemerintah Kabupaten Kulon Progo - Pj Bupati Ajak Lurah Jaga Netralitas Pilkada"
            "</title></head><body><h3>Pj Bupati Ajak Lurah Jaga Netralitas Pilkada</h3>"
            "<td>Diposting: 12/11/2024 | Oleh: Redaksi</td><article>"
            "<p>Penjabat Bupati Kulon Progo, Heru Prasetyo Nugroho, mengajak lurah menjaga netralitas.</p>"
            f"{qa}<p>“Lurah jangan ikut kampanye,” kata Heru menutup sarasehan itu. (CAKAPLAH)</p>"
            "</article></body></html>")
    extracted = extract_article(html, "https://kulonprogokab.go.id/berita/1")
    assert (extracted.title, extracted.date) == ("Pj Bupati Ajak Lurah Jaga Netralitas Pilkada", "2024-11-12")
    assert "Foto profil termasuk konten" in extracted.text
    assert extracted.text.endswith("kata Heru menutup sarasehan itu.")
    dated = html.replace("Diposting: 12/11/2024", "Rabu, 30 Okt 2024 14:10")
    assert extract_article(dated, "https://kulonprogokab.go.id/berita/1").date == "2024-10-30"


def test_roundups_epithets_in_the_same_paragraph_and_a_quote_credited_after_it():
    """Rounds fifty to fifty-two (the real pages' skeletons, acting heads and roundups, where
    sentences place the speaker): a roundup's "Adapun di Kabupaten Kapuas Hulu, Plt Kepala
    BKPSDM ..." gives the office its regency; an epithet is the one who spoke last in its
    paragraph; "Penegasan itu disampaikan oleh ..." credits the quote before it."""
    assert _speakers_of(
        "Pj Gubernur Kalimantan Barat, Bambang Setiadi Wibowo, meminta laporan netralitas tiap pekan.",
        "Adapun di Kabupaten Kapuas Hulu, Plt Kepala BKPSDM Hj. Rosmiati Abbas mengakui jarak tempuh menjadi "
        "kendala pengawasan.",
    )[1] == ("Rosmiati Abbas", "Pelaksana Tugas Kepala BKPSDM Kabupaten Kapuas Hulu")
    speakers = detect_speakers("Netralitas ASN di Kukar", [
        "Pjs Bupati Kutai Kartanegara, Sunarto Wahyu Hidayat, menyatakan sepakat dengan permintaan dewan.",
        "Sementara itu, Sulaiman Nadjib mengungkapkan lembaganya menerima 11 laporan. Ketua Bawaslu Kukar itu "
        "menyebut sebagian laporan datang dari anggota DPRD sendiri."])
    assert ("Sulaiman Nadjib", "Ketua Bawaslu Kutai Kartanegara") in {(o.name, o.position) for o in speakers.officials}
    assert [o.name for o in detect_speakers("Netralitas ASN", [
        "Ketua Panwaslih Bireuen, Safrizal Yusuf, mengatakan rekomendasi sudah dikirim.",
        '"Pemkab Bireuen tidak akan melindungi ASN yang terbukti berpihak."',
        "Penegasan itu disampaikan oleh Penjabat Bupati Bireuen, Marzuki Abdul Gani, di Pendopo Bupati."]
    ).by_paragraph] == ["Safrizal Yusuf", "Marzuki Abdul Gani", "Marzuki Abdul Gani"]


def test_institutions_own_sites_and_the_speaker_a_headline_quotes():
    """Rounds fifty-three to fifty-five (the real pages' skeletons with harder attribution, an
    institution's own site): a post within a body ("Koordinator Divisi Pencegahan") on the
    body's own site is that body's; the Kakanreg, an Asdep and a Kabid Wasdal are offices; a
    header's <h1> naming the site is no headline; the name before a headline's colon is the
    main official; a full name before a clause speaks; "adalah Panewu Semanu, Name."."""
    speakers = detect_speakers("Bawaslu Gelar Rapat Koordinasi Netralitas ASN", [
        "Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat, Siti Nur Khasanah, "
        "mengatakan tujuh dugaan pelanggaran ditangani.",
        "Kakanreg VIII BKN Banjarmasin Ahmad Jauhari mengatakan data ASN bisa diblokir.",
        "Menurut Kabid Wasdal, Theresia Endang Wulandari, berkas sudah diterima."],
        outlet="Bawaslu Kabupaten Temanggung")
    assert [(o.name, o.position) for o in speakers.by_paragraph][:2] == [
        ("Siti Nur Khasanah", "Koordinator Divisi Pencegahan, Partisipasi Masyarakat dan Hubungan Masyarakat "
                              "Bawaslu Kabupaten Temanggung"),
        ("Ahmad Jauhari", "Kakanreg VIII BKN Banjarmasin")]
    assert speakers.by_paragraph[2].name == "Theresia Endang Wulandari"  # "Wasdal" is no name
    spelled = detect_speakers("Rapat Koordinasi Netralitas ASN", [
        "Koordinator Divisi Pencegahan, Siti Nur Khasanah, mengatakan tujuh dugaan pelanggaran ditangani."],
        outlet="Badan Pengawas Pemilihan Umum Kabupaten Temanggung")
    assert spelled.by_paragraph[0].position == \
        "Koordinator Divisi Pencegahan Badan Pengawas Pemilihan Umum Kabupaten Temanggung"  # the site spelled out
    html = ("<html><head><title>Sekretaris KPU Kota Binjai Ingatkan ASN Jaga Netralitas</title>"
            "<meta property='og:site_name' content='KPU Kota Binjai'></head><body>"
            "<div id='sitename'><h1>KPU Kota Binjai</h1></div><div class='item-page'><p>Sekretaris KPU Kota Binjai, "
            "Rahmad Hidayat Siregar, mengingatkan ASN di sekretariat agar menjaga netralitas selama Pilkada.</p>"
            "<p>“Kami pegawai negeri, bukan peserta pemilihan,” kata Rahmad di Binjai, Kamis.</p></div>"
            "</body></html>")
    assert extract_article(html, "https://kpu-binjaikota.go.id/berita/382").title == \
        "Sekretaris KPU Kota Binjai Ingatkan ASN Jaga Netralitas"
    main = detect_main_official("Camat Soreang Diduga Hadiri Kampanye, Fadli: Bawaslu Tidak Tebang Pilih", [
        "Ketua Bawaslu Parepare, Muhammad Fadli Latif, mengatakan camat sudah dipanggil.",
        "Camat Soreang, Hasanuddin Tahir, tidak menampik hadir. “Saya bukan peserta,” katanya.",
        "Hasanuddin mengaku hadir karena lokasi di wilayahnya. “Saya menjaga ketertiban,” ujarnya."])
    assert main.name == "Muhammad Fadli Latif"
    assert [o.name for o in detect_speakers("Netralitas ASN", [
        "Ketua Bawaslu Gunungkidul, Andang Setyo Nugroho, mengatakan panewu itu dipanggil.",
        "Panewu yang dimaksud adalah Panewu Semanu, Wahyu Priyambodo. Saat dikonfirmasi, ia menyebut datang "
        "untuk makan siang.",
        "Sementara itu, Hardianto Pulumoduyo yang turut hadir dalam rapat tersebut mengapresiasi satgas."]
    ).by_paragraph] == ["Andang Setyo Nugroho", "Wahyu Priyambodo", "Hardianto Pulumoduyo"]
    assert canonical_position("Kepala Dinas Kominfo Kabupaten Bone") == \
        canonical_position("Kepala Dinas Komunikasi dan Informatika Kabupaten Bone")
    assert _speakers_of("Kepala BKPSDM OKI, Rosmalinda, mengatakan tiga ASN dijatuhi sanksi.") == [
        ("Rosmalinda", "Kepala BKPSDM Ogan Komering Ilir")]


def test_names_straight_before_offices_bodies_set_before_posts_and_a_committees_members():
    """Rounds fifty-six to fifty-eight: "Name Ketua Bawaslu Surabaya mengatakan" (no comma, as
    some outlets write it); "Dari Bawaslu Sulsel, Koordinator Divisi ..., Name," is that
    Bawaslu's post; "anggota Komisi I lainnya" and "dari Fraksi PKS" leave the seat its place;
    Bawaslu's village-level supervisors are offices."""
    assert _speakers_of(
        "Agil Prasetyo Wibisono Ketua Bawaslu Surabaya mengatakan, potensi pelanggaran tetap ada.",
        "Menurut Agil, seluruh kasus diproses tanpa memandang jabatan.",
        "Dari Bawaslu Sulsel, Koordinator Divisi Penanganan Pelanggaran, Syarifah Nurul Aini, membeberkan "
        "bahwa 142 kasus diteruskan.",
        "Pengawas Kelurahan/Desa (PKD) Pagersari, Anis Fitriyani, menjelaskan spanduk sudah diturunkan.") == [
        ("Agil Prasetyo Wibisono", "Ketua Bawaslu Surabaya"), ("Agil Prasetyo Wibisono", "Ketua Bawaslu Surabaya"),
        ("Syarifah Nurul Aini", "Koordinator Divisi Penanganan Pelanggaran Bawaslu Sulawesi Selatan"),
        ("Anis Fitriyani", "Pengawas Kelurahan/Desa Pagersari")]
    # Only a full name opening its sentence: "Pemkot Surabaya Kepala Dinas ..." names no one.
    assert _speakers_of("Rapat itu dibuka Pemkot Surabaya Kepala Dinas Pendidikan mengatakan hal itu.")[0][0] != \
        "Pemkot Surabaya"
    members = detect_officials("Komisi I DPRD Kabupaten Bogor Cecar BKPSDM", [
        "Komisi I DPRD Kabupaten Bogor menggelar rapat dengar pendapat bersama BKPSDM Kabupaten Bogor.",
        "Anggota Komisi I dari Fraksi PKS, Siti Rohmah Hasanah, mempertanyakan empat rekomendasi.",
        "Senada, anggota Komisi I lainnya, Dedi Kurniawan Saputra, mengusulkan surat edaran baru."])
    positions = {o.name: o.position for o in members}
    assert positions["Siti Rohmah Hasanah"] == "Anggota Komisi I DPRD Kabupaten Bogor dari Fraksi PKS"
    assert positions["Dedi Kurniawan Saputra"] == "Anggota Komisi I DPRD Kabupaten Bogor"


def test_paragraphs_written_as_bare_divs_and_a_date_labelled_tanggal_are_kept():
    """An editor that writes some paragraphs as <div>s among <p>s (trafilatura dropped them,
    and two statements with them), and an old CMS's "Tanggal : 30-09-2024"."""
    html = ("<html><head><title>Asisten I: ASN Jaga Netralitas</title></head><body><div class='isi-berita'>"
            "<p>Pontianak - Asisten I Setda Kalbar, Hendrikus Ajong, mengingatkan ASN menjaga netralitas "
            "hingga penetapan hasil Pilkada.</p>"
            "<div>“Masa rekapitulasi dan sengketa itu justru masa yang sensitif,” ujar Hendrikus.</div>"
            "<div>&nbsp;</div><div class='iklan'>Pasang iklan di sini</div>"
            "<p>“Kalau mau tahu hasilnya, tunggu pengumuman resmi KPU,” tegasnya.</p>"
            "<table><tr><td>Tanggal</td><td>: 30-09-2024</td></tr></table></div></body></html>")
    extracted = extract_article(html, "https://diskominfo.kalbarprov.go.id/berita/1")
    assert "Masa rekapitulasi dan sengketa itu justru masa yang sensitif" in extracted.text
    assert "Pasang iklan" not in extracted.text  # a div with a class is a box, not a paragraph
    assert extracted.date == "2024-09-30"


def test_security_and_law_offices_written_short_and_a_release_credit_closing_the_last_paragraph():
    """Round fifty-nine: "Kajari Sleman" is the "Kepala Kejaksaan Negeri Sleman" named before;
    a Pasiter, a Kapenrem and a Kasubbid are offices; a last paragraph that closes with its
    release's credit ("(Humas Polres Kendal)") is kept, the credit dropped."""
    assert _speakers_of(
        "Kepala Kejaksaan Negeri Sleman, Dr. Rina Kusumawardani, S.H., M.H., membuka penerangan hukum.",
        "“Karena itu kami datang lebih awal, sebelum masa kampanye memuncak,” ujar Kajari Sleman.",
        "Pasiter Kodim 0701/Banyumas Kapten Inf Wahyu Triatmojo mengatakan babinsa memantau desa.") == [
        ("Rina Kusumawardani", "Kepala Kejaksaan Negeri Sleman"),
        ("Rina Kusumawardani", "Kepala Kejaksaan Negeri Sleman"),
        ("Wahyu Triatmojo", "Pasiter Kodim 0701/Banyumas")]
    assert canonical_position("Kapenrem 043/Gatam") == canonical_position(
        "Kepala Penerangan Komando Resor Militer 043/Gatam")
    html = ("<html><head><title>Kapolres Kendal Ingatkan Personel Jaga Netralitas</title></head><body><article>"
            "<h1>Kapolres Kendal Ingatkan Personel Jaga Netralitas</h1>"
            "<p>Kapolres Kendal AKBP Heru Sasongko mengingatkan seluruh personel dan PNS Polri menjaga netralitas.</p>"
            "<p>Di akhir amanatnya, Kapolres berharap jajaran menjadi contoh. “Tugas kita mengamankan seluruh "
            "tahapan, bukan memenangkan salah satu calon,” pungkasnya. (Humas Polres Kendal)</p>"
            "</article></body></html>")
    text = extract_article(html, "https://tribratanews.kendal.jateng.polri.go.id/1").text
    assert "bukan memenangkan salah satu calon,” pungkasnya." in text and "(Humas Polres Kendal)" not in text


def test_a_transcripts_label_with_the_office_names_a_speaker_not_named_before():
    """Round sixty: a TV station's transcript labels each turn "NAME (Office):" or "Name,
    Office:", the guest named nowhere else."""
    assert _speakers_of(
        "Sekretaris Daerah Kabupaten Sidoarjo, Achmad Zainul Arifin, meminta ASN bijak bermedia sosial.",
        'MOCHAMAD KHOIRUL ANAM (Anggota Bawaslu Kabupaten Sidoarjo): "Kami punya tim patroli siber '
        'yang setiap hari menyisir akun-akun ASN."',
        'Ni Kadek Ayu Prameswari, Ketua Bawaslu Kabupaten Klungkung: "Sanksinya bukan kami yang '
        'menjatuhkan, tapi temuan kami kaji."',
        'PENYIAR: "Demikian laporan dari Sidoarjo."') == [
        ("Achmad Zainul Arifin", "Sekretaris Daerah Kabupaten Sidoarjo"),
        ("Mochamad Khoirul Anam", "Anggota Bawaslu Kabupaten Sidoarjo"),
        ("Ni Kadek Ayu Prameswari", "Ketua Bawaslu Kabupaten Klungkung"),
        ("Achmad Zainul Arifin", "Sekretaris Daerah Kabupaten Sidoarjo")]


def test_a_contrasting_clause_hands_over_and_short_forms_of_offices_are_read():
    paragraphs = [
        "Pj Sekda Kota Makassar, Syamsul Fadli Rahman, membuka rapat. Kepala BKPSDM Kota Makassar, "
        "Nur Aisyah Saleh, memaparkan data pegawai.",
        # mid-sentence, "sementara" hands over to the office named before
        "Kepala BKPSDM itu menjelaskan bahwa semua pegawai mengisi surat pernyataan, sementara Pj Sekda "
        "menegaskan bahwa surat itu menjadi dasar pemeriksaan.",
        # a district whose name ends on a compass point, and a name whose degrees follow it
        "Camat Singkawang Selatan Syarif Hamdani mengaku telah menegur lurah tersebut.",
        "“Kami hormati asas praduga tak bersalah,” ujar Inspektur Taput Bonar Hutapea SE MM kepada wartawan.",
        # Maluku's village head, beside a name that opens with "Raja"
        "Raja Negeri Waai, Kecamatan Salahutu, Samuel Bakarbessy, menilai sanksi itu pelajaran.",
        "Ketua Panwaslih Aceh Besar, Teuku Raja Mahdi, mengatakan pengawas sudah ditempatkan."]
    speakers = detect_speakers("Judul", split_at_new_speakers(paragraphs))
    assert [(o.name, o.position) for o in speakers.by_paragraph] == [
        ("Nur Aisyah Saleh", "Kepala BKPSDM Kota Makassar"),
        ("Nur Aisyah Saleh", "Kepala BKPSDM Kota Makassar"),
        ("Syamsul Fadli Rahman", "Penjabat Sekretaris Daerah Kota Makassar"),
        ("Syarif Hamdani", "Camat Singkawang Selatan"),
        ("Bonar Hutapea", "Inspektur Tapanuli Utara"),
        ("Samuel Bakarbessy", "Raja Negeri Waai, Kecamatan Salahutu"),
        ("Teuku Raja Mahdi", "Ketua Panwaslih Aceh Besar")]
    # "Deputi SDM Aparatur itu" points back at the deputy; "Asisten I" is the one named in full
    epithets = detect_speakers("Judul", [
        "Deputi Bidang Sumber Daya Manusia Aparatur Kementerian PANRB Haryo Budi Santoso membuka rakor.",
        "Deputi SDM Aparatur itu juga mengingatkan bahwa pengawasan tidak bertumpu pada satu lembaga.",
        "Asisten Pemerintahan dan Kesejahteraan Rakyat Setdaprov Kaltim, Rusdiansyah Mahmud, membuka rapat.",
        "Asisten I menjelaskan, fasilitas negara tidak terbatas pada kendaraan dinas."])
    assert [o.name for o in epithets.by_paragraph] == [
        "Haryo Budi Santoso", "Haryo Budi Santoso", "Rusdiansyah Mahmud", "Rusdiansyah Mahmud"]


def test_offices_named_before_their_holders_spokesmen_and_those_acting_in_a_capacity():
    speakers = detect_speakers("Judul", [
        # an office that speaks before the article names its holder, in a shorter form
        "Permintaan tersebut disampaikan Deputi Bidang Sumber Daya Manusia Aparatur Kementerian PANRB "
        "dalam rapat koordinasi.",
        "Deputi Bidang SDM Aparatur Wahyu Adi Nugroho mengungkapkan, masih ada rekomendasi yang belum dijalankan.",
        # an acronym joined to a word is no name; a spokesman's short title
        "Asisten Deputi Netralitas ASN KemenPANRB Retno Anggraini Putri mengatakan evaluasi disiapkan.",
        "Jubir Pemkot Ambon Ronald Pattiasina mengatakan tidak ada yang ditutup-tutupi.",
        # a comma ends "jabatan", which otherwise makes the office after it no one's
        "Kemendagri menekankan evaluasi jabatan, Anggota Bawaslu RI Herlina Situmorang menilai unsur pidana.",
        # "selaku": the first office, named before, tells who speaks
        "Sekretaris Daerah Kabupaten Sleman, Hardo Wibowo, membuka sidang.",
        "Sekretaris Daerah Kabupaten Sleman selaku Ketua Majelis Kode Etik menjelaskan, sidang berlanjut.",
        # at whose request is not who speaks; a nickname with an office in it is no other office
        "Pemanggilan dilakukan atas permintaan Penjabat Gubernur NTB setelah menerima surat Bawaslu.",
        "Kepala Desa Karangrejo, Endang Purwaningsih, yang akrab disapa Bu Kades Endang, mengajak perangkat netral.",
        # a school supervisor and a village elder in lower case
        "Pengawas sekolah dasar wilayah Kecamatan Cilawu, Euis Rohaeti, menyampaikan lembar supervisi.",
        "Sesepuh Desa Tenjowaringin, Oman Abdurahman, mengatakan guru harus menjadi cermin."])
    assert [(o.name, o.position) for o in speakers.by_paragraph] == [
        ("Wahyu Adi Nugroho", "Deputi Bidang Sumber Daya Manusia Aparatur Kementerian PANRB"),
        ("Wahyu Adi Nugroho", "Deputi Bidang Sumber Daya Manusia Aparatur Kementerian PANRB"),
        ("Retno Anggraini Putri", "Asisten Deputi Netralitas ASN KemenPANRB"),
        ("Ronald Pattiasina", "Jubir Pemkot Ambon"),
        ("Herlina Situmorang", "Anggota Bawaslu RI"),
        ("Hardo Wibowo", "Sekretaris Daerah Kabupaten Sleman"),
        ("Hardo Wibowo", "Sekretaris Daerah Kabupaten Sleman"),
        # no one speaks: the article's main official
        ("Wahyu Adi Nugroho", "Deputi Bidang Sumber Daya Manusia Aparatur Kementerian PANRB"),
        ("Endang Purwaningsih", "Kepala Desa Karangrejo"),
        ("Euis Rohaeti", "Pengawas sekolah dasar wilayah Kecamatan Cilawu"),
        ("Oman Abdurahman", "Sesepuh Desa Tenjowaringin")]


def test_a_family_name_that_is_a_place_a_local_body_and_a_governor_in_a_city():
    speakers = detect_speakers("Judul", [
        # "Batubara" is a regency too, but after two given names it ends the name
        "Terpisah, Inspektur Kota Medan Sri Wahyuni Batubara menyebut pemeriksaan berjalan.",
        # "setempat": the body of the place the article is about
        "Sementara itu, Ketua Bawaslu setempat Fajar Nurrohman mengatakan jajarannya siaga.",
        "Wakil Menteri Dalam Negeri (Wamendagri) Yohanes Mandala meminta ASN netral di Samarinda.",
        "Hal itu disampaikan Wamendagri saat memimpin rapat di Kota Samarinda.",
        # a governor's office takes the province of the city the article is about
        "Pj Gubernur Iskandar Tanjung mengatakan seluruh ASN di Samarinda wajib netral."])
    assert [(o.name, o.position) for o in speakers.by_paragraph] == [
        ("Sri Wahyuni Batubara", "Inspektur Kota Medan"),
        ("Fajar Nurrohman", "Ketua Bawaslu Kota Samarinda"),
        ("Yohanes Mandala", "Wakil Menteri Dalam Negeri"),
        ("Yohanes Mandala", "Wakil Menteri Dalam Negeri"),
        ("Iskandar Tanjung", "Penjabat Gubernur Provinsi Kalimantan Timur")]


def test_a_quotation_opened_with_a_closing_mark_a_nickname_in_a_description_and_headline_heads():
    speakers = detect_speakers("Bawaslu Banyuwangi Temukan Video", [
        "Inspektur Kabupaten Banyuwangi Wahyu Hadi Kuncoro membenarkan pemeriksaan tersebut.",
        # Radar newsrooms open a quotation with ” too; it runs on to where it closes
        "”Pemeriksaan sudah dimulai hari ini. Kami panggil satu per satu.",
        "”Dua orang mengaku hanya ikut tren,” jelasnya kepada wartawan.",
        "Ketua Bawaslu Banyuwangi, Zulkifli Anwar, membenarkan temuan itu.",
        "Anggota Bawaslu Banyuwangi Rini Marlina Sari menambahkan klarifikasi berjalan.",
        # a description naming someone by nickname: "Bang Zul" is Zulkifli, not the last speaker
        "Terkait sanksi, pria yang akrab disapa Bang Zul itu menilai pose jari bukan perkara sepele."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Wahyu Hadi Kuncoro", "Wahyu Hadi Kuncoro", "Wahyu Hadi Kuncoro",
        "Zulkifli Anwar", "Rini Marlina Sari", "Zulkifli Anwar"]
    # a headline naming an Inspektorat is about its Inspektur; "Sekkot" is the city's Sekda
    inspectorate = detect_speakers("Inspektorat Periksa Tiga ASN", [
        "Ketua Bawaslu Banyuwangi Ahmad Fauzan mengatakan video itu ditemukan patroli siber.",
        "Inspektur Kabupaten Banyuwangi Wahyu Hadi Kuncoro membenarkan pemeriksaan tersebut.",
        "“Niatnya bercanda, dampaknya tidak,” kata Ahmad Fauzan."])
    assert inspectorate.main.name == "Wahyu Hadi Kuncoro"
    city = detect_speakers("Sekkot Ambon: ASN Dilarang Ikut Euforia", [
        "Ketua Bawaslu Kota Ambon Abdul Gani Tuasikal mengatakan pengawasan berlanjut.",
        "“Jangan ikut konvoi,” kata Ketua Bawaslu Kota Ambon Abdul Gani Tuasikal.",
        "Sekretaris Kota Ambon Jacobus Pattinasarany meminta ASN tidak ikut euforia."])
    assert city.main.name == "Jacobus Pattinasarany"


def test_a_headline_naming_bkn_is_not_about_the_bkd():
    """Offices are compared without "daerah", so the "Badan Kepegawaian Daerah" would match the
    "Badan Kepegawaian Negara" that a headline's "BKN" spells; the body is read as written."""
    speakers = detect_speakers("BKN Kanreg XII Pekanbaru Terima 14 Laporan Netralitas ASN Riau", [
        "Kepala Badan Kepegawaian Daerah Provinsi Riau Zulkifli Amran mengatakan laporan diteruskan.",
        "“Kami teruskan semua,” kata Zulkifli.",
        "“Semua kami periksa,” kata Zulkifli lagi.",
        "Kepala Kantor Regional XII BKN Pekanbaru Haryono Setiabudi menyebut 14 laporan diterima."])
    assert speakers.main.name == "Haryono Setiabudi"


def test_a_speech_read_out_by_another_is_its_authors():
    """Government releases quote a head's speech that someone else read out: the words are the
    head's, whether the release names the speech after the quote ("demikian amanat ..."),
    puts the reader between the head and the verb, or opens on the speech ("Arahan ...")."""
    speakers = detect_speakers("Pj Bupati Minta ASN Netral", [
        "Apel dipimpin Sekda Lombok Timur Lalu Sahrul Hakim yang membacakan amanat Pj Bupati "
        "Lombok Timur Muhammad Yusran Fadli.",
        "“Pelayanan publik tidak boleh terganggu oleh politik,” demikian amanat Pj Bupati yang dibacakan Sekda.",
        "“Tidak ada yang boleh ikut kampanye,” demikian isi sambutan Pj Bupati.",
        "Sementara itu, Pjs Gubernur Sumatera Barat, Rudy Prasetya Handoko, dalam sambutan yang dibacakan "
        "Staf Ahli Gubernur Bidang Pemerintahan, Syaiful Anwar, meminta bupati memastikan netralitas.",
        "Arahan Kakanwil Kemenag NTB, Ahmad Junaidi Rasyid, dibacakan oleh Kepala Bagian Tata Usaha, "
        "Lalu Hamdan Wirasakti, karena Kakanwil tengah mengikuti rapat.",
        "“Jangan ikut meneruskan pesan berantai,” demikian arahan Kakanwil."])
    names = [o.name for o in speakers.by_paragraph]
    assert names[1:4] + names[5:] == [
        "Muhammad Yusran Fadli", "Muhammad Yusran Fadli", "Rudy Prasetya Handoko", "Ahmad Junaidi Rasyid"]
    # but a request others act on is still no one's words
    ordered = detect_speakers("Judul", [
        "Atas arahan Pj Gubernur, Kepala BKD Sumut Lisnawati Harahap mengatakan data diperiksa."])
    assert ordered.by_paragraph[0].name == "Lisnawati Harahap"


def test_selaku_names_a_capacity_and_a_part_s_head_is_not_the_body_s():
    """ "Anggota Bawaslu ... selaku Koordinator Divisi ..., Name" is the member (the capacity
    is the event's); "Kakanwil" is the head of the Kanwil, not the head of its Bagian."""
    speakers = detect_speakers("Kemenag Sulsel Gelar Deklarasi Netralitas", [
        "Hadir pula Anggota Bawaslu Provinsi Sulawesi Selatan selaku Koordinator Divisi Penanganan "
        "Pelanggaran dan Data Informasi, Andi Rahmat Syamsuddin, yang memaparkan rekapitulasi.",
        "Dalam laporannya, Kepala Bagian Tata Usaha Kanwil Kemenag Sulsel, Andi Nurhayati, menyampaikan "
        "bahwa kegiatan diikuti 180 peserta.",
        "Kepala Kanwil Kemenag Sulsel, Muhammad Arsyad Latief, dalam arahannya meminta ASN menjadi teladan.",
        "“Penyuluh agama kita didengar oleh umat,” tegas Arsyad.",
        "Kakanwil juga mengingatkan agar rumah ibadah tidak dijadikan tempat kampanye."])
    assert speakers.by_paragraph[0] == Official("Andi Rahmat Syamsuddin", "Anggota Bawaslu Provinsi Sulawesi Selatan")
    assert speakers.by_paragraph[4].name == "Muhammad Arsyad Latief"


def test_a_body_stands_in_the_headline_where_its_words_stand_together():
    """ "Bawaslu Sumut ..., BKD: ..." opens with Bawaslu, whose spelt-out "Badan Pengawas"
    shares its first word with the BKD's "Badan Kepegawaian": the BKD stands where it is written."""
    speakers = detect_speakers("Bawaslu Sumut Sebut ASN Rawan Dimobilisasi, BKD: Tak Ada Instruksi", [
        "Anggota Bawaslu Sumut Johan Parulian Simanjuntak mengatakan sembilan daerah rawan.",
        "“Polanya rapat dinas,” kata Johan.",
        "Kepala BKD Sumut Lisnawati Harahap membantah ada instruksi.",
        "“Tidak ada instruksi,” kata Lisnawati.",
        "“Kami sudah mengedarkan surat,” ujar Lisnawati lagi."])
    assert speakers.main.name == "Johan Parulian Simanjuntak"


def test_an_office_without_a_place_on_a_regional_government_s_site_is_that_government_s():
    """On kaltimprov.go.id a Kaban Kesbangpol is the province's, though the dateline is Samarinda;
    on the Bawaslu RI site an "Anggota Bawaslu" still takes no province."""
    paragraphs = ["SAMARINDA – Wakil Menteri Dalam Negeri Yohanes Mandala meminta ASN netral.",
                  "Adapun Kepala Badan Kesatuan Bangsa dan Politik, Fathurrahman Aziz, mengatakan pengawasan berjalan."]
    province = detect_speakers("Wamendagri Minta ASN Netral", paragraphs, outlet="Pemerintah Provinsi Kalimantan Timur")
    assert province.by_paragraph[1].position == "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Timur"
    national = detect_speakers("Bawaslu Ingatkan ASN", [
        "Pontianak – Anggota Bawaslu Iqbal Ramadhan Siregar mengingatkan ASN agar tidak memberi tanda suka."],
        outlet="Bawaslu RI")
    assert national.by_paragraph[0].position == "Anggota Bawaslu"


def test_the_head_someone_stands_in_for_is_named_but_silent():
    """ "Asisten ..., yang mewakili Pj Bupati Lampung Selatan, Arsyad Nurdin, memimpin apel":
    Arsyad holds the office the later "Pj Bupati" refers to, and says nothing in this paragraph."""
    speakers = detect_speakers("Pj Bupati Lampung Selatan Minta ASN Netral", [
        "Apel dipimpin Asisten Pemerintahan Setdakab Lampung Selatan, Ismet Hasanuddin, yang mewakili "
        "Penjabat (Pj) Bupati Lampung Selatan, Arsyad Nurdin, dan diikuti 1.200 ASN.",
        "“Saya minta seluruh ASN memahami aturan,” demikian amanat Pj Bupati.",
        "Pj Bupati juga meminta para camat ikut mengawasi aparatur di wilayahnya."])
    assert speakers.by_paragraph[1:] == [Official("Arsyad Nurdin", "Penjabat Bupati Lampung Selatan")] * 2
    assert speakers.main.name == "Arsyad Nurdin"


def test_given_names_that_are_also_words_open_a_name():
    """ "Ratna", "Siti" and "Bambang" are ordinary words too, but open names: "Ratna Dewi
    Anggraini Kepala BKPSDM ... memastikan", "Pj Gubernur Kalbar Bambang Setiadi Wibowo"."""
    speakers = detect_speakers("Judul", [
        "Ratna Dewi Anggraini Kepala BKPSDM Kota Surabaya memastikan rekomendasi ditindaklanjuti.",
        "Stefanus membacakan amanat tertulis Pj Gubernur Kalbar Bambang Setiadi Wibowo.",
        "“Netralitas bukan pilihan,” demikian bunyi amanat Pj Gubernur yang dibacakan Stefanus."])
    assert speakers.by_paragraph[0].name == "Ratna Dewi Anggraini"
    assert speakers.by_paragraph[2] == Official("Bambang Setiadi Wibowo", "Penjabat Gubernur Kalimantan Barat")


def test_a_brief_gives_the_office_in_its_lead_and_the_name_next():
    """ "KBRN, Ambon: Sekretaris Kota Ambon meminta ..." then "Frans Latuheru mengatakan ...":
    the name in the very next paragraph, with no office of its own, is the office's holder.
    A person named later, with an office of their own, is not."""
    speakers = detect_speakers("Sekkot Ambon Minta ASN Tak Ikut Kampanye", [
        "KBRN, Ambon: Sekretaris Kota Ambon meminta seluruh ASN tidak terlibat kampanye pasangan calon.",
        "Frans Latuheru mengatakan, larangan itu berlaku di media sosial. “Satu klik jadi masalah,” tegasnya.",
        "Sementara itu, Kepala BKPSDM Kota Ambon, Nurhayati Tuasikal, menyebut surat edaran sudah diedarkan."])
    assert speakers.by_paragraph[0] == speakers.by_paragraph[1] == Official("Frans Latuheru", "Sekretaris Kota Ambon")
    assert speakers.by_paragraph[2].name == "Nurhayati Tuasikal"


def test_words_read_out_quoted_or_passed_on_are_their_author_s():
    """ "ujar Ratih membacakan pesan Rektor", "kata Rizky menyampaikan arahan Kajari", "ujar
    Rizky mengutip Kajari", "disampaikan Sekda ... saat membacakan sambutan Pj Bupati Name pada
    Apel ...": the head's words. The relayer's own words stay his."""
    speakers = detect_speakers("Kajari Muara Enim Ingatkan ASN", [
        "Kepala Kejaksaan Negeri (Kajari) Muara Enim Andika Yudha Pratama mengingatkan ASN. Hal itu "
        "disampaikan Kajari melalui Kepala Seksi Intelijen Kejari Muara Enim, Rizky Anugrah Siregar.",
        "“Pemungutan suara sudah selesai,” kata Rizky menyampaikan arahan Kajari.",
        "“Jangan ada ASN yang dimutasi,” ujar Rizky mengutip Kajari.",
        "“Tiga laporan kami bahas di Gakkumdu,” jelas Rizky."])
    assert [o.name for o in speakers.by_paragraph[1:]] == [
        "Andika Yudha Pratama", "Andika Yudha Pratama", "Rizky Anugrah Siregar"]
    read_out = detect_speakers("Judul", [
        "Pesan itu disampaikan Sekretaris Daerah (Sekda) Banyumas, Sugeng Raharjo, saat membacakan sambutan "
        "Penjabat (Pj) Bupati Banyumas Anindito Wahyu Prakoso pada Apel Hari Kesadaran Nasional di Purwokerto."])
    assert read_out.by_paragraph[0] == Official("Anindito Wahyu Prakoso", "Penjabat Bupati Banyumas")


def test_a_column_s_answers_a_clause_before_the_name_and_laws_are_no_names():
    """ "Pertanyaan pembaca dijawab oleh Name, Anggota ..." answers what follows; "Anggota Bawaslu
    Jatim yang membidangi Divisi ..., Name, memastikan" names its holder after the clause; and
    "menurut Undang-Undang Nomor 20 Tahun 2023" is no one."""
    column = detect_speakers("Konsultasi Pilkada", [
        "Pertanyaan pembaca dijawab oleh Yuliana Kartikasari, Anggota Bawaslu Kabupaten Banyumas.",
        "Tanya: Apakah saya boleh hadir?",
        "Jawab: PPPK termasuk ASN menurut Undang-Undang Nomor 20 Tahun 2023, jadi kewajibannya sama."])
    assert column.by_paragraph[2] == Official("Yuliana Kartikasari", "Anggota Bawaslu Kabupaten Banyumas")
    assert all(o.name != "Undang-Undang Nomor" for o in column.officials)
    clause = detect_speakers("Judul", [
        "Anggota Bawaslu Jatim yang membidangi Divisi Pencegahan, Partisipasi Masyarakat, dan Hubungan "
        "Masyarakat, Mochamad Ilham Syafii, memastikan klaim tersebut keliru."])
    assert clause.by_paragraph[0] == Official("Mochamad Ilham Syafii", "Anggota Bawaslu Jawa Timur")


def test_an_office_after_a_reporting_verb_not_set_off_opens_what_is_reported():
    """ "Menurut Fikri, Pjs Gubernur telah memanggil ...": Fikri reports what the Pjs Gubernur
    did, and keeps his own office; "disampaikan Teguh Prasetyo, mantan Ketua Bawaslu ..." ends
    its sentence on his office, which stays his."""
    speakers = detect_speakers("Pjs Gubernur Jambi Minta Inspektorat Turun Tangan", [
        "Penjabat Sementara (Pjs) Gubernur Jambi Hendrawan Budi Satrio meminta Inspektorat memeriksa RH.",
        "Hal itu disampaikan Kepala Dinas Kominfo Provinsi Jambi, Fikri Ramadhan Saputra, kepada wartawan.",
        "Menurut Fikri, Pjs Gubernur telah memanggil Kepala Dinas PUPR untuk meminta penjelasan.",
        "Pandangan serupa disampaikan Teguh Prasetyo, mantan Ketua Bawaslu Provinsi Jawa Tengah. "
        "“Itu gunung es,” kata Teguh."])
    assert speakers.by_paragraph[2] == Official("Fikri Ramadhan Saputra", "Kepala Dinas Kominfo Provinsi Jambi")
    assert speakers.by_paragraph[3].position == "mantan Ketua Bawaslu Provinsi Jawa Tengah"


def test_national_officials_their_site_and_words_that_are_no_names():
    """On the Bawaslu RI site, written out in full, a "Ketua Bawaslu" takes no dateline place;
    "SDM Aparatur" and "Politisi Fraksi PKB itu" name no one; "Dimas Arya Saputra", "Hendra
    Gunawan Surya" and "Mama Naomi" are names whose words are also ordinary ones."""
    site = detect_speakers("Bawaslu Ungkap 386 Dugaan Pelanggaran", [
        "JAKARTA – Ketua Bawaslu Fauzan Ridwan Hakim mengatakan pengawasan diperketat."],
        outlet="Badan Pengawas Pemilihan Umum Republik Indonesia")
    assert site.by_paragraph[0] == Official("Fauzan Ridwan Hakim", "Ketua Bawaslu")
    speakers = detect_speakers("Judul", [
        "Asisten Deputi Pembinaan Integritas dan Penegakan Disiplin SDM Aparatur Ratna Kusumawardhani "
        "mengatakan temuan meningkat.",
        "Anggota Komisi II DPR RI Muhammad Iqbal Fathurrahman meminta sanksi dipercepat.",
        "“PPPK itu juga ASN,” kata Politisi Fraksi PKB itu.",
        "Kepala Biro Data, Komunikasi, dan Informasi Publik Kementerian PANRB Dimas Arya Saputra mengatakan "
        "masukan dicatat.",
        "Penjabat (Pj) Wali Kota Bogor Hendra Gunawan Surya memutuskan membebastugaskan lurah itu.",
        "Kepala Distrik Wamena Kota, Naomi Hubi, meminta ASN netral. “Kantor distrik bukan posko,” "
        "kata Mama Naomi."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Ratna Kusumawardhani", "Muhammad Iqbal Fathurrahman", "Muhammad Iqbal Fathurrahman",
        "Dimas Arya Saputra", "Hendra Gunawan Surya", "Naomi Hubi"]


def test_a_member_s_division_does_not_hide_the_body_a_headline_names():
    """ "Bawaslu Medan Teruskan 3 Kasus ... ke BKN" opens with the Bawaslu member's body, though
    her post is written with the division she heads after it."""
    speakers = detect_speakers("Bawaslu Medan Teruskan 3 Kasus Netralitas ASN ke BKN", [
        "Anggota Bawaslu Kota Medan Koordinator Divisi Penanganan Pelanggaran Rini Marlina Sitepu "
        "mengatakan tiga kasus diteruskan.",
        "Kepala Kantor Regional VI BKN Medan Desi Natalia Sitompul mengatakan berkas diterima.",
        "“Kami proses,” kata Desi.", "“Secepatnya,” ujar Desi lagi."])
    assert speakers.main.name == "Rini Marlina Sitepu"


def test_customary_heads_of_eastern_indonesia_are_offices_of_their_own_community():
    """Buton's "Parabela Wabula", the Kaili's "Totua Ngata Kelurahan Lere" and a Papuan "Kepala
    Suku Konfederasi Hubikosi" are offices, each naming its own community."""
    assert _speakers_of("Parabela Wabula, La Hamidu, menyambut baik ajakan itu.") == \
        [("La Hamidu", "Parabela Wabula")]
    assert _speakers_of("Totua Ngata Kelurahan Lere, Hasan Ladjakuni, mengajak warga tenang.") == \
        [("Hasan Ladjakuni", "Totua Ngata Kelurahan Lere")]
    assert _speakers_of("Kepala Suku Konfederasi Hubikosi, Obed Asso, menyampaikan sikapnya.") == \
        [("Obed Asso", "Kepala Suku Konfederasi Hubikosi")]


def test_a_transcript_s_time_code_glued_to_its_label_and_heads_in_general():
    """A video transcript whose time code extraction glued to the label ("00:19ANDI SYAMSUL
    BAHRI, PJ GUBERNUR SULSEL: ..."), and "Kepala perangkat daerah diminta ...", heads of
    agencies in general, which is no one's office."""
    speakers = detect_speakers("Pj Gubernur Sulsel Ancam Copot ASN", [
        "00:19ANDI SYAMSUL BAHRI, PJ GUBERNUR SULSEL: Saya sudah dapat beberapa laporan.",
        "01:16NURHIDAYAH PASINRINGI, KETUA BAWASLU SULSEL: Tujuh laporan sudah kami kaji.",
        "- Kepala perangkat daerah diminta memastikan kendaraan dinas terparkir di kantor."])
    assert [o.name for o in speakers.by_paragraph[:2]] == ["Andi Syamsul Bahri", "Nurhidayah Pasinringi"]
    assert all(o.position != "Kepala" and not o.position.startswith("Kepala Provinsi") for o in speakers.officials)
    assert speakers.by_paragraph[2].name != ""


def test_village_heads_titles_a_bodys_field_a_second_office_and_a_datelines_lead():
    """Rounds ninety-two and ninety-three: Riau's Penghulu Kampung, Madura's Klebun and an Irban
    are offices; the word after "Dinas" is its field, not a name; an office set off right
    after a name is that person's; a name before its office opens the lead after a dateline."""
    assert _speakers_of("Penghulu Kampung Teluk Lanus, Zulkarnain, mengatakan penghulu harus netral.") == \
        [("Zulkarnain", "Penghulu Kampung Teluk Lanus")]
    assert _speakers_of("Klebun Desa Bire Tengah, Hamdan Zaini, mengaku tidak menindaklanjuti ajakan.") == \
        [("Hamdan Zaini", "Klebun Desa Bire Tengah")]
    assert _speakers_of("Irban Wilayah III, Deden Ramdani, mengatakan pemeriksaan rampung.")[0][0] == "Deden Ramdani"
    assert _speakers_of("Sekretaris Dinas Pendidikan menyebut tidak ada guru yang menjadi saksi.") == \
        [("", "Sekretaris Dinas Pendidikan")]
    assert _speakers_of("Plt Kepala Dinas Pendidikan Muara Enim, Nurlela Hasanah, yang juga Sekretaris Dinas "
                        "Pendidikan, menyebut tidak ada guru yang menjadi saksi.")[0][0] == "Nurlela Hasanah"
    assert _speakers_of("Anggota Bawaslu Jember Fitria Nurul Aini, Koordinator Divisi Penanganan Pelanggaran, "
                        "membenarkan pemanggilan itu.")[0][0] == "Fitria Nurul Aini"
    assert _speakers_of("suarasurabaya.net| Dwi Cahyo Nugroho Camat Tambaksari meminta lurah netral.") == \
        [("Dwi Cahyo Nugroho", "Camat Tambaksari")]
    assert _speakers_of("Anggota Bawaslu Kabupaten Bintan, Yap Mei Ling, mengatakan dua laporan masuk.") == \
        [("Yap Mei Ling", "Anggota Bawaslu Kabupaten Bintan")]  # "Mei" is a month and a given name
    assert _speakers_of("Camat Trucuk, Heru Wicaksono, mengatakan perangkat desa harus netral.",
                        "“Guru harus memberi contoh,” kata Camat Heru.")[1] == ("Heru Wicaksono", "Camat Trucuk")
    assert _speakers_of("“Ternyata like juga bisa jadi masalah,” kata Rina, guru mata pelajaran Bahasa Indonesia "
                        "itu.") == [("Rina", "Guru mata pelajaran Bahasa Indonesia")]  # "itu" refers, no post
    assert _speakers_of("Salah satu ASN yang diperiksa, Agustina Lete, guru di sebuah SMP negeri di Kecamatan "
                        "Kupang Tengah, membantah pernah mengajak murid.") == \
        [("Agustina Lete", "Guru di sebuah SMP negeri di Kecamatan Kupang Tengah")]  # a post set off before the verb
    assert _speakers_of("Pj Bupati Bogor, Hendra Gunawan Saleh (PPK), mengatakan semua ASN diperiksa.") == \
        [("Hendra Gunawan Saleh", "Penjabat Bupati Bogor")]  # the bracket after the name is no part of it
    assert [(o.name, o.position) for o in detect_speakers("Netralitas ASN", [
        "Tembusan: Pj Bupati Bogor, Hendra Gunawan Saleh (PPK); Inspektur Kabupaten Bogor, Rini Marlina Pohan."
    ]).officials] == [("Hendra Gunawan Saleh", "Penjabat Bupati Bogor"),
                      ("Rini Marlina Pohan", "Inspektur Kabupaten Bogor")]  # a list's items apart
    assert [(o.name, o.position) for o in detect_speakers("Bawaslu Kendari Registrasi Laporan", [
        "Pelapor, Yusran Abdullah, yang merupakan anggota tim pemenangan salah satu pasangan calon wali kota "
        "Kendari, berharap Bawaslu menangani laporannya."]).officials] == [("Yusran Abdullah", "")]  # no place


def test_a_malay_title_opening_a_name_is_left_out_and_still_calls_the_person():
    """ "Datuk H. Hasan Basri" is Hasan Basri, then "Datuk Hasan" and "Menurut Datuk"; after a
    Minang name, "Datuk Bandaro Sati" is the name's own adat title and stays."""
    assert [o.name for o in detect_speakers("Netralitas ASN", [
        "Ketua Bawaslu Kabupaten Siak, Datuk H. Hasan Basri, S.Ag., mengatakan ASN harus netral.",
        "Di akhir kegiatan, Datuk Hasan mengajak peserta melapor.",
        "Menurut Datuk, laporan masyarakat itu mata dan telinga Bawaslu."]).by_paragraph] == ["Hasan Basri"] * 3
    assert _speakers_of("Syafruddin Datuk Bandaro Sati, Ketua LKAAM Tanah Datar, mengatakan adat netral.")[0][0] == \
        "Syafruddin Datuk Bandaro Sati"


def test_a_regional_government_in_the_headline_is_its_head_when_the_head_speaks_most():
    """ "Pemprov Kalbar dan Bawaslu Teken ..." is about the Pj Gubernur who leads the story, not
    the Bawaslu chair whose body it names; under "Pemkab TTS Minta ..." the Asisten who speaks
    for the Pemkab stays the main official."""
    main = detect_main_official("Pemprov Kalbar dan Bawaslu Teken Pakta Integritas Netralitas ASN", [
        "Pj Gubernur Kalimantan Barat, Ignasius Darmawan, mengatakan pakta itu mengikat semua ASN.",
        "Ketua Bawaslu Provinsi Kalimantan Barat, Hendri Lubis, mengatakan pengawasan diperketat.",
        "“Tidak ada ruang untuk berpihak,” kata Ignasius."])
    assert main.name == "Ignasius Darmawan"
    main = detect_main_official("Pemkab TTS Minta Guru di Pedalaman Jaga Netralitas", [
        "Penjabat Bupati Timor Tengah Selatan, Aloysius Benu, mengatakan camat diminta mendata ASN.",
        "Asisten Pemerintahan Setda TTS, Yeremias Nubatonis, mengatakan guru paling didengar warga.",
        "“Mereka harus paling hati-hati,” kata Yeremias.", "“Formulir wajib diisi,” ujar Yeremias."])
    assert main.name == "Yeremias Nubatonis"


def test_a_report_is_said_unless_it_is_asked_for():
    """ "Ketua KPPS Name melaporkan ..." says what follows, and her "ujarnya"; "Pengawas desa
    diminta melaporkan ..." is a request, no one speaking. A KPPS's post takes no regional place."""
    speakers = detect_speakers("Sekdaprov Sumbar Tinjau TPS di Padang", [
        "Kapolresta Padang, Hardiansyah Putra, mengatakan pengamanan berjalan lancar.",
        "Di TPS 22 Lubuk Buaya, Ketua KPPS Yulia Fitri Handayani melaporkan partisipasi pemilih tinggi. "
        "“Sampai pukul sebelas sudah 300 lebih yang datang,” ujarnya."])
    assert (speakers.by_paragraph[1].name, speakers.by_paragraph[1].position) == ("Yulia Fitri Handayani", "Ketua KPPS")
    assert _speakers_of("Ketua Bawaslu Pesawaran, Ahmad Fauzi, mengatakan desa diawasi.",
                        "Pengawas kelurahan/desa diminta melaporkan setiap pertemuan yang dihadiri ASN. "
                        "“Itu sudah cukup jadi bahan kajian kami,” kata dia.")[1][0] == "Ahmad Fauzi"


def test_replies_occasions_lecturers_schools_and_a_post_someone_is_known_to_hold():
    """Round 102's relayed statements: '"...," balas Name' replies; an occasion clause set off
    between the speaker and the verb ("Name, saat menjadi narasumber dalam dialog ..., menilai");
    a "pengajar" is a lecturer; "Kepala SDN 3 Kembiritan" heads a village's school; "Name
    diketahui menjabat Kepala ..." holds that post. "tanggung jawab Kepala BKD" is no reply."""
    speakers = detect_speakers("Pj Gubernur NTB: ASN Terlibat Kampanye Dicopot", [
        "Penjabat Gubernur NTB, Gatot Wiryawan, mengatakan ASN yang terlibat akan dicopot.",
        "Kepala BKD NTB, Nurhidayah Ramdani, dihubungi terpisah, membenarkan pemeriksaan berjalan.",
        "“Tidak ada toleransi,” tegas Gatot.",
        "Dihubungi melalui WhatsApp, Nurhidayah enggan berkomentar panjang. Ia hanya menyatakan akan "
        "mengikuti arahan. “Pemeriksaan disiplin bisa kami selesaikan dalam hitungan hari,” balasnya singkat.",
        "Sanksi itu menjadi tanggung jawab Kepala BKD sebagai pejabat yang berwenang.",
        "Sementara itu, pengamat politik dari Universitas Mataram, Ishak Abdillah, saat menjadi narasumber "
        "dalam dialog interaktif RRI Mataram, Selasa pagi, menilai kehadiran pejabat tetap berisiko.",
        "Narasumber lain, pengajar Hukum Tata Negara Fakultas Hukum Universitas Mataram, Bayu Aji, "
        "menilai ruang digital paling rawan.",
        "Foto itu diunggah akun atas nama Sutrisno Hadi, Kepala SDN 3 Kembiritan, pada Sabtu.",
        "Sutrisno mengaku tidak bermaksud berkampanye.",
        "Yayat Hidayat diketahui menjabat Kepala Subbagian Umum Dinas Pertanian. Ia membenarkan akun itu."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Gatot Wiryawan", "Nurhidayah Ramdani", "Gatot Wiryawan", "Nurhidayah Ramdani", "Gatot Wiryawan",
        "Ishak Abdillah",
        "Bayu Aji", "Gatot Wiryawan", "Sutrisno Hadi", "Yayat Hidayat"]
    held = {o.name: o.position for o in speakers.officials}
    assert held["Bayu Aji"].startswith("Pengajar Hukum Tata Negara")
    assert held["Sutrisno Hadi"].startswith("Kepala SDN 3 Kembiritan") and "Kembiritan" not in held
    assert held["Yayat Hidayat"].startswith("Kepala Subbagian Umum Dinas Pertanian")


def test_a_parliament_s_hearing_its_fractions_committees_and_party_seats():
    """Round 101's DPRD hearings: a fraction named without its parliament is the DPRD's
    ("juru bicara Fraksi PKS", "Anggota Fraksi PDI Perjuangan"); a party seat after the name
    goes with the office; a committee's number is no initial; "mempertanyakan" and "sindir"
    say; a party's name is no person's; and the headline's subject, not the office it names
    later ("..., Yusuf Ardiansyah Minta Sekda ..."), is the main official."""
    speakers = detect_speakers("Interupsi di Paripurna DPRD Garut, Yusuf Ardiansyah Minta Sekda Tindak Camat", [
        "GARUT - Rapat paripurna DPRD Kabupaten Garut diwarnai interupsi, dan Komisi I DPRD Garut turun tangan.",
        "Anggota Fraksi PDI Perjuangan Yusuf Ardiansyah meminta Sekda menindak camat yang tidak netral.",
        "Adapun juru bicara Fraksi PKS, Nurul Hidayati, mempertanyakan langkah konkret pemerintah daerah.",
        "Wakil Ketua Komisi I Sutarmin Effendi dari Fraksi Gerindra meminta BKD aktif turun ke desa.",
        "“Jangan-jangan ditunggu sampai semua orang lupa,” sindir Nurul.",
        "Sekretaris Daerah Kabupaten Garut, Ade Suryana, mengatakan pemeriksaan sedang berjalan.",
        "“Kami catat,” kata Yusuf Ardiansyah."])
    assert speakers.main.name == "Yusuf Ardiansyah"
    assert [o.name for o in speakers.by_paragraph[1:]] == [
        "Yusuf Ardiansyah", "Nurul Hidayati", "Sutarmin Effendi", "Nurul Hidayati", "Ade Suryana", "Yusuf Ardiansyah"]
    held = {o.name: o.position for o in speakers.officials}
    assert held["Yusuf Ardiansyah"] == "Anggota DPRD Kabupaten Garut dari Fraksi PDI Perjuangan"
    assert held["Nurul Hidayati"] == "Juru bicara Fraksi PKS DPRD Kabupaten Garut"
    assert held["Sutarmin Effendi"] == "Wakil Ketua Komisi I DPRD Kabupaten Garut dari Fraksi Gerindra"


def test_an_english_page_s_quotes_go_to_who_said_them():
    """English pages of Indonesian outlets (round 104): "Name stressed", '"...," Name said on
    Monday', '"...," she said' speak ('"...," said Name' is not read); "He", "She" and
    "Regional Secretary" are no names. English offices are not read yet (strict xfails)."""
    speakers = detect_speakers("Bawaslu West Java flags 45 cases of civil servant non-neutrality", [
        "Bandung (ANTARA) - Bawaslu West Java has recorded 45 alleged violations of neutrality.",
        "“Most of the cases we handled came from social media,” Hendra Wirasaputra said on Monday.",
        "Meanwhile, Nurlaila Kusumawati stressed that neutrality applies online and offline.",
        "“Posing with a candidate is already a violation,” she said.",
        "“We will not hesitate to forward every proven violation to BKN,” Wirasaputra added."])
    assert [o.name for o in speakers.by_paragraph[1:]] == [
        "Hendra Wirasaputra", "Nurlaila Kusumawati", "Nurlaila Kusumawati", "Hendra Wirasaputra"]
    assert {o.name for o in speakers.officials} <= {"Hendra Wirasaputra", "Nurlaila Kusumawati"}


def test_of_two_people_sharing_a_name_the_one_holding_the_office_it_comes_with_is_meant():
    speakers = detect_speakers("Apel Deklarasi Netralitas ASN", [
        "Sekretaris Daerah Kabupaten Sleman, Budi Santosa Widagdo, memimpin apel netralitas ASN.",
        "Kepala BKPP Sleman, Budi Prasetyo, mengatakan seluruh ASN sudah menandatangani pakta integritas.",
        "“Netralitas itu harga mati,” tegas Budi Santosa.",
        "Budi yang menjabat Kepala BKPP itu juga mengingatkan ASN agar tidak ikut berkampanye."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Budi Santosa Widagdo", "Budi Prasetyo", "Budi Santosa Widagdo", "Budi Prasetyo"]


def test_a_response_s_framing_does_not_keep_a_new_speaker_out():
    """ "Menanggapi hal itu, Kadis Andi menyatakan ..." mid-paragraph: the Kadis speaks from
    there; the opening "Menanggapi" is the response's framing, not a verb pointing back."""
    paragraph = ("Ketua Bawaslu Bone, Syamsul Bahri, mengungkapkan pihaknya menerima tiga laporan. "
                 "Menanggapi hal itu, Kadis Andi menyatakan kedua guru tersebut sudah dipanggil.")
    assert split_at_new_speakers([paragraph]) == [
        "Ketua Bawaslu Bone, Syamsul Bahri, mengungkapkan pihaknya menerima tiga laporan.",
        "Menanggapi hal itu, Kadis Andi menyatakan kedua guru tersebut sudah dipanggil."]


def test_an_office_opening_a_sentence_after_pemilihan_is_someone_s():
    """ "... penyelenggara pemilihan. Ketua Bawaslu ..., Name, mengapresiasi": "pemilihan"
    makes an office no one's only within its sentence ("Pemilihan Kepala Daerah")."""
    speakers = detect_speakers("Apel Netralitas ASN", [
        "Apel juga dihadiri unsur Forkopimda serta jajaran penyelenggara pemilihan. Ketua Bawaslu Kabupaten "
        "Banyumas, Imam Fauzi Rahmat, mengapresiasi inisiatif pemkab."])
    assert speakers.by_paragraph[0] == Official("Imam Fauzi Rahmat", "Ketua Bawaslu Kabupaten Banyumas")


def test_campus_posts_keep_their_wakil_and_name_their_own_campus_and_a_report_is_no_post():
    """Round 108: "Wakil Rektor" and "Wakil Dekan" are offices of their own; a rector's,
    dean's or study programme's post names its campus, so the dateline's regency is not
    added; after "Menurut Ninik," a clause ("guru lebih mudah memahami ...") is what she
    reports, not her post."""
    speakers = detect_speakers("UGM Ingatkan Dosen ASN Jaga Netralitas", [
        "SLEMAN - Wakil Rektor Bidang SDM dan Aset UGM, Hendrawan Setyo Pramono, meminta dosen ASN netral.",
        "Ketua Program Studi PPKn UM, Ninik Sri Handayani, mengatakan materi disusun sebagai studi kasus.",
        "Menurut Ninik, guru lebih mudah memahami aturan ketika diajak membedah contoh pelanggaran.",
        "Kaprodi Ilmu Politik USU, Dr. Taufan Harahap, S.Sos., menilai peristiwa ini menjadi pelajaran."])
    held = {o.name: o.position for o in speakers.officials}
    assert held["Taufan Harahap"] == "Kaprodi Ilmu Politik USU"
    assert held["Hendrawan Setyo Pramono"] == "Wakil Rektor Bidang SDM dan Aset UGM"
    assert held["Ninik Sri Handayani"] == "Ketua Program Studi PPKn UM"
    assert [o.name for o in speakers.by_paragraph] == ["Hendrawan Setyo Pramono", "Ninik Sri Handayani",
                                                       "Ninik Sri Handayani", "Taufan Harahap"]


def test_a_prosecutor_is_an_office_a_judge_named_hakim_is_not_and_a_body_s_initials_go_on():
    speakers = detect_speakers("Sidang Perdana Camat di PN Watampone", [
        "Jaksa Penuntut Umum (JPU) Kejaksaan Negeri Bone, Muhammad Ikhsan Rasyid, mengatakan terdakwa hadir.",
        "Ketua Bawaslu Kabupaten Bogor, Asep Ridwan Hakim, mengatakan laporan sudah diteruskan."])
    held = {o.name: o.position for o in speakers.officials}
    assert held["Muhammad Ikhsan Rasyid"] == "Jaksa Penuntut Umum Kejaksaan Negeri Bone"
    director = detect_speakers("Apel Netralitas RSUD", [
        "Direktur RSUD R.T. Notopuro Sidoarjo, dr. Bambang Suryo Atmojo, Sp.PD, menegaskan rumah sakit steril."])
    assert director.by_paragraph[0].position == "Direktur RSUD R.T. Notopuro Sidoarjo"  # a body's initials
    assert held["Asep Ridwan Hakim"] == "Ketua Bawaslu Kabupaten Bogor"


def test_sloppy_writing_still_names_its_speakers():
    """Round 113, small outlets: no space after a comma or full stop, a passive verb of saying
    with its prefix apart ("di sampaikan"), a closing quotation mark typed twice with no comma
    before "jelas", and a lower-case office opening a paragraph."""
    lines = clean_lines([
        "SIGI- (SigiPos) Kepala BKPSDM Kabupaten Sigi,Hasanuddin Lamarauna mengingatkan ASN agar netral.",
        "Peringatan itu di sampaikan Hasanuddin saat sosialisasi di aula kantor bupati.",
        '"Prosedurnya kami tunggu dulu hasil kajian Bawaslu,kemudian kami periksa yang bersangkutan."" '
        "jelas Rusli.Kalau terbukti, sanksi menanti.",
        "kepala BKPSDM Toraja Utara, Yulius Bato Pasolang menambahkan, absensi dibuat dua kali sehari."])
    assert lines[0] == ("SIGI- (SigiPos) Kepala BKPSDM Kabupaten Sigi, Hasanuddin Lamarauna mengingatkan ASN "
                        "agar netral.")
    assert '"Prosedurnya kami tunggu dulu hasil kajian Bawaslu, kemudian kami periksa yang bersangkutan." jelas ' \
           "Rusli. Kalau" in lines[2]
    assert [name for name, _ in _speakers_of(*lines)] == [
        "Hasanuddin Lamarauna", "Hasanuddin Lamarauna", "Rusli", "Yulius Bato Pasolang"]
    assert _speakers_of(lines[3])[0][1].startswith("Kepala BKPSDM")


def test_single_quotation_marks_and_a_pull_quote_s_dash_credit():
    """Round 114: a paragraph quoting with single marks only, and a quotation credited after
    a dash on the line below it, as a pull quote is ('— Kepala ..., Name')."""
    lines = clean_lines([
        "'Untuk ASN kami teruskan ke BKN,' jelas Fauzan. Ia menyebut 'like' pun bisa dilaporkan.",
        "“Setiap rekomendasi yang masuk langsung kami verifikasi paling lama tiga hari kerja.”",
        "— Kepala Kanreg VI BKN Medan, Darwin Halomoan Siregar",
        "Jum'at lalu Bawaslu menggelar rapat koordinasi dengan seluruh camat di aula kantor."])
    assert lines[0] == "“Untuk ASN kami teruskan ke BKN,” jelas Fauzan. Ia menyebut 'like' pun bisa dilaporkan."
    assert lines[1].endswith("hari kerja.” — Kepala Kanreg VI BKN Medan, Darwin Halomoan Siregar.")
    assert lines[2].startswith("Jum'at")  # an apostrophe inside a word quotes nothing
    speakers = detect_speakers("Netralitas ASN", lines[:2])
    assert [o.name for o in speakers.by_paragraph] == ["Fauzan", "Darwin Halomoan Siregar"]
    assert {o.name: o.position for o in speakers.officials}["Darwin Halomoan Siregar"] == \
        "Kepala Kanreg VI BKN Medan"


def test_sub_district_officers_and_their_places():
    """Round 115: a district named with a word of the land ("Sungai Ambawang"), a given name
    that is a dictionary word ("Hadi"), a village's name before a one-word name, NCO ranks and
    a village's army and police officers, and a PKD's "Kelurahan/Desa"."""
    held = {o.name: o.position for o in detect_speakers("Netralitas Pamong Kecamatan", [
        "Camat Sungai Ambawang Antonius Jumadi menyatakan menghormati proses yang berjalan.",
        "Camat Genteng Hadi Wijaya Kusuma menyampaikan bahwa kecamatan hanya menyediakan tempat.",
        "Ketua PPS Desa Kembiritan Wahyuningsih mengaku materi bimtek membuat timnya paham batasan.",
        "“Kami jadi tahu, status WhatsApp juga bisa jadi masalah,” ucap Wahyuningsih.",
        "Babinsa Koramil Babat, Serka Mujiono, menegaskan TNI juga memegang prinsip yang sama.",
        "Pengawas Kelurahan/Desa Rimbo Panjang, Ilham Syahputra, mengatakan video itu sudah diarsipkan."]).officials}
    assert held == {"Antonius Jumadi": "Camat Sungai Ambawang", "Hadi Wijaya Kusuma": "Camat Genteng",
                    "Wahyuningsih": "Ketua PPS Desa Kembiritan", "Mujiono": "Babinsa Koramil Babat",
                    "Ilham Syahputra": "Pengawas Kelurahan/Desa Rimbo Panjang"}


def test_a_headline_s_subject_named_without_its_place_is_the_main_official():
    """Round 116: "Pj Gubernur Lantik Pj Wali Kota Palopo": the Pj Gubernur, though only the
    Pj Wali Kota's office is written in full; "Irjen" is the Inspektur Jenderal. A village
    head ("Kepala desa") is no "Kepala Dinas ... dan Desa"."""
    main = detect_speakers("Pj Gubernur Lantik Pj Wali Kota Palopo, Minta Jaga Netralitas ASN", [
        "Penjabat Gubernur Sulawesi Selatan Muhammad Arsyad Tahir melantik Pj Wali Kota Palopo.",
        "“Jaga netralitas ASN sampai pilkada usai,” kata Arsyad.",
        "Pj Wali Kota Palopo Andi Firdaus Patiroi mengatakan siap menjalankan arahan itu."]).main
    assert main.name == "Muhammad Arsyad Tahir"
    irjen = detect_speakers("Irjen Kemendagri Ingatkan Pj Kepala Daerah Jangan Gunakan Fasilitas Negara", [
        "Inspektur Jenderal Kementerian Dalam Negeri Hendro Kusumo Adinegoro meminta Pj kepala daerah netral.",
        "Dirjen Polpum Kemendagri Yusran Mahmud Alkatiri menambahkan, surat edaran sudah terbit.",
        "“Jangan coba-coba memutasi pejabat,” kata Yusran.",
        "“Mutasi tanpa izin bisa membatalkan pencalonan,” ujar Yusran lagi."]).main
    assert irjen.name == "Hendro Kusumo Adinegoro"
    dpmd = detect_speakers("Kades Terbukti Tak Netral", [
        "Kepala desa berinisial AS itu mengajak warga memilih salah satu pasangan calon.",
        "Kepala Dinas Pemberdayaan Masyarakat dan Desa (DPMD) Kampar, Nofriadi Putra, menuturkan akan "
        "menelaah rekomendasi."]).officials
    assert [o.position for o in dpmd if o.name == "Nofriadi Putra"] == [
        "Kepala Dinas Pemberdayaan Masyarakat dan Desa Kampar"]


def test_sector_officers_clergy_and_noble_titles():
    """Rounds 118 to 120: "Staf ..." is a post, a priest's order after his name ("Pr") and
    "RD." before it are no name, two acronyms in capitals stay acronyms ("BPMW GMIM"), a
    village named with a word of the land is no speaker ("warga Desa Bandar Klippa"), a Dayak
    "Damang" is an office, and "Kms." a noble title."""
    speakers = detect_speakers("Kemenag dan Gereja Ajak ASN Netral", [
        "Staf Penanganan Pelanggaran Bawaslu Kabupaten Garut, Fajar Ramdani, menuturkan laporan terus masuk.",
        "Ketua Komisi Keadilan dan Perdamaian Keuskupan Maumere, RD. Silvester Moa Parera, Pr, mengatakan "
        "gereja netral.",
        "Ketua BPMW GMIM Wilayah Airmadidi, Pdt. Marlon Stevie Kaunang, mengatakan mimbar bukan tempat kampanye.",
        "Salah seorang calon pengantin, Rina Sari Damanik, warga Desa Bandar Klippa, mengaku tidak diarahkan.",
        "Damang Kepala Adat Kecamatan Kurun, Elias Tundjan, mengatakan adat melarang politik uang.",
        "Kepala BKPSDMD Kerinci Kms. Ridwan Hakim mengatakan tim pemeriksa sudah dibentuk."])
    held = {o.name: o.position for o in speakers.officials}
    assert held["Marlon Stevie Kaunang"].startswith("Ketua BPMW GMIM Wilayah Airmadidi")  # with the article's place
    del held["Marlon Stevie Kaunang"]
    assert held == {"Fajar Ramdani": "Staf Penanganan Pelanggaran Bawaslu Kabupaten Garut",
                    "Silvester Moa Parera": "Ketua Komisi Keadilan dan Perdamaian Keuskupan Maumere",
                    "Elias Tundjan": "Damang Kepala Adat Kecamatan Kurun",
                    "Ridwan Hakim": "Kepala BKPSDMD Kerinci"}
    assert "Klippa" not in {o.name for o in speakers.by_paragraph}


def test_a_regional_government_opening_a_headline_clause_is_its_sekda_s():
    """Round 117: "..., Pemkab Gowa Larang ASN ..." with the Sekda announcing it and the
    Bawaslu chair quoted more: the Sekda; "Empat ASN Pemkot Jambi Dipanggil Bawaslu" names
    the ASN's government, not its subject."""
    paragraphs = [
        "Sekretaris Daerah Kabupaten Gowa Andi Rahmat Syamsuddin mengatakan larangan itu tertuang dalam edaran.",
        "Ketua Bawaslu Kabupaten Gowa Saiful Jamaluddin mengatakan pihaknya akan mengawasi.",
        "“Kami turunkan pengawas ke setiap TPS,” ujar Saiful.", "“Laporkan bila ada ASN jadi saksi,” kata Saiful."]
    assert detect_speakers("Dua Hari Jelang Pencoblosan, Pemkab Gowa Larang ASN Jadi Saksi Paslon",
                           paragraphs).main.name == "Andi Rahmat Syamsuddin"
    assert detect_speakers("Empat ASN Pemkab Gowa Dipanggil Bawaslu", paragraphs).main.name == "Saiful Jamaluddin"


def test_a_body_s_own_site_names_it_in_its_parts_posts_and_an_accountant_s_degree_is_no_name():
    """Rounds 122 and 123: on Bawaslu Garut's site "Kordiv HPPH" and "Kepala Sekretariat" are
    Bawaslu Garut's posts; "Name, S.E., Ak.," ends with a degree."""
    speakers = detect_speakers("Bawaslu Teruskan Lima Kasus Netralitas ASN ke BKN", [
        "Kordiv HPPH, Rina Marlina Sopian, mengatakan kelima kasus sudah dikaji.",
        "Kepala Sekretariat, Hendrikus Sudarmo, menyebut patroli digelar sampai masa tenang.",
        "Inspektur Kabupaten OKI Yulia Marlina Sari, S.E., Ak., yang turut mendampingi mengatakan pemeriksaan "
        "berlapis."], outlet="Bawaslu Kabupaten Garut")
    held = {o.name: o.position for o in speakers.officials}
    assert held["Rina Marlina Sopian"] == "Kordiv HPPH Bawaslu Kabupaten Garut"
    assert held["Hendrikus Sudarmo"] == "Kepala Sekretariat Bawaslu Kabupaten Garut"
    assert "Yulia Marlina Sari" in held and "Ak" not in held


def test_church_elders_islamic_degrees_names_cut_short_and_a_body_standing_with_its_place():
    """Rounds 125 to 127: "Pnt." is a church elder's title, "MPdI" a degree, "Frans Riwu Kaho"
    is "Fransiskus Xaverius Riwu Kaho", "Gus Fuad" a familiar form of Ahmad Zainul Fuad's
    name, and "Bawaslu Jabar Ingatkan ASN Garut" is the
    province's chair's headline though Garut's chair speaks more."""
    speakers = detect_speakers("Netralitas ASN", [
        "Ketua Bawaslu Kabupaten Minahasa, Pnt. Meiske Rumengan, mengatakan laporan sudah diregistrasi.",
        "Kepala Kemenag Jombang Dr H Ahmad Zainul Fuad MPdI mengatakan kepala madrasah sudah dipanggil.",
        "Pj Sekda Kota Kupang, Fransiskus Xaverius Riwu Kaho, memimpin apel gabungan.",
        "“Kupang ini kota kecil, semua orang saling kenal,” kata Frans Riwu Kaho.",
        "Menurut Gus Fuad, kedekatan madrasah dengan pesantren membuat guru mudah diarahkan."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Meiske Rumengan", "Ahmad Zainul Fuad", "Fransiskus Xaverius Riwu Kaho", "Fransiskus Xaverius Riwu Kaho",
        "Ahmad Zainul Fuad"]
    main = detect_speakers("Bawaslu Jabar Ingatkan ASN Garut Tak Asal Like Unggahan Paslon", [
        "Ketua Bawaslu Jawa Barat Hendra Kusumawijaya mengingatkan ASN di Garut.",
        "Ketua Bawaslu Kabupaten Garut Asep Nurjaman mengatakan patroli siber digelar.",
        "“Kami pantau akun ASN,” kata Asep.", "“Laporkan bila ada,” ujar Asep."]).main
    assert main.name == "Hendra Kusumawijaya"


def test_regional_titles_initials_and_nicknames_set_before_the_verb():
    """Rounds 129 and 130: religious and noble titles as regions write them ("Tuan Guru Haji
    (TGH)", "Teungku", "Hajjah", "Raden Ayu") and Al-Azhar's "Lc." are no names; "TGH Zul,
    sapaan akrabnya" is a nickname; "T M Rizal" and "A. Basri" are the full names' initials;
    "Gung Raka" is Anak Agung Gde Raka's familiar form, and "Raka" after an office is his name."""
    speakers = detect_speakers("Netralitas ASN", [
        "Ulama Lombok Tengah Tuan Guru Haji (TGH) Zulkarnain Saleh, Lc., M.A. meminta ASN tidak menjadi tim sukses.",
        "TGH Zul, sapaan akrabnya, mengaku kerap mendengar keluhan jamaah soal pegawai yang berkampanye.",
        "Menurut Tuan Guru Zul, netralitas ASN bukan semata urusan aturan kepegawaian.",
        "Penjabat (Pj) Bupati Aceh Besar, Teuku Muhammad Rizal, membebastugaskan dua kepala sekolah.",
        "Keputusan itu disampaikan T M Rizal dalam konferensi pers di Kota Jantho.",
        "Sekretaris Daerah Gianyar Anak Agung Gde Raka Wiradana memastikan rekomendasi ditindaklanjuti.",
        "“Tim pemeriksa sudah kami minta dibentuk,” kata Gung Raka.",
        "Kepala Desa Mallari, Andi Muhammad Basri, mengakui tekanan kepada kepala desa besar.",
        "Menurut A. Basri, para kepala desa sepakat tidak memasang atribut pasangan calon.",
        "Sekda Sambas Hajjah Uray Rosnani mengingatkan pegawai agar tidak sungkan menolak ajakan keluarga.",
        "Ketua Bawaslu Kota Yogyakarta Raden Ayu Sekar Pramesthi mengatakan tiga laporan masih dikaji."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Zulkarnain Saleh", "Zulkarnain Saleh", "Zulkarnain Saleh", "Teuku Muhammad Rizal", "Teuku Muhammad Rizal",
        "Anak Agung Gde Raka Wiradana", "Anak Agung Gde Raka Wiradana", "Andi Muhammad Basri", "Andi Muhammad Basri",
        "Uray Rosnani", "Sekar Pramesthi"]
    assert speakers.by_paragraph[5].position == "Sekretaris Daerah Gianyar"


def test_an_office_ends_its_sentence_and_a_speaker_reached_by_phone_is_the_subject():
    """Round 130 and 131: "mengapresiasi langkah Pj Bupati. Menurut Fakhrurrazi" gives the
    office no name after its full stop; "Name saat dikonfirmasi membenarkan" and "Name, ketika
    ditemui di kantornya, menjelaskan" are that person's; "Rivai" and "kata Hasibuan" are both
    the Ahmad Rivai Hasibuan the article names once; "ST" after a name is a degree."""
    speakers = detect_speakers("Netralitas ASN", [
        "Ketua Panwaslih Aceh Besar, Fakhrurrazi, mengapresiasi langkah Pj Bupati. Menurut Fakhrurrazi, "
        "penanganan kasus di Aceh Besar termasuk cepat.",
        "Kepala Dinas Pendidikan HST, Muhammad Ramli, membenarkan kabar tersebut.",
        "Ahmad Syarwani saat dikonfirmasi membenarkan laporan tersebut sudah diterima pihaknya.",
        "ASN tersebut adalah Ahmad Rivai Hasibuan, yang kini menjadi pelaksana di dinas perpustakaan.",
        "Rivai sendiri, saat dihubungi terpisah, membenarkan telah menempuh banding.",
        "“Saya datang sebagai anak boru, bukan sebagai camat,” kata Hasibuan.",
        "Inspektur Kabupaten Limapuluh Kota Nofrizal Chaniago ST MM menjelaskan mekanisme pemeriksaan."])
    assert [o.name for o in speakers.by_paragraph] == [
        "Fakhrurrazi", "Muhammad Ramli", "Ahmad Syarwani",
        "Fakhrurrazi",  # a mention, no statement: the article's main official
        "Ahmad Rivai Hasibuan", "Ahmad Rivai Hasibuan", "Nofrizal Chaniago"]
    assert speakers.by_paragraph[0].position == "Ketua Panwaslih Aceh Besar"
    assert speakers.by_paragraph[-1].position == "Inspektur Kabupaten Limapuluh Kota"  # "Lima Puluh Kota"


def test_a_quotation_left_open_after_a_sentence_and_a_bulleted_credit_keep_their_paragraphs():
    """Round 131 and 129: 'Rahmad juga mengimbau. "Kalau ada ... kami rahasiakan' (never
    closed) and '... katanya. • nvi' (a reporter's code after a bullet) were dropped."""
    kept = clean_lines(['Rahmad juga mengimbau masyarakat untuk ikut mengawasi. "Kalau ada lihat ASN kampanye '
                        'silahkan foto dan laporkan ke Panwascam, identitas pelapor kami rahasiakan',
                        '"Saya ini pelaksana tugas sementara. Tugas saya memastikan pelayanan jalan," katanya. • nvi'])
    assert len(kept) == 2 and kept[1].endswith("katanya.")



def test_a_given_name_written_short_is_the_full_name_s():
    """Rounds 133 and 137: "Hj. St. Hasnah" then "Sitti Hasnah", and "Tubagus Rahmat
    Hidayat" then "kata Tb Rahmat", are one person each, named as spelt out; "Tubagus" after
    a district's office opens the name."""
    speakers = detect_speakers("Netralitas ASN", [
        "Kepala BKPSDM Bone, Hj. St. Hasnah, mengatakan tiga ASN dijatuhi sanksi.",
        "Menurut Sitti Hasnah, ketiga ASN itu juga akan kehilangan tunjangan.",
        "Camat Cikeusik Tubagus Rahmat Hidayat mengatakan kepala desa sudah dipanggil.",
        "“Kami tidak membela siapa pun,” kata Tb Rahmat."])
    assert [(o.name, o.position) for o in speakers.by_paragraph] == [
        ("Sitti Hasnah", "Kepala BKPSDM Bone"), ("Sitti Hasnah", "Kepala BKPSDM Bone"),
        ("Tubagus Rahmat Hidayat", "Camat Cikeusik"), ("Tubagus Rahmat Hidayat", "Camat Cikeusik")]
