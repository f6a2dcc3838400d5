"""Who and where a question asks about, and which statements come from there.

"Apa kata Pj Gubernur Sulsel ...", "menurut Panwaslih Aceh Utara", "di Kalimantan Barat":
such a question wants the statements of one official, office or region first. Each
statement gets a set of keys for its official (name words, the places of the position and
of the headline, their provinces, the institutions named, the office held), and a question
gets keys for the names, places and institutions it mentions, and the office it names
beside them. The share of the question's keys a statement has lifts it in the ranking.

Keys are matched, not searched: the question's own words that name a place or an official
are left out of the BM25 query, so a lead paragraph that merely repeats the official's
title gains nothing over the statement that answers.
"""

from __future__ import annotations

import functools
import re

from index.corpus.passages import Passage
from index.corpus.places import Place, places_at
from index.retrieval.analyzer import root_words, written_in_english

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUESTION_WORDS = 200

# National bodies under the names and short forms people use for them.
_INSTITUTIONS = {
    "panrb": ("panrb", "menpan", "menpanrb", "kemenpan", "kemenpanrb", "menpan rb",
              "kemenpan rb", "pendayagunaan aparatur negara"),
    "kemendagri": ("kemendagri", "mendagri", "kementerian dalam negeri", "menteri dalam negeri",
                   "home affairs"),
    "bkn": ("bkn", "badan kepegawaian negara"),
    "kasn": ("kasn", "komisi asn", "komisi aparatur sipil negara"),
    "bawaslu": ("bawaslu", "badan pengawas pemilu", "badan pengawas pemilihan umum",
                "election supervisory", "election supervisor", "election supervisors"),
    "panwaslih": ("panwaslih", "panwaslu", "panitia pengawas pemilu", "panitia pengawas pemilihan"),
    "kpu": ("kpu", "komisi pemilihan umum", "election commission"),
    "dprd": ("dprd", "dewan perwakilan rakyat daerah", "regional parliament", "legislator"),
    "inspektorat": ("inspektorat", "inspektur", "inspectorate"),
    "disdikpora": ("disdikpora", "dinas pendidikan pemuda dan olahraga"),
    "sekda": ("sekda", "sekretaris daerah", "regional secretary"),
    # Regional bodies whose heads speak on neutrality in most reports.
    "bkpsdm": ("bkpsdm", "bkpsdmd", "bkd", "bkpp", "badan kepegawaian daerah",
               "badan kepegawaian dan pengembangan sumber daya manusia",
               "badan kepegawaian dan pengembangan sdm", "regional civil service agency"),
    "kesbangpol": ("kesbangpol", "bakesbangpol", "badan kesatuan bangsa dan politik",
                   "kesatuan bangsa dan politik"),
    "satpol pp": ("satpol pp", "satuan polisi pamong praja", "municipal police"),
    "disdik": ("disdik", "dindik", "disdikbud", "dinas pendidikan", "dinas pendidikan dan kebudayaan",
               "education office"),
    "polres": ("polres", "polresta", "kapolres", "kapolresta", "kepolisian resor", "police chief"),
    "kodim": ("kodim", "dandim", "komando distrik militer", "komandan distrik militer",
              "district military"),
    "kemenag": ("kemenag", "kementerian agama", "ministry of religious affairs"),
    "korpri": ("korpri", "korps pegawai republik indonesia"),
    "pgri": ("pgri", "persatuan guru republik indonesia", "teachers association"),
    "ombudsman": ("ombudsman",),
}
_INSTITUTION_PHRASES = {tuple(alias.split()): key for key, aliases in _INSTITUTIONS.items()
                        for alias in aliases}
# Heads of a region (and their deputies). A province or city has many officials: beside a
# named place, "Pj Gubernur Jateng" asks for its governor, not its Sekda or its regents.
_OFFICES = {
    "gubernur": ("gubernur", "governor"),
    "bupati": ("bupati", "regent"),
    "walikota": ("walikota", "wali kota", "wako", "mayor"),
    "wakil gubernur": ("wakil gubernur", "wagub", "deputy governor", "vice governor"),
    "wakil bupati": ("wakil bupati", "wabup", "deputy regent", "vice regent"),
    "wakil walikota": ("wakil walikota", "wakil wali kota", "wawali", "wawalkot", "deputy mayor",
                       "vice mayor"),
    # A candidate for an office does not hold it: "Calon Bupati Banyumas" is not the regent.
    "calon gubernur": ("calon gubernur", "cagub", "governor candidate", "gubernatorial candidate"),
    "calon bupati": ("calon bupati", "cabup", "regent candidate"),
    "calon walikota": ("calon walikota", "calon wali kota", "cawalkot", "mayoral candidate"),
    "calon wakil gubernur": ("calon wakil gubernur", "cawagub"),
    "calon wakil bupati": ("calon wakil bupati", "cawabup"),
    "calon wakil walikota": ("calon wakil walikota", "calon wakil wali kota", "cawawalkot"),
}
_OFFICE_PHRASES = {tuple(alias.split()): key for key, aliases in _OFFICES.items() for alias in aliases}
# Office words that, next to a named place or person, only say who is meant.
_OFFICE_WORDS = frozenset({"pj", "pjs", "plt", "plh", "penjabat", "pejabat", "bupati", "wali",
                           "walikota", "wako", "wakil", "gubernur", "sekda", "ketua", "anggota",
                           "menteri", "acting", "governor", "regent", "mayor", "koordinator",
                           "kabupaten", "kota", "provinsi", "wagub", "wabup", "wawali",
                           "wawalkot", "deputy", "vice"})
_CUES = frozenset({"menurut", "kata", "pesan", "ujar", "imbauan", "according", "said", "say",
                   "says", "tell", "told", "message", "expect", "expects"})
# The word before a place that tells the city from the regency of one name ("Kota Banjar"
# in West Java, "Pj Bupati Banjar" in South Kalimantan), or names the province's own level.
_LEVEL_CUES = {"kota": "kota", "pemkot": "kota", "walikota": "kota", "wako": "kota",
               "kabupaten": "kabupaten", "kab": "kabupaten", "pemkab": "kabupaten",
               "bupati": "kabupaten", "provinsi": "provinsi", "prov": "provinsi",
               "pemprov": "provinsi", "gubernur": "provinsi"}
# A statement of a province's own office ("Ketua Bawaslu Provinsi Bali"), not one of its
# regencies' or cities'.
_PROVINCE_LEVEL = "level:provinsi"
_PLACES = ("place:", "province:")
_BODIES = ("office:", "institution:")
_LONGEST = max(len(p) for p in [*_INSTITUTION_PHRASES, *_OFFICE_PHRASES])


def passage_keys(passage: Passage) -> frozenset[str]:
    """Who said it and where: the official's name words, places, provinces, institutions
    and office."""
    return _official_keys(passage.official.name, passage.official.position, passage.source.title)


@functools.lru_cache(maxsize=16_384)  # an article's statements share them; asked per search
def _official_keys(name: str, position: str, title: str) -> frozenset[str]:
    keys = {f"name:{w}" for w in _WORD.findall(name.lower()) if len(w) > 2}
    held = _place_keys(position)
    if _province_only(held):
        keys.add(_PROVINCE_LEVEL)
    keys |= held | _place_keys(title)
    # The headline's bodies only for an official whose post names none: an Inspektur quoted
    # under "..., Kepala BKPSDM: ..." is not who "menurut Kepala BKPSDM" asks for.
    keys |= _institution_keys(position) or _institution_keys(title)
    keys |= _phrase_keys(position, _OFFICE_PHRASES, "office")  # not the headline's
    return frozenset(keys)


def indexed_keys(passage: Passage) -> frozenset[str]:
    """The keys a passage is listed under: its own, and each place with its office or
    institution ("place:garut+office:bupati", "place:padang+institution:bawaslu"), so the
    statements a question asks for are found without reading every statement of its
    province, or every Bawaslu's."""
    keys = passage_keys(passage)
    return keys | set(_places_with_bodies(keys))


def named_keys(asked: frozenset[str]) -> list[str]:
    """The keys whose statements a question wants, those that match more of it first."""
    return _places_with_bodies(asked) + sorted(filter(picks_out, asked))


def _places_with_bodies(keys: frozenset[str]) -> list[str]:
    bodies = sorted(k for k in keys if k.startswith(_BODIES))
    return [f"{k}+{body}" for k in sorted(keys) if k.startswith(_PLACES) for body in bodies]


def question_keys(question: str, names: frozenset[str]) -> tuple[frozenset[str], str]:
    """The keys a question asks for, and its words that name them, as written ("BKN" in
    capitals is the agency, "bkn" a phone's "bukan"). `names` are the officials' name words
    the corpus knows."""
    words = _WORD.findall(question)[:MAX_QUESTION_WORDS]
    # A name word that is also an English one ("made" in "How can civil servants be made
    # brave", the Balinese "Made") counts in an English question only when capitalised.
    english = written_in_english(question)
    keys: set[str] = set()
    used: set[str] = set()
    i = 0
    while i < len(words):
        size, places = places_at(words, i)
        if size and _is_place_mention(words[i:i + size]):
            level = _at_level(places, words[i - 1] if i else "")
            keys |= {f"province:{p.province}" if p.kind == "provinsi" else f"place:{p.name.lower()}"
                     for p in places}
            if len(level) < len(places):  # "Kota Banjar", not the regency
                keys |= {f"place:{p.kind} {p.name.lower()}" for p in level}
            used |= {w.lower() for w in words[i:i + size]}
            i += size
            continue
        lower = words[i].lower()
        if lower in names and (words[i][:1].isupper() or not english):
            keys.add(f"name:{lower}")
            used.add(lower)
        i += 1
    # An institution is who is asked about when the question attributes ("menurut
    # Panwaslih ...", "kata menpan"); else it is the topic ("apa peran inspektorat ...",
    # "di Papua, Pemprov atau Bawaslu?") and stays a word for BM25.
    # A body written with its place ("Bawaslu Kota Banjar") is a particular one: who, too.
    if any(w.lower() in _CUES for w in words):
        institutions = _institution_keys(question)
    else:
        institutions = _bodies_of_places(words)
    keys |= institutions
    used |= {w for key in institutions for alias in _INSTITUTIONS[key.split(":", 1)[1]]
             for w in alias.split()}
    if keys:  # "Pj Wali Kota" of a named place or person says who, not what about
        keys |= _phrase_keys(question, _OFFICE_PHRASES, "office")
        used |= {w.lower() for w in words if w.lower() in _OFFICE_WORDS}
    # "Bawaslu Bali": the province's own body before its regencies' ("Pj Gubernur Jateng"
    # says so by its office)
    if _province_only(keys) and any(k.startswith("institution:") for k in keys):
        keys.add(_PROVINCE_LEVEL)
    return frozenset(keys), " ".join(w for w in words if w.lower() in used)


def picks_out(key: str) -> bool:
    """Whether a key alone picks out statements: a place, a person or an institution does;
    an office ("gubernur") or a level only says which of a place's officials is meant."""
    return not key.startswith(("office:", "level:"))


def name_words(passages: list[Passage]) -> frozenset[str]:
    """Words of officials' names that cannot be mistaken for ordinary words."""
    words = {w for p in passages for w in _WORD.findall(p.official.name.lower()) if len(w) > 2}
    return frozenset(w for w in words if w not in root_words())


def _is_place_mention(words: list[str]) -> bool:
    """In a question, "di aceh utara" counts in lower case too; a lone ordinary word
    ("batu", "agam") counts only when capitalised."""
    if len(words) > 1 or words[0][:1].isupper():
        return True
    return words[0].lower() not in root_words()


def _place_keys(text: str) -> set[str]:
    """Each place named, its province, and its level with the name when the text tells which
    it is ("place:kota banjar"). Only capitalised words count: "utara" is a direction."""
    words = _WORD.findall(text)
    keys: set[str] = set()
    i = 0
    while i < len(words):
        size, places = places_at(words, i) if words[i][:1].isupper() else (0, ())
        places = _at_level(places, words[i - 1] if i else "")
        for place in places:
            keys.add(f"province:{place.province}")
            if place.kind != "provinsi":
                keys.add(f"place:{place.name.lower()}")
                if len(places) == 1:
                    keys.add(f"place:{place.kind} {place.name.lower()}")
        i += size or 1
    return keys


def _province_only(keys: set[str]) -> bool:
    """A province named, and none of its regencies or cities."""
    return any(k.startswith("province:") for k in keys) and not any(k.startswith("place:") for k in keys)


def _at_level(places: tuple[Place, ...], previous: str) -> tuple[Place, ...]:
    """Those of `places` at the level the word before them names, or all of them."""
    level = _LEVEL_CUES.get(previous.lower())
    return tuple(p for p in places if p.kind == level) or places


def _bodies_of_places(words: list[str]) -> set[str]:
    """Institutions written before a place, with or without its level: "Inspektorat
    Kabupaten Kuningan", "Bawaslu Jateng"."""
    lowered = [w.lower() for w in words]
    keys: set[str] = set()
    for i in range(len(words)):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            key = _INSTITUTION_PHRASES.get(tuple(lowered[i:i + size]))
            if key:
                after = i + size + (i + size < len(words) and lowered[i + size] in _LEVEL_CUES)
                if places_at(words, after)[0]:
                    keys.add(f"institution:{key}")
                break
    return keys


def _institution_keys(text: str) -> set[str]:
    return _phrase_keys(text, _INSTITUTION_PHRASES, "institution")


def _phrase_keys(text: str, phrases: dict[tuple[str, ...], str], kind: str) -> set[str]:
    """`kind:key` for each of `phrases` in `text`, the longest at each word."""
    words = [w.lower() for w in _WORD.findall(text)][:MAX_QUESTION_WORDS * 2]
    keys = set()
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            key = phrases.get(tuple(words[i:i + size]))
            if key:
                keys.add(f"{kind}:{key}")
                break
        i += size
    return keys
