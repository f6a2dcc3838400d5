"""Who said it: detect officials and the speaker of a statement in Indonesian news prose.

News reports name an official once in full with the position ("Penjabat (Pj) Bupati
Mempawah Ismail ..."), then attribute quotes by a short name ("... ," tegas Ismail).
So the speaker's short name is found first, from attribution patterns, and then located
inside a position phrase to recover the full name and the position.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from index.corpus.article import Official

_CAP = r"[A-Z][\w'’.-]*"
_SPEECH_AFTER = re.compile(
    r"\b(?:kata|ujar|tegas|pesan|ucap|tutur|imbuh|tambah|jelas|pinta|harap|ungkap|sebut|"
    r"terang|tandas|lanjut|papar|menurut|Menurut)(?:nya)?,?\s+((?:" + _CAP + r"\s?){1,3})")
_SPEECH_BEFORE = re.compile(
    r"((?:" + _CAP + r",?\s){1,3})(?:juga\s|pun\s|kembali\s|turut\s)?(?:menegaskan|mengatakan|"
    r"mengingatkan|menekankan|menyampaikan|mengimbau|menjelaskan|mengungkapkan|berharap|"
    r"menambahkan|meminta|memberikan|mengajak|menyatakan)\b")
_ROLE = re.compile(
    r"\b(?P<prefix>(?:Penjabat|Pejabat Sementara|Pelaksana Tugas|Pelaksana Harian|Pjs?\.?|"
    r"Plt\.?|Plh\.?)\s*(?:\((?:Pjs?|Plt|Plh)\)\s*)?)?"
    r"(?P<head>Wakil Bupati|Bupati|Wakil Wali ?[Kk]ota|Wali ?[Kk]ota|Wakil Gubernur|Gubernur|"
    r"Sekretaris Daerah|Sekda|Inspektur|Camat|Lurah|Menteri|Kepala|Ketua|Koordinator|Anggota)"
    r"(?P<rest>(?:[\s,]+(?:\([A-Za-z]+\)|" + _CAP + r")){1,9})")
_NOT_NAMES = frozenset({
    "Dia", "Ia", "Ini", "Itu", "Hal", "Kami", "Saya", "Kita", "Mereka", "Pemerintah", "ASN",
    "Pemkab", "Pemkot", "Pemprov", "Pilkada", "Selain", "Untuk", "Lebih", "Sebagai", "Oleh",
    "Namun", "Kemudian", "Pertama", "Kedua", "Ketiga", "Keempat", "Dalam", "Pada", "Pihaknya",
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
})
_HONORIFICS = frozenset({"Hj", "H", "Dr", "Drs", "Ir", "Prof", "Hj.", "H.", "Dr.", "Drs.", "Ir."})
_DEGREE = re.compile(r"^(?:S\.?[A-Z][\w.]*|M\.?[A-Z][\w.]*|MM|SH|MH|SE|ST|MT|MSi|MAP|"
                     r"SPd|SIP|SSos|SKM|Ak|CA|Ph\.?D)\.?,?$")


@dataclass(frozen=True)
class _RoleMention:
    prefix: str
    head: str
    tokens: list[str]


def speaker_names(text: str) -> Counter[str]:
    """Short names seen in attribution position ("kata Hera", "Ani Sofian menekankan")."""
    names: Counter[str] = Counter()
    for match in _SPEECH_AFTER.finditer(text):
        names.update(_name_tokens(match.group(1).split())[:1])
    for match in _SPEECH_BEFORE.finditer(text):
        names.update(_name_tokens(match.group(1).split())[-2:])
    return names


def detect_main_official(title: str, paragraphs: list[str]) -> Official:
    """The official the article is about: the most quoted speaker (the first named on a
    tie), with their position. Positions are read from the body only: headlines are
    title-cased, so a name there cannot be told from the words after it."""
    body = "\n".join(paragraphs)
    names = speaker_names("\n".join([title, body]))
    mentions = _role_mentions(body)
    ranked = sorted(names, key=lambda n: (-names[n], body.find(n) % (len(body) + 1)))
    for key in ranked:
        for mention in mentions:
            official = _official_from_mention(mention, key, names)
            if official:
                return official
    if mentions:
        return _official_from_mention(mentions[0], None, names) or Official()
    return Official(name=names.most_common(1)[0][0]) if names else Official()


def detect_officials(title: str, paragraphs: list[str]) -> list[Official]:
    """Every official named with a position, the main one first."""
    body = "\n".join(paragraphs)
    names = speaker_names("\n".join([title, body]))
    main = detect_main_official(title, paragraphs)
    found = [main] if main.name else []
    for mention in _role_mentions(body):
        other = _official_from_mention(mention, None, names)
        if other and not any(_shares_name(other, o) for o in found):
            found.append(other)
    return found


def speaker_of(passage: str, officials: list[Official], default: Official) -> Official:
    """The official a passage attributes itself to, else the article's main official."""
    for name in speaker_names(passage):
        for official in officials:
            if name in official.name.split():
                return official
    return default


def _official_from_mention(mention: _RoleMention, key: str | None,
                           names: Counter[str]) -> Official | None:
    tokens = mention.tokens
    if key is not None:
        if key not in tokens:
            return None
        end = tokens.index(key)
    else:
        end = len(tokens) - 1
    start = end
    # A region word can sit in attribution position once ("Bupati Mempawah Ismail
    # memberikan"); a real given name recurs.
    while start > 0 and (names[tokens[start - 1]] >= 2 or tokens[start - 1] in _HONORIFICS):
        start -= 1
    if key is None:  # no attribution: take the trailing capitalised run as the name
        while start > 0 and not tokens[start - 1].endswith(",") and start > len(tokens) - 2:
            start -= 1
    # Surnames follow the short name ("Fransiskus Diaan,"); a comma or a degree ends it.
    while (end + 1 < len(tokens) and end - start < 2 and not tokens[end].endswith(",")
           and not _DEGREE.match(tokens[end + 1]) and not tokens[end + 1].startswith("(")):
        end += 1
    name = " ".join(t.strip(",") for t in tokens[start:end + 1]
                    if t not in _HONORIFICS and not _DEGREE.match(t))
    unit = " ".join(t for t in tokens[:start] if not t.startswith("(")).strip(" ,")
    unit = unit.split(",")[0].strip()
    position = " ".join(p for p in (_plain_prefix(mention.prefix), mention.head, unit) if p)
    return Official(name=name, position=position) if name else None


def _role_mentions(text: str) -> list[_RoleMention]:
    """Commas stay on the word before them: "Pontianak," ends a place, "Sofian," a name."""
    return [_RoleMention(m.group("prefix") or "", m.group("head"), m.group("rest").split())
            for m in _ROLE.finditer(text)]


def _plain_prefix(prefix: str) -> str:
    prefix = re.sub(r"\([^)]*\)", "", prefix).strip()
    return {"Pj": "Penjabat", "Pj.": "Penjabat", "Pjs": "Pejabat Sementara",
            "Pjs.": "Pejabat Sementara", "Plt": "Pelaksana Tugas",
            "Plt.": "Pelaksana Tugas"}.get(prefix, prefix)


def _name_tokens(tokens: list[str]) -> list[str]:
    clean = [t.strip(".,") for t in tokens]
    return [t for t in clean if t and t not in _NOT_NAMES and t not in _HONORIFICS
            and not _DEGREE.match(t) and not _ROLE.match(t) and not t.isupper()]


def _shares_name(a: Official, b: Official) -> bool:
    return bool(set(a.name.split()) & set(b.name.split()))
