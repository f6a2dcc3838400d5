"""Positions as shown: abbreviations spelt out, and a regional office that names no
place given the place the article is about ("Sekda" in an article about Gianyar is the
"Sekda Kabupaten Gianyar"); national, local and described offices keep none.
"""

from __future__ import annotations

import re
from collections import Counter

from index.corpus.article import Official
from index.corpus.name_reading import split_words
from index.corpus.name_words import BODY_WORDS, bare, has_place, within_a_body
from index.corpus.people import same_person
from index.corpus.places import PARTY_SEAT, Place, canonical_position, find_places, places_at, spell_out
from index.corpus.roles import LOCAL_OFFICES, role_at

# Offices of a district or village, and a university's posts, name their own place or none.
_OWN_PLACE = LOCAL_OFFICES | {"universitas", "fakultas", "institut", "politeknik", "uin", "iain", "fisip", "dosen",
                              "pengajar", "mahasiswa", "bem",  # a student body is its campus's
                              "rektor", "dekan", "studi", "kaprodi", "lldikti",  # "Wakil Rektor ... UGM"
                              "kpps", "tps",  # a polling station's officers: no regency's or province's
                              # and a congregation or school its own: "Ketua Majelis Klasis GMIT Soe"
                              "klasis", "paroki", "jemaat", "gereja", "masjid", "pesantren",
                              "pondok", "taklim", "keuskupan", "banjar",
                              "tokoh", "pemuka", "sesepuh",  # a community figure's community is theirs
                              "adat",  # and a customary body's: "Ketua Lembaga Masyarakat Adat Malind Anim"
                              "raja"}  # Maluku's village head, "Raja Negeri Waai"
# National offices carry no region; a regional one without a place gets the article's.
_NATIONAL = frozenset({"kementerian", "menteri", "negara", "nasional", "ri", "republik",
                       "pusat", "jenderal", "presiden", "kemendagri", "bkn", "kasn", "kpu ri",
                       "bawaslu ri", "mendagri", "panrb", "kemenpan", "polri", "tni",
                       # national research and watchdog bodies: "peneliti Perludem, Nadia"
                       "perludem", "icw", "brin", "kontras", "formappi", "dkpp",
                       # a national board: "Ketua Umum DPN Korpri"
                       "dpn",
                       # the House (a province's is the DPRD), and KemenPAN-RB however joined
                       "dpr", "kemenpanrb", "menpanrb", "wamendagri", "wamen", "ditjen"})
# National bodies written out: the House ("Dewan Perwakilan Rakyat", but not a region's
# "... Rakyat Daerah") and the election ethics council.
_NATIONAL_IN_FULL = re.compile(r"\bdewan perwakilan rakyat\b(?! daerah)|\bdewan kehormatan penyelenggara\b")


# A body's own site speaks of itself: on "Bawaslu RI"'s site "Ketua Bawaslu" is the
# national chair, on "Bawaslu Kabupaten Sleman"'s Sleman's, wherever the story is set.
_PUBLISHING_BODIES = frozenset({"bawaslu", "panwaslih", "kpu", "bkn", "kasn", "dkpp", "ombudsman"})
_PUBLISHING_BODY_WORDS = [frozenset(canonical_position(body)) for body in _PUBLISHING_BODIES]


def finish_officials(officials: list[Official], place: Place | None, outlet: str = "") -> list[Official]:
    """Spell out abbreviations, give regional offices without a place the article's place,
    and drop duplicates (the first of a name wins)."""
    out: list[Official] = []
    for official in officials:
        if not official.name or any(same_person(o.name, official.name) for o in out):
            continue
        out.append(Official(official.name, finish_position(official.position, place, outlet)))
    return out


# A committee of the House or a regional parliament ("Komisi II DPR RI", "Komisi I DPRD
# Provinsi Bengkulu") that a hearing's report then names alone: "anggota Komisi II dari
# Fraksi PKS, Name".
_COMMITTEE_OF = re.compile(r"\bKomisi ([IVX]{1,4}|[A-E]) (DPRD?)\b")
_COMMITTEE_ALONE = re.compile(r"\bKomisi ([IVX]{1,4}|[A-E])\b(?! (?:DPR|Dewan|DPD))")


def house_committees(paragraphs: list[str]) -> dict[str, str]:
    """The parliament ("DPR" or "DPRD") of each committee the article names with one."""
    found: dict[str, str] = {}
    for paragraph in paragraphs:
        for committee in _COMMITTEE_OF.finditer(paragraph):
            found.setdefault(committee[1], committee[2])
    return found


def in_house(position: str, committees: dict[str, str]) -> str:
    """ "Anggota Komisi II" as "Anggota Komisi II DPR" when the article's Komisi II is the House's
    (or "... DPRD" when it is a regional parliament's)."""
    alone = _COMMITTEE_ALONE.search(position)
    if not alone or alone[1] not in committees:
        return position
    return f"{position[:alone.end()]} {committees[alone[1]]}{position[alone.end():]}"


def _of_site_body(position: str, outlet: str) -> bool:
    """Whether `position` is in the publishing body whose site `outlet` is, however either
    writes it: "Ketua Bawaslu" on the site of the "Badan Pengawas Pemilihan Umum RI"."""
    held, site = set(canonical_position(position)), set(canonical_position(outlet))
    return any(body <= held and body <= site for body in _PUBLISHING_BODY_WORDS)


def _in_own_body(position: str, outlet: str) -> bool:
    """Whether `position` is a post within the body whose own site (with its place) `outlet` is."""
    site = set(canonical_position(outlet))
    return (within_a_body(position) and any(body <= site for body in _PUBLISHING_BODY_WORDS)
            and has_place(outlet))


# "anggota Komisi I lainnya, Name": the committee's other member; "lainnya" is no part of the seat.
_OTHER_MEMBER = re.compile(r"\s+lainnya\b", re.IGNORECASE)
# A candidate's number on the ballot ends the office: "Calon bupati nomor urut 1".
_BALLOT_NUMBER = re.compile(r"\s+nomor urut \d+$", re.IGNORECASE)


def finish_position(position: str, place: Place | None, outlet: str = "") -> str:
    """A described office ("Direktur lembaga survei ...") or a university's is no regional
    one, and a local one names its own place ("Kepala Desa Karangrejo", "Dandim
    1701/Jayapura"): no place. A candidate's gets it before the ballot number."""
    if _of_site_body(position, outlet) or "pemerintah" in _words(outlet):
        # on a body's own site, or a regional government's, an office without a place is
        # the site's: a Kaban Kesbangpol on kaltimprov.go.id is the province's, not the dateline city's
        place = article_place([outlet])
    elif _in_own_body(position, outlet):
        return f"{spell_out(position)} {outlet}"  # "Koordinator Divisi Pencegahan" on Bawaslu Temanggung's site
    position = _in_parliament(_OTHER_MEMBER.sub("", _without_own_province(spell_out(position))))
    # "Anggota Komisi I DPRD dari Fraksi PKS": the seat gets its place, before the party
    seat = PARTY_SEAT.search(position)
    party = f" {position[seat.start():]}" if seat else ""
    position = position[:seat.start()].rstrip(" ,") if seat else position
    ballot = _BALLOT_NUMBER.search(position)
    office = position[:ballot.start()] if ballot else position
    words = office.split()
    head = role_at(words, 0, capitalised=False) if words else 0
    described = any(w[:1].islower() and w not in {"dan", "serta"} for w in words[max(head, 1):])
    # a local office names its own place, and a military unit's number or name ("IX/Udayana") its own
    local = any(w.lower() in _OWN_PLACE or any(c.isdigit() for c in w) or "/" in w for w in words)
    if office and not has_place(office) and not _is_national(office) and not described and not local:
        # on a national body's own site a post that names no body ("Anggota Bawaslu" does) is
        # that body's, not the dateline's place: "Asisten Deputi ... Kementerian PANRB"
        if outlet and _is_national(outlet) and not _words(office) & BODY_WORDS:
            office = f"{office} {outlet}"
        elif office.lower() in _HEADS_OF_A_BODY:
            return ""  # "anggota tim pemenangan ...": the body was a description, no office of the place
        elif place:
            if place.kind != "provinsi" and _PROVINCIAL & {w.lower() for w in words}:
                place = Place(place.province, "provinsi", place.province)  # a governor's is the province
            level = "" if words[-1].lower() == _level(place).strip().lower() else _level(place)
            office = f"{office} {level}{place.name}"
    return office + (ballot.group() if ballot else "") + party


# A parliament's party group named without its parliament: "Anggota Fraksi Demokrat",
# "juru bicara Fraksi PKS". Regional news means the regional parliament's.
_FRACTION_MEMBER = re.compile(r"^Anggota (Fraksi\b.*)$", re.IGNORECASE)
_PARLIAMENTS = frozenset({"dpr", "dprd", "dpd", "mpr", "dewan"})


def _in_parliament(position: str) -> str:
    """ "Anggota Fraksi Demokrat" -> "Anggota DPRD dari Fraksi Demokrat", "Juru bicara Fraksi
    PKS" -> "Juru bicara Fraksi PKS DPRD": where the place then goes, as for a committee's member."""
    words = _words(position)
    if "fraksi" not in words or words & _PARLIAMENTS or has_place(position) or PARTY_SEAT.search(position):
        return position
    if member := _FRACTION_MEMBER.match(position):
        return f"Anggota DPRD dari {member.group(1)}"
    return f"{position} DPRD"


# Heads that are no office without their body: "Anggota" is no "Anggota Kota Kendari".
_HEADS_OF_A_BODY = frozenset({"anggota", "ketua", "wakil ketua", "kepala", "wakil kepala", "koordinator"})
# Offices of a province: they take the province of a city or regency the article is about.
_PROVINCIAL = frozenset({"gubernur", "provinsi"})


# "Penjabat Bupati Polewali Mandar, Provinsi Sulawesi Barat": where the regency lies.
_PROVINCE_AFTER = re.compile(r", (?:Provinsi|Prov\.) ([^,]{1,40})$")


def _without_own_province(position: str) -> str:
    after = _PROVINCE_AFTER.search(position)
    if not after:
        return position
    office = position[:after.start()]
    provinces = {p.province for _, places in find_places(after.group(1)) for p in places if p.kind == "provinsi"}
    local = {p.province for _, places in find_places(office) for p in places if p.kind != "provinsi"}
    return office if provinces & local else position


def _is_national(position: str) -> bool:
    lower = position.lower()
    return bool(set(re.findall(r"[^\W_]+", lower)) & _NATIONAL) or bool(_NATIONAL_IN_FULL.search(lower))


def _words(text: str) -> set[str]:
    return {w.lower().strip(",()") for w in text.split()}


def _level(place: Place) -> str:
    return {"provinsi": "Provinsi ", "kabupaten": "Kabupaten ", "kota": "Kota "}[place.kind]


def article_place(paragraphs: list[str]) -> Place | None:
    """The place an article is about: the one named most often (a province counts the
    mentions of its regencies and cities too, but names it only when it is itself named)."""
    counts: Counter[Place] = Counter()
    for paragraph in paragraphs:
        tokens = [bare(w) for w in split_words(paragraph)]
        i = 0
        while i < len(tokens):
            size, places = places_at(tokens, i) if tokens[i][:1].isupper() else (0, ())
            if size:
                previous = tokens[i - 1].lower() if i else ""
                chosen = _by_level(places, previous)
                counts[chosen] += 1
            i += size or 1
    if not counts:
        return None
    return max(counts, key=lambda p: (counts[p], p.kind == "provinsi"))


def _by_level(places: tuple[Place, ...], previous: str) -> Place:
    wanted = {"provinsi": "provinsi", "pemprov": "provinsi", "kabupaten": "kabupaten",
              "pemkab": "kabupaten", "kota": "kota", "pemkot": "kota"}.get(previous)
    return next((p for p in places if p.kind == wanted), places[0])
