"""Role mentions: an office ("Ketua Bawaslu Bontang", "Pj Bupati Gumas") read word by
word, split into the position and the name of the person holding it, and whether it speaks.

A role head (Bupati, Ketua, Sekretaris Jenderal, ...) is followed by capitalised words in
which the person's name is the last run of words that look like a name (`name_words`), or
a segment set off by commas, or the words after a title or rank. Every reading looks ahead
a bounded number of words.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import takewhile

from index.corpus.name_words import (
    ACTING, ADAT_TITLE_SHORT, CORPS, GIVEN_NAMES, HEADS_BY_FIRST, HONORIFICS, LEVEL_ABBREVIATIONS, NAME_PARTICLES,
    NAMESAKES, ORG_WORDS, TITLES,
    bare, could_be_name, is_degree, is_initial, is_initials, is_parenthesised,
    only_place, place_spans, strict_name, strip_honorifics)
from index.corpus.saying import PASSES_ON, SAY_BEFORE, is_say_after, says_next

MAX_ROLE_WORDS = 24        # a role mention reads at most this far
_CLAUSE_WORDS = 8          # how far after an office its verb of saying may come
_QUOTES = frozenset("\"“”")
# Words that end a district's or village's name rather than start a person's: "Sakra Barat".
_PLACE_TAILS = frozenset({"barat", "timur", "utara", "selatan", "tengah", "hulu", "hilir", "ilir", "darat", "laut"})
# Words of the land and water that open a two-word place name: "Camat Sungai Ambawang
# Antonius Jumadi", "Kades Tanjung Harapan ...".
PLACE_OPENERS = frozenset({"sungai", "sei", "tanjung", "teluk", "muara", "kuala", "pulau", "bukit", "batu", "bandar",
                            "air", "ujung", "pangkalan", "tanah", "padang", "rantau", "labuhan", "danau",
                            "gunung", "lubuk", "koto", "rawa", "talang", "pematang", "tebing"})
# Only after "Pelaksana"/"Pejabat": a sentence's "Sementara Ketua Bawaslu ..." is "meanwhile".
_ACTING_TAIL = frozenset({"tugas", "harian", "sementara"})
# Offices and bodies of a district or village: the word after them is its place.
# Heads news writes in lower case even before a name ("pengamat politik Universitas X, Name,
# menilai"); officials' offices are capitalised when they are someone's.
LOWER_CASE_HEADS = frozenset({"pengamat", "peneliti", "analis", "akademisi", "dosen", "guru", "rektor", "dekan",
                              "pakar", "anggota", "pegiat", "aktivis", "calon", "pengasuh", "tokoh", "pemuka",
                              "pengajar", "pengawas", "sesepuh", "juru"})  # "juru bicara Fraksi PKS, Name,"
# Of those, the ones that describe what someone does rather than name a post: capitalised as a
# sentence's first word, they still run on in lower case ("Pengamat politik Universitas ...").
_DESCRIBED_HEADS = LOWER_CASE_HEADS - {"anggota", "calon", "rektor", "dekan", "pengasuh", "juru"}
LOCAL_OFFICES = frozenset({"camat", "panewu", "lurah", "kades", "desa", "kelurahan", "kecamatan",
                            "panwascam", "kapolsek", "danramil", "pps", "ppk", "pkd", "bpd",
                            # villages' and districts' own titles: Minang, Aceh, Banten, Bali, Papua,
                            # Toraja, Kei, Lampung, Cirebon, Banjar, Bolaang Mongondow
                            "nagari", "keuchik", "geuchik", "gampong", "jaro", "perbekel", "distrik",
                            "kadistrik", "kampung", "kampong", "lembang", "jorong", "ohoi", "pekon",
                            "tiyuh", "kuwu", "pambakal", "sangadi", "kemantren", "penghulu", "klebun",
                            "kalurahan", "kapanewon", "padukuhan", "dukuh",  # Yogyakarta's since 2020
                            "golo", "parabela", "ngata", "suku", "mosalaki"})  # customary heads' own communities

EPITHET_END = frozenset({"itu", "ini", "tersebut"})

# At whose request or order others act: "atas permintaan Penjabat Gubernur".
_REQUESTS = frozenset({"permintaan", "perintah", "arahan", "persetujuan", "undangan"})
# A role head after these words is not a person's office ("Pemilihan Kepala Daerah",
# "calon bupati", "mantan Pj Gubernur Sulbar"), nor one after a document's name ("surat
# Menteri Keuangan", "edaran Bupati"), or the one someone stands in for ("mewakili Bupati").
_NOT_A_PERSON_BEFORE = frozenset({"pemilihan", "calon", "mantan", "bakal", "forum", "kantor",
                                  "rumah", "jabatan", "pelantikan", "para", "seluruh", "semua",
                                  "kepada", "pasangan", "tim", "istri", "suami", "surat",
                                  "edaran", "keputusan", "instruksi", "peraturan", "mewakili",
                                  *_REQUESTS,
                                  "menjadi",
                                  # where someone sits: "yang duduk di samping Pj Bupati, menimpali"
                                  "samping", "sebelah", "hadapan",
                                  # whom someone accompanies: "yang mendampingi Inspektur menambahkan"
                                  "mendampingi"})
# Of those, the ones that take one office, never a list of them.
_ONE_OFFICE_BEFORE = frozenset({"mewakili"})
# Words that end an office and its holder's name: another person follows.
_ENDS_OFFICE = frozenset({"melalui", "didampingi", "diwakili", "beserta", "bersama",
                          "sekaligus", "merangkap", "selaku"})  # "tokoh adat sekaligus Ketua LMA ...": a second office
# Words after which an office is held by the person named before them.
_HOLDS_NEXT = frozenset({"menjabat", "selaku"})
# A list of offices after such a word: "Pemilihan Gubernur, Bupati, dan Wali Kota".
_LIST_JOINS = frozenset({"dan", "serta", "atau"})
_LIST_WORDS = 6  # how far back the list's first word is looked for


def _not_a_person_before(words: list[str], k: int) -> bool:
    """`words[k]` makes the office after it no one speaking: "atas arahan Penjabat Gubernur",
    but a request opening its sentence, or named after a quotation, is the office's own
    words: "Arahan Kakanwil Kemenag NTB, Name, dibacakan oleh ...", '"...," demikian arahan Kakanwil'."""
    lower = bare(words[k]).lower()
    if lower not in _NOT_A_PERSON_BEFORE or words[k].endswith((",", ".", "!", "?")):
        return False  # "... jajaran penyelenggara pemilihan. Ketua Bawaslu ...": a new sentence's office
    return lower not in _REQUESTS or not (k == 0 or words[k - 1].endswith((".", "!", "?")) or says_next(words, k)
                                          or bare(words[k - 1]).lower() in PASSES_ON)  # "menyampaikan arahan Kajari"


def role_at(words: list[str], i: int, capitalised: bool = True, stood_in_for: bool = False) -> int:
    """How many words an office starting at `words[i]` spans (acting prefix, optional
    "(Pj)", head), or 0. Only a capitalised start counts, unless a verb of saying comes
    before: "kepala desa" in running text is an office in general, not a person's.
    `stood_in_for`: only the office after "mewakili", which speaks for no one but may name
    its holder ("mewakili Pj Bupati Lampung Selatan, Arsyad Nurdin,")."""
    # A paragraph's first word is capitalised however the writer typed it: "kepala BKPSDM
    # Toraja Utara, Yulius Bato Pasolang menambahkan"
    if capitalised and i > 0 and not words[i][:1].isupper() and \
            (bare(words[i]).lower() not in LOWER_CASE_HEADS or words[i].endswith(",")):
        return 0  # "Dari sisi akademisi, pengamat ...": the second is the office
    k = i - 1  # past an acting prefix: "mewakili Penjabat Gubernur" is no one's office either
    while k >= 0 and i - k < 4 and (is_parenthesised(words[k]) or is_acting(words[k], first=False)):
        k -= 1
    represented = k >= 0 and bare(words[k]).lower() in _ONE_OFFICE_BEFORE
    if stood_in_for != represented:
        return 0
    if k >= 0 and not represented and (_not_a_person_before(words, k) or _listed_after_non_person(words, k)) \
            and not (after_former(words, k + 1) and k > 0 and words[k - 1].endswith(",")):
        return 0  # but "Teguh Prasetyo, mantan Ketua Bawaslu ...": his former office
    if i > 0 and _head_at(words, i - 1) > 1:
        return 0  # the "Bupati" of "Wakil Bupati": that office was read, or ruled out, already
    j = i
    while j < len(words) and j - i < 4 and (is_parenthesised(words[j]) or is_acting(words[j], first=j == i)):
        j += 1
    size = _head_at(words, j)
    return j + size - i if size else 0


def _head_at(words: list[str], j: int) -> int:
    """How many words the role head starting at `words[j]` spans ("Wakil Bupati": 2), or 0."""
    first = bare(words[j]).lower() if j < len(words) else ""
    for head in HEADS_BY_FIRST.get(first, ()):
        if tuple(bare(w).lower() for w in words[j:j + len(head)]) == head:
            return len(head)
    return 0


def _listed_after_non_person(words: list[str], k: int) -> bool:
    """Whether an office after `words[k]` continues a list headed by a word that makes its
    offices no one's: "Pemilihan Gubernur, Bupati, dan Wali Kota, yang menyebutkan"."""
    if not (words[k].endswith(",") or bare(words[k]).lower() in _LIST_JOINS):
        return False
    for j in range(k, max(k - _LIST_WORDS, -1), -1):
        lower = bare(words[j]).lower()
        if lower in _ONE_OFFICE_BEFORE:
            return False  # "Mewakili Pj Bupati Badung, Asisten ..., Name,": the representative
        if lower in _NOT_A_PERSON_BEFORE and j < k:
            # a list of offices ("Pemilihan Gubernur, Bupati, ..."), not a place ("Di kantor
            # Pemerintah Kabupaten Lombok Timur, Inspektur ...") nor the word before the comma
            # ("... evaluasi jabatan, Anggota Bawaslu RI Name menilai")
            return _head_at(words, j + 1) > 0
        if not (words[j][:1].isupper() or lower in _LIST_JOINS):
            return False
    return False


def is_acting(word: str, first: bool) -> bool:
    """An acting prefix ("Pj", "Plt", "Pelaksana Tugas"); `first`: opening an office, where
    "Sementara" is "meanwhile" and "Tugas"/"Harian" only follow "Pelaksana"."""
    lower = bare(word).lower()
    return lower in ACTING and not (first and lower in _ACTING_TAIL)


def _clause_ends_epithet(words: list[str], start: int, end: int) -> bool:
    """ "ucap Anggota Bawaslu Banggai yang membidangi penanganan pelanggaran itu.": after a
    verb of saying, an office described by a clause refers back like "Pj Bupati itu". Not
    "Camat Tabir yang dikonfirmasi membantah tudingan itu.", an office with its own verb."""
    if bare(words[end]).lower() != "yang" or start == 0 or not says_next(words, start - 1):
        return False
    for word in words[end + 1:end + 1 + _DESCRIBING_WORDS]:
        if bare(word).lower() in EPITHET_END:
            return word.endswith((".", ",", "!", "?"))
        if word.endswith((".", ",", "!", "?", ":", "”", "\"")):
            return False
    return False


def read_role(words: list[str], start: int, size: int, names: Counter[str],
              joined: bool = False) -> tuple[int, str, str | None, bool, bool]:
    """(end, position, name or None, is epithet, speaks) for the office at `words[start]`;
    `joined`: it is joined to an office before it ("Anggota Bawaslu ... selaku Koordinator
    Divisi ..., Name"), so no holder was named before it."""
    head = [w.strip(",") for w in words[start:start + size]]
    end, tail = _role_tail(words, start, size, names)
    epithet = end < len(words) and (bare(words[end]).lower() in EPITHET_END
                                      or _clause_ends_epithet(words, start, end))
    unit, name = _unit_and_name_before_seat(tail, names)
    if epithet and name and not any(w.lower() in names for w in name.split()):
        unit, name = _clean_unit(tail), None  # "Menurut akademisi Uniflor itu": a body, not a name
    # After the body or place, a speaking office's words up to the verb, or a comma, are
    # the name even when they are ordinary words: "Direktur Jenderal Otonomi Daerah
    # Kemendagri Akmal Malik mengatakan", "Wakil Wali Kota Medan Aulia Rachman, dalam ..."
    said = is_said(words, start, end)
    ends_name = said or bool(tail) and tail[-1].endswith(",")
    # "Sahat, yang baru tiga bulan menjabat Kepala BKD Taput, mengatakan": the holder came
    # before; but not "Belum genap dua pekan menjabat, Menteri ... Name langsung ..."
    if not joined and start > 0 and bare(words[start - 1]).lower() in _HOLDS_NEXT \
            and not words[start - 1].endswith(","):
        unit, name = _clean_unit(tail), None
    elif run := _words_after_body(tail, after_bracket_only=not ends_name):
        longer = strip_honorifics([bare(w) for w in tail[-run:]])
        if (name is None or _extends(longer, name)) and not _describes_office(words, end, tail[-run:], names):
            unit, name = _clean_unit(tail[:-run]), " ".join(longer)
    head_words = _clean_words(head)
    # No name follows a village's office when its holder was named before, the sentence
    # ending on the village ("Salah satunya Zulkarnaen Amir, Kepala Desa Gunung Rajak."),
    # or when "itu" refers back ("Camat Angkola Timur itu mengatakan")
    named_before = start > 0 and words[start - 1].endswith(",") and bool(tail) and tail[-1].endswith(".")
    unit, name = _local_place_first(head_words + unit, unit, name, names, named_before or epithet)
    if head_words and head_words[0].lower() == "pejabat" and len(head) > 1 and \
            bare(head[1]).lower() == "pj":
        head_words[0] = "Penjabat"  # "Pejabat (Pj)" is a misspelt Penjabat
    position = " ".join([*head_words, *unit]).strip(" ,.!?")  # "... ujar Plh. Sekda."
    position = position.removesuffix(" yang bersangkutan")  # "Lurah yang bersangkutan, Dedy"
    # "Plt Kepala BKPSDM Jayawijaya yang juga Sekretaris Inspektorat ..., Name,", "Anggota
    # Bawaslu Mamuju Tengah yang membidangi ...": the office named first is the speaker's
    position = position.split(" yang ")[0]
    return end, position[:1].upper() + position[1:], name, epithet and not name, said


def _role_tail(words: list[str], start: int, size: int, names: Counter[str]) -> tuple[int, list[str]]:
    """The words after the office's head that belong to it (its body, place, a name),
    and where they end."""
    head = [w.strip(",") for w in words[start:start + size]]
    tail: list[str] = []
    end = start + size
    lower_case = 0
    # A head written in lower case, or one that is so written mid-sentence opening it:
    # "Pengamat politik Universitas Halu Oleo (UHO) Dr Laode Hasrun Tamburaka menilai"
    described = head[0][:1].islower() or bare(head[0]).lower() in _DESCRIBED_HEADS and \
        (start == 0 or words[start - 1].endswith((".", ",", "!", "?", ":")))
    # "datang dari tokoh adat. Ketua LMA ...", "mengapresiasi langkah Pj Bupati. Menurut Name":
    # a role that ends its sentence
    closed = head[-1].endswith((".", "!", "?")) and len(bare(head[-1])) > 3 \
        and bare(head[-1]).lower() not in _ENDS_NO_SENTENCE
    while not closed and end < len(words) and len(tail) < MAX_ROLE_WORDS:
        word = words[end]
        token = bare(word)
        if not token:
            break
        lowered = token.lower()
        if tail and tail[-1].endswith(",") and role_at(words, end):
            break  # "Sekda Harda Kiswaya, Bupati Sleman ...": the next person's office
        if tail and tail[-1].endswith(".") and is_degree(tail[-1]) and not is_degree(word):
            break  # "AKP Syamsul Bahri Lagu, S.H. Kegiatan ini ...": the sentence ended
        if lowered in _ENDS_OFFICE:  # "Kepala BKPSDM, Name, melalui Kepala Bidang ..., Name2,"
            break
        if _ballot_number(words, end):  # "Calon Bupati Banyumas nomor urut 2 Budi Hartono"
            tail.extend(words[end:end + 3])
            end += 3
            continue
        if lowered == "setempat" and not word.endswith((",", ".")):
            end += 1  # "Ketua Bawaslu setempat Fajar Nurrohman": the article's place, given later
            continue
        if lowered == "ad" and end + 1 < len(words) and bare(words[end + 1]).lower() == "interim":
            tail.extend(words[end:end + 2])  # "Ketua Bawaslu Klaten ad interim, Suryo Handoko"
            end += 2
            continue
        if not (token[:1].isupper() or is_parenthesised(word) or _connects(words, end) or token[:1].isdigit()
                or lowered in TITLES):  # "Kepala Dinas Kesehatan dr. Srikurnia Yati"
            lower_case = 0 if lower_case else _lower_case_office(words, end, names, described)
            if not lower_case:
                break
            tail.extend(words[end:end + lower_case])
            end += lower_case
            continue
        tail.append(word)
        end += 1
        if word.endswith((".", "!", "?")) and not is_degree(word) and not is_initial(word) \
                and not _DOTTED_INITIALS.match(word) \
                and bare(word).lower() not in _ENDS_NO_SENTENCE \
                and not (is_parenthesised(word) and not word.endswith(").")):
            break  # but "(Pj. Sekda)", "Kab. Tangerang" go on; "Selasa (12/11)." ends
        if word.endswith((":", ";")):
            break  # "Pj Bupati Sanggau, Name: “...”": the quotation follows; "...; Kepala BKPSDM ...": a list's next
    return end, tail


# A name's initials inside a body's name: "RSUD R.T. Notopuro Sidoarjo", "RSUD dr. R. Soedjono".
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){2,}$")


def _connects(words: list[str], k: int) -> bool:
    """Whether the lower-case word at `words[k]` joins the office's words: "Dinas Pendidikan,
    Pemuda, dan Olahraga" (but not "... dan Kepala BKD ...": a second office), "Inspektur
    Khusus pada Inspektorat Jenderal", "anggota Komisi II DPR RI dari Fraksi PDI Perjuangan",
    "anggota DPD RI asal Sumatera Barat"."""
    lowered = bare(words[k]).lower()
    following = words[k + 1] if k + 1 < len(words) else ""
    if lowered in {"dan", "&", "serta", "untuk"} | NAME_PARTICLES:
        return following[:1].isupper() and not role_at(words, k + 1)
    if lowered == "pada":  # not an event: "Bupati Banyumas Name pada Apel Hari Kesadaran Nasional"
        return following[:1].isupper() and bare(following).lower() in ORG_WORDS - _EVENTS
    if lowered == "dari":
        return bare(following).lower() in _PARTY_WORDS
    return lowered == "asal" and 0 in place_spans([bare(w) for w in words[k + 1:k + 4]])


def _ballot_number(words: list[str], i: int) -> bool:
    """ "nomor urut 2" at `words[i]`: a candidate's number, part of the office."""
    return i + 2 < len(words) and [bare(w).lower() for w in words[i:i + 2]] == ["nomor", "urut"] \
        and bare(words[i + 2]).isdigit()


# Words with a period that go on an office: "Drs.", "(Pj. Sekda)", "Kab. Tangerang".
_ENDS_NO_SENTENCE = HONORIFICS | LEVEL_ABBREVIATIONS
_NO_END_BEFORE_VERB = _ENDS_NO_SENTENCE | ADAT_TITLE_SHORT  # "Name, S.Pd Dt. Rajo Mangkuto mengingatkan"
_PARTY_WORDS = frozenset({"fraksi", "partai"})
_EVENTS = frozenset({"apel", "rakor", "pilkada", "pemilu", "pilgub", "pilbup", "pilwalkot", "pileg", "pilpres"})
_DESCRIBING_WORDS = 10  # "yang membidangi penanganan pelanggaran dan penyelesaian sengketa itu"
_LOWER_CASE_WORDS = 8  # "hukum tata negara dari Universitas Khairun Ternate,"


def _lower_case_office(words: list[str], start: int, names: Counter[str], lower_head: bool = False) -> int:
    """How many words, from a lower-case one on, an office runs to the comma before a name
    that speaks ("Direktur lembaga survei Indikator, Fajar Prasetyo, mengatakan", "Bupati
    Bandung Barat terpilih, Jeje Ritchie Ismail, mengatakan"), or, after a head written in
    lower case, to a title opening the name ("pengamat politik Universitas Mataram (Unram)
    Dr. Agus Wirawan"); 0 if that is not the case."""
    comma = next((j for j in range(start, min(start + _LOWER_CASE_WORDS, len(words))) if words[j].endswith(",")
                  or words[j].endswith((".", "!", "?", ":")) or words[j][:1] in _QUOTES
                  or lower_head and j > start and bare(words[j]).lower() in TITLES
                  and words[j][:1].isupper()), None)
    between = [bare(w).lower() for w in words[start:comma + 1]] if comma is not None else []
    if lower_head and comma is not None and bare(words[comma]).lower() in TITLES \
            and not words[comma - 1].endswith(","):
        return comma - start if not any(w in SAY_BEFORE or is_say_after(w) for w in between) else 0
    if comma is None or not words[comma].endswith(",") or \
            any(w in SAY_BEFORE or is_say_after(w) for w in between):
        return 0
    name_end = next((j for j in range(comma + 1, min(comma + 6, len(words))) if words[j].endswith(",")), None)
    if name_end is None or not is_said(words, comma + 1, name_end + 1):
        return 0
    name = strip_honorifics([bare(w) for w in words[comma + 1:name_end + 1] if not is_degree(w)])
    return comma + 1 - start if _all_name(name, names) else 0


def _unit_and_name_before_seat(tail: list[str], names: Counter[str]) -> tuple[list[str], str | None]:
    """A legislator's party seat may follow the name: "Wakil Ketua Komisi I Sutarmin Effendi
    dari Fraksi Gerindra meminta". The seat then goes with the office."""
    seat = next((k for k in range(1, len(tail) - 1) if bare(tail[k]).lower() == "dari"
                 and bare(tail[k + 1]).lower() in _PARTY_WORDS and not tail[k - 1].endswith(",")), None)
    if seat is not None:
        unit, name = _split_unit_and_name(tail[:seat], names)
        if name:
            return [*unit, *tail[seat:]], name
    return _split_unit_and_name(tail, names)


def _split_unit_and_name(tail: list[str], names: Counter[str]) -> tuple[list[str], str | None]:
    """Split the words after an office into its unit and the person's name. The name is
    the first comma-separated segment that is all name ("Kepala Desa Sukamaju, Ujang
    Suryana, ..."); else the trailing name run of the first segment that ends in one."""
    segments: list[list[str]] = [[]]
    for word in tail:
        segments[-1].append(word)
        if word.endswith(","):
            segments.append([])
    segments = [s for s in segments if s]
    for k in range(1, len(segments)):
        clean = strip_honorifics([bare(w) for w in segments[k] if not is_degree(w) and not is_parenthesised(w)])
        # an address before the name: "Lurah Cipinang Muara, Jatinegara, Jakarta Timur, Name"
        in_address = k + 1 < len(segments) and only_place(" ".join(segments[k + 1]))
        if clean and _all_name(clean, names) and not in_address and not _listed(segments[k + 1:]):
            return _clean_unit([w for s in segments[:k] for w in s]), " ".join(clean)
        if not (in_address or _unit_like(segments[k])):
            break
    for k, segment in enumerate(segments):
        run = _name_after_title(segment) or _trailing_name(segment, names)
        if run:
            unit = [w for s in segments[:k] for w in s] + segment[:len(segment) - run[1]]
            return _clean_unit(unit), run[0]
        if k > 0 and not _unit_like(segment):
            break
    # No name: the office runs over its comma-separated, capitalised parts ("Koordinator
    # Divisi Pencegahan, Partisipasi Masyarakat dan Humas Bawaslu Kota Singkawang").
    parts = list(takewhile(_unit_like, segments[1:])) if segments else []
    return _clean_unit([w for s in segments[:1] + parts for w in s]), None


def _local_place_first(office: list[str], unit: list[str], name: str | None,
                       names: Counter[str], no_name: bool) -> tuple[list[str], str | None]:
    """A district's or village's office is followed by its place, which no gazetteer
    lists: "Camat Cibinong mengimbau", "Kades Sukamaju Asep Saepudin mengatakan". Its
    first word moves from the name to the unit, unless it is a known name ("Camat Budi");
    all of them when the words name `no_name`."""
    if not name:
        return unit, name
    if no_name and name.split()[0] not in names and any(bare(w).lower() in LOCAL_OFFICES for w in office):
        return [*unit, *name.split()], None
    tails = list(takewhile(lambda w: w.lower() in _PLACE_TAILS, name.split()))
    if tails and unit:  # "Camat Singkawang Selatan Syarif Hamdani": no name opens on a compass point
        return [*unit, *tails], " ".join(name.split()[len(tails):]) or None
    if len(office) > 1 and bare(office[-1]).lower() in PLACE_OPENERS and _ends_local(office[:-1]):
        first, *rest = name.split()  # "Camat Sungai Ambawang Antonius Jumadi": the opener's place goes on
        return [*unit, first], " ".join(rest) or None
    if not _ends_local(office):
        return unit, name
    if len(office) > 1 and office[-2].endswith(","):
        return [*unit, *name.split()], None  # "Kepala Ohoi Debut, Kecamatan Kei Kecil, mengaku": all place
    first, *rest = name.split()
    if first in names or first.lower() in GIVEN_NAMES:
        return unit, name
    opener = [first, rest[0]] if first.lower() in PLACE_OPENERS and rest else [first]  # "Sungai Ambawang"
    place = [*opener, *takewhile(lambda w: w.lower() in _PLACE_TAILS, rest[len(opener) - 1:])]  # "Sakra Barat"
    return [*unit, *place], " ".join(rest[len(place) - 1:]) or None


def _ends_local(office: list[str]) -> bool:
    """Whether the office's last word is a district's or village's ("Pengawas Kelurahan/Desa"
    too), so the next is its place.
    Maluku's village head is the "Raja Negeri": "negeri" alone ends "Menteri Dalam Negeri"."""
    last = [bare(w).lower() for w in office[-2:]]
    return last[-1].split("/")[-1] in LOCAL_OFFICES or last == ["raja", "negeri"] \
        or last[-1].isdigit() and last[0] in _NUMBERED_SCHOOLS  # "Kepala SDN 3 Kembiritan"


# Schools are numbered in their village or district: "SDN 3 Kembiritan", "SMP Negeri 1 Genteng".
_NUMBERED_SCHOOLS = frozenset({"sd", "sdn", "smp", "smpn", "sma", "sman", "smk", "smkn", "mi", "min",
                               "mts", "mtsn", "ma", "man", "negeri", "inpres"})


def _name_after_title(segment: list[str]) -> tuple[str, int] | None:
    """The name after a segment's last title or rank, and how many words they take
    ("Dandim 0607 Kota Sukabumi Letkol Inf Dwi Bima Sakti" -> "Dwi Bima Sakti", 5). A title
    comes only before a name, so the words after it are the name even when one of them is
    a place ("Bima") or an ordinary word ("Sakti")."""
    tokens = [bare(w) for w in segment]
    while tokens and is_degree(segment[len(tokens) - 1]):
        tokens.pop()
    titled = [i for i, t in enumerate(tokens) if t.lower() in TITLES]
    if not titled or titled[-1] and tokens[titled[-1] - 1].lower() in NAMESAKES:
        return None
    first = start = titled[-1] + 1
    while first > 1:  # "Drs. H. Ahmad Yani", "Irjen Pol Drs. Johanis ..."
        if tokens[first - 2].lower() in TITLES:
            first -= 1
        elif first > 2 and tokens[first - 2].lower() in CORPS and tokens[first - 3].lower() in TITLES:
            first -= 2
        else:
            break
    while start < len(tokens) and tokens[start].lower() in CORPS:
        start += 1
    name = tokens[start:]
    if not 0 < len(name) <= 4 or all(is_initial(t) for t in name) or \
            not all(could_be_name(t) or is_initial(t) for t in name):
        return None
    return " ".join(name), len(segment) - (first - 1)


def _describes_office(words: list[str], end: int, run: list[str], names: Counter[str]) -> bool:
    """ "Deputi SDM Aparatur itu menjelaskan": words that "itu" closes, not set off by a comma
    ("..., Sri Mulyani Harahap, itu kemudian") and never said to speak, describe the office."""
    return end < len(words) and bare(words[end]).lower() in EPITHET_END and not run[-1].endswith(",") \
        and not any(bare(w) in names for w in run)


def _extends(words: list[str], name: str) -> bool:
    """Whether the name `words` (titles and degrees stripped) is `name` with more words before
    it ("Bonar Hutapea" after "Inspektur Taput", where "Bonar" alone read as a word)."""
    return len(words) > len(name.split()) and " ".join(words).endswith(" " + name)


# Bodies whose next word says what they do: "Dinas Pendidikan", "Bagian Hukum".
_NAMES_ITS_FIELD = frozenset({"dinas", "badan", "biro", "bagian", "bidang", "seksi", "subbagian",
                              "sekretariat", "divisi", "direktorat"})


def _committee_number(words: list[str], k: int) -> bool:
    """ "Ketua Komisi I Sutarmin Effendi", "Komisi A": the committee's number is no initial."""
    return k > 0 and bare(words[k - 1]).lower() == "komisi"


def _words_after_body(tail: list[str], after_bracket_only: bool = False) -> int:
    """How many capitalised words (at most 3, and any degrees after them) follow the last
    body, acronym or place of an office that speaks: those are the speaker's name even when
    they are ordinary words, as "Akmal Malik" after "Kemendagri". 0 when no such boundary
    comes first.
    After an acronym in brackets they are the name whatever follows: "Menteri Dalam
    Negeri (Mendagri) Arifin Sasmita Nugraha mengancam ..."."""
    degrees = 0
    while degrees < len(tail) and is_degree(tail[len(tail) - 1 - degrees]):
        degrees += 1  # "... Kampar Nurhadi Pratama SPd.": no part of the name, nor of the office
    tail = tail[:len(tail) - degrees]
    tokens = [bare(w) for w in tail]
    spans = place_spans(tokens)
    spans |= {k for k, w in enumerate(tail) if is_parenthesised(w)}  # "(Tapteng)", "(BKN)"
    run = 0
    while run < len(tokens) and run <= 3 and len(tokens) - 1 - run not in spans \
            and could_be_name(tokens[len(tokens) - 1 - run]) \
            and not (run and tail[len(tokens) - 1 - run].endswith(",")) \
            and not _committee_number(tokens, len(tokens) - 1 - run):  # "Tapin Utara, Muhammad Ridwan"
        run += 1
    boundary = len(tokens) - 1 - run
    if not 0 < run <= 3 or boundary < 0:
        return 0
    while boundary > 0 and tokens[boundary].lower() in TITLES:
        run, boundary = run + 1, boundary - 1  # "Kampar H. Zulfikri Rahman": the title is the name's
    body = tokens[boundary]
    if body.lower() in _NAMES_ITS_FIELD:
        return 0  # "Sekretaris Dinas Pendidikan menyebut": the body's field, not a name
    if after_bracket_only:
        return run + degrees if is_parenthesised(tail[boundary]) else 0
    return run + degrees if boundary in spans or body.lower() in ORG_WORDS or body.isupper() else 0


def _trailing_name(segment: list[str], names: Counter[str]) -> tuple[str, int] | None:
    """The name at the end of a segment ("Bawaslu Bontang Aldy Altrian" -> "Aldy Altrian")
    and how many words it takes, degrees and honorifics included."""
    words = [w for w in segment]
    while words and (is_degree(words[-1]) or is_parenthesised(words[-1])):
        words.pop()
    if not words:
        return None
    end = len(words)
    spans = place_spans([bare(w) for w in words])
    run: list[str] = []
    j = end - 1
    while j >= 0:
        token = bare(words[j])
        surname = not run and j > 0 and strict_name(bare(words[j - 1]), names)
        if surname and j in spans and j - 1 not in spans and could_be_name(token) and j > 1 \
                and strict_name(bare(words[j - 2]), names):
            run.insert(0, token)  # a family name that is also a place's, after two given: "Sri Wahyuni Batubara"
            j -= 1
            continue
        if j in spans or is_parenthesised(words[j]) or _committee_number(words, j):
            break
        particle = run and token in NAME_PARTICLES and j > 0 and could_be_name(bare(words[j - 1]))
        if strict_name(token, names) or (surname and could_be_name(token)) or particle or \
                (run and (is_initial(token) or token.lower() in GIVEN_NAMES)):
            run.insert(0, token)
            j -= 1
            continue
        # "Kapolda Metro Jaya Irjen Karyoto", "Kombes Pol Jules": before a rank is the unit
        while run and j >= 0 and bare(words[j]).lower().rstrip(".") in HONORIFICS:
            j -= 1
        break
    if run and j >= 0 and j < end - len(run) - 1 and bare(words[j]).lower() in NAMESAKES:
        return None  # "Universitas Jenderal Soedirman": a rank that names a place
    clean = strip_honorifics(run)
    if not clean or all(is_initial(t) for t in clean):
        return None
    return " ".join(clean), len(segment) - (j + 1)


def _all_name(tokens: list[str], names: Counter[str]) -> bool:
    """Whether a comma-separated segment after an office is a person's name ("Komisioner
    KPU Kota Medan, Bambang Hariyanto, ..."): capitalised words that are no place, office or
    acronym (initials such as "ZA" after the first), one of them surely a name. Set off by
    commas, an ordinary word may start a name: "Bambang", "Tengku", "Lalu"."""
    if not tokens or place_spans(tokens):
        return False
    return all(could_be_name(t) or is_initial(t) or (k > 0 and is_initials(t))
               or (0 < k < len(tokens) - 1 and t in NAME_PARTICLES)  # "Rosmawati br Siregar"
               for k, t in enumerate(tokens)) and \
        any(strict_name(t, names) or t.lower() in GIVEN_NAMES for t in tokens)


def _listed(following: list[list[str]]) -> bool:
    """Whether the segments after one go on to close a list ("Dinas Pemberdayaan Perempuan,
    Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana"): it is the office's.
    A segment opening with an office is the named person's second one, or, after "serta" or
    "dan", another person's: no list item."""
    for segment in following:
        if all(is_degree(w) for w in segment):
            continue  # "Name, S.H., serta ...": the name's degrees
        joined = int(bare(segment[0]).lower() in {"dan", "serta"})
        if not _unit_like(segment) or role_at(segment, joined):
            return False  # "..., serta Ketua Bawaslu ..., Name2,": a second person
        if any(bare(w).lower() in {"dan", "serta"} for w in segment):
            return True
    return False


def _unit_like(segment: list[str]) -> bool:
    return all(bare(w)[:1].isupper() or bare(w).lower() in {"dan", "&", "serta"} for w in segment)


def _clean_unit(unit: list[str]) -> list[str]:
    """The unit without trailing degrees, and without a province tacked on after a comma
    ("Wali Kota Palangka Raya, Kalimantan Tengah")."""
    words = [w for w in unit if not is_degree(w)]
    if words and bare(words[-1]).lower() == "setempat":  # "local": the article's place
        words.pop()
    text = " ".join(words).strip(" ,.!?")
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1 and only_place(parts[-1]):
        parts.pop()
    return _clean_words(", ".join(parts).split())


def _clean_words(words: list[str]) -> list[str]:
    """Drop what brackets hold ("(Pj)", "(Kemendagri)", "(Pj Sekdaprov Kalsel)": an
    office's short form) and stray punctuation."""
    out, inside = [], False
    for word in words:
        if inside:  # within a bracket of several words, up to the word that closes it
            inside = ")" not in word
            continue
        if is_parenthesised(word):
            inside = word.startswith("(") and ")" not in word
            continue
        word = word.strip("()\"“”'")
        if word:
            out.append(word)
    return out


def is_said(words: list[str], start: int, end: int) -> bool:
    """The office at words[start:end] speaks: a verb of saying follows in the same clause
    ("... Kurniawan dalam sambutannya mengatakan"), or one precedes it ("ucap Kepala ...")."""
    before = start - 1
    while before > 0 and bare(words[before]).lower() in HONORIFICS:
        before -= 1  # "disampaikan oleh Bapak Bupati Wonosobo, ..."
    return _verb_after(words, end) is not None or (before >= 0 and says_next(words, before))


def skip_verb(words: list[str], end: int) -> int:
    """Past the verb of saying that follows an office ("... Aldy Altrian, menegaskan")."""
    verb = _verb_after(words, end)
    return end if verb is None else verb + 1


def _verb_after(words: list[str], end: int) -> int | None:
    """Where the verb of saying after `words[end]` is, within a few words ("kepada
    wartawan", "saat dikonfirmasi,"), not past a sentence, a quote or another office."""
    last = words[end - 1] if 0 < end <= len(words) else ""
    if last.endswith((".", "!", "?")) and not (is_degree(last) or is_initial(last)  # "Name Dt. Rajo Mangkuto"
                                               or bare(last).lower() in _NO_END_BEFORE_VERB):
        return None  # "... dipimpin Sekda NTB Lalu Ramdhan Saputra. Zulkifli berharap": the next one's
    nickname = False  # "..., yang akrab disapa Bu Kades Endang, mengajak": no other office
    reach = _OCCASION_WORDS if end < len(words) and bare(words[end]).lower() in _OCCASIONS else _CLAUSE_WORDS
    for j in range(end, min(end + reach, len(words))):
        if bare(words[j]).lower() in SAY_BEFORE:
            # "Pengawas desa diminta melaporkan ...": asked to say, not saying
            return None if j > 0 and bare(words[j - 1]).lower() in _ASKED_TO else j
        if words[j][:1] in _QUOTES or words[j].endswith((".", "!", "?", ":", "”", "\"")) or \
                role_at(words, j) and not nickname or bare(words[j]).lower() in _NEW_CLAUSE:
            return None
        nickname = (nickname or bare(words[j]).lower() in _NICKNAMED) and not words[j].endswith(",")
    return None


_NICKNAMED = frozenset({"disapa", "sapaan"})
# A clause of the occasion set off between the speaker and the verb runs longer: "Name, saat
# menjadi narasumber dalam dialog interaktif RRI Pontianak, Selasa pagi, menilai ..."
_OCCASIONS = frozenset({"saat", "ketika", "usai", "seusai", "sesudah", "setelah", "selepas", "sebelum"})
_OCCASION_WORDS = 16
_ASKED_TO = frozenset({"diminta", "agar", "supaya", "wajib", "harus", "untuk"})


# Conjunctions that open a clause with a subject of its own: "Kepala desa bukan ASN, tetapi
# Nur Hidayah menegaskan ..." (the office does not speak).
_NEW_CLAUSE = frozenset({"tetapi", "tapi", "namun", "sedangkan", "melainkan"})


_FORMERLY = frozenset({"sebelumnya", "pernah", "dulu", "dahulu", "sempat"})


def after_former(words: list[str], i: int) -> bool:
    """The office at `words[i]` is one its holder held before: "mantan Ketua ...", "yang
    sebelumnya menjabat Koordinator Divisi ..."."""
    before = bare(words[i - 1]).lower() if i > 0 else ""
    return before in {"mantan", "eks", "bekas"} or before == "menjabat" and i > 1 \
        and bare(words[i - 2]).lower() in _FORMERLY
