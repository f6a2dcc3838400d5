"""Reading a person's name off the words around a verb of saying or an office.

News puts the name of whoever speaks in a handful of places: before the verb ("Ani Sofian
menekankan"), after it ("kata Hera", "ujar Kepala Dinas ... I Wayan Sunada"), set off by
commas around an office ("Lalu Gita Ariadi, Sekda NTB, mengatakan"), or with the office in
brackets ("Asep Saepul Rohman (Sekda Kabupaten Garut) mengatakan"). Each function here looks
at one of those places in a paragraph's word list, a bounded number of words away, and says
whose name stands there; `officials` decides who that person is.
"""

from __future__ import annotations

import re
from collections import Counter

from index.corpus.name_words import (GIVEN_NAMES, HONORIFICS, MAX_TOKEN_CHARS, NAME_PARTICLES, NAMESAKES, ORG_WORDS,
                                     bare, could_be_name, is_degree, is_initial, is_place_word, name_like, place_spans,
                                     strict_name, strip_honorifics)
from index.corpus.roles import EPITHET_END, LOCAL_OFFICES, PLACE_OPENERS, after_former, read_role, role_at
from index.corpus.saying import LINKS_BEFORE_VERB, SAID_BY, SAY_BEFORE, says_next

_WORD = re.compile(r"[^\s\"“”‘’]{1,%d}" % MAX_TOKEN_CHARS)
QUOTE_MARK = re.compile(r"[\"“”]")
# "SELONG-Penjabat", "Harianjogja.com, GUNUNGKIDUL—Penjabat", "MANADOPOST.ID—Penjabat": the
# dateline opens the paragraph.
_GLUED_DATELINE = re.compile(r"^((?:\S+\s+){0,3}?[A-Z]{3,}(?:\.[A-Z]{2,3})?[-–—])(?=[A-Z][a-z])")
# A passive verb of saying with its prefix written apart, as small outlets often do: "Hal itu
# di sampaikan Hasanuddin".
_PREFIX_APART = re.compile(r"\b([Dd]i) (%s)\b" % "|".join(sorted(w[2:] for w in SAID_BY)))
# The Batak "boru" written short with a period ("Lamria br. Simanjuntak"): no sentence's end.
_BORU = re.compile(r"\b([Bb]r)\.(?=\s+[A-Z])")
# Police ranks written out, as press releases do, by the short form the rank list knows.
_RANKS_IN_FULL = {"ajun komisaris besar polisi": "AKBP", "komisaris besar polisi": "Kombespol",
                  "ajun komisaris polisi": "AKP", "komisaris polisi": "Kompol",
                  "inspektur polisi satu": "Iptu", "inspektur polisi dua": "Ipda",
                  "brigadir jenderal polisi": "Brigjenpol", "inspektur jenderal polisi": "Irjenpol"}
_RANK_IN_FULL = re.compile(r"\b(?:" + "|".join(" +".join(w.capitalize() for w in rank.split())
                                               for rank in sorted(_RANKS_IN_FULL, key=len, reverse=True))
                           + r")\b")
PRONOUNS = frozenset({"dia", "ia", "beliau", "nya", "he", "she"})
OPENERS = frozenset({"adapun", "sedangkan", "namun", "sementara",  # "Adapun Bintang Putra, ..."
                     "satunya", "yakni", "yaitu",  # "Salah satunya Zulkarnaen Amir, Kepala Desa ..."
                     "giliran"})  # "Giliran Fadli ditanya soal peran polisi. Ia menegaskan ..."
# Words between a name and the office it holds: "Sri selaku", "Yosias yang menjabat".
_LINKS_TO_OFFICE = frozenset({"yang", "juga", "selaku", "sebagai", "menjabat", "merupakan",
                              "dilantik", "ditunjuk", "diangkat",  # "Rumbiak, yang dilantik sebagai Penjabat ..."
                              "diketahui", "tercatat", "adalah"})  # "Yayat diketahui menjabat Kepala ..."
_EPITHET_WORDS = 10       # "pria yang memimpin Bawaslu Sulsel pada periode 2012-2017 itu"
_OFFICE_CLAUSE_WORDS = 6  # "yang baru tiga bulan menjabat"
_CLAUSE_BEFORE_VERB = 8    # "yang duduk di seberang meja langsung menimpali"
OPENING_WORDS = 3         # "Sementara itu, Ketua ...": how late a paragraph's subject may start
BRACKETED_WORDS = 10      # "(Kepala Dinas Pendidikan Kabupaten Garut)"
_BODY_WORDS = 5           # "dari Badan Pengawas Pemilu Kabupaten Banggai"


def attributed_names(paragraphs: list[list[str]]) -> Counter[str]:
    """Single words that a statement is attributed to: "kata Kaya", "Menurut Rofiuddin",
    "Suhajar membeberkan". They count as names even when they are ordinary words."""
    found: Counter[str] = Counter()
    for words in paragraphs:
        for i, word in enumerate(words):
            lower = bare(word).lower()
            if says_next(words, i) and i + 1 < len(words) and not word.endswith((".", ":")):
                token = bare(words[i + 1])
                if could_be_name(token) and not is_place_word(token):
                    found[token] += 1
            elif lower in SAY_BEFORE:
                j = i - 1
                while j >= 0 and bare(words[j]).lower() in LINKS_BEFORE_VERB:
                    j -= 1
                # Before the verb, a place or an ordinary word is a body that speaks
                # ("Bawaslu Bontang menegaskan", "Sekadar memberikan", "Camat Cibinong
                # mengimbau"), not a name.
                token = bare(words[j]) if j >= 0 else ""
                local = j > 0 and bare(words[j - 1]).lower() in LOCAL_OFFICES
                if token and not words[j].endswith((",", ".")) and not local \
                        and strict_name(token, Counter()):
                    found[token] += 1
    return found


def name_after(words: list[str], start: int, names: Counter[str]) -> str | None:
    """The speaker named after a verb of saying: "kata Hera", "ujar Agus Fatoni", "ucap
    Kepala Dinas ... I Wayan Sunada", "kata dia"."""
    if start >= len(words):
        return None
    first = bare(words[start]).lower()
    if first in PRONOUNS:
        return "PRONOUN"
    role = role_at(words, start, capitalised=False)  # "kata anggota KPU RI, Idham Holik"
    if role:
        name = read_role(words, start, role, names)[2]
        return name
    after_verb = start
    while start < len(words) - 1 and bare(words[start]).lower() in HONORIFICS:
        start += 1  # "kata H. Ahmad Yani", "ujar Ny. Ratna Dewi": surely a name follows
    titled = start > after_verb
    run: list[str] = []
    for k, word in enumerate(words[start:start + 4], start):
        token = bare(word)
        particle = run and token in NAME_PARTICLES and k + 1 < len(words) and could_be_name(bare(words[k + 1]))
        given = run and run[-1].lower() in GIVEN_NAMES  # "ujar Daeng Sila": after "Daeng", a name
        if not (particle or could_be_name(token) and (titled or given or name_like(token, names) or token in names)):
            break  # but "kata Lamria br Simanjuntak" goes on
        run.append(token)
        if word.endswith(",") or word.endswith(".") and not is_initial(word):  # on after "A." of "A. Basri"
            break
    return " ".join(run) or ("PRONOUN" if epithet_at(words, start) else None)


def epithet_at(words: list[str], start: int) -> bool:
    """A description ending in "itu" refers to the person spoken of, like a pronoun:
    "tegas pria yang juga Ketua Umum Korpri itu", "kata mantan Pj Gubernur Sulbar itu"."""
    window = words[start:start + _EPITHET_WORDS]
    if any(bare(w).lower() == "yang" for w in window):  # "Anggota Bawaslu Banggai yang membidangi ... itu"
        window = words[start:start + _EPITHET_WORDS + _OFFICE_CLAUSE_WORDS]
    for word in window:
        if bare(word).lower() in EPITHET_END:
            return True
        if word.endswith((".", ",", "!", "?", ":")) or word[:1] in "“\"":
            return False
    return False


def relative_clause_start(words: list[str], verb: int) -> int | None:
    """Where "yang" opens a clause describing the verb's subject ("Junaidi yang duduk di
    seberang meja langsung menimpali", "Tenriola, yang ditemui usai pemeriksaan, membantah"),
    within a few words; else None."""
    set_off = verb > 0 and words[verb - 1].endswith(",")
    for k in range(verb - 1, max(verb - _CLAUSE_BEFORE_VERB, 0), -1):
        if bare(words[k]).lower() == "yang":  # a clause set off may be left open: "Name, yang ... menambahkan"
            return k if words[k - 1].endswith(",") or not set_off else None
        if words[k].endswith((",", ".", "!", "?", ":", "”", "\"")) and not (set_off and k == verb - 1):
            return None
    return None


def holder_before(words: list[str], i: int, said: bool, names: Counter[str], set_off: bool = True) -> str | None:
    """The name before an office at `words[i]` that holds it: "Rahmat Hidayat yang juga
    Ketua KPU ...", "Sri selaku Kepala BKD ...", "Yosias yang menjabat Penjabat Bupati
    ...", and set off by commas when the office
    speaks or the name follows a verb of saying ("Lalu Gita Ariadi, Sekda NTB, mengatakan",
    "diungkapkan Sri Wahyuni, Kepala BKD Kota Cimahi, saat ..."); after a verb of saying,
    an office not `set_off` by a comma opens what is reported ("Menurut Yudhistira, Mendagri
    juga meminta ...")."""
    j = i
    while j > max(i - 3, 0) and bare(words[j - 1]).lower() in _LINKS_TO_OFFICE:
        j -= 1
    if i > 1 and bare(words[i - 1]).lower() == "menjabat":  # "Asep, yang baru tiga bulan menjabat"
        clause = next((k for k in range(i - 2, max(i - _OFFICE_CLAUSE_WORDS, 0) - 1, -1)
                       if bare(words[k]).lower() == "yang"), None)
        # lower-case, or no name: "yang sejak Agustus menjabat"
        if clause is not None and all(w.islower() or not could_be_name(bare(w)) for w in words[clause:i]):
            j = clause
    if [bare(w).lower() for w in words[j:i]] not in ([], ["yang"], ["juga"]):
        return name_before(words, j, names)
    if after_former(words, i):
        i -= 1  # "Teguh Prasetyo, mantan Ketua Bawaslu Jawa Tengah"
    if not (i > 0 and words[i - 1].endswith(",")):
        return _name_straight_before(words, i, said, names)
    name = name_before(words, i, names)
    if not name:
        return None
    start = _before_name(words, i, name)
    if not set_off and says_next(words, start):
        return None  # "Menurut Fikri, Pjs Gubernur telah memanggil ...": what he reports
    return name if said or start < 0 or says_next(words, start) or _opens_sentence(words, start) else None


def _name_straight_before(words: list[str], i: int, said: bool, names: Counter[str]) -> str | None:
    """Some outlets write the name straight before the office, with no comma: "Agil
    Prasetyo Wibisono Ketua Bawaslu Surabaya mengatakan". Read so only a full name that
    opens its sentence, before an office that speaks."""
    if not said or i == 0 or not words[i - 1][:1].isupper() or words[i - 1].endswith((".", ",")):
        return None
    name = name_before(words, i, names)
    if not name or len(name.split()) < 2:
        return None
    start = _before_name(words, i, name)
    return name if start < 0 or _opens_sentence(words, start) else None


def _before_name(words: list[str], end: int, name: str) -> int:
    """The index of the word before `name`, which ends just before `words[end]` past any
    degrees, and starts past any honorifics ("ujar Ir. H. Zulkifli Anwar, M.T., Plh ...")."""
    k = end - 1
    while k >= 0 and is_degree(words[k]):
        k -= 1
    k -= len(name.split())
    while k >= 0 and bare(words[k]).lower() in HONORIFICS:
        k -= 1
    return k


def _opens_sentence(words: list[str], before: int) -> bool:
    """Whether a sentence starts after `words[before]`, so a name set off there by commas
    is its subject: "Adapun Bintang Putra, Koordinator ..., justru melihat"."""
    word = words[before]
    return word.endswith(".") or bare(word).lower() in OPENERS or \
        word.endswith((",",) + _DATELINE_ENDS) and before < OPENING_WORDS


# How a dateline ends before the lead's first word: "SURABAYA -", "suarasurabaya.net|".
_DATELINE_ENDS = ("-", "–", "—", "|")


def second_office(words: list[str], end: int, position: str,
                   names: Counter[str]) -> tuple[int, str, bool]:
    """A second office in apposition that speaks makes one position with the first: "Rika
    Oktaviani, Anggota Bawaslu Agam, Koordinator Divisi Penanganan Pelanggaran, mengatakan".
    Else (end, position, False) as they were."""
    second = role_at(words, end) if end > 0 and words[end - 1].endswith(",") else 0
    if second:
        after, more, name, _, said = read_role(words, end, second, names)
        if said and not name:
            return after, f"{position}, {more}", True
    return end, position, False


def office_in_brackets(words: list[str], verb: int) -> tuple[int, str]:
    """An office in brackets between a name and its verb ("Asep Saepul Rohman (Sekda
    Kabupaten Garut) mengatakan"): where the brackets start, and the office; else (verb, "")."""
    if verb == 0 or not words[verb - 1].endswith(")"):
        return verb, ""
    start = next((k for k in range(verb - 1, max(verb - BRACKETED_WORDS, -1), -1)
                  if words[k].startswith("(")), None)
    if start is None:
        return verb, ""
    inside = [w.strip("()") for w in words[start:verb]]
    return (start, " ".join(inside).strip(" ,")) if role_at(inside, 0) else (verb, "")


def body_in_between(words: list[str], verb: int) -> tuple[int, str]:
    """The body a name speaks from, between it and its verb ("I Ketut Suardana dari Bawaslu
    Banggai mengatakan"): where "dari" stands, and the body; else (verb, "")."""
    for k in range(verb - 1, max(verb - _BODY_WORDS - 2, 0), -1):
        if bare(words[k]).lower() == "dari":
            body = [bare(w) for w in words[k + 1:verb]]
            if body and body[0].lower() in ORG_WORDS and not words[k].endswith((",", ".")):
                return k, " ".join(body)
            break
        if not (words[k][:1].isupper() or words[k][:1].isdigit()) or \
                words[k].endswith((",", ".", "”", "\"")) and k != verb - 1:
            break  # but "Rina Marlina, S.Pd., dari SDN 2 Tarogong Kidul, mengaku"
    return verb, ""


def name_before(words: list[str], verb: int, names: Counter[str]) -> str | None:
    """The speaker named just before a verb of saying: "Ani Sofian menekankan"."""
    # "Bunga Anggraini, Ketua Komisi I", "Rudi Hartono (Camat Rumbai)"
    set_off = verb > 0 and words[verb - 1].endswith(",") or verb < len(words) and words[verb].startswith("(")
    j = _before_circumstance(words, verb - 1)
    while j >= 0 and bare(words[j]).lower() in LINKS_BEFORE_VERB:
        j -= 1
    run: list[str] = []
    while j >= 0 and len(run) < 4:
        token = bare(words[j])
        if words[j].endswith((".", "?", "!", "”", "\"")) and run and not is_initial(words[j]):
            break
        if is_degree(words[j]) and not run:
            j -= 1
            continue
        # a dictionary word after a sure name is a surname: "Rahmat Hidayat mengatakan"
        surname = not run and j > 0 and strict_name(bare(words[j - 1]), names)
        initial = run and is_initial(words[j])  # "R. Bayu", "Moh. Faishol"
        # between sure name words, a dictionary word is one too: "Syamsul Bahri Lallo"
        between = run and j > 0 and strict_name(bare(words[j - 1]), names) and \
            not words[j - 1].endswith((",", "."))
        # set off by commas from the sentence's start, a dictionary word before a sure name
        # is a given name: "Bunga Anggraini, Ketua ...", ", Endang Kurniasih, berharap"
        given = set_off and run and strict_name(run[0], names) and \
            (j == 0 or words[j - 1].endswith((",", ".")) and not is_initial(words[j - 1]))
        if not initial and not (could_be_name(token) and not is_place_word(token)
                                and (name_like(token, names) or token in names or surname or given
                                     or between)):
            break
        run.insert(0, token)
        if j > 0 and words[j - 1].endswith((",", ".")) and not is_initial(words[j - 1]):
            break
        j -= 1
    if run and _named_after(words, j):
        return None  # "di Jalan Kolonel Sudiarto, meminta": a street, not who asks
    # "Bawaslu Jawa Timur mengingatkan", "Kabupaten Kulon Progo meminta": each word alone,
    # or the run's words without the one before, is no place
    before = [bare(w) for w in words[max(j - 1, 0):j + 1]] if j >= 0 and run else []
    places = {k - len(before) for k in place_spans(before + run) if k >= len(before)}
    return " ".join(strip_honorifics(run[max(places) + 1:] if places else run)) or None


# How the reporter reached the speaker, between the name and the verb: "Name saat dikonfirmasi
# mengatakan", "Name ketika ditemui di kantornya, Senin (11/11), menjelaskan".
_WHEN = frozenset({"saat", "ketika", "sewaktu", "tatkala"})
_CIRCUMSTANCE_WORDS = 8


def _before_circumstance(words: list[str], end: int) -> int:
    """`end`, or the word before a clause of how the speaker was reached that ends there."""
    for k in range(end, max(end - _CIRCUMSTANCE_WORDS, 0), -1):
        if words[k - 1].endswith((".", "!", "?", '"', "”")):
            break
        if bare(words[k - 1]).lower() in _WHEN and bare(words[k]).lower().startswith("di"):
            return k - 2
    return end


def _named_after(words: list[str], k: int) -> bool:
    """Whether the name after `words[k]` is part of a place named after someone
    ("Universitas Halu Oleo", "Jalan Kolonel Sudiarto", "Universitas Jenderal Soedirman"),
    or the place of a numbered school or unit ("SDN 2 Tarogong Kidul") or of a village or
    district ("di Balai Kalurahan Ngeposari", "Desa Bandar Klippa")."""
    if k >= 0 and (bare(words[k]).isdigit() or bare(words[k]).lower() in LOCAL_OFFICES):
        return True
    if k > 0 and bare(words[k]).lower() in PLACE_OPENERS and bare(words[k - 1]).lower() in LOCAL_OFFICES:
        return True  # "warga Desa Bandar Klippa, mengaku"
    while k >= 0 and bare(words[k]).lower().rstrip(".") in HONORIFICS:
        k -= 1
    return k >= 0 and bare(words[k]).lower() in NAMESAKES


def split_words(text: str) -> list[str]:
    """Whitespace words with quotes split off, a dateline glued to the first word split
    off ("SELONG-Penjabat (Pj) Bupati ...") and a rank written out read as its short form
    ("Komisaris Besar Polisi Rudi" as "Kombespol Rudi"); over-long runs are cut, never matched."""
    return _WORD.findall(_normalized(text))


def _normalized(text: str) -> str:
    """`text` as `split_words` and `quoted_words` read it, so that their words align."""
    text = _PREFIX_APART.sub(r"\1\2", _BORU.sub(r"\1", _GLUED_DATELINE.sub(r"\1 ", text)))
    return _RANK_IN_FULL.sub(lambda m: _RANKS_IN_FULL[" ".join(m.group(0).lower().split())], text)


def quoted_words(text: str) -> list[bool]:
    """For each of `split_words(text)`, whether it stands inside a quotation: between an opening
    and a closing mark, before a closing mark that nothing opened (a quote carried over from
    the paragraph before), or after an opening mark that starts the paragraph and is never
    closed (a quote carried on to the next). A stray mark elsewhere quotes nothing."""
    text = _normalized(text)
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in QUOTE_MARK.finditer(text):
        at, char = mark.start(), mark.group()
        if opened is None and char == "”":
            spans.append((0, at))
        elif opened is None:
            opened = at
        elif char != "“":
            spans.append((opened, at))
            opened = None
    if opened is not None and not text[:opened].strip():
        spans.append((opened, len(text)))
    flags, k = [], 0
    for word in _WORD.finditer(text):  # words and spans both in order: one pass
        while k < len(spans) and spans[k][1] <= word.start():
            k += 1
        flags.append(k < len(spans) and spans[k][0] <= word.start())
    return flags
