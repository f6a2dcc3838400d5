"""The people an article names, as its speakers are read: each with their name, the
positions given them, how often they speak and what they are called for short.

A person may first be read as an office alone ("Sekda menegaskan ..."), a short name
("kata Aldy"), a nickname ("Bang Ucok") or a place word taken for a name ("Tokoh adat
Amanuban menolak ..."); later mentions bring in the full name with its office, and these
functions make all of them the one person whose statements they are.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import takewhile

from index.corpus.article import Official
from index.corpus.name_words import (ACTING, ADAT_TITLE_SHORT, GIVEN_NAMES, NAMESAKES, ORG_WORDS, SHORT_GIVEN_NAMES,
                                     bare, could_be_name, has_place, is_degree, is_initial, is_place_word,
                                     name_like, without_opening_title)
from index.corpus.places import canonical_position, find_places, in_full, position_words, spell_out, spelled_words
from index.corpus.roles import LOCAL_OFFICES, is_acting, role_at

MAX_PEOPLE = 64            # people tracked per article; real articles quote a handful
MAX_POSITIONS = 8          # distinct positions (and nicknames) kept per person; real articles give one or two
# A headline names a body for its head: "Bawaslu Bali Temukan ..." is its chair's news.
_HEADS_OF_BODIES = frozenset({"kepala", "ketua", "direktur"})
# Parts of a body whose heads are not the body's head: "Kepala Bagian", "Kepala Seksi".
_PARTS = frozenset({"bagian", "bidang", "seksi", "subbagian", "subbidang", "sub", "urusan", "satuan", "unit",
                    "desa"})  # a village's head is no "Kepala Dinas ... dan Desa"
# Where a body's name ends and its place begins: "Bawaslu Kabupaten Toba".
_LEVELS = frozenset({"kabupaten", "kab", "kota", "provinsi", "prov"})
# and those who speak for a body the headline opens with, less surely: "Pemprov Sumut Tunggu
# Rekomendasi ..." for its spokesman, "Bawaslu Sulsel Teruskan ..." for a division's coordinator
_SPEAK_FOR_BODIES = frozenset({"juru", "koordinator", "anggota"})
# The words a body's name starts with, spelled out or short ("Dewan Perwakilan ...", "BKPSDM").
_BODY_STARTS = ORG_WORDS | {"badan", "dinas", "dewan", "komisi", "kantor", "lembaga", "majelis", "kepolisian",
                            "kejaksaan", "komando", "sekretariat", "asosiasi", "persatuan", "korps",
                            "pengadilan", "biro", "satuan", "panitia"}
_SET_OFF_PLACE = re.compile(r",\s*(?:Kecamatan|Kabupaten|Kota|Provinsi)\s.*$")
# The division a member heads, written after the body ("Anggota Bawaslu Kota Medan Koordinator
# Divisi ..."): a headline names the body, not the division.
_JOINED_DIVISION = re.compile(r"(?<=\S),?\s+(?:selaku\s+)?Koordinator Divisi\b.*$")
_DOUBLED = re.compile(r"(\w)\1+")
_SHORTENED_CHARS = 4  # a shorter cut ("Abd") could start too many names
_FULL_NAME_WORDS = 5  # a full name around a short one: "Dr. H. Muhammad Rusdiansyah Noor"
_SHORT_NAME_WORDS = 2  # "Yessi", "Andi Irfan": a name read short, to complete
_ACRONYM_LETTERS = 8  # an office's acronym spells at most this many words ("SDMA": 4)
_ACRONYM_SCAN_WORDS = 32  # words of a position read for acronyms; positions are shorter
# The areas of a regional secretariat's numbered assistants (Asisten I, II, III).
_ASSISTANT_AREAS = {"I": "Pemerintahan", "II": "Pembangunan", "III": "Administrasi"}
# A Minang adat title after the name, written short, cut off with what follows it ("Syafrizal
# Dt Rajo Mudo" is Syafrizal); written out ("Arfian Datuak Rajo Ameh") it is how the person is
# known, and stays.
_ADAT_TITLE = re.compile(r" (?:%s)\.?(?: .*)?$" % "|".join(sorted(t.capitalize() for t in ADAT_TITLE_SHORT)))


@dataclass
class Person:
    name: str
    positions: list[str] = field(default_factory=list)
    said: int = 0   # paragraphs attributed to them
    first: int = 0  # where they are first named
    nicknames: list[str] = field(default_factory=list)  # "Rahma, sapaan akrabnya"
    besides: list[str] = field(default_factory=list)  # "yang juga menjabat Ketua Korpri ..."

    def official(self) -> Official:
        return Official(_ADAT_TITLE.sub("", self.name), best_position(self.positions or self.besides))

    def add_nickname(self, nickname: str) -> None:
        if nickname not in self.nicknames and len(self.nicknames) < MAX_POSITIONS:
            self.nicknames.append(nickname)

    def add_position(self, position: str, besides: bool = False) -> None:
        # Bounded: offices are compared with every position a person has (register_office).
        held = self.besides if besides else self.positions
        if position not in held and len(held) < MAX_POSITIONS:
            held.append(position)


def best_position(positions: list[str]) -> str:
    """The one of the positions an article gives a person it is about: an acting one first
    (a Pjs. Bupati "yang sehari-hari menjabat Kepala Biro ..." speaks as the Pjs. Bupati),
    then one naming a place, then the longest. A member of a body who also heads one of its
    divisions is both: "Anggota Bawaslu Buleleng, Koordinator Divisi Penanganan Pelanggaran"."""
    if not positions:
        return ""
    return _member_with_division(positions) or \
        max(positions, key=lambda p: (_acting_office(p), has_place(p), len(p.split())))


_DIVISION_BODY = re.compile(r" (?=(?:Bawaslu|Panwaslih|Panwaslu|KPU|KPUD|Badan|Komisi) )")


def _member_with_division(positions: list[str]) -> str:
    """ "Anggota Bawaslu PPU" and "Koordinator Divisi Pencegahan ... Bawaslu PPU", read in
    two places ("ungkap Koordinator Divisi ... itu"), as the one position apposition gives."""
    member = next((p for p in positions if p.startswith("Anggota ")), "")
    division = next((p for p in positions if p.startswith("Koordinator Divisi ")), "")
    if not (member and division):
        return ""
    body = _DIVISION_BODY.search(division)
    if body and not set(canonical_position(division[body.end():])) <= set(canonical_position(member)):
        return ""  # another body's division
    return f"{member}, {division[:body.start()] if body else division}"


def _acting_office(position: str) -> bool:
    words = position.split(maxsplit=1)
    return bool(words) and is_acting(words[0], first=True)


def register(people: list[Person], name: str, position: str, index: int) -> Person:
    """The known person `name` refers to ("Aldy" -> "Aldy Altrian"), else a new one. A Malay
    title opening the name is left out of it and kept as what the person is also called:
    "Datuk H. Hasan Basri" is Hasan Basri, then "Datuk Hasan" and "menurut Datuk"."""
    untitled = without_opening_title(name)
    person = _register(people, untitled, position, index)
    if untitled != name:
        person.add_nickname(name.split()[0])
    return person


def _register(people: list[Person], name: str, position: str, index: int) -> Person:
    known = [p for p in people if same_person(p.name, name) or name in p.nicknames]
    if known:
        person = _meant(known, name, position)
        if position and len(name.split()) > len(person.name.split()):
            person.name = name  # the full name comes with the office
            person.positions = [_without_name(held, name) for held in person.positions]
        elif _short_forms(name) < _short_forms(person.name) and len(name.split()) == len(person.name.split()):
            person.name = name  # "St. Hasnah", then "Sitti Hasnah": spelt out
        if position:
            person.add_position(position)
            _name_the_office(people, person, position)
        return person
    if (shortened := _shortened_from(people, name)) is not None and not position:
        return shortened
    if position:  # "Sekda menegaskan ...", then "Sekda Kabupaten Gianyar, I Gusti ..., menyebut"
        office = next((p for p in people if not p.name and _holds(position, p.positions[0])), None)
        if office is not None:
            office.name = name
            office.add_position(position)
            return office
    if len(people) >= MAX_PEOPLE:
        return people[-1]  # hostile text naming thousands: stay linear, attribution is moot
    person = Person(name, [position] if position else [], 0, index)
    people.append(person)
    return person


def _short_forms(name: str) -> int:
    """How many of a name's words are initials or given names written short ("T", "St")."""
    return sum(is_initial(word) for word in name.split())


def _meant(known: list[Person], name: str, position: str = "") -> Person:
    """Of the people a name may refer to, the one who holds the office it comes with ("Budi
    yang menjabat Kepala BKPP itu" of two Budis); else the first named; but of those who
    share a family name ("Bupati ... Parlindungan Siregar", "Kadis ..., Hotman Siregar", then
    "kata Siregar"), the one named last."""
    exact = [p for p in known if p.name == name]
    if exact:
        return exact[0]
    holders = [p for p in known if position and any(_holds(held, position) for held in p.positions)]
    if len(holders) == 1:
        return holders[0]
    if len(known) > 1 and all(p.name.split()[-1] == name for p in known):
        return max(known, key=lambda p: p.first)
    return known[0]


def _without_name(position: str, name: str) -> str:
    """An office read with the first words of a name the article gives in full later
    ("Penjabat Gubernur Riau Taufik Hidayat" + "Nasution"), without them."""
    words, first = position.split(), name.split()[:-1]
    for size in range(len(first), 0, -1):
        if words[-size:] == first[:size] and len(words) > size:
            return " ".join(words[:-size])
    return position


def _name_the_office(people: list[Person], person: Person, position: str) -> None:
    """An office that spoke without a name ("Kepala Kesbangpol Deli Serdang mengaku ...")
    is `person`, named with it later: its statements become theirs."""
    office = next((p for p in people if not p.name and p.positions and _holds(position, p.positions[0])), None)
    if office is not None:
        _merge_into(people, office, person)


def named_holder(people: list[Person], position: str) -> Person | None:
    """Someone named who holds the office `position` names."""
    return next((p for p in people if p.name and any(_holds(held, position) for held in p.positions)), None)


def named_later(person: Person, people: list[Person]) -> Person:
    """Who a nameless office that spoke is, when the article names the holder only after it
    ("Permintaan tersebut disampaikan Deputi Bidang Sumber Daya Manusia Aparatur Kementerian
    PANRB ..." and then "Deputi Bidang SDM Aparatur Wahyu Adi Nugroho mengungkapkan"): the
    one person named who holds the office, in it or in a shorter form, or who coordinates a
    division of the body it is a member of. The person itself when no one or several do."""
    office = person.positions[0] if person.positions and not person.name else ""
    found = [p for p in people if office and p.name and
             any(_holds(held, office) or _holds(office, held) or _coordinates(held, office) for held in p.positions)]
    if not found and office and (next_named := _named_next(person, people)):
        found = [next_named]
    if len(found) != 1:
        return person
    holder = found[0]
    if not any(_coordinates(held, office) for held in holder.positions):
        holder.add_position(office)  # often the fuller form
    holder.said += 1  # called once for each paragraph the office spoke
    return holder


def _named_next(office: Person, people: list[Person]) -> Person | None:
    """A brief's lead gives the office, the next paragraph its holder's name alone: "Sekretaris
    Kota Ambon meminta ..." then "Frans Latuheru mengatakan ...". The first person named after
    an office speaking in the lead, in the very next paragraph, with a full name and no office."""
    if office.first > 1:
        return None
    later = sorted((p for p in people if p.name and p.first > office.first), key=lambda p: p.first)
    first = later[0] if later else None
    if first is None or first.first != office.first + 1 or first.positions or len(first.name.split()) < 2:
        return None
    return first


def register_office(people: list[Person], position: str, index: int) -> Person:
    """The person an office without a name refers to: someone already named with that
    office ("Bupati Sleman" after "Bupati Sleman Kustini Sri Purnomo"), else the office
    itself as a nameless speaker."""
    for person in sorted(people, key=lambda p: not p.name):  # a named holder first
        if any(_holds(held, position) for held in person.positions):
            return person
    called = position.split()[-1] if position else ""
    for person in people:  # "kata Camat Heru": the Camat named before, by a word of his name
        if called in person.name.split() and any(_head(held) == _head(position) for held in person.positions):
            return person
    if len(people) >= MAX_PEOPLE:
        return people[-1]
    person = Person("", [position], 0, index)
    people.append(person)
    return person


def _holds(held: str, office: str) -> bool:
    """Whether the holder of `held` is who `office` names: no word of the office missing,
    compared as positions are (`canonical_position`), and the same head, so "Bupati Sleman"
    is the "Penjabat Bupati Sleman" but not the "Wakil Bupati Sleman"."""
    office = _without_acronyms_of(_numbered_assistant(office, held), held)
    return _head(held) == _head(office) and set(canonical_position(office)) <= set(canonical_position(held))


def _numbered_assistant(office: str, held: str) -> str:
    """ "Asisten I" of the "Asisten Pemerintahan dan Kesejahteraan Rakyat": regional
    secretariats number their assistants by area, and news writes the number."""
    words = office.split()
    for k in range(len(words) - 1):
        area = _ASSISTANT_AREAS.get(words[k + 1])
        if words[k].lower() == "asisten" and area and words[k + 1] not in held.split():
            words[k + 1] = area
    return " ".join(words)


def _coordinates(held: str, office: str) -> bool:
    """Whether `held` coordinates a division of the body whose member `office` names."""
    if _head(office) != "anggota" or _head(held) != "koordinator":
        return False
    body = office.split(None, 1)[1] if len(office.split()) > 1 else ""
    return bool(body) and set(canonical_position(_without_acronyms_of(body, held))) <= set(canonical_position(held))


def _without_acronyms_of(office: str, held: str) -> str:
    """ "Deputi SDMA" of the "Deputi Bidang Sumber Daya Manusia Aparatur ...": without the
    acronyms that `held` spells out."""
    spelt = _initials(held)
    return " ".join(w for w in office.split() if not (len(w) > 2 and w.isupper() and w in spelt))


@functools.lru_cache(maxsize=4_096)
def _initials(position: str) -> frozenset[str]:
    """The initials of each run of capitalised words in `position` ("Sumber Daya Manusia
    Aparatur" -> "SDMA"), "dan" skipped; runs of up to _ACRONYM_LETTERS words."""
    words = [w for w in position.split() if w.lower() not in {"dan", "&"}][:_ACRONYM_SCAN_WORDS]
    found = set()
    for start in range(len(words)):
        letters = ""
        for word in words[start:start + _ACRONYM_LETTERS]:
            if not word[:1].isupper():
                break
            letters += word[0]
            found.add(letters)
    return frozenset(found)


def _head(position: str) -> str:
    """An office's first word after "Penjabat", "Plt" and the like, spelt out ("Kasatpol
    PP" is headed by a "kepala"); with the unit a "Kepala" of a part heads ("Kepala Bagian
    Tata Usaha Kanwil ..." is not the "Kakanwil")."""
    words = [w for w in spell_out(position).lower().split() if w not in ACTING]
    if not words:
        return ""
    head, *rest = in_full(words[0]).split() + words[1:]  # "Kabag" is a "kepala bagian"
    return f"{head} {rest[0]}" if head == "kepala" and rest and rest[0] in _PARTS else head


def in_headline(person: Person, headline: list[str], title: str = "",
                speaks_most: bool = False) -> tuple[int, int, int]:
    """How surely the headline names the person, and how early, as a sort key: first a
    name word that is no common given name, every word of an office they hold, or the office
    without its place opening the headline ("Pj Gubernur Lantik Pj Wali Kota ..."); then the
    body a "Kepala" or "Ketua" heads ("BKPSDM Toba" for the Kepala BKPSDM Kabupaten Toba;
    "DPRD Halsel" for the chair of its Komisi I, less surely than for the head of the body
    itself; "Kemendagri" for a Direktur Jenderal in it), which "Pjs. Bupati Banyumas Hadiri
    Deklarasi ... yang Digelar Bawaslu" names beside its subject, unless the body is the
    subject; of equals, the one the headline names first ("DPRD Halsel Cecar BKD ...": the
    DPRD's), then the one whose place stands with its body. A regional government ("Pemprov
    Kalbar dan Bawaslu Teken ...") is its head's when the head `speaks_most`; else someone
    else spoke for it ("Pemkab TTS Minta ...", its Asisten; "..., Pemkab Gowa Larang ...", its
    Sekda)."""
    at: dict[str, int] = {}
    for k, word in enumerate(headline):
        at.setdefault(word, k)
    names = [at[w.lower()] for w in person.name.split()
             if len(w) > 2 and w.lower() not in GIVEN_NAMES and w.lower() in at]
    if names:
        return -2, min(names), 0
    found = (0, 0, 0)
    written = spelled_words(title)
    government_is_subject = _government_is_subject(title)
    for position in person.positions:
        # where an office lies, set off, need not be in the headline: "Kades Sukarara Timur
        # Dilaporkan ..." for the "Kepala Desa Sukarara Timur, Kecamatan Sakra Barat"
        words = position_words(_JOINED_DIVISION.sub("", _SET_OFF_PLACE.sub("", position)))
        if len(set(words)) > 1 and set(words) <= at.keys():  # not a bare "Lurah di Pontianak ..."
            # where the office is named, not its place: "DPRD Garut, ... Minta Sekda"
            return -2, _where(headline, words), 0
        place = {w.lower() for span, _ in find_places(spell_out(position)) for w in span.split()}
        office = [w for w in words if w not in place]
        if len(set(office)) > 1 and office != words and headline[:len(office)] == office:
            found = min(found, (-2, 0, 0))  # the headline's subject without its place: "Pj Gubernur Lantik ..."
        head = _head(position)
        if head == "inspektur" and "pembantu" not in words and "inspektorat" in at \
                and (at["inspektorat"] == 0 or set(words[1:]) <= at.keys()):
            found = min(found, (-2, at["inspektorat"], 0))  # "Inspektorat (Gowa) Periksa ..." for its Inspektur
        government = _GOVERNMENT_OF.get(head, "")
        if speaks_most and government in written and set(words) - ACTING <= at.keys() | {head}:
            found = min(found, (-2, written.index(government), 0))  # "Pemprov Kalbar ... Teken" for its Pj Gubernur
        if government_is_subject and spelled_words(position)[:2] == ["sekretaris", "daerah"] \
                and set(words) - {head} <= at.keys():
            found = min(found, (-1, 0, 0))  # "..., Pemkab Gowa Larang ASN ...": its Sekda speaks for it
        head, *part = head.split()  # the head of a part ("Kepala Bidang Propam") heads no more than it
        if head in _HEADS_OF_BODIES or head in _SPEAK_FOR_BODIES:
            # the body, with or without its sub-unit ("Komisi I"), but never its place alone
            # a body starts with its own word: not "Desa Kubu Raya" of the "Dinas ... dan Desa"
            at_body = next((k for k in range(1, len(words) - 1)
                            if (words[k] in _BODY_STARTS or part and k == 2)
                            and set(words[k:]) <= at.keys() and set(words[k:]) - place), 0)
            body = words[at_body:] if at_body and not (part and at_body > 2) else []
            if len(set(body)) > 1 and (head in _HEADS_OF_BODIES or at[body[0]] == 0) \
                    and _body_as_written(position, body[0], written, place):
                start = _where(headline, body)  # where the body starts: "Bawaslu Lebak Panggil Camat ...", the subject
                # the head of a unit within it ("Kepala Pusat Penerangan Kemendagri") less surely
                surely = start == 0 and at_body == 1 + len(part) and head in _HEADS_OF_BODIES
                # of two bodies named alike, the one whose place stands with it: "Bawaslu Jabar
                # Ingatkan ASN Garut" is the province's chair's, not Garut's
                apart = int(headline[start:start + len(body)] != body)
                found = min(found, (-2 if surely else -1, start, apart))
    return found


# The head of a regional government, and how a headline names the government.
_GOVERNMENT_OF = {"gubernur": "pemprov", "bupati": "pemkab", "wali": "pemkot"}
_GOVERNMENTS = frozenset(_GOVERNMENT_OF.values())


def _government_is_subject(title: str) -> bool:
    """A regional government opens one of the headline's clauses: "Dua Hari Jelang Pencoblosan,
    Pemkab Gowa Larang ...", but not "Empat ASN Pemkot Jambi Dipanggil ..."."""
    words = title.split()
    return any(w.lower() in _GOVERNMENTS and (k == 0 or words[k - 1].endswith((",", ":")))
               for k, w in enumerate(words))


def _where(headline: list[str], body: list[str]) -> int:
    """Where in the headline the body starts: where its first two words stand together, so the
    "Badan Kepegawaian" of "Bawaslu Sumut ..., BKD: ..." is not at the "Badan Pengawas" of Bawaslu."""
    return next((k for k in range(len(headline) - 1) if headline[k:k + 2] == body[:2]), headline.index(body[0]))


def _body_as_written(position: str, first: str, headline: list[str], place: set[str]) -> bool:
    """Whether every word of the body that starts at `first` in `position`, up to its
    `place`'s words, stands in the `headline` (its words as written): the "Badan Kepegawaian
    Daerah" is not the "Badan Kepegawaian Negara" a headline's "BKN" spells, though the words
    compared for offices leave "daerah" out."""
    if not headline:
        return True
    held = spelled_words(position)
    start = held.index(first) if first in held else len(held)
    body = list(takewhile(lambda w: w not in place and w not in _LEVELS, held[start:]))
    return set(body) <= set(headline)


def within(position: str, principal: list[str]) -> str:
    """A spokesperson's office named without its body or place is the principal's: "Kepala
    Kejaksaan Negeri Maluku Tengah, Name, melalui Kepala Seksi Intelijen, Name2, ..." is the
    Kepala Seksi Intelijen Kejaksaan Negeri Maluku Tengah."""
    if not principal or has_place(position):
        return position
    words = principal[0].split()
    head = role_at(words, 0, capitalised=False)
    unit = " ".join(words[head:])
    return f"{position} {unit}" if head and has_place(unit) else position


def merge_misread_people(people: list[Person]) -> None:
    """Someone read before the article named them properly is that person, and their
    statements become theirs:
    - a one-word "name" that ends another's office: "Tokoh adat Amanuban menolak ..." read
      "Amanuban" until "Tokoh adat Amanuban, Yakobus Nenobais, menambahkan";
    - a nickname read as a name or inside an office ("Penjabat Bupati Bang Ucok
      mengingatkan", "Kepala Kesbangpol Bung Edo") of the person later "akrab disapa" so."""
    for wrong in list(people):
        holder = _first_holder(people, wrong, _ends_office_of)
        if holder is not None and wrong.name not in holder.name.split():
            _merge_into(people, wrong, holder)
    for wrong in list(people):
        if (holder := _first_holder(people, wrong, _nickname_of)) is not None:
            _merge_into(people, wrong, holder)


def complete_short_names(people: list[Person], paragraphs: list[str]) -> list[tuple[Person, list[str], int]]:
    """Someone known by a word or two ("kata Yessi", "kata Andi Irfan") whom the article
    names in full where no reading took it ("Yessi Natalia Tarigan, analis kebijakan ...,
    memilih ...", "Dr. H. Muhammad Rusdiansyah Noor, S.H., mengenal betul ...") gets that
    name, when every fuller form is part of the longest. Returns each one completed, with
    the words where the full name is and the index after it: an office may follow there."""
    completed = []
    for person in people:
        if not (0 < len(person.name.split()) <= _SHORT_NAME_WORDS or _initialled(person.name)):
            continue
        found = [(run, words, end) for words in map(str.split, paragraphs)
                 for run, end in _fuller_forms(words, person.name)]
        found = [(run, words, end) for run, words, end in found if len(run.split()) > len(person.name.split())]
        if not found:
            continue
        full, words, end = max(found, key=lambda f: len(f[0].split()))
        # every fuller form is part of the longest ("Wa Ode" of "Wa Ode Nurhikmah"): one person
        # nor is it another's, but for another short form of it ("Rivai", then "kata Hasibuan")
        if all(f" {run} " in f" {full} " for run, _, _ in found) and \
                not any(same_person(other.name, full) and not _shortens_to(other.name, full)
                        for other in people if other is not person):
            person.name = full
            completed.append((person, words, end))
    return completed


def _shortens_to(name: str, full: str) -> bool:
    return name == full or len(name.split()) <= _SHORT_NAME_WORDS and f" {name} " in f" {full} "


def _initialled(name: str) -> bool:
    """Initials before one whole word: "T M Rizal", "A. Basri"."""
    words = name.split()
    return len(words) > 1 and all(len(w.rstrip(".")) == 1 for w in words[:-1])


def _fuller_forms(words: list[str], name: str) -> list[tuple[str, int]]:
    """The runs of name words around `name` in `words`; and for a name of more words, those
    around its last word that it is part of or gives the initials of: "Andi Yusran" and "T M
    Rizal" in "Andi Muhammad Yusran" and "Teuku Muhammad Rizal"."""
    parts = name.split()
    runs = _runs_around(words, parts)
    if len(parts) == 1:
        return runs
    return runs + [(run, end) for run, end in _runs_around(words, parts[-1:])
                   if run.startswith(parts[0].rstrip(".")) and same_person(run, name) and (run, end) not in runs]


def _runs_around(words: list[str], name: list[str]) -> list[tuple[str, int]]:
    """The runs of name words around each occurrence of `name` in `words`, each with the
    index after it."""
    runs = []
    size = len(name)
    for k in (k for k in range(len(words) - size + 1) if [bare(w) for w in words[k:k + size]] == name):
        if any(w.endswith((",", ".", ":")) for w in words[k:k + size - 1]):
            continue  # "Andi, Irfan": two people
        start = k  # a given name before one word ("Yessi" in full); after two, a surname only
        while size == 1 and start > 0 and k - start < _FULL_NAME_WORDS \
                and not words[start - 1].endswith((",", ".", ":")) and name_like(bare(words[start - 1]), Counter()) \
                and not (start > 1 and bare(words[start - 2]).lower() in LOCAL_OFFICES):  # "Desa Kembiritan": a place
            start -= 1
        end = k + size
        while end < len(words) and end - start < _FULL_NAME_WORDS and not words[end - 1].endswith((",", ".", ":")) \
                and (could_be_name(bare(words[end])) and not is_place_word(bare(words[end]))
                     and not is_degree(words[end]) or is_initial(words[end])):
            end += 1
        if not (start > 0 and bare(words[start - 1]).lower() in NAMESAKES):
            runs.append((" ".join(bare(w) for w in words[start:end]), end))  # not "Jalan Ahmad Yani"
    return runs


def _first_holder(people: list[Person], wrong: Person,
                  is_holder: Callable[[Person, Person], bool]) -> Person | None:
    return next((p for p in people if p is not wrong and p.name and is_holder(wrong, p)), None)


def _ends_office_of(wrong: Person, holder: Person) -> bool:
    return len(wrong.name.split()) == 1 and any(
        wrong.name in position.split()
        and all(set(mine.split()) <= set(position.split()) for mine in wrong.positions)
        for position in holder.positions)


def _nickname_of(wrong: Person, holder: Person) -> bool:
    return any(nickname == wrong.name or not wrong.name and any(
        f" {nickname} " in f" {position} " for position in wrong.positions)
        for nickname in holder.nicknames)


def _merge_into(people: list[Person], wrong: Person, holder: Person) -> None:
    """`wrong` is `holder`: paragraphs that point to `wrong` now show the holder."""
    holder.said += wrong.said
    wrong.name, wrong.positions = holder.name, holder.positions
    people.remove(wrong)


def _shortened_from(people: list[Person], name: str) -> Person | None:
    """The one person whose name `name` cuts short: a single word ("Romo Frans" after "Romo
    Fransiskus Xaverius Bria Seran", "Ustaz Fathur"), or a short first word before the
    family name ("Cok Wiratmaja" after "Cokorda Gede Agung Wiratmaja")."""
    words = name.split()
    if len(words) == 1 and len(name) >= _SHORTENED_CHARS:
        starting = [p for p in people if p.name and any(
            t.startswith(name) and len(t) > len(name) for t in p.name.split())]
    elif len(words) == 2:
        starting = [p for p in people if p.name and _shortens(words, p.name.split())]
    else:
        return None
    return starting[0] if len(starting) == 1 else None


def _shortens(words: list[str], full: list[str]) -> bool:
    first, family = words
    return len(full) >= 2 and full[-1] == family and len(first) >= _SHORTENED_CHARS - 1 \
        and full[0].startswith(first) and full[0] != first


def same_person(a: str, b: str) -> bool:
    """One name is the other or a part of it ("Aldy" and "Aldy Altrian"), spelt either way
    ("Syahruddin" and "Syahrudin Marzuki", "Soedirman" and "Sudirman"), a word of it given
    by its initial beside a whole one ("T Razali" and "Teuku Razali Husin") or cut short
    ("Frans Riwu Kaho")."""
    ta = [_spelling(t) for t in a.split() if t not in {"I", "Ni"}]
    tb = [_spelling(t) for t in b.split() if t not in {"I", "Ni"}]
    if not ta or not tb:
        return False
    # the shorter name, or of two as long the one with more initials, either way round
    short, long = sorted((ta, tb), key=lambda t: (len(t), sum(len(w) > 1 for w in t)))
    # a given name written short stands as its initial does: "Tb Rahmat", "Moh. Faishol"
    initials = [t for t in short if len(t) == 1 or t in SHORT_GIVEN_NAMES and t not in long]
    whole = [t for t in short if t not in initials]
    # a given name cut short before a family name of two words: "Frans Riwu Kaho" is
    # "Fransiskus Xaverius Riwu Kaho" (but "Andi Saputra" is no "Andika Saputra")
    cut = [t for t in whole[:1] if t not in long and len(t) >= _SHORTENED_CHARS and
           any(w.startswith(t) for w in long) and sum(w in long for w in whole[1:]) >= 2]
    return bool(whole) and all(t in long for t in whole if t not in cut) and \
        all(any(w.startswith(t[0]) for w in long) for t in initials)


def _spelling(word: str) -> str:
    """A name word without what its spellings vary in: the old spelling and doubled letters."""
    word = word.lower().replace("oe", "u").replace("dj", "j").replace("tj", "c")
    return _DOUBLED.sub(r"\1", word)


def take_initials(words: list[str], person: Person) -> None:
    """ "Drs. Zulkarnain Abdullah, M.Si. (ZA)": the article calls the person by initials later."""
    initials = _name_initials(person.name)
    if len(initials) > 1 and any(w.startswith("(") and w.strip("(),.") == initials for w in words):
        person.add_nickname(initials)


def initialled(people: list[Person], words: list[str], k: int) -> Person | None:
    """The person whose initials `words[k]` is: given so ("(ZA)"), else the one person named
    whose name's initials they are ("kata HS" after "Hendri Syahputra")."""
    token = bare(words[k]) if 0 <= k < len(words) else ""
    if not (token.isupper() and token.isalpha()):
        return None
    given = next((p for p in people if token in p.nicknames), None)
    if given is not None or not 1 < len(token) <= 3:
        return given
    matching = [p for p in people if p.name and _name_initials(p.name) == token]
    return matching[0] if len(matching) == 1 else None


def _name_initials(name: str) -> str:
    return "".join(w[0] for w in name.split()).upper()
