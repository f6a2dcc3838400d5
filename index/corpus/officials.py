"""Who said it: the officials an Indonesian news article quotes, and the speaker of each
paragraph.

News names an official once in full with the position ("Ketua Bawaslu Bontang Aldy
Altrian", "Pj Bupati Gumas Herson B Aden") and then attributes statements by a short name
("kata Aldy"), a pronoun ("ujarnya", "kata dia"), an epithet ("Kepala Inspektorat
Provinsi Bali itu menjelaskan") or the office alone ("Kepala BKPSDM Sleman mengatakan"). So:

1. Role mentions are read word by word (`roles`), names are told from ordinary words,
   places and offices (`name_words`), and read off the words around a verb of saying or
   an office (`name_reading`).
2. Each paragraph's speaker is the person a statement in it is attributed to; a pronoun
   keeps the speaker of the paragraphs before, and a paragraph with no attribution at all
   gets the article's main official.

Everything works on word lists with bounded look-ahead: the cost is linear in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from index.corpus.article import Official
from index.corpus.name_words import ACTING, GIVEN_NAMES, HONORIFICS, bare, could_be_name, has_place
from index.corpus.name_reading import (BRACKETED_WORDS, OPENERS, OPENING_WORDS, PRONOUNS, QUOTE_MARK,
                                       attributed_names, epithet_at, holder_before, name_after, name_before,
                                       office_in_brackets, quoted_words, second_office, split_words)
from index.corpus.places import (Place, canonical_position, find_places, in_full, places_at,
                                 position_words, spell_out)
from index.corpus.roles import (EPITHET_END, LINKS_BEFORE_VERB, LOCAL_OFFICES, SAY_BEFORE, after_former,
                                is_acting, is_say_after, read_role, role_at, says_next, skip_verb)

MAX_PEOPLE = 64            # people tracked per article; real articles quote a handful
MAX_POSITIONS = 8          # distinct positions (and nicknames) kept per person; real articles give one or two
_ASKED = re.compile(r"(?:tanya|pertanyaan|t)\s*:", re.IGNORECASE)  # "Tanya: ...", an interview
_ACCOMPANYING = frozenset({"didampingi", "beserta"})
# "Salah seorang guru di SMP Negeri 2 yang tidak mau disebutkan namanya": a source the
# article keeps unnamed, with what it says of them.
_ANONYMOUS = re.compile(r"(?:\S+ itu, |namun, |sementara itu, )?((?:salah )?seorang [^,.\"“”]{2,80}?),? yang "
                        r"(?:enggan|tak mau|tidak mau|tidak ingin|tak ingin|minta|meminta) "
                        r"(?:disebut|disebutkan|ditulis|dituliskan) (?:nama|identitas)nya", re.IGNORECASE)
_ANONYMOUS_WORDS = 25
# A paragraph that announces an interview: the answers that follow are the person's it names.
_INTERVIEW = re.compile(r"\b(?:petikan|kutipan|cuplikan|hasil|berikut)\s+wawancara|"
                        r"\bwawancara\s+(?:khusus|eksklusif)", re.IGNORECASE)
# A paragraph that is a quotation and nothing else, and one that opens by pointing back at it.
_BARE_QUOTE = re.compile(r"^[\"“][^\"“”]{20,}[\"”]$")
_LOOKS_BACK = re.compile(r"(?:demikian|begitu|hal (?:itu|tersebut|ini)|pernyataan (?:itu|tersebut|ini))\b"
                         r".{0,40}?\b(?:disampaikan|dikatakan|diungkapkan|ditegaskan|dijelaskan|diutarakan|"
                         r"dipaparkan|kata|ujar)\b", re.IGNORECASE)
# Sentence ends inside a paragraph, and a last word that ends no sentence ("Ny.", "H.", "R.").
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][a-z]{0,3}\.$")
_MAX_SENTENCES = 60
_SENTENCE_WORDS = 40
_INTRODUCTION_WORDS = 8  # "Sementara itu, Ny. Yuliana Rumbiak, Ketua DWP ...": where the office may start
_NICKNAME_CUES = frozenset({("akrab", "disapa"), ("biasa", "disapa"), ("sapaan", "akrabnya"),
                            ("sapaan", "akrab"), ("panggilan", "akrabnya"), ("panggilan", "akrab")})
# At most this many words describe the person spoken of: "Dosen yang juga putra Tapanuli itu".
_DESCRIPTION_WORDS = 10
# A headline names a body for its head: "Bawaslu Bali Temukan ..." is its chair's news.
_HEADS_OF_BODIES = frozenset({"kepala", "ketua"})
_SHORTENED_CHARS = 4  # a shorter cut ("Abd") could start too many names


@dataclass
class _Person:
    name: str
    positions: list[str] = field(default_factory=list)
    said: int = 0   # paragraphs attributed to them
    first: int = 0  # where they are first named
    nicknames: list[str] = field(default_factory=list)  # "Rahma, sapaan akrabnya"

    def official(self) -> Official:
        return Official(self.name, best_position(self.positions))

    def add_nickname(self, nickname: str) -> None:
        if nickname not in self.nicknames and len(self.nicknames) < MAX_POSITIONS:
            self.nicknames.append(nickname)

    def add_position(self, position: str) -> None:
        # Bounded: offices are compared with every position a person has (_register_office).
        if position not in self.positions and len(self.positions) < MAX_POSITIONS:
            self.positions.append(position)


@dataclass(frozen=True)
class Speakers:
    """The article's main official, everyone else it names with a position, the speaker of
    each paragraph, and whether the paragraph names its speaker (else it falls back to the
    main official)."""

    main: Official
    officials: list[Official]
    by_paragraph: list[Official]
    attributed: list[bool]


def detect_speakers(title: str, paragraphs: list[str], main: Official | None = None) -> Speakers:
    """`main` (a hand-checked header) replaces the detected main official when given."""
    found = _speakers(title, paragraphs, main)
    if found.main.name or ":" not in title:
        return found
    # A headline that quotes ("Pj Bupati Garut Barnas Adjidin: ASN Jangan ...") names the
    # speaker whom the body calls only "dia".
    headline = _speakers(title, [title.split(":", 1)[0] + " mengatakan", *paragraphs], main)
    if not (headline.main.name or headline.main.position and not found.main.position):
        return found
    return Speakers(headline.main, headline.officials, headline.by_paragraph[1:], headline.attributed[1:])


def _speakers(title: str, paragraphs: list[str], main: Official | None) -> Speakers:
    people: list[_Person] = []
    turns = _quotes_closed_later(paragraphs, _turns(paragraphs, people))
    turns = _bare_quotes(paragraphs, _quotes_continued(paragraphs, turns))
    _misread_people_are_their_holders(people)
    detected = _main_person(people, title)
    place = _article_place(paragraphs)
    chosen = main if main and main.name else (detected.official() if detected else Official())
    officials = _finish([chosen] + [p.official() for p in people], place)
    if chosen.name or not chosen.position:
        chosen = officials[0] if officials else chosen
    else:  # only an office without a name speaks
        chosen = Official("", _finish_position(chosen.position, place))

    def as_official(person: _Person | None) -> Official:
        """The speaker's official, the article's when the paragraph has none."""
        if person is None:
            return chosen
        if not person.name:
            return Official("", _finish_position(person.official().position, place))
        if _same_person(person.name, chosen.name):
            return chosen
        return next((o for o in officials if o.name == person.name), chosen)

    return Speakers(chosen, officials, [as_official(person) for person in turns],
                    [person is not None for person in turns])


def _turns(paragraphs: list[str], people: list[_Person]) -> list[_Person | None]:
    """Each paragraph's speaker (None: attributed to no one), registering in `people`
    everyone the paragraphs name."""
    words = [split_words(p) for p in paragraphs]
    names = attributed_names(words)
    turns: list[_Person | None] = []
    current: _Person | None = None
    interviewee: _Person | None = None  # after "Berikut petikan wawancaranya": who answers
    for index, paragraph in enumerate(words):
        if _ASKED.match(paragraphs[index]) or interviewee and _is_question(paragraphs[index]):
            turns.append(None)  # an interviewer's question: the answer's speaker is not in it
            continue
        # Before anyone speaks, "beliau" is the last person named: "..., Ir. H. Rusmadi
        # Hasan, bertindak selaku Pembina Apel" then "Dalam arahannya, beliau menyampaikan".
        spoken_of = current or next((p for p in reversed(people) if p.name), None)
        speaker = _paragraph_speaker(paragraph, quoted_words(paragraphs[index]), index, names,
                                     people, spoken_of)
        if _INTERVIEW.search(paragraphs[index]):
            interviewee = speaker
        elif speaker is None and interviewee is not None:
            speaker = interviewee  # an answer: no name, no verb of saying
            speaker.said += 1
        turns.append(speaker)
        current = speaker or current
    return turns


def _main_person(people: list[_Person], title: str) -> _Person | None:
    """Whom the article is about: the one the headline names, even if another speaker is
    quoted more ("Plh Wali Kota Parepare Larang ASN ..." with the DPRD chair agreeing),
    else who speaks most; an office without a name when only it speaks."""
    headline = position_words(title)
    named = [p for p in people if p.name]
    ranked = sorted((p for p in named if p.said),
                    key=lambda p: (*_in_headline(p, headline), -p.said, p.first))
    return ranked[0] if ranked else next((p for p in named if p.positions), None) \
        or next((p for p in people if p.said), None)


def split_at_new_speakers(paragraphs: list[str]) -> list[str]:
    """Paragraphs cut before a sentence that brings in someone with their office who
    speaks ("... Ia mengatakan sisa kasus ditargetkan selesai. Asisten Pemerintahan Setda
    DKI, Ahmad Ma'mun, menimpali bahwa ... Menurutnya, ..."): each part then has its own
    speaker, and the pronouns after the newcomer are theirs."""
    parts: list[str] = []
    for paragraph in paragraphs:
        sentences = _sentences(paragraph)
        if len(sentences) > _MAX_SENTENCES:  # hostile text: left whole
            parts.append(paragraph)
            continue
        current: list[str] = []
        for sentence in sentences:
            if current and _has_spoken(current) and _brings_in_speaker(sentence, " ".join(current)):
                parts.append(" ".join(current))
                current = []
            current.append(sentence)
        parts.append(" ".join(current))
    return parts


def _has_spoken(sentences: list[str]) -> bool:
    """Someone speaks in these sentences and no quotation is left open: a paragraph's
    opening framing ("Dukungan datang dari legislatif.") stays with the speaker after it,
    and a quote with the speaker's name after its close stays whole."""
    text = " ".join(sentences)
    if _quote_balance(text) != 0 or len(QUOTE_MARK.findall(text)) % 2:
        return False
    words = split_words(text)
    return any(bare(w).lower() in SAY_BEFORE or says_next(words, k) for k, w in enumerate(words))


def _sentences(paragraph: str) -> list[str]:
    """The paragraph's sentences, not cut after an honorific or initial ("Ny. Yuliana")."""
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(paragraph):
        if sentences and _ABBREVIATION.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _brings_in_speaker(sentence: str, before: str) -> bool:
    """Whether the sentence opens with an office whose holder is named and speaks in it
    ("Ketua Bawaslu X, Name, menyebut", "Name, Office, mengatakan", "Ny. Name, Office,
    menimpali"), or with a name the sentences `before` do not use, that speaks
    ("Syarifuddin lalu menambahkan")."""
    words = split_words(sentence)[:_SENTENCE_WORDS]
    verb = next((k for k in range(min(_INTRODUCTION_WORDS, len(words))) if bare(words[k]).lower() in SAY_BEFORE), None)
    name = name_before(words, verb, Counter()) if verb else None
    if name and not any(part in before for part in name.split()) and verb - len(name.split()) <= 2:
        return True
    role, i = next(((role, i) for i in range(min(_INTRODUCTION_WORDS, len(words)))
                    if (role := role_at(words, i))), (0, 0))
    if not role or any(says_next(words, k) or bare(w).lower() in SAY_BEFORE for k, w in enumerate(words[:i])):
        return False  # "Hal tersebut disampaikan oleh Bupati ...": it points back, the office is no subject
    end, _, name, _, said = read_role(words, i, role, Counter())
    if not (name or said):
        said = second_office(words, end, "", Counter())[2]
    return bool(said and (name or holder_before(words, i, said, Counter())))


def detect_main_official(title: str, paragraphs: list[str]) -> Official:
    return detect_speakers(title, paragraphs).main


def detect_officials(title: str, paragraphs: list[str]) -> list[Official]:
    return detect_speakers(title, paragraphs).officials


def speaker_names(text: str) -> Counter[str]:
    """Short names seen in attribution position ("kata Hera", "Ani Sofian menekankan")."""
    return Counter(attributed_names([split_words(text)]))


def best_position(positions: list[str]) -> str:
    """The one of the positions an article gives a person it is about: an acting one first
    (a Pjs. Bupati "yang sehari-hari menjabat Kepala Biro ..." speaks as the Pjs. Bupati),
    then one naming a place, then the longest."""
    if not positions:
        return ""
    return max(positions, key=lambda p: (_acting_office(p), has_place(p), len(p.split())))


def _acting_office(position: str) -> bool:
    words = position.split(maxsplit=1)
    return bool(words) and is_acting(words[0], first=True)


# --- paragraphs and speakers -------------------------------------------------------------

def _paragraph_speaker(words: list[str], quoted: list[bool], index: int, names: Counter[str],
                       people: list[_Person], current: _Person | None) -> _Person | None:
    """Register the people this paragraph names; return the one it quotes, if any. An
    office that speaks inside a quotation ("“Setiap Kepala Perangkat Daerah wajib
    menyampaikan laporan,” jelas Sekda.") is spoken of, not the speaker."""
    spoken: list[_Person | None] = []  # None: a pronoun
    named: list[_Person] = []
    opener: _Person | None = None  # named as the paragraph opens: its pronouns are theirs

    def speak(person: _Person | None) -> None:
        if not quoted[i]:
            spoken.append(person)

    i, named_end = 0, -1
    channel: _Person | None = None  # "melalui Kabag Prokopim, Maria, ...": who an office speaks through
    while i < len(words):
        lower = bare(words[i]).lower()
        # After a verb of saying, a lower-case office is the speaker's: "kata anggota KPU RI, ..."
        after_verb = i > 0 and says_next(words, i - 1)
        role = role_at(words, i, capitalised=not after_verb)
        if role:
            end, position, name, epithet, said = read_role(words, i, role, names)
            if not (name or said):
                end, position, said = second_office(words, end, position, names)
            # An office right after someone read with theirs is another's: "melalui Kepala
            # Bagian Prokopim, Maria Goreti Seran, Pj Wali Kota Kupang menyampaikan"
            if not name and i != named_end and (name := holder_before(words, i, said, names)) \
                    and after_former(words, i):
                position = f"mantan {position}"
            if not (name or after_verb or words[i][:1].isupper()):
                role = 0  # "seorang pengamat menilai" is no one's; "peneliti ..., Arief Nugroho," is
        if role:
            if name:
                if named and i > 0 and bare(words[i - 1]).lower() == "melalui":
                    position = _within(position, named[-1].positions)
                person = _register(people, name, position, index)
                named_end = end
                channel = person if i > 0 and bare(words[i - 1]).lower() == "melalui" else None
                if said:
                    # "Pj Wali Kota Nurdin, didampingi Sekda Herman, meminta": Nurdin asks
                    accompanied = named and bare(words[i - 1]).lower() in _ACCOMPANYING
                    speak(named[-1] if accompanied else person)
                    verb = skip_verb(words, end)
                    for k in range(end, verb):  # "Yusril, yang akrab disapa Ucil, mengatakan"
                        _take_nickname(words, k, names, person)
                    end = verb
                if not named and i <= OPENING_WORDS:
                    opener = person  # "Ketua PGRI ..., Nurhayati, mendukung ... Namun ia meminta"
                named.append(person)
            elif epithet and current and position and not after_former(words, i):
                current.add_position(position)
                if said:
                    speak(current)
            elif said and position and not epithet and not after_former(words, i):
                verb = skip_verb(words, end)
                if current and (_refers_back(words, verb - 1) or after_verb and epithet_at(words, i)):
                    speak(current)  # "Dosen yang juga putra Tapanuli itu menyarankan", "ujar guru besar ... itu"
                elif channel and i == named_end:
                    # The office unnamed, who it speaks through says it, by name; a named
                    # one ("Melalui Kabag Humas, Pj Bupati Bambang menyampaikan") speaks itself.
                    speak(channel)
                else:  # "Kepala BKPSDM Sleman mengatakan ...": an office speaks without a name
                    speak(_register_office(people, position, index))
                end = verb
            i = max(end, i + 1)
            continue
        if named or current:  # "..., yang akrab disapa Rahma"
            _take_nickname(words, i, names, named[-1] if named else current)
        if is_say_after(lower) and lower.endswith("nya"):
            speak(None)  # "tegasnya", "menurutnya"
        elif says_next(words, i) and not words[i].endswith((".", ":")):
            target = name_after(words, i + 1, names)
            if target == "PRONOUN" or not target and epithet_at(words, i + 1):
                speak(None)  # "kata dia", "ujar pria yang memimpin Bawaslu Sulsel ... itu"
            elif target and _nickname_follows(words, i + 1 + len(target.split())) and \
                    (holder := _nicknamed(people, target) or current):
                holder.add_nickname(target)  # "Menurut Rahma, sapaan akrabnya, ..."
                speak(holder)
            elif target:
                speak(_register(people, target, "", index))
        elif lower in SAY_BEFORE:
            start, office = office_in_brackets(words, i)
            subject = name_before(words, start, names)
            if subject:
                speak(_register(people, subject, office, index))
            elif _refers_back(words, i):
                speak(None)
        i += 1
    opener = opener or _named_at_opening(words, people, names, index) or _anonymous_at_opening(words, people)
    resolved = [p if p is not None else opener or current for p in spoken]
    speaker = next((p for p in resolved if p is not None), None)
    if speaker:
        speaker.said += 1
    # No verb of saying, but the paragraph opens with who acts in it: "Pjs. Bupati Banyumas,
    # Hari Setiawan Nugraha, ... memastikan seluruh perangkat daerah bekerja ..."
    return speaker or opener


def _named_at_opening(words: list[str], people: list[_Person], names: Counter[str],
                      index: int) -> _Person | None:
    """Who opens the paragraph as its subject, so its pronouns are theirs: someone already
    named ("Datuak Rajo Mangkuto sepakat ... “...,” ujarnya."), or a name with its office in
    brackets ("Cecep Hidayat (Camat Tarogong Kidul) menyambut baik ... Ia mengaku ...")."""
    for start in range(min(OPENING_WORDS, len(words))):
        if start and not (words[start - 1].endswith(",") or bare(words[start - 1]).lower() in OPENERS):
            continue
        run: list[str] = []
        for word in words[start:start + 4]:
            if not could_be_name(bare(word)):
                break
            run.append(bare(word))
            if word.endswith((",", ".")):
                break
        for size in range(len(run), 0, -1):
            person = next((p for p in people if p.name and _same_person(p.name, " ".join(run[:size]))), None)
            if person:
                return person
        if run and start + len(run) < len(words) and words[start + len(run)].startswith("("):
            return _bracketed_holder(words, start + len(run), people, names, index)
    return None


def _bracketed_holder(words: list[str], bracket: int, people: list[_Person], names: Counter[str],
                      index: int) -> _Person | None:
    """The person named before an office in brackets at `words[bracket]`, registered."""
    close = next((k for k in range(bracket, min(bracket + BRACKETED_WORDS, len(words)))
                  if words[k].endswith(")")), None)
    if close is None:
        return None
    bracket, office = office_in_brackets(words, close + 1)
    name = name_before(words, bracket, names) if office else None
    return _register(people, name, office, index) if name else None


def _anonymous_at_opening(words: list[str], people: list[_Person]) -> _Person | None:
    """An unnamed source opening the paragraph ("Seorang ASN di Dinas Pendidikan Garut yang
    enggan disebut namanya mengaku ..."): its "katanya" is theirs, not the last official's."""
    found = _ANONYMOUS.match(" ".join(words[:_ANONYMOUS_WORDS]))
    if not found or len(people) >= MAX_PEOPLE:  # as _register: hostile text stays linear
        return None
    person = _Person("", [found.group(1)[:1].upper() + found.group(1)[1:]], 0, 0)
    people.append(person)
    return person


def _take_nickname(words: list[str], k: int, names: Counter[str], person: _Person) -> None:
    """ "akrab disapa Ucil" or "sapaan akrabnya Da Andri" ending at `words[k]`: what follows
    is what the person is called, dictionary words and all ("Miq Syarif")."""
    pair = (bare(words[k - 1]).lower(), bare(words[k]).lower()) if k > 0 else ("", "")
    if pair not in _NICKNAME_CUES:
        return
    start = k + 1
    while start < min(k + 3, len(words) - 1) and bare(words[start]).lower() in HONORIFICS:
        start += 1  # "akrab disapa Pak Harto": called Harto
    run: list[str] = []
    for word in words[start:start + 3]:
        if not could_be_name(bare(word)):
            break
        run.append(bare(word))
        if word.endswith((",", ".", ")")):
            break
    if run:
        person.add_nickname(" ".join(run))


def _nicknamed(people: list[_Person], nickname: str) -> _Person | None:
    """The person whose name a nickname is cut from ("Rahma": Rahmawati Sulistyorini)."""
    short = nickname.lower()
    return next((p for p in people if any(w.lower().startswith(short) for w in p.name.split())), None)


def _nickname_follows(words: list[str], k: int) -> bool:
    """ "Rahma, sapaan akrabnya" or "panggilan akrab Rahmawati": the name before is what
    the person just spoken of is called."""
    following = [bare(w).lower() for w in words[k:k + 2]]
    return len(following) == 2 and following[0] in {"sapaan", "panggilan"} \
        and following[1].startswith("akrab")


def _refers_back(words: list[str], verb: int) -> bool:
    """Whether the subject before a verb of saying is the person spoken of: a pronoun ("ia
    juga meminta", "yang bersangkutan menyatakan") or a description ending in "itu" that
    opens the sentence ("Perempuan berkacamata itu juga menyarankan", "Politikus yang sudah
    dua periode duduk di DPRD itu meminta")."""
    j = verb - 1
    while j >= 0 and bare(words[j]).lower() in LINKS_BEFORE_VERB:
        j -= 1
    if j < 0:
        return False
    subject = bare(words[j]).lower()
    if subject in PRONOUNS | {"dirinya", "pihaknya", "bersangkutan"}:
        return True
    if subject not in EPITHET_END:
        return False
    start = next((k + 1 for k in range(j - 1, max(j - _DESCRIPTION_WORDS, -1), -1)
                  if words[k].endswith((".", "!", "?", ",", ":", "”", "\""))), None)
    return (start if start is not None else 0) >= j - _DESCRIPTION_WORDS and \
        (start is not None or j < _DESCRIPTION_WORDS)


def _quotes_closed_later(paragraphs: list[str], turns: list[_Person | None]) -> list[_Person | None]:
    """A quote that runs over paragraphs ("“Kami tidak main-main. ..." then "... diproses,”
    kata Kurniawan.") is attributed where it closes: its first paragraphs, unattributed,
    take that speaker. News closes such a quote within a few paragraphs."""
    turns = list(turns)
    k = 0
    while k < len(paragraphs):
        if turns[k] is None and _quote_balance(paragraphs[k]) > 0:
            m = next((m for m in range(k + 1, min(k + 4, len(paragraphs)))
                      if _quote_balance(paragraphs[m]) < 0), None)
            if m is not None and turns[m] is not None:
                turns[k:m] = [turns[m] if t is None else t for t in turns[k:m]]
            k = m or k
        k += 1
    return turns


def _quotes_continued(paragraphs: list[str], turns: list[_Person | None]) -> list[_Person | None]:
    """A quotation opened after its speaker ("... Ia lalu merinci:" then “... , “... and
    “...”, each paragraph opening anew as news prints it) stays that speaker's while it
    runs: an unattributed paragraph opening a quote after one that announces it or leaves
    its own open."""
    turns = list(turns)
    for k in range(1, len(paragraphs)):
        previous = paragraphs[k - 1].rstrip()
        if turns[k] is None and turns[k - 1] is not None and paragraphs[k].lstrip()[:1] in "“\"" \
                and (previous.endswith(":") or _quote_balance(previous) > 0):
            turns[k] = turns[k - 1]
    return turns


def _bare_quotes(paragraphs: list[str], turns: list[_Person | None]) -> list[_Person | None]:
    """A paragraph that is a quotation alone, attributed nowhere, is the speaker's whom the
    next paragraph names looking back ("Demikian disampaikan Rendy ..."), else the speaker's
    of the paragraph before it ("Rendy mengatakan, ..." then “...”), not the main official's."""
    turns = list(turns)
    for k, paragraph in enumerate(paragraphs):
        if turns[k] is not None or not _BARE_QUOTE.match(paragraph.strip()):
            continue
        if k + 1 < len(paragraphs) and turns[k + 1] is not None and _LOOKS_BACK.match(paragraphs[k + 1]):
            turns[k] = turns[k + 1]
        elif k > 0:
            turns[k] = turns[k - 1]
    return turns


def _is_question(paragraph: str) -> bool:
    """An interviewer's question: a paragraph of its own that asks, outside any quotation."""
    text = paragraph.strip()
    return text.endswith("?") and not QUOTE_MARK.search(text) and len(text.split()) <= 40


def _quote_balance(paragraph: str) -> int:
    """Opening quotes minus closing ones; a straight quote opens at the start, else closes."""
    curly = paragraph.count("“") - paragraph.count("”")
    if paragraph.count('"') % 2:
        curly += 1 if paragraph.lstrip().startswith('"') else -1
    return curly


def _register(people: list[_Person], name: str, position: str, index: int) -> _Person:
    """The known person `name` refers to ("Aldy" -> "Aldy Altrian"), else a new one."""
    for person in people:
        if _same_person(person.name, name) or name in person.nicknames:
            if position and len(name.split()) > len(person.name.split()):
                person.name = name  # the full name comes with the office
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
    person = _Person(name, [position] if position else [], 0, index)
    people.append(person)
    return person


def _name_the_office(people: list[_Person], person: _Person, position: str) -> None:
    """An office that spoke without a name ("Kepala Kesbangpol Deli Serdang mengaku ...")
    is `person`, named with it later: its statements become theirs."""
    office = next((p for p in people if not p.name and p.positions and _holds(position, p.positions[0])), None)
    if office is not None:
        _merge_into(people, office, person)


def _register_office(people: list[_Person], position: str, index: int) -> _Person:
    """The person an office without a name refers to: someone already named with that
    office ("Bupati Sleman" after "Bupati Sleman Kustini Sri Purnomo"), else the office
    itself as a nameless speaker."""
    for person in sorted(people, key=lambda p: not p.name):  # a named holder first
        if any(_holds(held, position) for held in person.positions):
            return person
    if len(people) >= MAX_PEOPLE:
        return people[-1]
    person = _Person("", [position], 0, index)
    people.append(person)
    return person


def _holds(held: str, office: str) -> bool:
    """Whether the holder of `held` is who `office` names: no word of the office missing,
    compared as positions are (`canonical_position`), and the same head, so "Bupati Sleman"
    is the "Penjabat Bupati Sleman" but not the "Wakil Bupati Sleman"."""
    return _head(held) == _head(office) and set(canonical_position(office)) <= set(canonical_position(held))


def _head(position: str) -> str:
    """An office's first word after "Penjabat", "Plt" and the like, spelt out ("Kasatpol
    PP" is headed by a "kepala")."""
    head = next((w for w in spell_out(position).lower().split() if w not in ACTING), "")
    return in_full(head).split()[0] if head else ""


def _in_headline(person: _Person, headline: list[str]) -> tuple[int, int]:
    """How surely the headline names the person, and how early, as a sort key: first a
    name word that is no common given name or every word of an office they hold; then the
    body a "Kepala" or "Ketua" heads ("BKPSDM Toba" for the Kepala BKPSDM Kabupaten Toba;
    "DPRD Halsel" for the chair of its Komisi I), which "Pjs. Bupati Banyumas Hadiri
    Deklarasi ... yang Digelar Bawaslu" names beside its subject; of equals, the one the
    headline names first ("DPRD Halsel Cecar BKD ...": the DPRD's)."""
    at: dict[str, int] = {}
    for k, word in enumerate(headline):
        at.setdefault(word, k)
    names = [at[w.lower()] for w in person.name.split()
             if len(w) > 2 and w.lower() not in GIVEN_NAMES and w.lower() in at]
    if names:
        return -2, min(names)
    found = (0, 0)
    for position in person.positions:
        words = position_words(position)
        if len(set(words)) > 1 and set(words) <= at.keys():  # not a bare "Lurah di Pontianak ..."
            return -2, min(at[w] for w in words)
        if _head(position) in _HEADS_OF_BODIES:
            # the body, with or without its sub-unit ("Komisi I"), but never its place alone
            place = {w.lower() for span, _ in find_places(spell_out(position)) for w in span.split()}
            body = next((words[k:] for k in range(1, len(words) - 1)
                         if set(words[k:]) <= at.keys() and set(words[k:]) - place), [])
            if len(set(body)) > 1:
                found = min(found, (-1, min(at[w] for w in body)))
    return found


def _within(position: str, principal: list[str]) -> str:
    """A spokesperson's office named without its body or place is the principal's: "Kepala
    Kejaksaan Negeri Maluku Tengah, Name, melalui Kepala Seksi Intelijen, Name2, ..." is the
    Kepala Seksi Intelijen Kejaksaan Negeri Maluku Tengah."""
    if not principal or has_place(position):
        return position
    words = principal[0].split()
    head = role_at(words, 0, capitalised=False)
    unit = " ".join(words[head:])
    return f"{position} {unit}" if head and has_place(unit) else position


def _misread_people_are_their_holders(people: list[_Person]) -> None:
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


def _first_holder(people: list[_Person], wrong: _Person,
                  is_holder: Callable[[_Person, _Person], bool]) -> _Person | None:
    return next((p for p in people if p is not wrong and p.name and is_holder(wrong, p)), None)


def _ends_office_of(wrong: _Person, holder: _Person) -> bool:
    return len(wrong.name.split()) == 1 and any(
        wrong.name in position.split()
        and all(set(mine.split()) <= set(position.split()) for mine in wrong.positions)
        for position in holder.positions)


def _nickname_of(wrong: _Person, holder: _Person) -> bool:
    return any(nickname == wrong.name or not wrong.name and any(
        f" {nickname} " in f" {position} " for position in wrong.positions)
        for nickname in holder.nicknames)


def _merge_into(people: list[_Person], wrong: _Person, holder: _Person) -> None:
    """`wrong` is `holder`: paragraphs that point to `wrong` now show the holder."""
    holder.said += wrong.said
    wrong.name, wrong.positions = holder.name, holder.positions
    people.remove(wrong)


def _shortened_from(people: list[_Person], name: str) -> _Person | None:
    """The one person whose name a single word cuts short ("Romo Frans" after "Romo
    Fransiskus Xaverius Bria Seran", "Ustaz Fathur"), if only one name starts so."""
    if len(name.split()) != 1 or len(name) < _SHORTENED_CHARS:
        return None
    starting = [p for p in people if p.name and any(
        t.startswith(name) and len(t) > len(name) for t in p.name.split())]
    return starting[0] if len(starting) == 1 else None


def _same_person(a: str, b: str) -> bool:
    """One name is the other or a part of it ("Aldy" and "Aldy Altrian")."""
    ta = [t for t in a.split() if t not in {"I", "Ni"}]
    tb = [t for t in b.split() if t not in {"I", "Ni"}]
    if not ta or not tb:
        return False
    short, long = sorted((ta, tb), key=len)
    return all(t in long for t in short)


# --- finishing positions ------------------------------------------------------------------

# Offices of a district or village, and a university's posts, name their own place or none.
_OWN_PLACE = LOCAL_OFFICES | {"universitas", "fakultas", "institut", "politeknik", "uin", "iain",
                              "mahasiswa", "bem",  # a student body is its campus's
                              # and a congregation or school its own: "Ketua Majelis Klasis GMIT Soe"
                              "klasis", "paroki", "jemaat", "gereja", "masjid", "pesantren",
                              "pondok", "taklim",
                              "tokoh", "pemuka"}  # a community figure's community is theirs
# National offices carry no region; a regional one without a place gets the article's.
_NATIONAL = frozenset({"kementerian", "menteri", "negara", "nasional", "ri", "republik",
                       "pusat", "jenderal", "presiden", "kemendagri", "bkn", "kasn", "kpu ri",
                       "bawaslu ri", "mendagri", "panrb", "kemenpan", "polri", "tni",
                       # national research and watchdog bodies: "peneliti Perludem, Nadia"
                       "perludem", "icw", "brin", "kontras", "formappi"})


def _finish(officials: list[Official], place: Place | None) -> list[Official]:
    """Spell out abbreviations, give regional offices without a place the article's place,
    and drop duplicates (the first of a name wins)."""
    out: list[Official] = []
    for official in officials:
        if not official.name or any(_same_person(o.name, official.name) for o in out):
            continue
        out.append(Official(official.name, _finish_position(official.position, place)))
    return out


# A candidate's number on the ballot ends the office: "Calon bupati nomor urut 1".
_BALLOT_NUMBER = re.compile(r"\s+nomor urut \d+$", re.IGNORECASE)


def _finish_position(position: str, place: Place | None) -> str:
    """A described office ("Direktur lembaga survei ...") or a university's is no regional
    one, and a local one names its own place ("Kepala Desa Karangrejo", "Dandim
    1701/Jayapura"): no place. A candidate's gets it before the ballot number."""
    position = spell_out(position)
    ballot = _BALLOT_NUMBER.search(position)
    office = position[:ballot.start()] if ballot else position
    words = office.split()
    head = role_at(words, 0, capitalised=False) if words else 0
    described = any(w[:1].islower() and w not in {"dan", "serta"} for w in words[max(head, 1):])
    local = any(w.lower() in _OWN_PLACE or any(c.isdigit() for c in w) for w in words)
    if office and place and not has_place(office) and not _is_national(office) \
            and not described and not local:
        office = f"{office} {_level(place)}{place.name}"
    return office + (ballot.group() if ballot else "")


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
