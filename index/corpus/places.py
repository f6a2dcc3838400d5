"""Indonesia's provinces, regencies and cities: recognising them in text, spelling out their
abbreviations, and knowing which province a regency or city belongs to.

News names places in short forms ("Pj Gubernur Sulsel", "DPRD Kabupaten Gumas") and users
ask by province ("di Kalimantan Barat"), while an article names the city ("Pontianak").
The gazetteer (regions.tsv) links the two. Matching works on words, never on regexes over
the whole text, so its cost is linear in the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).with_name("regions.tsv")
MAX_PLACE_WORDS = 5
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_BRACKETED = re.compile(r"\([^()]{0,40}\)|\[[^\[\]]{0,40}\]")  # "(Bawaslu)", "[JPIC]": an acronym or aside

# Short forms of regencies that news uses and the gazetteer does not know.
# Short forms that are also ordinary words or names ("loteng", "mabar", "kobar", "Madina")
# are left out: a place read into a sentence is worse than a place not recognised.
_EXTRA_ALIASES = {
    # regencies under the names they had before ("Toba Samosir" until 2020)
    "toba samosir": "Toba", "tobasa": "Toba", "mamuju utara": "Pasangkayu",
    "maluku tenggara barat": "Kepulauan Tanimbar",
    "gumas": "Gunung Mas", "lampura": "Lampung Utara", "kalbar": "Kalimantan Barat",
    "kukar": "Kutai Kartanegara", "kubar": "Kutai Barat", "kutim": "Kutai Timur",
    "kotim": "Kotawaringin Timur", "hsu": "Hulu Sungai Utara", "hst": "Hulu Sungai Tengah",
    "hss": "Hulu Sungai Selatan", "tanbu": "Tanah Bumbu", "tala": "Tanah Laut", "kku": "Kayong Utara",
    "morotai": "Pulau Morotai",
    "taput": "Tapanuli Utara", "tapsel": "Tapanuli Selatan", "tapteng": "Tapanuli Tengah",
    "labura": "Labuhanbatu Utara", "labusel": "Labuhanbatu Selatan", "sergai": "Serdang Bedagai",
    "paluta": "Padang Lawas Utara", "humbahas": "Humbang Hasundutan",
    "inhil": "Indragiri Hilir", "inhu": "Indragiri Hulu", "kuansing": "Kuantan Singingi",
    "rohil": "Rokan Hilir", "rohul": "Rokan Hulu", "tanjabbar": "Tanjung Jabung Barat",
    "tanjabtim": "Tanjung Jabung Timur", "muba": "Musi Banyuasin",
    "lamsel": "Lampung Selatan", "lamteng": "Lampung Tengah", "lamtim": "Lampung Timur",
    "lambar": "Lampung Barat", "tubaba": "Tulang Bawang Barat",
    "lotim": "Lombok Timur", "lobar": "Lombok Barat", "ksb": "Sumbawa Barat",
    "tts": "Timor Tengah Selatan", "ttu": "Timor Tengah Utara", "sbd": "Sumba Barat Daya",
    "sidrap": "Sidenreng Rappang", "pangkep": "Pangkajene Kepulauan", "lutra": "Luwu Utara",
    "lutim": "Luwu Timur", "torut": "Toraja Utara", "polman": "Polewali Mandar",
    "bolmong": "Bolaang Mongondow", "minut": "Minahasa Utara", "minsel": "Minahasa Selatan",
    "parimo": "Parigi Moutong", "konsel": "Konawe Selatan", "konut": "Konawe Utara",
    "kolut": "Kolaka Utara", "koltim": "Kolaka Timur", "gorut": "Gorontalo Utara",
    "malteng": "Maluku Tengah", "sbb": "Seram Bagian Barat", "sbt": "Seram Bagian Timur",
    "halut": "Halmahera Utara", "halsel": "Halmahera Selatan", "halbar": "Halmahera Barat",
    "haltim": "Halmahera Timur", "halteng": "Halmahera Tengah", "kbb": "Bandung Barat",
    "jaksel": "Jakarta Selatan", "jakbar": "Jakarta Barat", "jaktim": "Jakarta Timur",
    "jakut": "Jakarta Utara", "jakpus": "Jakarta Pusat", "malra": "Maluku Tenggara",
    "mbd": "Maluku Barat Daya", "oku timur": "Ogan Komering Ulu Timur", "oku selatan": "Ogan Komering Ulu Selatan",
    "oku": "Ogan Komering Ulu", "oki": "Ogan Komering Ilir", "muratara": "Musi Rawas Utara", "beltim": "Belitung Timur",
    "bateng": "Bangka Tengah", "basel": "Bangka Selatan", "pessel": "Pesisir Selatan",
    "pasbar": "Pasaman Barat", "limapuluh kota": "Lima Puluh Kota", "solo": "Surakarta",
    "abdya": "Aceh Barat Daya", "agara": "Aceh Tenggara",
    "barsel": "Barito Selatan", "bartim": "Barito Timur", "pulpis": "Pulang Pisau",
    "batola": "Barito Kuala", "ppu": "Penajam Paser Utara", "mahulu": "Mahakam Ulu",
    "kkr": "Kubu Raya", "bolsel": "Bolaang Mongondow Selatan", "boltim": "Bolaang Mongondow Timur",
    "bolmut": "Bolaang Mongondow Utara", "bonebol": "Bone Bolango", "touna": "Tojo Una-Una",
    "morut": "Morowali Utara", "bangkep": "Banggai Kepulauan", "tator": "Tana Toraja",
    "konkep": "Konawe Kepulauan", "butur": "Buton Utara", "buteng": "Buton Tengah",
    "busel": "Buton Selatan", "mubar": "Muna Barat", "matim": "Manggarai Timur",
    "flotim": "Flores Timur", "bursel": "Buru Selatan", "klu": "Lombok Utara",
    "tangsel": "Tangerang Selatan", "mamteng": "Mamberamo Tengah",
}
# Office abbreviations spelled out in positions ("Pj Gubernur" -> "Penjabat Gubernur").
OFFICE_WORDS = {
    "pj": "Penjabat", "pj.": "Penjabat", "pjs": "Penjabat Sementara", "pjs.": "Penjabat Sementara",
    "plt": "Pelaksana Tugas", "plt.": "Pelaksana Tugas", "plh": "Pelaksana Harian",
    "plh.": "Pelaksana Harian", "sekda": "Sekretaris Daerah", "sekjen": "Sekretaris Jenderal",
    "sekdaprov": "Sekretaris Daerah Provinsi",
    "walikota": "Wali Kota", "wako": "Wali Kota", "wawali": "Wakil Wali Kota", "wawako": "Wakil Wali Kota",
    "kadis": "Kepala Dinas", "mendagri": "Menteri Dalam Negeri", "dirjen": "Direktur Jenderal",
    "irjen": "Inspektur Jenderal",
    "kapuspen": "Kepala Pusat Penerangan",
    **dict.fromkeys(("menpan", "menpan-rb", "menpanrb"),
                    "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"),
    "wabup": "Wakil Bupati", "wagub": "Wakil Gubernur", "kaban": "Kepala Badan", "irban": "Inspektur Pembantu",
    "kadisdik": "Kepala Dinas Pendidikan", "kadispendik": "Kepala Dinas Pendidikan",
    "kadisdikbud": "Kepala Dinas Pendidikan dan Kebudayaan",
    "kadisdikpora": "Kepala Dinas Pendidikan, Pemuda dan Olahraga", "kadinkes": "Kepala Dinas Kesehatan",
    "kadinsos": "Kepala Dinas Sosial", "sesmen": "Sekretaris Kementerian", "kadishub": "Kepala Dinas Perhubungan",
    "cabup": "Calon Bupati", "cawabup": "Calon Wakil Bupati",
    "cagub": "Calon Gubernur", "cawagub": "Calon Wakil Gubernur", "cawalkot": "Calon Wali Kota",
    "cawawalkot": "Calon Wakil Wali Kota",
}
# Words naming the level of a place; positions are compared without them ("Ketua Bawaslu
# Bontang" is "Ketua Bawaslu Kota Bontang").
LEVEL_WORDS = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov", "pemprov", "pemkab",
                         "pemkot", "pemda", "pemerintah", "daerah"})


@dataclass(frozen=True)
class Place:
    name: str       # "Pontianak", "Kalimantan Barat"
    kind: str       # "provinsi", "kabupaten" or "kota"
    province: str   # the province's name (its own for a province)


# Names news often writes as one word: "Tanjungpinang", "Tanjungbalai", "Gunungkidul".
_JOINED_PREFIXES = ("Tanjung ", "Pangkal ", "Tanah ", "Tebing ", "Padang ", "Batu ", "Muara ", "Gunung ",
                    "Kulon ", "Deli ", "Palangka ", "Tulang ", "Lubuk ", "Pagar ")


@lru_cache(maxsize=1)
def _gazetteer() -> dict[tuple[str, ...], tuple[Place, ...]]:
    """Lower-cased word tuples -> the places they may name (Kupang is a regency and a city)."""
    table: dict[tuple[str, ...], list[Place]] = {}

    def add(surface: str, place: Place) -> None:
        key = tuple(_WORD.findall(surface.lower()))
        if key and place not in table.setdefault(key, []):
            table[key].append(place)

    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        province, aliases, regions = line.split("\t")
        own = Place(province, "provinsi", province)
        for surface in [province, *filter(None, aliases.split(","))]:
            add(surface, own)
        for region in filter(None, regions.split(";")):
            kind, _, name = region.partition(" ")
            place = Place(name, "kota" if kind == "Kota" else "kabupaten", province)
            add(name, place)
            if name.startswith(_JOINED_PREFIXES) and " " in name:  # "Tanjungpinang", "Pangkalpinang"
                add(name.replace(" ", ""), place)
    for province in {p.province for places in table.values() for p in places}:
        english = _english(province)
        if english:
            add(english, Place(province, "provinsi", province))
    for alias, full in _EXTRA_ALIASES.items():
        for place in table.get(tuple(full.lower().split()), []):
            add(alias, place)
    return {key: tuple(places) for key, places in table.items()}


_DIRECTIONS = {"utara": "North", "selatan": "South", "timur": "East", "barat": "West",
               "tengah": "Central", "tenggara": "Southeast"}
_ISLANDS = {"sumatera": "Sumatra", "jawa": "Java"}


def _english(province: str) -> str:
    """ "Sumatera Selatan" -> "South Sumatra", "Jawa Tengah" -> "Central Java"."""
    *head, last = province.split()
    direction = _DIRECTIONS.get(last.lower())
    if not head or not direction:
        return ""
    island = " ".join(_ISLANDS.get(w.lower(), w) for w in head)
    return f"{direction} {island}"


def places_at(words: list[str], start: int) -> tuple[int, tuple[Place, ...]]:
    """The longest place name starting at `words[start]` (as many words as it spans), or
    (0, ()) when none starts there."""
    table = _gazetteer()
    for size in range(min(MAX_PLACE_WORDS, len(words) - start), 0, -1):
        found = table.get(tuple(w.lower() for w in words[start:start + size]))
        if found:
            return size, found
    return 0, ()


def find_places(text: str) -> list[tuple[str, tuple[Place, ...]]]:
    """Place names in `text`, in order, each with the places it may name. Only capitalised
    words count: "utara" in running text is a direction, not a place."""
    words = _WORD.findall(text)
    found, i = [], 0
    while i < len(words):
        size, places = places_at(words, i) if words[i][:1].isupper() else (0, ())
        if size:
            found.append((" ".join(words[i:i + size]), places))
        i += size or 1
    return found


def spell_out(text: str) -> str:
    """Abbreviated offices and places written in full: "Pj Gubernur Sulsel" ->
    "Penjabat Gubernur Sulawesi Selatan"."""
    words = text.split()
    bare = [w.strip(",").rstrip(":;") for w in words]  # "Ketua PGRI Kukar: ..." as a headline has it
    out, i = [], 0
    while i < len(words):
        word = words[i]
        core = bare[i]
        office = OFFICE_WORDS.get(core.lower())
        if office and core[:1].isupper():
            out.append(office + word[len(core):])
            i += 1
            continue
        size, places = places_at(bare, i) if core[:1].isupper() else (0, ())
        span = " ".join(bare[i:i + size])
        if size and _is_short_form(span, places):  # "Sulsel", "OKU Timur"
            out.append(places[0].name + words[i + size - 1][len(bare[i + size - 1]):])
        else:
            out.extend(words[i:i + max(size, 1)])
        i += max(size, 1)
    return " ".join(out)


# Institutions that positions name by acronym or in full ("Ketua Bawaslu Bali", "Ketua
# Badan Pengawas Pemilu Provinsi Bali"): compared in full, shown as the article wrote them.
_ACRONYMS_IN_FULL = {
    "bawaslu": "badan pengawas pemilihan umum", "panwaslu": "panitia pengawas pemilihan umum",
    "pemilu": "pemilihan umum", "panwaslih": "panitia pengawas pemilihan",
    "panwascam": "panitia pengawas kecamatan", "dirreskrimum": "direktur reserse kriminal umum",
    "dirreskrimsus": "direktur reserse kriminal khusus", "dirlantas": "direktur lalu lintas",
    "dandim": "komandan distrik militer", "kodim": "komando distrik militer",
    "danramil": "komandan rayon militer", "danrem": "komandan resor militer",
    "kpu": "komisi pemilihan umum", "dprd": "dewan perwakilan rakyat daerah",
    "dpr": "dewan perwakilan rakyat", "ri": "republik indonesia",
    "kasn": "komisi aparatur sipil negara", "bkn": "badan kepegawaian negara",
    "bkd": "badan kepegawaian daerah",
    "bkpsdm": "badan kepegawaian dan pengembangan sumber daya manusia",
    "kapolres": "kepala kepolisian resor", "kapolda": "kepala kepolisian daerah",
    "polres": "kepolisian resor", "polda": "kepolisian daerah", "polsek": "kepolisian sektor",
    "humas": "hubungan masyarakat", "setda": "sekretariat daerah",
    "kesra": "kesejahteraan rakyat", "kesbangpol": "badan kesatuan bangsa dan politik",
    "diskominfo": "dinas komunikasi dan informatika", "disdikbud": "dinas pendidikan dan kebudayaan",
    "kabag": "kepala bagian", "prokopim": "protokol dan komunikasi pimpinan",
    "tapem": "tata pemerintahan", "kasatpol": "kepala satuan polisi", "satpol": "satuan polisi",
    "pp": "pamong praja", "disdik": "dinas pendidikan",
    "perludem": "perkumpulan untuk pemilihan umum dan demokrasi", "korpri": "korps pegawai republik indonesia",
    "panrb": "pendayagunaan aparatur negara dan reformasi birokrasi", "dpn": "dewan pengurus nasional",
    "kasat": "kepala satuan", "satreskrim": "satuan reserse kriminal", "reskrim": "reserse kriminal",
    "kasatreskrim": "kepala satuan reserse kriminal",
    "sd": "sekolah dasar", "smp": "sekolah menengah pertama", "sma": "sekolah menengah atas",
    "smk": "sekolah menengah kejuruan", "sdn": "sekolah dasar negeri", "smpn": "sekolah menengah pertama negeri",
    "sman": "sekolah menengah atas negeri", "smkn": "sekolah menengah kejuruan negeri",
    "man": "madrasah aliyah negeri", "mtsn": "madrasah tsanawiyah negeri", "kepsek": "kepala sekolah",
    # the offices regional newsrooms write short
    "kapolsek": "kepala kepolisian sektor", "kakan": "kepala kantor", "kakanwil": "kepala kantor wilayah",
    "kanwil": "kantor wilayah", "kemenag": "kementerian agama", "kalak": "kepala pelaksana",
    "bpbd": "badan penanggulangan bencana daerah", "kadiskominfo": "kepala dinas komunikasi dan informatika",
    "sekwan": "sekretaris dewan perwakilan rakyat daerah", "setwan": "sekretariat dewan perwakilan rakyat daerah",
    "kasubbag": "kepala subbagian", "kasubag": "kepala subbagian", "setdakab": "sekretariat daerah kabupaten",
    "setdakot": "sekretariat daerah kota", "kordiv": "koordinator divisi", "korwil": "koordinator wilayah",
    "kades": "kepala desa", "sekdes": "sekretaris desa", "kasi": "kepala seksi", "sekcam": "sekretaris kecamatan",
    "pmd": "pemberdayaan masyarakat dan desa", "waka": "wakil ketua",
    "apdesi": "asosiasi pemerintah desa seluruh indonesia", "bappeda": "badan perencanaan pembangunan daerah",
    "pgri": "persatuan guru republik indonesia", "ppni": "persatuan perawat nasional indonesia",
    "setdaprov": "sekretariat daerah provinsi", "sekdaprov": "sekretaris daerah provinsi",
    "pangdam": "panglima komando daerah militer", "kodam": "komando daerah militer",
    "idi": "ikatan dokter indonesia", "dispendik": "dinas pendidikan",
    "jppr": "jaringan pendidikan pemilih untuk rakyat", "kanreg": "kantor regional",
    "korem": "komando resor militer",
    # prosecutors and courts
    "kejari": "kejaksaan negeri", "kejati": "kejaksaan tinggi", "pidum": "tindak pidana umum",
    "pidsus": "tindak pidana khusus", "ptun": "pengadilan tata usaha negara", "pn": "pengadilan negeri",
    "pttun": "pengadilan tinggi tata usaha negara", "dkpp": "dewan kehormatan penyelenggara pemilu",
    "kajari": "kepala kejaksaan negeri", "kajati": "kepala kejaksaan tinggi", "intel": "intelijen",
    "asintel": "asisten intelijen", "penkum": "penerangan hukum", "jubir": "juru bicara",
    # police and military staff posts
    "kasubbid": "kepala subbidang", "propam": "profesi dan pengamanan", "paminal": "pengamanan internal",
    "pasiter": "perwira seksi teritorial", "kapenrem": "kepala penerangan komando resor militer",
    "kapendam": "kepala penerangan komando daerah militer",
    # central government, and Aceh's and Papua's regional parliaments
    "kemendagri": "kementerian dalam negeri", "kapuspen": "kepala pusat penerangan", "puspen": "pusat penerangan",
    "wamendagri": "wakil menteri dalam negeri", "wamen": "wakil menteri", "ditjen": "direktorat jenderal",
    "sekkot": "sekretaris daerah kota", "sekkota": "sekretaris daerah kota",
    "kemenpanrb": "kementerian pendayagunaan aparatur negara dan reformasi birokrasi",
    "menpanrb": "menteri pendayagunaan aparatur negara dan reformasi birokrasi",
    "otda": "otonomi daerah", "kemenpan": "kementerian pendayagunaan aparatur negara", "rb": "reformasi birokrasi",
    "sdm": "sumber daya manusia", "dprk": "dewan perwakilan rakyat kabupaten kota",
    "setkab": "sekretariat kabupaten", "bakesbangpol": "badan kesatuan bangsa dan politik",
    "dpc": "dewan pimpinan cabang", "kakanreg": "kepala kantor regional", "asdep": "asisten deputi",
    "wasdal": "pengawasan dan pengendalian", "kabid": "kepala bidang", "kominfo": "komunikasi dan informatika",
    # state universities, as newsrooms write an academic's campus: "dosen FISIP Unand"
    "fisip": "fakultas ilmu sosial dan ilmu politik",
    "ui": "universitas indonesia", "ugm": "universitas gadjah mada", "unpad": "universitas padjadjaran",
    "undip": "universitas diponegoro", "unair": "universitas airlangga", "unhas": "universitas hasanuddin",
    "unand": "universitas andalas", "unsri": "universitas sriwijaya", "usu": "universitas sumatera utara",
    "unila": "universitas lampung", "usk": "universitas syiah kuala", "unsyiah": "universitas syiah kuala",
    "untan": "universitas tanjungpura", "unmul": "universitas mulawarman", "unram": "universitas mataram",
    "unud": "universitas udayana", "undana": "universitas nusa cendana", "uncen": "universitas cenderawasih",
    "unpatti": "universitas pattimura", "uns": "universitas sebelas maret",
    "unsoed": "universitas jenderal soedirman", "uny": "universitas negeri yogyakarta",
    "unj": "universitas negeri jakarta", "upi": "universitas pendidikan indonesia",
    "unesa": "universitas negeri surabaya", "unm": "universitas negeri makassar", "unri": "universitas riau",
    "unja": "universitas jambi", "unib": "universitas bengkulu", "untad": "universitas tadulako",
    "uho": "universitas halu oleo", "unsrat": "universitas sam ratulangi",
    "ulm": "universitas lambung mangkurat", "upr": "universitas palangka raya",
    "ung": "universitas negeri gorontalo", "ub": "universitas brawijaya",
    "unimal": "universitas malikussaleh", "unej": "universitas jember",
    "untirta": "universitas sultan ageng tirtayasa",
}


# Words a position may have or leave out: "Komandan (Komando) Distrik Militer", "Guru (di) SD".
_FILLERS = frozenset({"dan", "dari", "di", "komando"})


def in_full(word: str) -> str:
    """A lower-case acronym of an institution or office spelled out ("kpu" -> "komisi
    pemilihan umum"); any other word as it is."""
    return _ACRONYMS_IN_FULL.get(word, word)


def canonical_position(position: str) -> tuple[str, ...]:
    """A position's words for comparison (`position_words`), in sorted order, each once
    ("Sekwan DPRD Lebak" spells out "dewan perwakilan rakyat daerah" twice), without the
    party a member sits for ("Anggota Komisi II DPR RI dari Fraksi PKB" holds the seat of
    "Anggota Komisi II DPR RI")."""
    seat = PARTY_SEAT.search(position)
    return tuple(sorted(set(position_words(position[:seat.start()] if seat else position))))


PARTY_SEAT = re.compile(r"\bdari\s+fraksi\b", re.IGNORECASE)  # no leading \s+: linear on any text


def spelled_words(text: str) -> list[str]:
    """The text's words spelled out and lower-cased, without parenthesised acronyms or
    punctuation: "Kepala BKD Riau" -> kepala, badan, kepegawaian, daerah, riau."""
    return [part for w in _WORD.findall(spell_out(without_brackets(text)).lower()) for part in in_full(w).split()]


def position_words(position: str) -> list[str]:
    """A position's words for comparison: `spelled_words` without level words ("daerah",
    "kabupaten") or fillers."""
    words = spelled_words(position)
    # "Republik Indonesia" is the national level: "DPR" is the "DPR RI"
    national = {k for k in range(len(words) - 1) if words[k:k + 2] == ["republik", "indonesia"]}
    words = [w for k, w in enumerate(words) if k not in national and k - 1 not in national]
    return [w for w in words if w not in LEVEL_WORDS and w not in _FILLERS]


def without_brackets(text: str) -> str:
    """`text` without its short bracketed asides, spaces collapsed."""
    return " ".join(_BRACKETED.sub(" ", text).split())


def _is_short_form(words: str, places: tuple[Place, ...]) -> bool:
    """ "Sulsel" stands for one place whose name it is not; "Bali" and "Gunungkidul" are
    already in full."""
    names = {p.name for p in places}
    return len(names) == 1 and words.lower().replace(" ", "") != places[0].name.lower().replace(" ", "")
