"""Who said it: the officials an Indonesian news article quotes, and the speaker of each
paragraph.

News names an official once in full with the position ("Ketua Bawaslu Bontang Aldy
Altrian", "Pj Bupati Gumas Herson B Aden") and then attributes statements by a short name
("kata Aldy"), a pronoun ("ujarnya", "kata dia") or an epithet ("Kepala Inspektorat
Provinsi Bali itu menjelaskan"). So:

1. Role mentions are read word by word: a role head (Bupati, Ketua, Sekretaris Jenderal, ...)
   followed by capitalised words, in which the person's name is the last run of words that
   look like a name. A word is not a name when it is a place (the gazetteer), an office or
   organisation word, an acronym, or an ordinary Indonesian word (Sastrawi's dictionary),
   unless the article attributes a statement to it ("kata Kaya").
2. Each paragraph's speaker is the person a statement in it is attributed to; a pronoun or
   no attribution at all keeps the speaker of the paragraphs before.

Everything works on word lists with bounded look-ahead: the cost is linear in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from index.corpus.article import Official
from index.corpus.places import Place, places_at, spell_out

MAX_TOKEN_CHARS = 40       # longer "words" are never names or offices
MAX_ROLE_WORDS = 24        # a role mention reads at most this far
MAX_PEOPLE = 64            # people tracked per article; real articles quote a handful
_WORD = re.compile(r"[^\s\"“”‘’]{1,%d}" % MAX_TOKEN_CHARS)
_QUOTES = frozenset("\"“”")

# Verbs of saying after the quote: "..., kata Hera", "tegasnya", "ujar dia".
_SAY_AFTER = frozenset(
    "kata ujar tegas pesan ucap tutur imbuh tambah jelas pinta harap ungkap sebut terang tandas "
    "lanjut papar urai beber sambung pungkas tutup timpal seru akui aku katakan".split())
# Passive verbs of saying, followed by the speaker ("Hal itu disampaikan Kepala BKPP ...",
# "... disampaikan oleh Bupati ...", "dijelaskannya").
_SAID_BY = frozenset(
    "disampaikan dikatakan diungkapkan dijelaskan ditegaskan diutarakan dipaparkan disebutkan "
    "ditambahkan dituturkan diucapkan dinyatakan".split())
# Verbs of saying after the speaker: "Ani Sofian menekankan ...".
_SAY_BEFORE = frozenset(
    "menegaskan mengatakan mengingatkan menekankan menyampaikan mengimbau menjelaskan "
    "mengungkapkan berharap menambahkan meminta mengajak menyatakan menuturkan membeberkan "
    "menyebut menyebutkan menilai mengapresiasi menjamin menyoroti menyadari mengaku mengakui "
    "memastikan menerangkan memaparkan berpesan mengharapkan mendorong menginstruksikan "
    "mengungkap menanggapi mengakhiri melanjutkan mengutarakan menandaskan menuturkan "
    "memberikan memberi menyerukan mewanti-wanti menerima mengingatkannya".split())
_LINKS_BEFORE_VERB = frozenset({"juga", "pun", "kembali", "turut", "pun", "lalu", "lantas",
                                "sebelumnya", "kemudian", "bahkan", "sendiri"})
_PRONOUNS = frozenset({"dia", "ia", "beliau", "nya"})
_EPITHET_END = frozenset({"itu", "ini", "tersebut"})

# Role heads, longest first when they share a start. Lower case, as word tuples.
_HEADS = [tuple(h.split()) for h in sorted((
    "bupati", "wakil bupati", "wali kota", "walikota", "wakil wali kota", "wakil walikota",
    "gubernur", "wakil gubernur", "sekretaris daerah", "sekda", "sekretaris jenderal",
    "sekjen", "sekretaris", "inspektur", "inspektur jenderal", "camat", "lurah", "menteri",
    "wakil menteri", "kepala", "wakil kepala", "ketua", "wakil ketua", "koordinator",
    "anggota", "asisten", "direktur", "direktur jenderal", "dirjen", "deputi", "komisioner",
    "kadis", "kepala dinas", "kepala badan", "kepala desa", "kades", "staf ahli", "juru bicara",
    "plt", "plh", "mendagri", "presiden", "wakil presiden", "panglima", "kapolda", "kapolres",
    "kapolsek", "kapolri", "kabid", "kabag", "kasubag", "kasubbag", "kajari", "kajati",
    "dandim", "danrem", "pangdam", "menpan", "menpanrb", "menpan-rb", "kasat", "kasatreskrim",
    "kasatlantas", "kasatintelkam", "kasatbinmas", "kasatpol", "kasi", "kasie", "kasubdit",
    "wakapolres", "wakapolda", "wakapolri", "kadiv", "kakanwil", "kalapas", "kalaksa", "danramil",
    "danlanal", "danlanud", "kadisdik", "wabup", "wagub", "wawali",
), key=len, reverse=True)]
_ACTING = frozenset({"penjabat", "pejabat", "pj", "pj.", "pjs", "pjs.", "plt", "plt.", "plh",
                     "plh.", "pelaksana", "tugas", "harian", "sementara"})
# A role head after these words is not a person's office ("Pemilihan Kepala Daerah",
# "calon bupati", "mantan Pj Gubernur Sulbar").
_NOT_A_PERSON_BEFORE = frozenset({"pemilihan", "calon", "mantan", "bakal", "forum", "kantor",
                                  "rumah", "jabatan", "pelantikan", "para", "seluruh", "semua",
                                  "kepada", "pasangan", "tim", "istri", "suami"})
# Words that name an office, body or event, never a person.
_ORG_WORDS = frozenset("""
bawaslu panwaslih panwaslu panwascam kpu kpud dprd dpr dpd satgas disdikpora disdik dispendik
diskominfo kominfo kesbangpol bkpsdm bkpsdmd bkd bkn kasn kemendagri kemenpan kemenpan-rb
menpan menpan-rb panrb pemprov pemkab pemkot pemda setda sekwan polres polda polri tni kodim
korem forkopimda gakkumdu inspektorat dinas badan kantor divisi bidang bagian seksi komisi
kementerian kemenkumham pj pjs plt plh sekda sekjen pilkada pemilu pilgub pilbup pilwalkot
pileg pilpres asn pns pppk opd skpd skpk apel rakor kapolda kapolres dandim danrem tentara
korpri bpkad bapenda bappeda bpbd satpol dukcapil disdukcapil kemenkeu kemenag kemendikbud
ombudsman
""".split())
_STOP = frozenset("""
dia ia ini itu hal kami saya kita mereka dirinya pemerintah selain untuk lebih sebagai oleh namun
kemudian pertama kedua ketiga keempat dalam pada pihaknya menurut menurutnya sementara
senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus
september oktober november desember jakarta indonesia ri nkri the and terpilih definitif
nonaktif petahana
""".split())
# Titles and ranks come only before a person's name ("Letkol Inf Dwi Bima Sakti", "Drs. H.
# Ahmad Yani"): what follows them is the name, even a place or an ordinary word.
_TITLES = frozenset({"h", "hj", "dr", "drg", "drs", "dra", "ir", "prof", "kh", "tgh",
                     # police and military ranks ("Kapolres Kediri, AKBP Bimo Ariyanto")
                     "akbp", "akp", "kompol", "kombes", "kombespol", "iptu", "ipda", "aiptu",
                     "aipda", "bripka", "brigpol", "briptu", "bripda", "brigjen", "brigjenpol",
                     "irjen", "irjenpol", "komjen", "jenderal", "letkol", "kolonel", "mayor",
                     "kapten", "lettu", "letda", "mayjen", "letjen", "laksma", "laksda",
                     "laksdya", "laksamana", "marsma", "marsda", "marsdya", "marsekal"})
# Lower-case particles inside a name ("Nonato da Purificacao Sarmento", "Umar bin Khattab").
_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "van", "von", "der", "bin", "binti"})
# Corps and service marks between a rank and the name ("Letkol Inf", "Kombes Pol").
_CORPS = frozenset({"pol", "inf", "kav", "arm", "arh", "czi", "cpm", "chb", "cku", "ckm", "caj",
                    "cba", "cpl", "mar", "psk", "tni", "(k)", "(purn)", "purn"})
_HONORIFICS = _TITLES | _CORPS | {"bapak", "ibu", "pak", "bu", "sdr", "dr(c)", "ust", "ustaz"}
_DEGREE = re.compile(r"^(?:[SMD]\.[A-Za-z.]{1,8}|S\d|MM|SH|MH|SE|ST|MT|MSi|MAP|SPd|SIP|"
                     r"SSos|SKM|Ak|CA|PhD|Ph\.D|M\.Si|M\.AP|M\.SM|MPd|MKes|SSTP|MSc|MA|"
                     r"Lc|MBA|SAg|SHI|SKom|SIKom)\.?,?$")
# Given names that are also ordinary words; a dictionary word elsewhere is not a name.
_GIVEN_NAMES = frozenset("""
muhammad mohammad ahmad agus arif budi dian indah putra putri sari dewi rini ani candra
chandra bayu eka dwi tri sri adi ayu bagus cahya intan mulia rahmat rahman iman amin hakim
hasan ali umar usman yusuf abdul made putu ketut nyoman wayan gede dewa gusti agung kadek
komang ngurah anak ida ni surya wahyu kurnia jaya dana bintang mega fajar rizki rizky
""".split())


@dataclass
class _Person:
    name: str
    positions: list[str] = field(default_factory=list)
    said: int = 0   # paragraphs attributed to them
    first: int = 0  # where they are first named

    def official(self) -> Official:
        return Official(self.name, best_position(self.positions))


@dataclass(frozen=True)
class Speakers:
    """The article's main official, everyone else it names with a position, and the
    speaker of each paragraph."""

    main: Official
    officials: list[Official]
    by_paragraph: list[Official]


def detect_speakers(title: str, paragraphs: list[str], main: Official | None = None) -> Speakers:
    """`main` (a hand-checked header) replaces the detected main official when given."""
    words = [_words(p) for p in paragraphs]
    names = _attributed_names(words)
    people: list[_Person] = []
    turns: list[_Person | None] = []
    current: _Person | None = None
    for index, paragraph in enumerate(words):
        speaker = _paragraph_speaker(paragraph, index, names, people, current)
        turns.append(speaker)
        current = speaker or current
    named = [p for p in people if p.name]
    ranked = sorted((p for p in named if p.said), key=lambda p: (-p.said, p.first))
    detected = ranked[0] if ranked else next((p for p in named if p.positions), None) \
        or next((p for p in people if p.said), None)  # only an office without a name speaks
    place = _article_place(paragraphs)
    chosen = main if main and main.name else (detected.official() if detected else Official())
    officials = _finish([chosen] + [p.official() for p in people], place)
    if chosen.name or not chosen.position:
        chosen = officials[0] if officials else chosen
    else:  # only an office without a name speaks
        chosen = Official("", _finish_position(chosen.position, place))

    def as_official(person: _Person | None) -> Official:
        if person is not None and not person.name:
            return Official("", _finish_position(person.official().position, place))
        if person is None or _same_person(person.name, chosen.name):
            return chosen
        return next((o for o in officials if o.name == person.name), chosen)

    by_paragraph, fallback = [], chosen
    for person in turns:
        official = as_official(person) if person else None
        by_paragraph.append(official or fallback)
    return Speakers(chosen, officials, by_paragraph)


def detect_main_official(title: str, paragraphs: list[str]) -> Official:
    return detect_speakers(title, paragraphs).main


def detect_officials(title: str, paragraphs: list[str]) -> list[Official]:
    return detect_speakers(title, paragraphs).officials


def speaker_names(text: str) -> Counter[str]:
    """Short names seen in attribution position ("kata Hera", "Ani Sofian menekankan")."""
    return Counter(_attributed_names([_words(text)]))


def best_position(positions: list[str]) -> str:
    """The most specific of the positions an article gives a person: one naming a place
    first, then the longest."""
    if not positions:
        return ""
    return max(positions, key=lambda p: (_has_place(p), len(p.split())))


# --- paragraphs and speakers -------------------------------------------------------------

def _paragraph_speaker(words: list[str], index: int, names: Counter[str],
                       people: list[_Person], current: _Person | None) -> _Person | None:
    """Register the people this paragraph names; return the one it quotes, if any."""
    spoken: list[_Person | None] = []  # None: a pronoun
    i = 0
    while i < len(words):
        lower = _bare(words[i]).lower()
        # After a verb of saying, a lower-case office is the speaker's: "kata anggota KPU RI, ..."
        role = _role_at(words, i, capitalised=not (i > 0 and _says_next(words, i - 1)))
        if role:
            end, position, name, epithet = _read_role(words, i, role, names)
            said = _is_said(words, i, end)
            if not name and said and i > 0 and words[i - 1].endswith(","):
                name = _name_before(words, i, names)  # "Lalu Gita Ariadi, Sekda NTB, mengatakan"
            if name:
                person = _register(people, name, position, index)
                if said:
                    spoken.append(person)
                    end = _skip_verb(words, end)
            elif epithet and current and position and not _after_former(words, i):
                current.positions.append(position)
                if said:
                    spoken.append(current)
            elif said and position and not _after_former(words, i):
                # "Kepala BKPSDM Sleman mengatakan ...": an office speaks without a name
                spoken.append(_register_office(people, position, index))
                end = _skip_verb(words, end)
            i = max(end, i + 1)
            continue
        if _is_say_after(lower) and lower.endswith("nya"):
            spoken.append(None)  # "tegasnya", "menurutnya"
        elif _says_next(words, i) and not words[i].endswith((".", ":")):
            target = _name_after(words, i + 1, names)
            if target == "PRONOUN":
                spoken.append(None)
            elif target:
                spoken.append(_register(people, target, "", index))
        elif lower in _SAY_BEFORE:
            subject = _name_before(words, i, names)
            if subject:
                spoken.append(_register(people, subject, "", index))
            elif i > 0 and _bare(words[i - 1]).lower() in _PRONOUNS | {"dirinya", "pihaknya"}:
                spoken.append(None)
        i += 1
    resolved = [p if p is not None else current for p in spoken]
    speaker = next((p for p in resolved if p is not None), None)
    if speaker:
        speaker.said += 1
    return speaker


def _register(people: list[_Person], name: str, position: str, index: int) -> _Person:
    """The known person `name` refers to ("Aldy" -> "Aldy Altrian"), else a new one."""
    for person in people:
        if _same_person(person.name, name):
            if position and len(name.split()) > len(person.name.split()):
                person.name = name  # the full name comes with the office
            if position:
                person.positions.append(position)
            return person
    if len(people) >= MAX_PEOPLE:
        return people[-1]  # hostile text naming thousands: stay linear, attribution is moot
    person = _Person(name, [position] if position else [], 0, index)
    people.append(person)
    return person


def _register_office(people: list[_Person], position: str, index: int) -> _Person:
    """The person an office without a name refers to: someone already named with that
    office ("Bupati Sleman" after "Bupati Sleman Kustini Sri Purnomo"), else the office
    itself as a nameless speaker."""
    wanted = set(spell_out(position).lower().split())
    for person in people:
        if any(wanted <= set(spell_out(p).lower().split()) for p in person.positions):
            return person
    if len(people) >= MAX_PEOPLE:
        return people[-1]
    person = _Person("", [position], 0, index)
    people.append(person)
    return person


def _same_person(a: str, b: str) -> bool:
    """One name is the other or a part of it ("Aldy" and "Aldy Altrian")."""
    ta = [t for t in a.split() if t not in {"I", "Ni"}]
    tb = [t for t in b.split() if t not in {"I", "Ni"}]
    if not ta or not tb:
        return False
    short, long = sorted((ta, tb), key=len)
    return all(t in long for t in short)


def _attributed_names(paragraphs: list[list[str]]) -> Counter[str]:
    """Single words that a statement is attributed to: "kata Kaya", "Menurut Rofiuddin",
    "Suhajar membeberkan". They count as names even when they are ordinary words."""
    found: Counter[str] = Counter()
    for words in paragraphs:
        for i, word in enumerate(words):
            lower = _bare(word).lower()
            if _says_next(words, i) and i + 1 < len(words) and not word.endswith((".", ":")):
                token = _bare(words[i + 1])
                if _could_be_name(token) and not _is_place_word(token):
                    found[token] += 1
            elif lower in _SAY_BEFORE:
                j = i - 1
                while j >= 0 and _bare(words[j]).lower() in _LINKS_BEFORE_VERB:
                    j -= 1
                # Before the verb, a place or an ordinary word is a body that speaks
                # ("Bawaslu Bontang menegaskan", "Sekadar memberikan"), not a name.
                token = _bare(words[j]) if j >= 0 else ""
                if token and not words[j].endswith((",", ".")) and _strict_name(token, Counter()):
                    found[token] += 1
    return found


def _is_say_after(lower: str) -> bool:
    verbs = _SAY_AFTER | _SAID_BY | {"menurut"}
    return lower in verbs or lower.endswith("nya") and lower[:-3] in verbs


def _says_next(words: list[str], i: int) -> bool:
    """`words[i]` is a verb of saying followed by its speaker, or the "oleh" after a
    passive one ("disampaikan oleh Bupati ...")."""
    lower = _bare(words[i]).lower()
    return _is_say_after(lower) or (lower == "oleh" and i > 0 and _bare(words[i - 1]).lower() in _SAID_BY)


def _name_after(words: list[str], start: int, names: Counter[str]) -> str | None:
    """The speaker named after a verb of saying: "kata Hera", "ujar Agus Fatoni", "ucap
    Kepala Dinas ... I Wayan Sunada", "kata dia"."""
    if start >= len(words):
        return None
    first = _bare(words[start]).lower()
    if first in _PRONOUNS:
        return "PRONOUN"
    role = _role_at(words, start, capitalised=False)  # "kata anggota KPU RI, Idham Holik"
    if role:
        _, _, name, _ = _read_role(words, start, role, names)
        return name
    run = []
    for word in words[start:start + 4]:
        token = _bare(word)
        if not (_could_be_name(token) and (_name_like(token, names) or token in names)):
            break
        run.append(token)
        if word.endswith((",", ".")):
            break
    return " ".join(run) or None


def _name_before(words: list[str], verb: int, names: Counter[str]) -> str | None:
    """The speaker named just before a verb of saying: "Ani Sofian menekankan"."""
    j = verb - 1
    while j >= 0 and _bare(words[j]).lower() in _LINKS_BEFORE_VERB:
        j -= 1
    run: list[str] = []
    while j >= 0 and len(run) < 4:
        token = _bare(words[j])
        if words[j].endswith((".", "?", "!", "”", "\"")) and run:
            break
        if _is_degree(words[j]) and not run:
            j -= 1
            continue
        if not (_could_be_name(token) and not _is_place_word(token)
                and (_name_like(token, names) or token in names)):
            break
        run.insert(0, token)
        if j > 0 and words[j - 1].endswith((",", ".")):
            break
        j -= 1
    return " ".join(_strip_honorifics(run)) or None


# --- role mentions -------------------------------------------------------------------------

def _role_at(words: list[str], i: int, capitalised: bool = True) -> int:
    """How many words an office starting at `words[i]` spans (acting prefix, optional
    "(Pj)", head), or 0. Only a capitalised start counts, unless a verb of saying comes
    before: "kepala desa" in running text is an office in general, not a person's."""
    if (capitalised and not words[i][:1].isupper()) or \
            (i > 0 and _bare(words[i - 1]).lower() in _NOT_A_PERSON_BEFORE):
        return 0
    j = i
    while j < len(words) and j - i < 4 and (_bare(words[j]).lower() in _ACTING
                                            or _is_parenthesised(words[j])):
        j += 1
    for head in _HEADS:
        window = [_bare(w).lower() for w in words[j:j + len(head)]]
        if tuple(window) == head:
            return j + len(head) - i
    return 0


def _read_role(words: list[str], start: int, size: int,
               names: Counter[str]) -> tuple[int, str, str | None, bool]:
    """(end, position, name or None, is epithet) for the office at `words[start]`."""
    head = [w.strip(",") for w in words[start:start + size]]
    tail: list[str] = []
    end = start + size
    lower_case = 0
    while end < len(words) and len(tail) < MAX_ROLE_WORDS:
        word = words[end]
        token = _bare(word)
        if not token:
            break
        lowered = token.lower()
        connector = lowered in {"dan", "&", "serta"} | _NAME_PARTICLES and end + 1 < len(words) \
            and words[end + 1][:1].isupper()
        if not (token[:1].isupper() or _is_parenthesised(word) or connector or token[:1].isdigit()
                or lowered in _TITLES):  # "Kepala Dinas Kesehatan dr. Srikurnia Yati"
            lower_case = 0 if lower_case else _lower_case_office(words, end, names)
            if not lower_case:
                break
            tail.extend(words[end:end + lower_case])
            end += lower_case
            continue
        tail.append(word)
        end += 1
        if word.endswith((".", "!", "?")) and not _is_degree(word) and not _is_initial(word) \
                and _bare(word).lower() not in _HONORIFICS:
            break
    epithet = end < len(words) and _bare(words[end]).lower() in _EPITHET_END
    unit, name = _split_unit_and_name(tail, names)
    # After the body or place, a speaking office's words up to the verb, or a comma, are
    # the name even when they are ordinary words: "Direktur Jenderal Otonomi Daerah
    # Kemendagri Akmal Malik mengatakan", "Wakil Wali Kota Medan Aulia Rachman, dalam ..."
    ends_name = _is_said(words, start, end) or bool(tail) and tail[-1].endswith(",")
    run = _words_after_body(tail) if ends_name else 0
    if run and (name is None or _extends(tail[-run:], name)):
        unit, name = _clean_unit(tail[:-run]), " ".join(_bare(w) for w in tail[-run:])
    head_words = _clean_words(head)
    if head_words and head_words[0].lower() == "pejabat" and len(head) > 1 and \
            _bare(head[1]).lower() == "pj":
        head_words[0] = "Penjabat"  # "Pejabat (Pj)" is a misspelt Penjabat
    position = " ".join([*head_words, *unit]).strip(" ,")
    return end, position[:1].upper() + position[1:], name, epithet and not name


def _lower_case_office(words: list[str], start: int, names: Counter[str]) -> int:
    """How many words, from a lower-case one on, an office runs to the comma before a name
    that speaks ("Direktur lembaga survei Indikator, Fajar Prasetyo, mengatakan", "Bupati
    Bandung Barat terpilih, Jeje Ritchie Ismail, mengatakan"); 0 if that is not the case."""
    comma = next((j for j in range(start, min(start + 6, len(words))) if words[j].endswith(",")
                  or words[j].endswith((".", "!", "?", ":")) or words[j][:1] in _QUOTES), None)
    if comma is None or not words[comma].endswith(",") or \
            any(_bare(w).lower() in _SAY_BEFORE or _is_say_after(_bare(w).lower()) for w in words[start:comma + 1]):
        return 0
    name_end = next((j for j in range(comma + 1, min(comma + 6, len(words))) if words[j].endswith(",")), None)
    if name_end is None or not _is_said(words, comma + 1, name_end + 1):
        return 0
    name = _strip_honorifics([_bare(w) for w in words[comma + 1:name_end + 1] if not _is_degree(w)])
    return comma + 1 - start if _all_name(name, names) else 0


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
        clean = _strip_honorifics([_bare(w) for w in segments[k] if not _is_degree(w)])
        if clean and _all_name(clean, names):
            return _clean_unit([w for s in segments[:k] for w in s]), " ".join(clean)
        if not _unit_like(segments[k]):
            break
    for k, segment in enumerate(segments):
        run = _name_after_title(segment) or _trailing_name(segment, names)
        if run:
            unit = [w for s in segments[:k] for w in s] + segment[:len(segment) - run[1]]
            return _clean_unit(unit), run[0]
        if k > 0 and not _unit_like(segment):
            break
    return _clean_unit(segments[0] if segments else []), None


def _name_after_title(segment: list[str]) -> tuple[str, int] | None:
    """The name after a segment's last title or rank, and how many words they take
    ("Dandim 0607 Kota Sukabumi Letkol Inf Dwi Bima Sakti" -> "Dwi Bima Sakti", 5). A title
    comes only before a name, so the words after it are the name even when one of them is
    a place ("Bima") or an ordinary word ("Sakti")."""
    tokens = [_bare(w) for w in segment]
    while tokens and _is_degree(segment[len(tokens) - 1]):
        tokens.pop()
    titled = [i for i, t in enumerate(tokens) if t.lower() in _TITLES]
    if not titled:
        return None
    first = start = titled[-1] + 1
    while first > 1 and tokens[first - 2].lower() in _TITLES:  # "Drs. H. Ahmad Yani"
        first -= 1
    while start < len(tokens) and tokens[start].lower() in _CORPS:
        start += 1
    name = tokens[start:]
    if not 0 < len(name) <= 4 or all(_is_initial(t) for t in name) or \
            not all(_could_be_name(t) or _is_initial(t) for t in name):
        return None
    return " ".join(name), len(segment) - (first - 1)


def _extends(run: list[str], name: str) -> bool:
    """Whether the words `run` are `name` with more words before it."""
    words = [_bare(w) for w in run]
    return len(words) > len(name.split()) and " ".join(words).endswith(" " + name)


def _words_after_body(tail: list[str]) -> int:
    """How many capitalised words (at most 3) follow the last body, acronym or place of
    an office that speaks: those are the speaker's name even when they are ordinary
    words, as "Akmal Malik" after "Kemendagri". 0 when no such boundary comes first."""
    tokens = [_bare(w) for w in tail]
    spans = _place_spans(tokens)
    run = 0
    while run < len(tokens) and run <= 3 and len(tokens) - 1 - run not in spans \
            and _could_be_name(tokens[len(tokens) - 1 - run]):
        run += 1
    boundary = len(tokens) - 1 - run
    if not 0 < run <= 3 or boundary < 0:
        return 0
    body = tokens[boundary]
    return run if boundary in spans or body.lower() in _ORG_WORDS or body.isupper() else 0


def _trailing_name(segment: list[str], names: Counter[str]) -> tuple[str, int] | None:
    """The name at the end of a segment ("Bawaslu Bontang Aldy Altrian" -> "Aldy Altrian")
    and how many words it takes, degrees and honorifics included."""
    words = [w for w in segment]
    while words and (_is_degree(words[-1]) or _is_parenthesised(words[-1])):
        words.pop()
    if not words:
        return None
    end = len(words)
    spans = _place_spans([_bare(w) for w in words])
    run: list[str] = []
    j = end - 1
    while j >= 0:
        token = _bare(words[j])
        if j in spans or _is_parenthesised(words[j]):
            break
        surname = not run and j > 0 and _strict_name(_bare(words[j - 1]), names)
        particle = run and token in _NAME_PARTICLES and j > 0 and _could_be_name(_bare(words[j - 1]))
        if _strict_name(token, names) or (surname and _could_be_name(token)) or particle or \
                (run and (_is_initial(token) or token.lower() in _GIVEN_NAMES)):
            run.insert(0, token)
            j -= 1
            continue
        # "Kapolda Metro Jaya Irjen Karyoto", "Kombes Pol Jules": before a rank is the unit
        while run and j >= 0 and _bare(words[j]).lower().rstrip(".") in _HONORIFICS:
            j -= 1
        break
    clean = _strip_honorifics(run)
    if not clean or all(_is_initial(t) for t in clean):
        return None
    return " ".join(clean), len(segment) - (j + 1)


def _all_name(tokens: list[str], names: Counter[str]) -> bool:
    """Whether a comma-separated segment after an office is a person's name ("Komisioner
    KPU Kota Medan, Bambang Hariyanto, ..."): capitalised words that are no place, office or
    acronym (initials such as "ZA" after the first), one of them surely a name. Set off by
    commas, an ordinary word may start a name: "Bambang", "Tengku", "Lalu"."""
    if not tokens or _place_spans(tokens):
        return False
    return all(_could_be_name(t) or _is_initial(t) or (k > 0 and _is_initials(t))
               for k, t in enumerate(tokens)) and \
        any(_strict_name(t, names) or t.lower() in _GIVEN_NAMES for t in tokens)


def _unit_like(segment: list[str]) -> bool:
    return all(_bare(w)[:1].isupper() or _bare(w).lower() in {"dan", "&", "serta"} for w in segment)


def _clean_unit(unit: list[str]) -> list[str]:
    """The unit without trailing degrees, and without a province tacked on after a comma
    ("Wali Kota Palangka Raya, Kalimantan Tengah")."""
    words = [w for w in unit if not _is_degree(w)]
    if words and _bare(words[-1]).lower() == "setempat":  # "local": the article's place
        words.pop()
    text = " ".join(words).strip(" ,")
    parts = [p.strip() for p in text.split(",")]
    while len(parts) > 1 and _only_place(parts[-1]):
        parts.pop()
    return _clean_words(", ".join(parts).split())


def _clean_words(words: list[str]) -> list[str]:
    """Drop parenthesised acronyms ("(Pj)", "(Kemendagri)") and stray punctuation."""
    out = []
    for word in words:
        if _is_parenthesised(word):
            continue
        word = word.strip("()\"“”'")
        if word:
            out.append(word)
    return out


def _is_said(words: list[str], start: int, end: int) -> bool:
    """The office at words[start:end] speaks: a verb of saying follows (links allowed), or
    one precedes it ("ucap Kepala Dinas ...")."""
    j = end
    while j < len(words) and j - end < 3 and (_bare(words[j]).lower() in _LINKS_BEFORE_VERB | _EPITHET_END
                                              or _is_date_word(words[j])):
        j += 1
    if j < len(words) and _bare(words[j]).lower() in _SAY_BEFORE:
        return True
    return start > 0 and _says_next(words, start - 1)


def _skip_verb(words: list[str], end: int) -> int:
    """Past the verb of saying that follows an office ("... Aldy Altrian, menegaskan")."""
    j = end
    while j < len(words) and j - end < 3 and _bare(words[j]).lower() not in _SAY_BEFORE:
        j += 1
    return j + 1 if j < len(words) and _bare(words[j]).lower() in _SAY_BEFORE else end


def _after_former(words: list[str], i: int) -> bool:
    return i > 0 and _bare(words[i - 1]).lower() == "mantan"


# --- words ------------------------------------------------------------------------------

def _words(text: str) -> list[str]:
    """Whitespace words with quotes split off; over-long runs are cut, never matched."""
    return _WORD.findall(text)


def _bare(word: str) -> str:
    return word.strip(",.;:!?()[]\"“”'‘’")


def _is_parenthesised(word: str) -> bool:
    return word.startswith("(") or word.endswith(")")


def _is_initial(token: str) -> bool:
    return len(token.rstrip(".")) == 1 and token[:1].isupper()


def _is_initials(token: str) -> bool:
    return 1 < len(token) <= 3 and token.isalpha() and token.isupper()


def _is_degree(word: str) -> bool:
    return bool(_DEGREE.match(word.strip())) and not word.strip(",.").isalpha() or \
        word.strip(",.") in {"MM", "SH", "MH", "SE", "ST", "MT", "MSi", "MAP", "SPd", "SIP", "SSos", "MPd"}


def _is_date_word(word: str) -> bool:
    return _bare(word).lower() in {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"} \
        or bool(re.match(r"^\(?\d", word))


def _could_be_name(token: str) -> bool:
    """Capitalised, and not a stop word, office, organisation, acronym or date."""
    if not token or not token[:1].isupper() or len(token) > MAX_TOKEN_CHARS:
        return False
    lower = token.lower()
    if lower in _STOP or lower in _ORG_WORDS or lower in _ACTING or lower in _HONORIFICS:
        return False
    if any((lower,) == h or lower == h[0] for h in _HEADS):
        return False
    if token.isupper() and len(token) > 1:
        return False  # an acronym: DIY, KPU, BKN
    return not any(c.isdigit() for c in token) and token.replace("-", "").replace("'", "").isalpha()


def _name_like(token: str, names: Counter[str]) -> bool:
    return _could_be_name(token) and (token in names or token.lower() in _GIVEN_NAMES
                                      or not _is_common_word(token)) and not _is_place_word(token)


def _strict_name(token: str, names: Counter[str]) -> bool:
    """A name word: attributed somewhere, a known given name, or no ordinary word."""
    if not _could_be_name(token):
        return False
    if token in names:
        return True
    return (token.lower() in _GIVEN_NAMES or not _is_common_word(token)) and not _is_place_word(token)


def _strip_honorifics(tokens: list[str]) -> list[str]:
    out = list(tokens)
    while out and (out[0].lower().rstrip(".") in _HONORIFICS or _is_degree(out[0])):
        out.pop(0)
    while out and _is_degree(out[-1]):
        out.pop()
    return out


@lru_cache(maxsize=20_000)
def _is_common_word(token: str) -> bool:
    """An ordinary Indonesian word (or a derived form of one): Sastrawi's root dictionary."""
    from index.retrieval.analyzer import stem, root_words

    lower = token.lower()
    return lower in root_words() or stem(lower) in root_words()


@lru_cache(maxsize=20_000)
def _is_place_word(token: str) -> bool:
    size, _ = places_at([token], 0)
    return bool(size)


def _place_spans(tokens: list[str]) -> set[int]:
    """Indexes of tokens that belong to a place name ("Aceh Utara", "Gunung Mas")."""
    spans: set[int] = set()
    i = 0
    while i < len(tokens):
        size, _ = places_at(tokens, i) if tokens[i][:1].isupper() else (0, ())
        spans.update(range(i, i + size))
        i += size or 1
    return spans


def _only_place(text: str) -> bool:
    tokens = [_bare(t) for t in text.split()]
    return bool(tokens) and _place_spans(tokens) == set(range(len(tokens)))


def _has_place(position: str) -> bool:
    return bool(_place_spans([_bare(t) for t in position.split()]))


# --- finishing positions ------------------------------------------------------------------

# National offices carry no region; a regional one without a place gets the article's.
_NATIONAL = frozenset({"kementerian", "menteri", "negara", "nasional", "ri", "republik",
                       "pusat", "jenderal", "presiden", "kemendagri", "bkn", "kasn", "kpu ri",
                       "bawaslu ri", "mendagri", "panrb", "kemenpan", "polri", "tni"})


def _finish(officials: list[Official], place: Place | None) -> list[Official]:
    """Spell out abbreviations, give regional offices without a place the article's place,
    and drop duplicates (the first of a name wins)."""
    out: list[Official] = []
    for official in officials:
        if not official.name or any(_same_person(o.name, official.name) for o in out):
            continue
        out.append(Official(official.name, _finish_position(official.position, place)))
    return out


def _finish_position(position: str, place: Place | None) -> str:
    """A described office ("Direktur lembaga survei ...") is no regional one: no place."""
    position = spell_out(position)
    described = any(w[:1].islower() and w not in {"dan", "serta"} for w in position.split()[1:])
    if position and place and not _has_place(position) and not _is_national(position) and not described:
        position = f"{position} {_level(place)}{place.name}"
    return position


def _is_national(position: str) -> bool:
    words = {w.lower().strip(",()") for w in position.split()}
    return bool(words & _NATIONAL)


def _level(place: Place) -> str:
    return {"provinsi": "Provinsi ", "kabupaten": "Kabupaten ", "kota": "Kota "}[place.kind]


def _article_place(paragraphs: list[str]) -> Place | None:
    """The place an article is about: the one named most often (a province counts the
    mentions of its regencies and cities too, but names it only when it is itself named)."""
    counts: Counter[Place] = Counter()
    for paragraph in paragraphs:
        tokens = [_bare(w) for w in _words(paragraph)]
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
