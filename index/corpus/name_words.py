"""Which words can be part of a person's name, and which belong to an office: the word
lists and word tests that `roles` and `officials` read names with.

A word is not a name when it is a place (the gazetteer), an office or organisation word, an
acronym, or an ordinary Indonesian word (Sastrawi's dictionary), unless the article
attributes a statement to it ("kata Kaya"). Titles and ranks come only before a name.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from index.corpus.places import places_at

MAX_TOKEN_CHARS = 40       # longer "words" are never names or offices

# Role heads, longest first when they share a start. Lower case, as word tuples.
_HEADS = [tuple(h.split()) for h in sorted((
    "bupati", "wakil bupati", "wali kota", "walikota", "wakil wali kota", "wakil walikota",
    "gubernur", "wakil gubernur", "sekretaris daerah", "sekda", "sekretaris jenderal",
    "sekjen", "sekretaris", "inspektur", "inspektur jenderal", "camat", "panewu", "lurah", "menteri",
    "wakil menteri", "kepala", "wakil kepala", "ketua", "wakil ketua", "koordinator",
    "anggota", "asisten", "direktur", "direktur jenderal", "dirjen", "deputi", "komisioner",
    "kadis", "kepala dinas", "kepala badan", "kepala desa", "kades", "staf ahli", "staf", "juru bicara",
    "plt", "plh", "mendagri", "presiden", "wakil presiden", "panglima", "kapolda", "kapolres",
    "kapolsek", "kapolri", "kabid", "kabag", "kasubag", "kasubbag", "kajari", "kajati",
    "dandim", "danrem", "pangdam", "menpan", "menpanrb", "menpan-rb", "kasat", "kasatreskrim",
    "kasatlantas", "kasatintelkam", "kasatbinmas", "kasatpol", "kasi", "kasie", "kasubdit",
    "wakapolres", "wakapolda", "wakapolri", "kadiv", "kakanwil", "kalapas", "kalaksa", "danramil",
    "danlanal", "danlanud", "kadisdik", "kadisdikbud", "kadisdikpora", "kadispendik", "kadinkes",
    "kadinsos", "kadishub", "sesmen", "jubir", "wali nagari", "keuchik", "geuchik", "jaro", "perbekel", "kadistrik",
    "sangadi", "hukum tua", "kuwu", "pambakal", "raja negeri",  # village heads' own titles
    "penghulu", "klebun",  # Riau's kampung heads ("Penghulu Kampung Teluk Lanus"), Madura's village heads
    "irban",  # an Inspektur Pembantu: "Irban Wilayah III"
    "babinsa", "bhabinkamtibmas",  # a village's army and police officers: "Babinsa Koramil Babat"
    "mantri pamong praja",  # Yogyakarta city's district head
    "bendesa", "klian",  # Bali's customary village and banjar heads
    # customary heads of eastern Indonesia: Manggarai's, Buton's, the Kaili's, Papua's
    "tu'a golo", "parabela", "totua ngata", "kepala suku", "mosalaki",
    "damang",  # a Dayak district's customary head: "Damang Kepala Adat Kecamatan Kurun"
    "sekdaprov", "kapuspen", "wako", "wawako", "kakanreg", "asdep",
    "kaban", "wabup", "wagub", "wawali", "komandan", "wamendagri", "wamen", "sekkot", "sekkota",
    "dirreskrimum", "dirreskrimsus", "dirlantas", "dirintelkam", "dirbinmas", "kabidhumas",
    "kapolresta", "kapolrestabes", "kakan", "kalak", "kadiskominfo", "kepsek", "sekwan", "sekcam", "sekdes",
    "korwil", "kordiv", "waka",
    "pengawas kelurahan/desa", "pengawas kelurahan", "pengawas desa", "pkd",  # Bawaslu's village-level supervisors
    "pengawas sekolah",  # schools' supervisors: "pengawas sekolah jenjang SMP, Name,"
    "pasiter", "pasi intel", "kapenrem", "kapendam", "kasubbid", "kabidpropam",  # military and police staff posts
    # Candidates are quoted beside officials in election news: "Calon bupati nomor urut 1,
    # Agus Riyanto, menyatakan ...", "ujar calon wakil gubernur Jawa Tengah, Siti Rahma".
    "calon bupati", "calon wakil bupati", "calon gubernur", "calon wakil gubernur",
    "calon wali kota", "calon walikota", "calon wakil wali kota", "calon wakil walikota",
    "cabup", "cawabup", "cagub", "cawagub", "cawalkot", "cawawalkot",
    # Not officials, but quoted beside them: "Pengamat politik dari Universitas Airlangga,
    # Prof. Dr. Rahmawati, menilai ..."
    "pengamat", "pakar", "rektor", "wakil rektor", "dekan", "wakil dekan", "kaprodi", "guru besar", "dosen", "pengajar",
    "akademisi", "peneliti", "pegiat",
    "aktivis",
    # A trial's prosecutors: "JPU Name", "Jaksa Penuntut Umum (JPU) Kejari Bone, Name," (not
    # "hakim", a family name too, nor "kuasa hukum Frangky", whose client's name it carries)
    "jaksa", "jaksa penuntut umum", "jpu",
    # Religious leaders: "pengasuh Majelis Taklim Nurul Musthofa Habib Abdullah", "Pastor Paroki ..."
    "pengasuh", "pastor",
    # and community figures: "Tokoh adat Amanuban, Yakobus Nenobais, menambahkan"
    "tokoh adat", "tokoh agama", "tokoh masyarakat", "tokoh pemuda", "pemuka agama", "pemuka adat", "sesepuh",
), key=len, reverse=True)]
# The heads by their first word: a role is looked for at every word of an article.
HEADS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _head in _HEADS:
    HEADS_BY_FIRST.setdefault(_head[0], []).append(_head)
# A word that opens an office is no name, except one that opens an office only with the
# word after it and is a name too: "Raja Negeri Waai" is an office, "Teuku Raja Mahdi" a name.
_OFFICE_STARTS = frozenset(HEADS_BY_FIRST) - {"raja"}
ACTING = frozenset({"penjabat", "pejabat", "pj", "pj.", "pjs", "pjs.", "plt", "plt.", "plh",
                     "plh.", "pelaksana", "tugas", "harian", "sementara"})
# Words that name an office, body or event, never a person.
ORG_WORDS = frozenset("""
bawaslu panwaslih panwaslu panwascam kpu kpud dprd dpr dpd satgas disdikpora disdik dispendik
diskominfo kominfo kesbangpol bkpsdm bkpsdmd bkd bkn kasn kemendagri kemenpan kemenpan-rb
menpan menpan-rb panrb pemprov pemkab pemkot pemda setda sekwan polres polda polri tni kodim
korem forkopimda gakkumdu inspektorat dinas badan kantor divisi bidang bagian seksi komisi
kementerian kemenkumham pj pjs plt plh sekda sekjen pilkada pemilu pilgub pilbup pilwalkot
pileg pilpres asn pns pppk opd skpd skpk apel rakor kapolda kapolres dandim danrem tentara
korpri bpkad bapenda bappeda bpbd satpol dukcapil disdukcapil kemenkeu kemenag kemendikbud
ombudsman kejari kejati kejaksaan pidum pidsus reskrim satreskrim tipidum tipikor pengadilan ptun pttun dkpp
sd sdn smp smpn sma sman smk smkn mtsn puskesmas kalurahan kapanewon padukuhan wasdal kanreg otda
""".split())
# Posts within a body, which its own site or a report's "Dari Bawaslu Sulsel, ..." names
# without the body ("Koordinator Divisi Pencegahan"); a body's own units name no other body.
POSTS_WITHIN = frozenset({"anggota", "koordinator", "kordiv", "kasubbag", "kasubag", "kabag", "kabid", "kasi"})
# and the heads of a body's parts: "Kepala Bagian Hukum dan SDM", "Kepala Sekretariat"
_PARTS_HEADED = frozenset({"bagian", "subbagian", "bidang", "seksi", "sekretariat"})
BODY_WORDS = ORG_WORDS - {"divisi", "bidang", "bagian", "seksi"}


def within_a_body(position: str) -> bool:
    """A post that names no body of its own: "Koordinator Divisi Penanganan Pelanggaran"."""
    words = [bare(w).lower() for w in position.split()]
    within = bool(words) and (words[0] in POSTS_WITHIN or words[0] == "kepala" and words[1:2] != []
                              and words[1] in _PARTS_HEADED)
    return within and not any(w in BODY_WORDS for w in words[1:])


# A place's level written short ("Kab. Tangerang", "Kec. Lembang"): no name, no sentence's end.
LEVEL_ABBREVIATIONS = frozenset({"kab", "kec", "kel", "prov"})
_NOT_NAMES = frozenset("""
dia ia ini itu hal kami saya kita mereka dirinya pemerintah selain untuk lebih sebagai oleh namun
kemudian pertama kedua ketiga keempat dalam pada pihaknya menurut menurutnya sementara adapun sedangkan
senin selasa rabu kamis jumat sabtu minggu januari februari maret april juni juli agustus
september oktober november desember jakarta indonesia ri nkri the and terpilih definitif
nonaktif petahana
kabupaten kota provinsi kecamatan kelurahan desa distrik dusun nagari gampong kampung ohoi pekon tiyuh
whatsapp instagram facebook tiktok twitter youtube telegram google
undang-undang nomor pasal ayat peraturan keputusan perpres perppu permendagri permenpan keppres
network international institute foundation watch center centre politisi aparatur
perjuangan pembangunan gerindra golkar demokrat nasdem hanura perindo gelora pks pkb ppp psi
wartawan jurnalis reporter
he she they we it his her their regional secretary regent governor mayor chairman chairwoman chairperson
chair head minister deputy acting spokesperson commissioner researcher analyst islands province regency
""".split()) | LEVEL_ABBREVIATIONS  # not "Mei": a month, and a given name ("Yap Mei Ling")
# A Minang adat title after a name, written short: "Afrizal Syamsuddin Dt. Bandaro Kayo".
ADAT_TITLE_SHORT = frozenset({"dt", "dtk"})
# Titles and ranks come only before a person's name ("Letkol Inf Dwi Bima Sakti", "Drs. H.
# Ahmad Yani"): what follows them is the name, even a place or an ordinary word.
TITLES = frozenset({"h", "hj", "hi", "dr", "drg", "drs", "dra", "ec", "ir", "prof", "kh", "k.h", "tgh", "tgk", "ny",
                     "ns", "apt",  # a nurse's and a pharmacist's: "Ns. Nurhayati, S.Kep"
                     "nyonya",
                     # religious titles ("Ustaz Fathurrahman", "Pdt. Yunus", "Romo Frans")
                     "kiai", "kyai", "habib", "ustaz", "ustadz", "ustad", "ustazah", "ustadzah",
                     "syekh", "buya", "pdt", "pendeta", "romo", "rd",  # "RD.": a diocesan priest
                     # and as regions write them: Aceh's "Teungku", Banten's "Abuya", Bugis "AGH"
                     # (Anregurutta Haji), Sundanese "Ajengan"; "Haji" and "Hajjah" spelt out
                     "teungku", "abuya", "agh", "anregurutta", "gurutta", "ajengan", "haji", "hajjah", "hajah",
                     # two words joined to be read as one (officials._TWO_WORD_TITLES): "Tuan Guru", "Raden Ayu"
                     "tuan-guru", "raden-ayu", "raden-ajeng",
                     "pnt",  # a church elder, Penatua: "Pnt. Meiske Rumengan"
                     # police and military ranks ("Kapolres Kediri, AKBP Bimo Ariyanto")
                     "akbp", "akp", "kompol", "kombes", "kombespol", "iptu", "ipda", "aiptu",
                     "aipda", "bripka", "brigpol", "briptu", "bripda", "brigjen", "brigjenpol",
                     "irjen", "irjenpol", "komjen", "jenderal", "letkol", "kolonel", "mayor",
                     "kapten", "lettu", "letda", "mayjen", "letjen", "laksma", "laksda",
                     "laksdya", "laksamana", "marsma", "marsda", "marsdya", "marsekal",
                     # non-commissioned and enlisted ranks: "Babinsa Koramil Babat, Serka Mujiono"
                     "serma", "serka", "sertu", "serda", "pelda", "peltu", "kopka", "koptu", "kopda",
                     "praka", "pratu", "prada", "brigadir", "bharaka", "bharatu", "bharada"})
# Places and institutions named after someone: a title after them is part of the place's name
# ("Universitas Jenderal Soedirman", "Jalan Kolonel Sugiono", "RSUD Dr. Soetomo"), no person's.
NAMESAKES = frozenset({"universitas", "univ", "institut", "jalan", "jl", "jln", "bandara", "stadion",
                       "rsud", "rs", "rsu", "museum", "lapangan", "gedung", "taman", "pelabuhan",
                       "yayasan", "masjid", "makam", "kapal", "kri", "monumen", "wisma"})
# Lower-case particles inside a name ("Nonato da Purificacao Sarmento", "Umar bin Khattab").
NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "van", "von", "der", "bin", "binti", "br", "boru"})
# Corps and service marks between a rank and the name ("Letkol Inf", "Kombes Pol").
CORPS = frozenset({"pol", "inf", "kav", "arm", "arh", "czi", "cpm", "chb", "cku", "ckm", "caj",
                    "cba", "cpl", "mar", "psk", "tni", "(k)", "(purn)", "purn"})
HONORIFICS = TITLES | CORPS | {"bapak", "ibu", "pak", "bu", "sdr", "dr(c)", "ust", "ustaz",
                               # familiar forms before a name: "Kang Asep", "Teh Eti", "Cak Nur"
                               "kang", "teh", "abah", "cak", "mas", "mbak", "bang", "uda", "mang", "bung",
                               "gus", "mbah", "puang",  # "Gus Fuad", "Mbah Rochim", Bugis "Puang Sulle"
                               "gung",  # Balinese, for "Anak Agung": "Gung Raka"
                               "mamiq", "ampon", "aom", "ceu",  # Sasak, Acehnese and Sundanese nobles' and elders'
                               "tuan",  # Lombok's "Tuan Guru Name"
                               # and in Papua, Maluku and NTT: "Bapa Kris", "Mama Yosina"
                               "bapa", "mama",
                               # noble titles some articles write and others leave out: "Raden Ahmad
                               # Syukri" is "Ahmad Syukri"; Madura's "Ra", Palembang's "Kgs"/"Masagus"
                               "raden", "ra", "ki", "nyi", "kgs", "kemas", "kms", "masagus", "mgs",
                               "rr", "r.a", "roro"}  # Javanese "Rr. Sri Wahyuni", "R.A. Kartini"
_DEGREE = re.compile(r"^(?:[SMD]\.[A-Za-z.]{1,8}|S\d|MM|SH|MH|SE|ST|MT|MSi|MAP|SPd|SIP|"
                     r"SSos|SKM|Ak|CA|PhD|Ph\.D|M\.Si|M\.AP|M\.SM|MPd|MKes|SSTP|MSc|MA|"
                     r"Lc|MBA|SAg|SHI|SKom|SIKom)\.?,?$")
# Given names that are also ordinary words; a dictionary word elsewhere is not a name.
GIVEN_NAMES = frozenset("""
lalu baiq wa la ode tengku teuku raden cut karaeng daeng opu
muhammad mohammad ahmad agus arif budi dian indah putra putri sari dewi rini ani candra
chandra bayu eka dwi tri sri adi ayu bagus cahya intan mulia rahmat rahman iman amin hakim
hasan ali umar usman yusuf abdul made putu ketut nyoman wayan gede dewa gusti agung kadek
komang ngurah anak ida ni surya wahyu kurnia jaya dana bintang mega fajar rizki rizky
siti ratna kartika permata mutiara wulan bunga melati lestari rahayu puspita kusuma murni suci
fitri nur asih pertiwi sukma hidayat bambang teguh dimas arya maulana galih gunawan wijaya
permana ananda budiman salim karim satria
hadi rudi bowo taufik bahri deni doni toni indra arifin endang nining nani lilis maya dina suryani
ilham syarif amir bahar hamzah hanafi jamal kamal latif malik rasyid wahid rahim madi yadi tatang kusumo
raka rai alit anom maria tubagus
""".split())



def bare(word: str) -> str:
    return word.strip(",.;:!?()[]\"“”'‘’")


def is_parenthesised(word: str) -> bool:
    return word.startswith("(") or word.endswith(")")


# Given names written short, with a period that does not end the name: "Moh. Faishol
# Anwar", "Abd. Rahman", "St. Aisyah", and "Hi." (Haji) inside a North Maluku name: "Rusli Hi. Ahmad".
SHORT_GIVEN_NAMES = frozenset({"moh", "muh", "moch", "much", "mochd", "mokh", "mhd", "muhd",
                                "mch", "abd", "ach", "achm", "ahm", "st", "hi",
                                # two-letter initials of Latin given names: "Yosep Ch. Gebze"
                                "ch", "th", "ph", "fx",
                                "tb"})  # Banten's Tubagus: "Tb. Ahmad Fauzan"


def is_initial(token: str) -> bool:
    """An initial ("R.", "B") or a given name written short ("Moh."): part of a name."""
    core = token.rstrip(".")
    return token[:1].isupper() and (len(core) == 1 or core.lower() in SHORT_GIVEN_NAMES
                                    and not is_degree(token))  # "St." is Siti, "ST" a degree


def is_initials(token: str) -> bool:
    return 1 < len(token) <= 3 and token.isalpha() and token.isupper()


def is_degree(word: str) -> bool:
    return bool(_DEGREE.match(word.strip())) and not word.strip(",.").isalpha() or \
        word.strip(",.") in _DEGREES_WITHOUT_DOTS


# Degrees written without their dots ("AKBP Yudhistira Hadi Nugroho SIK"): spelt so, in
# capitals as they are, they are no word or name.
_DEGREES_WITHOUT_DOTS = frozenset({"MM", "SH", "MH", "SE", "ST", "MT", "MSi", "MAP", "SPd", "SIP", "SSos", "MPd",
                                   "SIK", "SSTP", "MKes", "SKM", "SKom", "SAP", "SSi", "MAg", "MHum", "SHI", "SAg",
                                   # a priest's clergy or order after the name: "Romo Name, Pr", "P. Name, SVD"
                                   "Pr", "SVD", "OFM", "SJ", "MSF", "MSC", "CSsR",
                                   "Ak",  # an accountant's: "Name, S.E., Ak.,"
                                   "Lc",  # Al-Azhar's licence: "TGH Name, Lc., M.A."
                                   "MPdI", "MHI", "SThI", "SPdI"})  # Islamic studies' degrees, as in "Dr H Name MPdI"


def could_be_name(token: str) -> bool:
    """Capitalised, and not a stop word, office, organisation, acronym or date."""
    if not token or not token[:1].isupper() or len(token) > MAX_TOKEN_CHARS:
        return False
    lower = token.lower()
    if lower in _NOT_NAMES or lower in ORG_WORDS or lower in ACTING or lower in HONORIFICS:
        return False
    if lower in _OFFICE_STARTS:
        return False
    if token.isupper() and len(token) > 1 or sum(c.isupper() for c in token[1:]) > 1:
        return False  # an acronym: DIY, KPU, BKN, or one joined to a word: KemenPANRB
    if lower.endswith("-nya"):
        return False  # a possessive: "dalam pesan WhatsApp-nya"
    return not any(c.isdigit() for c in token) and token.replace("-", "").replace("'", "").isalpha()


def name_like(token: str, names: Counter[str]) -> bool:
    return could_be_name(token) and (token in names or token.lower() in GIVEN_NAMES
                                      or not _is_common_word(token)) and not is_place_word(token)


def strict_name(token: str, names: Counter[str]) -> bool:
    """A name word: attributed somewhere, a known given name, or no ordinary word."""
    if not could_be_name(token):
        return False
    if token in names:
        return True
    return (token.lower() in GIVEN_NAMES or not _is_common_word(token)) and not is_place_word(token)


# Malay titles that open a name: "Datuk H. Hasan Basri", "Datuk Seri Wan Ismail Harun". Only
# there: after a Minang name, "Datuk Bandaro Sati" is the name's own adat title and stays.
_OPENING_TITLES = frozenset({"datuk", "dato"})


def without_opening_title(name: str) -> str:
    """`name` without a Malay title that opens it, nor the honorifics after that title ("Seri",
    "H."): a "Seri" opening a name without one is a given name ("Seri Wahyuni")."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in _OPENING_TITLES:
        return name
    while len(words) > 1 and words[0].lower().rstrip(".") in _OPENING_TITLES | HONORIFICS | {"seri"}:
        words.pop(0)
    return " ".join(words)


def strip_honorifics(tokens: list[str]) -> list[str]:
    out = list(tokens)
    while out and (out[0].lower().rstrip(".") in HONORIFICS or is_degree(out[0])):
        out.pop(0)
    while out and is_degree(out[-1]):
        out.pop()
    return out


@lru_cache(maxsize=20_000)
def _is_common_word(token: str) -> bool:
    """An ordinary Indonesian word (or a derived form of one): Sastrawi's root dictionary."""
    from index.retrieval.analyzer import stem, root_words

    lower = token.lower()
    return lower in root_words() or stem(lower) in root_words()


@lru_cache(maxsize=20_000)
def is_place_word(token: str) -> bool:
    size, _ = places_at([token], 0)
    return bool(size)


def place_spans(tokens: list[str]) -> set[int]:
    """Indexes of tokens that belong to a place name ("Aceh Utara", "Gunung Mas")."""
    spans: set[int] = set()
    i = 0
    while i < len(tokens):
        size, _ = places_at(tokens, i) if tokens[i][:1].isupper() else (0, ())
        spans.update(range(i, i + size))
        i += size or 1
    return spans


def only_place(text: str) -> bool:
    tokens = [bare(t) for t in text.split()]
    return bool(tokens) and place_spans(tokens) == set(range(len(tokens)))


def has_place(position: str) -> bool:
    return bool(place_spans([bare(t) for t in position.split()]))
