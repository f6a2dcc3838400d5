"""Who said it: the officials an Indonesian news article quotes, and the speaker of each
paragraph.

News names an official once in full with the position ("Ketua Bawaslu Bontang Aldy
Altrian", "Pj Bupati Gumas Herson B Aden") and then attributes statements by a short name
("kata Aldy"), a pronoun ("ujarnya", "kata dia"), an epithet ("Kepala Inspektorat
Provinsi Bali itu menjelaskan") or the office alone ("Kepala BKPSDM Sleman mengatakan"). So:

1. Role mentions are read word by word (`roles`), names are told from ordinary words,
   places and offices (`name_words`), and read off the words around a verb of saying or
   an office (`name_reading`).
2. Each paragraph's speaker is the person a statement in it is attributed to
   (`paragraph_speaker`); a pronoun keeps the speaker of the paragraphs before, and a
   paragraph with no attribution at all gets the article's main official. Quotations
   over several paragraphs, interviews and paragraphs that change speaker mid-way are
   `turns`.
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
from index.corpus.name_reading import attributed_names, quoted_words, split_words
from index.corpus.name_words import ORG_WORDS, bare, could_be_name, is_degree, strip_honorifics
from index.corpus.paragraph_speaker import apposed_office, paragraph_speaker
from index.corpus.people import (Person, complete_short_names, in_headline, merge_misread_people, named_later,
                                 register, same_person)
from index.corpus.places import position_words
from index.corpus.positions import article_place, finish_officials, finish_position, house_committees, in_house
from index.corpus.roles import role_at
from index.corpus.turns import (TIME_CODE, bare_quotes, guest, is_question, labelled_speaker, quotes_closed_later,
                                quotes_continued)

_ASKED = re.compile(r"(?:tanya|pertanyaan|t)\s*:", re.IGNORECASE)  # "Tanya: ...", an interview
# Someone a feature introduces with their age: "Sri Handayani (47)".
_AGED = re.compile(r"\b([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3}) \(\d{1,2}\)")
# A paragraph opening on the person just reported on, named in apposition: "Guru yang
# bersangkutan, Veronika Lasmi, saat ditemui ... Ia mengaku ...": its subject.
_REFERRED = re.compile(r"(?:[\w-]+ ){1,4}(?:yang bersangkutan|tersebut|itu), ([A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3}),")
# A paragraph naming whom the story is about: "Camat yang dimaksud adalah Markus Lanjak.",
# "Lurah yang diperiksa ialah A. Tenriola, Lurah Bukaka."
_IDENTIFIED = re.compile(r"(?:[\w-]+ ){1,3}yang (?:dimaksud|diperiksa|dilaporkan|disebut|terlibat) "
                         r"(?:adalah|ialah|yakni|yaitu) (?:[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,4}, )?"
                         r"([A-Z][\w.'-]*(?: [A-Z][\w'-]+){0,3})")  # "adalah Panewu Semanu, Wahyu Priyambodo."
# A paragraph opening on a name between titles and degrees: no one else is written so.
_TITLED_OPENING = re.compile(r"(?:(?:Dr|Drs|Dra|Ir|Prof|H|Hj|KH)\.? )+((?:[A-Z][\w'-]+ ){0,3}[A-Z][\w'-]+), "
                             r"[A-Z][A-Za-z]{0,3}\.[A-Za-z.]{0,8},")
# A paragraph that announces an interview or a column's answers ("pertanyaan pilihan dijawab
# oleh ..."): the answers that follow are the person's it names.
_INTERVIEW = re.compile(r"\b(?:petikan|kutipan|cuplikan|hasil|berikut)\s+wawancara|"
                        r"\bwawancara\s+(?:khusus|eksklusif)|\bberikut\s+petikan(?:nya)?\b|"
                        r"\bdijawab\s+(?:langsung\s+)?oleh\b", re.IGNORECASE)  # a consultation column
# A paragraph naming the source the one before quoted without a name: "Pejabat itu adalah
# ...", "Penegasan itu disampaikan oleh Pj Bupati Bireuen, ...".
_REVEALS = re.compile(r"(?:pejabat|sosok|narasumber|pria|perempuan|wanita)\s+(?:itu|tersebut)\s+"
                      r"(?:adalah|ialah|yakni|yaitu)\b"
                      r"|(?:penegasan|pernyataan|ucapan|pesan)\s+(?:itu|tersebut|ini)\s+"
                      r"(?:disampaikan|diungkapkan|ditegaskan|dilontarkan)\b", re.IGNORECASE)


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
    turns = [person and named_later(person, people) for person in turns]
    if committees := house_committees([title, *paragraphs]):
        for person in people:
            person.positions = [in_house(position, committees) for position in person.positions]
    for person, words, end in complete_short_names(people, paragraphs):
        while end < len(words) and is_degree(words[end]):  # "Tri Wahyuni, S.Pd., guru di ..."
            end += 1
        if not person.positions and (office := apposed_office(words, end, Counter())):
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


# Titles of two words, joined to be read as one honorific: "Tuan Guru H. Ahmad Zainuddin",
# "Raden Ayu Sekar Pramesthi" (whose "Ayu" alone would be a given name).
_TWO_WORD_TITLES = re.compile(r"(?<=\bTuan) (?=Guru\b)|(?<=\bRaden) (?=(?:Ayu|Ajeng)\b)")
# A transcript's time code that extraction glued to the label after it: "00:19ANDI SYAMSUL ...".
_GLUED_TIME_CODE = re.compile(r"^(" + TIME_CODE + r")(?=[^\W\d])")


def _without_capitals(paragraph: str) -> str:
    """A lead that sets its subject in capitals ("SEKDA KOTA BIMA, H. MUH. YUNUS AHMAD,
    S.H., mengingatkan ...") in ordinary case, as names and offices are read: each run of
    two or more words in capitals, but acronyms ("ASN", "BKPSDM", "DPR RI") and
    abbreviations with dots ("S.H.") as they are."""
    paragraph = _TWO_WORD_TITLES.sub("-", paragraph)
    words = _GLUED_TIME_CODE.sub(r"\1 ", paragraph).split(" ")
    shouted = [_is_shouted(w) for w in words]
    for k, word in enumerate(words):
        in_run = shouted[k] and (k > 0 and shouted[k - 1] or k + 1 < len(words) and shouted[k + 1])
        if in_run and (bare(word).lower() not in ORG_WORDS or role_at([bare(word)], 0)):  # "KAPOLRES" too
            words[k] = word[:1] + word[1:].lower()
    return " ".join(words)


def _is_shouted(word: str) -> bool:
    """A word in capitals that an acronym or a Roman numeral ("DPR RI", "Komisi II") is not:
    four letters or more with two vowels ("BPMW GMIM" are acronyms), or an abbreviated name
    ("MUH.", "ABD.")."""
    letters = [c for c in word if c.isalpha()]
    long_enough = len(letters) > 3 and sum(c in "AEIOU" for c in letters) > 1 \
        or len(letters) == 3 and word.rstrip(",").endswith(".")
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
        if (referred := _REFERRED.match(paragraphs[index]) or _IDENTIFIED.match(paragraphs[index])) and \
                all(could_be_name(bare(w)) for w in referred[1].split()):
            named = len(split_words(paragraphs[index][:referred.end(1)]))
            spoken_of = register(people, referred[1], apposed_office(paragraph, named, names), index)
        speaker = labelled_speaker(paragraphs[index], people, index) or paragraph_speaker(
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
    # "Camat Soreang Diduga Hadiri Kampanye, Fadli: Bawaslu ...": whom the headline quotes
    quoted = {w.lower() for w in title.split(":", 1)[0].split(",")[-1].split()} if ":" in title else set()
    loudest = max((p.said for p in named), default=0)
    ranked = sorted((p for p in named if p.said),
                    key=lambda p: (not {w.lower() for w in p.name.split()} & quoted,
                                   *in_headline(p, headline, title, p.said == loudest), -p.said, p.first))
    return ranked[0] if ranked else next((p for p in named if p.positions), None) \
        or next((p for p in people if p.said), None)


def detect_main_official(title: str, paragraphs: list[str], outlet: str = "") -> Official:
    return detect_speakers(title, paragraphs, outlet=outlet).main


def detect_officials(title: str, paragraphs: list[str]) -> list[Official]:
    return detect_speakers(title, paragraphs).officials


def speaker_names(text: str) -> Counter[str]:
    """Short names seen in attribution position ("kata Hera", "Ani Sofian menekankan")."""
    return Counter(attributed_names([split_words(text)]))
