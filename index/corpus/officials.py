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
   gets the article's main official. Quotations over several paragraphs, interviews and
   paragraphs that change speaker mid-way are `turns`.
3. The mentions of one person (short name, nickname, office alone) become one `Person`
   with every position given them (`people`); positions are finished with the article's
   place (`positions`).

Everything works on word lists with bounded look-ahead: the cost is linear in the text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from index.corpus.article import Official
from index.corpus.name_reading import (BRACKETED_WORDS, OPENERS, OPENING_WORDS, PRONOUNS, attributed_names,
                                       body_in_between, epithet_at, holder_before, name_after, name_before,
                                       office_in_brackets, quoted_words, second_office, split_words)
from index.corpus.name_words import HONORIFICS, ORG_WORDS, bare, could_be_name, has_place, is_degree, strip_honorifics
from index.corpus.people import (MAX_PEOPLE, Person, complete_short_names, in_headline, initialled,
                                 merge_misread_people, named_holder,
                                 register, register_office, same_person, take_initials, within)
from index.corpus.places import places_at, position_words, without_brackets
from index.corpus.positions import article_place, finish_officials, finish_position
from index.corpus.roles import (EPITHET_END, LINKS_BEFORE_VERB, LOWER_CASE_HEADS, SAY_BEFORE, after_former,
                                is_say_after, read_role, role_at, says_next, skip_verb)
from index.corpus.turns import (bare_quotes, guest, is_question, labelled_speaker, quotes_closed_later,
                                quotes_continued)

_ASKED = re.compile(r"(?:tanya|pertanyaan|t)\s*:", re.IGNORECASE)  # "Tanya: ...", an interview
_ACCOMPANYING = frozenset({"didampingi", "beserta"})
_JOINING = frozenset({"sekaligus", "merangkap"})
# Someone a feature introduces with their age: "Sri Handayani (47)".
_AGED = re.compile(r"\b([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3}) \(\d{1,2}\)")
# A paragraph opening on the person just reported on, named in apposition: "Guru yang
# bersangkutan, Veronika Lasmi, saat ditemui ... Ia mengaku ...": its subject.
_REFERRED = re.compile(r"(?:[\w-]+ ){1,4}(?:yang bersangkutan|tersebut|itu), ([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3}),")
# A paragraph opening on a name between titles and degrees: no one else is written so.
_TITLED_OPENING = re.compile(r"(?:(?:Dr|Drs|Dra|Ir|Prof|H|Hj|KH)\.? )+((?:[A-Z][\w'-]+ ){0,3}[A-Z][\w'-]+), "
                             r"[A-Z][A-Za-z]{0,3}\.[A-Za-z.]{0,8},")
_APPOSED_WORDS = 12  # "guru di SD Negeri 2 Karanglewas Lor,"
_PLACE_WORDS = 4  # "dari Kabupaten Pulang Pisau,"
_ATTENDED = frozenset({"dihadiri", "hadir"})
_LIST_SCAN_WORDS = 30  # a list names several offices in that many words
_ACTED_UPON = frozenset("berhalangan dilaporkan diperiksa dipanggil diduga dijatuhi diberhentikan dicopot disanksi "
                        "ditegur dinonaktifkan dimutasi terancam kedapatan tertangkap terekam terbukti".split())
# "Salah seorang guru di SMP Negeri 2 yang tidak mau disebutkan namanya": a source the
# article keeps unnamed, with what it says of them.
_ANONYMOUS = re.compile(r"(?:\S+ itu, |namun, |sementara itu, )?((?:salah )?seorang [^,.\"“”]{2,80}?),? yang "
                        r"(?:enggan|tak mau|tidak mau|tidak ingin|tak ingin|minta|meminta) "
                        r"(?:disebut|disebutkan|ditulis|dituliskan) (?:nama|identitas)nya", re.IGNORECASE)
_ANONYMOUS_WORDS = 25
# A paragraph that announces an interview or a column's answers ("pertanyaan pilihan dijawab
# oleh ..."): the answers that follow are the person's it names.
_INTERVIEW = re.compile(r"\b(?:petikan|kutipan|cuplikan|hasil|berikut)\s+wawancara|"
                        r"\bwawancara\s+(?:khusus|eksklusif)|\bberikut\s+petikan(?:nya)?\b|"
                        r"\bdijawab\s+(?:langsung\s+)?oleh\b", re.IGNORECASE)  # a consultation column
# A paragraph naming the source the one before quoted without a name.
_REVEALS = re.compile(r"(?:pejabat|sosok|narasumber|pria|perempuan|wanita)\s+(?:itu|tersebut)\s+"
                      r"(?:adalah|ialah|yakni|yaitu)\b", re.IGNORECASE)
_NICKNAME_CUES = frozenset({("akrab", "disapa"), ("biasa", "disapa"), ("sapaan", "akrabnya"),
                            ("sapaan", "akrab"), ("panggilan", "akrabnya"), ("panggilan", "akrab")})
# At most this many words describe the person spoken of: "Dosen yang juga putra Tapanuli itu".
_DESCRIPTION_WORDS = 10


@dataclass(frozen=True)
class Speakers:
    """The article's main official, everyone else it names with a position, the speaker of
    each paragraph, and whether the paragraph names its speaker (else it falls back to the
    main official)."""

    main: Official
    officials: list[Official]
    by_paragraph: list[Official]
    attributed: list[bool]


def detect_speakers(title: str, paragraphs: list[str], main: Official | None = None,
                    outlet: str = "") -> Speakers:
    """`main` (a hand-checked header) replaces the detected main official when given; the
    `outlet` tells a body's own site."""
    found = _speakers(title, paragraphs, main, outlet)
    if found.main.name or ":" not in title:
        return found
    # A headline that quotes ("Pj Bupati Garut Barnas Adjidin: ASN Jangan ...") names the
    # speaker whom the body calls only "dia".
    headline = _speakers(title, [title.split(":", 1)[0] + " mengatakan", *paragraphs], main, outlet)
    if not (headline.main.name or headline.main.position and not found.main.position):
        return found
    return Speakers(headline.main, headline.officials, headline.by_paragraph[1:], headline.attributed[1:])


def _speakers(title: str, paragraphs: list[str], main: Official | None, outlet: str) -> Speakers:
    paragraphs = [_without_capitals(p) for p in paragraphs]
    people: list[Person] = []
    turns = quotes_closed_later(paragraphs, _turns(paragraphs, people))
    turns = bare_quotes(paragraphs, quotes_continued(paragraphs, turns))
    merge_misread_people(people)
    for person, words, end in complete_short_names(people, paragraphs):
        while end < len(words) and is_degree(words[end]):  # "Tri Wahyuni, S.Pd., guru di ..."
            end += 1
        if not person.positions and (office := _apposed_office(words, end, Counter())):
            person.add_position(office)
    detected = _main_person(people, title)
    place = article_place(paragraphs)
    chosen = main if main and main.name else (detected.official() if detected else Official())
    officials = finish_officials([chosen] + [p.official() for p in people], place, outlet)
    if chosen.name or not chosen.position:
        chosen = officials[0] if officials else chosen
    else:  # only an office without a name speaks
        chosen = Official("", finish_position(chosen.position, place, outlet))

    def as_official(person: Person | None) -> Official:
        """The speaker's official, the article's when the paragraph has none."""
        if person is None:
            return chosen
        if not person.name:
            return Official("", finish_position(person.official().position, place, outlet))
        if same_person(person.name, chosen.name):
            return chosen
        return next((o for o in officials if o.name == person.official().name), chosen)

    return Speakers(chosen, officials, [as_official(person) for person in turns],
                    [person is not None for person in turns])


def _without_capitals(paragraph: str) -> str:
    """A lead that sets its subject in capitals ("SEKDA KOTA BIMA, H. MUH. YUNUS AHMAD,
    S.H., mengingatkan ...") in ordinary case, as names and offices are read: each run of
    two or more words in capitals, but acronyms ("ASN", "BKPSDM", "DPR RI") and
    abbreviations with dots ("S.H.") as they are."""
    words = paragraph.split(" ")
    shouted = [_is_shouted(w) for w in words]
    for k, word in enumerate(words):
        in_run = shouted[k] and (k > 0 and shouted[k - 1] or k + 1 < len(words) and shouted[k + 1])
        if in_run and (bare(word).lower() not in ORG_WORDS or role_at([bare(word)], 0)):  # "KAPOLRES" too
            words[k] = word[:1] + word[1:].lower()
    return " ".join(words)


def _is_shouted(word: str) -> bool:
    """A word in capitals that an acronym or a Roman numeral ("DPR RI", "Komisi II") is not:
    four letters or more, or an abbreviated name ("MUH.", "ABD.")."""
    letters = [c for c in word if c.isalpha()]
    long_enough = len(letters) > 3 or len(letters) == 3 and word.rstrip(",").endswith(".")
    return long_enough and all(c.isupper() for c in letters) and "." not in word.rstrip(".,")


def _turns(paragraphs: list[str], people: list[Person]) -> list[Person | None]:
    """Each paragraph's speaker (None: attributed to no one), registering in `people`
    everyone the paragraphs name."""
    words = [split_words(p) for p in paragraphs]
    names = attributed_names(words)
    turns: list[Person | None] = []
    current: Person | None = None
    interviewee: Person | None = None  # after "Berikut petikan wawancaranya": who answers
    for index, paragraph in enumerate(words):
        if (listed := guest(paragraphs[index])) is not None:
            # It says who speaks below, and says nothing itself: the quotations after a
            # video transcript's "Narasumber: Name (Office)" are that guest's answers.
            interviewee = register(people, *listed, index)
            turns.append(None)
            continue
        if titled := _TITLED_OPENING.match(paragraphs[index]):  # "Dr. H. Name, S.H., M.H., mengenal ..."
            register(people, titled[1], "", index)
        for aged in _AGED.finditer(paragraphs[index]):  # "Sri Handayani (47) sudah berdiri ..."
            name = strip_honorifics(aged[1].split())  # "Tgk Muhammad Nasir (54)"
            if name and all(could_be_name(w) for w in name):
                register(people, " ".join(name), "", index)
        if _ASKED.match(paragraphs[index]) or interviewee and is_question(paragraphs[index]):
            turns.append(None)  # an interviewer's question: the answer's speaker is not in it
            continue
        # Before anyone speaks, "beliau" is the last person named: "..., Ir. H. Rusmadi
        # Hasan, bertindak selaku Pembina Apel" then "Dalam arahannya, beliau menyampaikan".
        spoken_of = current or next((p for p in reversed(people) if p.name), None)
        if (referred := _REFERRED.match(paragraphs[index])) and all(map(could_be_name, referred[1].split())):
            spoken_of = register(people, referred[1], "", index)
        speaker = labelled_speaker(paragraphs[index], people) or _paragraph_speaker(
            paragraph, quoted_words(paragraphs[index]), index, names, people, spoken_of)
        if speaker is not None and turns and turns[-1] is None and _REVEALS.match(paragraphs[index]):
            turns[-1] = speaker  # "“...,” kata seorang pejabat." then "Pejabat itu adalah ..., Name."
        if _INTERVIEW.search(paragraphs[index]):
            # who speaks in the announcement, else whom it names ("Riau Pos berbincang dengan
            # Kepala Kantor Regional XII BKN, Name, ... Berikut petikannya."), else whom the
            # paragraphs before are about ("Barito Post menemuinya ...")
            interviewee = speaker or next((p for p in reversed(people) if p.name and p.first == index),
                                          spoken_of)
        elif speaker is None and interviewee is not None:
            speaker = interviewee  # an answer: no name, no verb of saying
            speaker.said += 1
        turns.append(speaker)
        current = speaker or current
    return turns


def _main_person(people: list[Person], title: str) -> Person | None:
    """Whom the article is about: the one the headline names, even if another speaker is
    quoted more ("Plh Wali Kota Parepare Larang ASN ..." with the DPRD chair agreeing),
    else who speaks most; an office without a name when only it speaks."""
    headline = position_words(title)
    named = [p for p in people if p.name]
    ranked = sorted((p for p in named if p.said),
                    key=lambda p: (*in_headline(p, headline), -p.said, p.first))
    return ranked[0] if ranked else next((p for p in named if p.positions), None) \
        or next((p for p in people if p.said), None)


def detect_main_official(title: str, paragraphs: list[str], outlet: str = "") -> Official:
    return detect_speakers(title, paragraphs, outlet=outlet).main


def detect_officials(title: str, paragraphs: list[str]) -> list[Official]:
    return detect_speakers(title, paragraphs).officials


def speaker_names(text: str) -> Counter[str]:
    """Short names seen in attribution position ("kata Hera", "Ani Sofian menekankan")."""
    return Counter(attributed_names([split_words(text)]))


def _paragraph_speaker(words: list[str], quoted: list[bool], index: int, names: Counter[str],
                       people: list[Person], current: Person | None) -> Person | None:
    """Register the people this paragraph names; return the one it quotes, if any. An
    office that speaks inside a quotation ("“Setiap Kepala Perangkat Daerah wajib
    menyampaikan laporan,” jelas Sekda.") is spoken of, not the speaker."""
    spoken: list[Person | None] = []  # None: a pronoun
    antecedents: list[Person | None] = []  # for each pronoun, a later sentence's subject
    named: list[Person] = []
    opener: Person | None = None  # named as the paragraph opens: its pronouns are theirs
    # Named as a later sentence opens, before anyone speaks: "... rekomendasi. Asisten ...,
    # Name, dalam rapat ..., meminta ... “...,” ujarnya."
    sentence_subject: Person | None = None

    def speak(person: Person | None) -> None:
        if not quoted[i]:
            spoken.append(person)
            antecedents.append(None if any(spoken) else sentence_subject)

    i, named_end = 0, -1
    channel: Person | None = None  # "melalui Kabag Prokopim, Maria, ...": who an office speaks through
    apposed: tuple[int, str] | None = None  # an office without a name, set off by a comma: where it ends
    while i < len(words):
        lower = bare(words[i]).lower()
        # After a verb of saying, a lower-case office is the speaker's: "kata anggota KPU RI, ..."
        after_verb = i > 0 and says_next(words, i - 1)
        role = role_at(words, i, capitalised=not after_verb)
        if role:
            end, position, name, epithet, said = read_role(words, i, role, names)
            if not has_place(position) and (place := _place_set_before(words, i)):
                position = f"{position} {place}"  # "Sementara dari Lombok Tengah, Pj Bupati menegaskan"
            # "(disampaikan) Sekda Lamteng sekaligus Ketua Tim Netralitas ASN, Name,"
            if not name and (joined := _joined_office(words, end, position, names)):
                end, position, name, joined_said = joined
                said = said or joined_said
            elif not (name or said):
                end, position, said = second_office(words, end, position, names)
            # An office right after someone read with theirs is another's: "melalui Kepala
            # Bagian Prokopim, Maria Goreti Seran, Pj Wali Kota Kupang menyampaikan"
            besides = False
            if not name and i != named_end and (name := holder_before(words, i, said, names)):
                if after_former(words, i):
                    position = f"mantan {position}"
                elif words[i].islower():  # "Rifqi, pengamat kebijakan publik dari Untirta": to the clause's end
                    position = _apposed_office(words, i, names) or position
                besides = _held_besides(words, i)
            if not (name or after_verb or words[i][:1].isupper()):
                role = 0  # "seorang pengamat menilai" is no one's; "peneliti ..., Arief Nugroho," is
            # "Anggota Bawaslu Kabupaten Garut, Koordinator Divisi ..., Name,": the second office
            # in apposition is held in the first one's body
            if name and apposed is not None and apposed[0] == i:
                position = within(position, [apposed[1]])
            apposed = (end, position) if not (name or said) and words[end - 1].endswith(",") else None
        if role:
            if name:
                if named and i > 0 and bare(words[i - 1]).lower() == "melalui":
                    position = within(position, named[-1].positions)
                person = register(people, name, "" if besides else position, index)
                if besides:  # "Firdaus, yang juga menjabat Ketua Korpri ...": not what he speaks as
                    person.add_position(position, besides=True)
                take_initials(words[i:end + 1], person)
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
                acts = not _acted_upon(words, end) and not _attending(words, i)
                if not named and i <= OPENING_WORDS and acts:
                    opener = person  # "Ketua PGRI ..., Nurhayati, mendukung ... Namun ia meminta"
                elif acts and words[i - 1].endswith("."):
                    sentence_subject = person
                named.append(person)
            elif epithet and current and position and not after_former(words, i) and not quoted[i]:
                # "Pj Bupati itu menegaskan": whoever holds the office, else the one speaking
                holder = named_holder(people, position)
                if holder is None:  # "ujar pria yang juga Guru Besar ... itu": held besides
                    current.add_position(position, besides=_held_besides(words, i))
                if said:
                    if after_verb and spoken and spoken[-1] is None:
                        spoken.pop()  # "“...,” tutup Ketua Bawaslu Lebak itu": the verb's, no pronoun
                    speak(holder or current)
            elif said and position and not epithet and not after_former(words, i):
                verb = skip_verb(words, end)
                if current and (_refers_back(words, verb - 1) or after_verb and epithet_at(words, i)):
                    speak(current)  # "Dosen yang juga putra Tapanuli itu menyarankan", "ujar guru besar ... itu"
                elif channel and i == named_end:
                    # The office unnamed, who it speaks through says it, by name; a named
                    # one ("Melalui Kabag Humas, Pj Bupati Bambang menyampaikan") speaks itself.
                    speak(channel)
                elif (initials := initialled(people, words, end - 1)) is not None:
                    speak(initials)  # "Pj Bupati HS menegaskan", Hendri Syahputra named before
                else:  # "Kepala BKPSDM Sleman mengatakan ...": an office speaks without a name
                    speak(register_office(people, position, index))
                end = verb
            i = max(end, i + 1)
            continue
        if named or current:  # "..., yang akrab disapa Rahma"
            _take_nickname(words, i, names, named[-1] if named else current)
        if is_say_after(lower) and lower.endswith("nya"):
            speak(None)  # "tegasnya", "menurutnya"
        elif says_next(words, i) and not words[i].endswith((".", ":")):
            target = name_after(words, i + 1, names)
            after = i + 1 + len(target.split()) if target else i + 1
            while target and after - len(target.split()) < len(words) and \
                    bare(words[after - len(target.split())]).lower() in HONORIFICS:
                after += 1  # "Menurut Bu Ros, ...": past the honorific name_after skipped
            if target == "PRONOUN" or not target and epithet_at(words, i + 1):
                speak(None)  # "kata dia", "ujar pria yang memimpin Bawaslu Sulsel ... itu"
            elif target and _nickname_follows(words, after) and (holder := _nicknamed(people, target) or current):
                holder.add_nickname(target)  # "Menurut Rahma, sapaan akrabnya, ..."
                speak(holder)
            elif target:
                speak(register(people, target, _apposed_office(words, after, names), index))
            elif (by_initials := initialled(people, words, i + 1)) is not None:
                speak(by_initials)  # "kata ZA"
        elif lower in SAY_BEFORE:
            start, office = office_in_brackets(words, i)
            subject = name_before(words, start, names)
            if not (subject or office):  # "I Ketut Suardana dari Bawaslu Banggai mengatakan"
                at, office = body_in_between(words, i)
                subject = name_before(words, at, names) if office else None
            if subject:
                speak(register(people, subject, office, index))
            elif (by_initials := initialled(people, words, _subject_at(words, start))) is not None:
                speak(by_initials)  # "ZA kemudian memaparkan"
            elif (known := _known_at(people, words, _subject_at(words, start))) is not None:
                speak(known)  # "Tatang kembali menegaskan": a word no reading takes for a name alone
            elif _refers_back(words, i):
                speak(None)
        i += 1
    opener = opener or _named_at_opening(words, people, names, index) or _anonymous_at_opening(words, people)
    resolved = [p if p is not None else later or opener or current for p, later in zip(spoken, antecedents)]
    speaker = next((p for p in resolved if p is not None), None)
    if speaker:
        speaker.said += 1
    # No verb of saying, but the paragraph opens with who acts in it: "Pjs. Bupati Banyumas,
    # Hari Setiawan Nugraha, ... memastikan seluruh perangkat daerah bekerja ..."
    return speaker or opener


def _place_set_before(words: list[str], i: int) -> str:
    """The place an office without one is from, set before it: "Sementara dari Lombok Tengah,
    Pj Bupati ..."; else ""."""
    if i < 2 or not words[i - 1].endswith(","):
        return ""
    start = next((k + 1 for k in range(i - 2, max(i - _PLACE_WORDS - 2, -1), -1)
                  if bare(words[k]).lower() == "dari"), None)
    if start is None:
        return ""
    tokens = [bare(w) for w in words[start:i]]
    level = int(bool(tokens) and tokens[0].lower() in {"kabupaten", "kota", "provinsi"})
    size, _ = places_at(tokens, level)
    return " ".join(tokens) if size and level + size == len(tokens) else ""


def _apposed_office(words: list[str], k: int, names: Counter[str]) -> str:
    """The office set off after a name the verb of saying gave ("kata Sri, guru SD Negeri 2
    Kuwu yang ..."), or ""."""
    if not 0 < k < len(words) or not words[k - 1].endswith(","):
        return ""
    # "guru" heads no office in running text ("para guru"), but does set off after a name
    role = role_at(words, k, capitalised=False) or int(bare(words[k]).lower() in LOWER_CASE_HEADS)
    if not role:
        return ""
    if bare(words[k]).lower() in LOWER_CASE_HEADS:
        # A teacher's or analyst's post, after their own name, runs to the clause's end:
        # "guru di SD Negeri 2 Karanglewas Lor,", "analis kebijakan di Pemerintah Kabupaten Karo,"
        end = next((j for j in range(k + 1, min(k + _APPOSED_WORDS, len(words) + 1))  # to the paragraph's end
                    if words[j - 1].endswith((",", ".", ";")) or j < len(words) and bare(words[j]).lower() == "yang"),
                   None)
        office = without_brackets(" ".join(words[k:end]).rstrip(",.;")) if end else ""
        return office[:1].upper() + office[1:]
    _, position, name, _, _ = read_role(words, k, role, names)
    return "" if name else position


def _held_besides(words: list[str], i: int) -> bool:
    """The office at `words[i]` is one its holder also holds: "yang juga (menjabat)"."""
    return any(bare(w).lower() == "juga" for w in words[max(i - 3, 0):i])


def _attending(words: list[str], i: int) -> bool:
    """Whether the office at `words[i]` opens a list of who attended ("Kegiatan dihadiri oleh
    Kepala Subbagian ...; Kepala Seksi ...", "Turut hadir ..."): none of them speaks in it.
    One guest named alone ("Apel juga dihadiri tokoh agama ..., Habib Ahmad.") may act in it."""
    if not any(bare(w).lower() in _ATTENDED for w in words[max(0, i - 3):i]):
        return False
    return sum(w.endswith((",", ";")) for w in words[i:i + _LIST_SCAN_WORDS]) > 2


def _acted_upon(words: list[str], end: int) -> bool:
    """Whether the person named before `words[end]` is what the sentence is about, not who
    acts in it: "Kepala Dinas PUPR ..., Hotman Lumbantobing, dilaporkan ke Bawaslu"."""
    return end < len(words) and bare(words[end]).lower() in _ACTED_UPON


def _joined_office(words: list[str], end: int, position: str,
                   names: Counter[str]) -> tuple[int, str, str | None, bool] | None:
    """A second office joined to the first ("Anggota Bawaslu Lumajang sekaligus Koordinator
    Divisi Pencegahan, Arif Budi Santoso, mengajak") is held in the first one's body."""
    joined = end < len(words) and bare(words[end]).lower() in _JOINING
    second = role_at(words, end + 1) if joined else 0
    if not second:
        return None
    after, more, name, _, said = read_role(words, end + 1, second, names)
    return (after, within(more, [position]), name, said) if name or said else None


def _named_at_opening(words: list[str], people: list[Person], names: Counter[str],
                      index: int) -> Person | None:
    """Who opens the paragraph as its subject, so its pronouns are theirs: someone already
    named ("Datuak Rajo Mangkuto sepakat ... “...,” ujarnya."), or a name with its office in
    brackets ("Cecep Hidayat (Camat Tarogong Kidul) menyambut baik ... Ia mengaku ...")."""
    for start in range(min(OPENING_WORDS, len(words))):
        previous = bare(words[start - 1]).lower() if start else ""
        if start and not (words[start - 1].endswith(",") or previous in OPENERS or previous in HONORIFICS):
            continue  # "Pak Slamet menutup amanatnya ...": after the honorific
        run: list[str] = []
        for word in words[start:start + 4]:
            if not could_be_name(bare(word)):
                break
            run.append(bare(word))
            if word.endswith((",", ".")):
                break
        for size in range(len(run), 0, -1):
            person = next((p for p in people if p.name and same_person(p.name, " ".join(run[:size]))), None)
            if person:
                return person
        if run and start + len(run) < len(words) and words[start + len(run)].startswith("("):
            return _bracketed_holder(words, start + len(run), people, names, index)
    return None


def _bracketed_holder(words: list[str], bracket: int, people: list[Person], names: Counter[str],
                      index: int) -> Person | None:
    """The person named before an office in brackets at `words[bracket]`, registered."""
    close = next((k for k in range(bracket, min(bracket + BRACKETED_WORDS, len(words)))
                  if words[k].endswith(")")), None)
    if close is None:
        return None
    bracket, office = office_in_brackets(words, close + 1)
    name = name_before(words, bracket, names) if office else None
    return register(people, name, office, index) if name else None


def _anonymous_at_opening(words: list[str], people: list[Person]) -> Person | None:
    """An unnamed source opening the paragraph ("Seorang ASN di Dinas Pendidikan Garut yang
    enggan disebut namanya mengaku ..."): its "katanya" is theirs, not the last official's."""
    found = _ANONYMOUS.match(" ".join(words[:_ANONYMOUS_WORDS]))
    if not found or len(people) >= MAX_PEOPLE:  # as register: hostile text stays linear
        return None
    person = Person("", [found.group(1)[:1].upper() + found.group(1)[1:]], 0, 0)
    people.append(person)
    return person


def _take_nickname(words: list[str], k: int, names: Counter[str], person: Person) -> None:
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


def _subject_at(words: list[str], verb: int) -> int:
    """Where the subject of the verb at `words[verb]` stands: "ZA kemudian memaparkan"."""
    k = verb - 1
    while k > 0 and bare(words[k]).lower() in LINKS_BEFORE_VERB:
        k -= 1
    return k


def _known_at(people: list[Person], words: list[str], k: int) -> Person | None:
    """The person already named whose name `words[k]` is part of."""
    word = bare(words[k]) if 0 <= k < len(words) else ""
    before = words[k - 1] if k > 0 else ""
    if not word[:1].isupper() or before[:1].isupper() and not before.endswith(",") \
            and bare(before).lower() not in HONORIFICS:
        return None  # not within a longer capitalised run: "Pemkab Tatang" is no one; "Cak Nur" is
    return next((p for p in people if p.name and (word in p.name.split() or word in p.nicknames)), None)


def _nicknamed(people: list[Person], nickname: str) -> Person | None:
    """The person whose name a nickname is part of ("Daeng Sila": Muhammad Ramli Daeng Sila) or
    cut from ("Rahma": Rahmawati Sulistyorini)."""
    named = [p for p in people if p.name and same_person(p.name, nickname)]
    if len(named) == 1:
        return named[0]
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
