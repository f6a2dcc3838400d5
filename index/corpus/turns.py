"""Who holds the floor across paragraphs and inside one.

A quotation may run over paragraphs and be attributed only where it closes, stand alone
between attributed paragraphs, or continue a speaker's announcement ("Ia lalu merinci:");
an interview alternates questions and answers; a transcript lists its guests and labels
each turn with the speaker's name; and a paragraph may hand over to a new speaker mid-way,
where it is cut so that each part has its own speaker.
"""

from __future__ import annotations

import re
from collections import Counter

from index.corpus.name_reading import (QUOTE_MARK, holder_before, name_after, name_before, quoted_words,
                                       relative_clause_start, second_office, split_words)
from index.corpus.name_words import HONORIFICS, bare, could_be_name, is_degree, is_initial
from index.corpus.opinion import byline_name
from index.corpus.people import Person, register, same_person
from index.corpus.places import without_brackets
from index.corpus.roles import read_role, role_at
from index.corpus.saying import SAY_BEFORE, says_next

# A paragraph that is a quotation and nothing else, and one that opens by pointing back at it.
# Some newsrooms (Jawa Pos's Radar) open a quotation with ” as well as close it.
_BARE_QUOTE = re.compile(r"^[\"“”][^\"“”]{20,}[\"”]?$")  # or left open by a hurried writer
_LOOKS_BACK = re.compile(r"(?:demikian|begitu|hal (?:itu|tersebut|ini)|pernyataan (?:itu|tersebut|ini))\b"
                         r".{0,40}?\b(?:disampaikan|dikatakan|diungkapkan|ditegaskan|dijelaskan|diutarakan|"
                         r"dipaparkan|kata|ujar)\b", re.IGNORECASE)
# Sentence ends inside a paragraph, and a last word that ends no sentence ("Ny.", "H.", "R.").
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")
_ABBREVIATED = HONORIFICS | {"drh"}  # "Ny.", "dr. H. Hairul", "drh. Name"
_MAX_SENTENCES = 60
_SENTENCE_WORDS = 40
# A video transcript's time code: "00:19", "[01:14]", "1:02:05".
TIME_CODE = r"\[?\d{1,2}:\d{2}(?::\d{2})?\]?"
# A transcript's line: the speaker's name (a note in brackets after it) and a colon.
# A time code may open it: "00:19 ANDI SYAMSUL BAHRI, PJ GUBERNUR SULSEL: ...", glued or not.
_TRANSCRIPT_LABEL = re.compile(r"(?:" + TIME_CODE + r"\s*)?"
                               r"([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,4})(?: \(([^()]{1,60})\)|, ([^:,]{3,80}))?:\s")
# A transcript's list of guests: "Narasumber (via telepon): Name, Office".
# "Narasumber: Name, Office", or a video transcript's time-coded label "[01:14] Name, Office:".
GUEST_LINE = re.compile(r"(?:(?:narasumber|pembicara)\b[^:]{0,30}:\s*([^:]{3,200})"
                        r"|\[\d{1,2}:\d{2}(?::\d{2})?\]\s*([^:\[\]]{3,200}):)$", re.IGNORECASE)
_BRACKETED_OFFICE = re.compile(r"\(([^()]{3,150})\)\s*$")
_INTRODUCTION_WORDS = 8  # "Sementara itu, Ny. Yuliana Rumbiak, Ketua DWP ...": where the office may start
# Mid-sentence, a contrasting clause may hand over to another speaker: "Kepala BKPSDM itu
# menjelaskan ..., sementara Pj Sekda menegaskan bahwa ...". The comma stays with the first part.
_CONTRAST = re.compile(r"(?<=,)\s+(?=(?:sementara|sedangkan)\s)")


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
            for k, piece in enumerate(_CONTRAST.split(sentence)):
                starts = _contrast_speaks(piece) if k else _brings_in_speaker(piece, " ".join(current))
                if current and _has_spoken(current) and starts:
                    parts.append(" ".join(current))
                    current = []
                current.append(piece)
        parts.append(" ".join(current))
    return parts


def _contrast_speaks(clause: str) -> bool:
    """Whether a clause after "sementara" or "sedangkan" opens with a subject of its own, an
    office or a name, that speaks: "..., sementara Pj Sekda menegaskan bahwa ...". """
    words = split_words(clause)[:_SENTENCE_WORDS]
    verb = next((k for k in range(2, min(_INTRODUCTION_WORDS, len(words)))
                 if bare(words[k]).lower() in SAY_BEFORE), None)
    return verb is not None and bool(role_at(words, 1) or name_before(words, verb, Counter()))


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
        if sentences and _ends_abbreviated(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _ends_abbreviated(text: str) -> bool:
    """Whether the text ends in a title or initial ("Ny.", "dr. H. Hairul", "Moh."), not in a
    short name that ends a sentence ("... kata Rika. Adapun ...")."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    return last.endswith(".") and (is_initial(last) or last[:-1].lower() in _ABBREVIATED)


def _responding(words: list[str]) -> int:
    """Past a sentence's opening "Menanggapi hal itu," or "Menjawab pertanyaan tersebut,": a
    response's framing, whose verb is not the speaker's own; 0 if there is none."""
    if not words or bare(words[0]).lower() not in _RESPONDS:
        return 0
    return next((k + 1 for k in range(min(_RESPONSE_WORDS, len(words))) if words[k].endswith(",")), 0)


_RESPONDS = frozenset({"menanggapi", "menjawab", "merespons", "merespon", "menyikapi"})
_RESPONSE_WORDS = 4  # "Menanggapi laporan warga tersebut,"


def _brings_in_speaker(sentence: str, before: str) -> bool:
    """Whether the sentence opens with an office whose holder is named and speaks in it
    ("Ketua Bawaslu X, Name, menyebut", "Name, Office, mengatakan", "Ny. Name, Office,
    menimpali"), or with a name the sentences `before` do not use, that speaks
    ("Syarifuddin lalu menambahkan")."""
    words = split_words(sentence)[:_SENTENCE_WORDS]
    if (named := _named_after_quote(sentence)) and not any(part in before for part in named.split()):
        return True
    verb = next((k for k in range(min(_INTRODUCTION_WORDS, len(words))) if bare(words[k]).lower() in SAY_BEFORE), None)
    name = name_before(words, verb, Counter()) if verb else None
    if name and not any(part in before for part in name.split()) and verb - len(name.split()) <= 2:
        return True
    clause = relative_clause_start(words, verb) if verb else None  # "Junaidi yang duduk ... menimpali"
    described = name_before(words, clause, Counter()) if clause else None
    if described and not any(part in before for part in described.split()) and clause == len(described.split()):
        return True
    role, i = next(((role, i) for i in range(min(_INTRODUCTION_WORDS, len(words)))
                    if (role := role_at(words, i))), (0, 0))
    opened = _responding(words)
    if not role or any(says_next(words, k) or bare(words[k]).lower() in SAY_BEFORE for k in range(opened, i)):
        return False  # "Hal tersebut disampaikan oleh Bupati ...": it points back, the office is no subject
    end, _, name, _, said = read_role(words, i, role, Counter())
    if not (name or said):
        said = second_office(words, end, "", Counter())[2]
    return bool(said and (name or holder_before(words, i, said, Counter())))


def _named_after_quote(sentence: str) -> str | None:
    """The name attributing a sentence that is a quotation ("“...,” timpal Rosita."), if any."""
    words, quoted = split_words(sentence)[:_SENTENCE_WORDS], quoted_words(sentence)
    if not words or not quoted[0]:
        return None
    verb = next((k for k in range(1, len(words)) if not quoted[k]), None)
    if verb is None or not says_next(words, verb):
        return None
    name = name_after(words, verb + 1, Counter())
    return name if name and name != "PRONOUN" else None


def quotes_closed_later(paragraphs: list[str], turns: list[Person | None]) -> list[Person | None]:
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


def quotes_continued(paragraphs: list[str], turns: list[Person | None]) -> list[Person | None]:
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


def bare_quotes(paragraphs: list[str], turns: list[Person | None]) -> list[Person | None]:
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


def guest(paragraph: str) -> tuple[str, str] | None:
    """The name and office a transcript's guest line gives ("Narasumber: Dr. H. Dedi
    Supriatna Kusumah, M.Si., Sekretaris Daerah Kabupaten Bandung", "[01:14] Maria Goreti Da
    Cunha, Kepala BKPSDM Sikka:"), if it is one."""
    line = GUEST_LINE.match(paragraph)
    label = (line[1] or line[2]) if line else ""
    name = byline_name(label)
    if not name:
        return None
    bracketed = _BRACKETED_OFFICE.search(label)  # "Hendri Kusnadi, S.H., M.H. (Ketua Bawaslu ...)"
    if bracketed and role_at(bracketed[1].split(), 0):
        return name, bracketed[1].strip()
    parts = [part.strip() for part in label.split(",")[1:]]
    office = ", ".join(p for p in parts if p and not all(is_degree(w) for w in p.split()))
    return name, without_brackets(office).rstrip(".")


def labelled_speaker(paragraph: str, people: list[Person], index: int) -> Person | None:
    """The speaker a transcript's line opens with, if the article named them before
    ("Dedi Supriatna: ...") or the label gives their office: "BAHRUL ULUM HAKIM (DIRJEN OTDA
    KEMENDAGRI): Setiap laporan ...", "Ni Kadek Ayu Prameswari, Ketua Bawaslu Kabupaten
    Klungkung: ..." on a TV station's transcript."""
    label = _TRANSCRIPT_LABEL.match(paragraph)
    if not label:
        return None
    speaker = next((p for p in people if p.name and same_person(p.name, label[1])), None)
    office = label[2] or label[3]
    if speaker is None and office and role_at(office.split(), 0) and len(label[1].split()) > 1 \
            and all(could_be_name(bare(w).title()) for w in label[1].split()):
        speaker = register(people, label[1].title() if label[1].isupper() else label[1], office, index)
    if speaker is not None:
        speaker.said += 1
    return speaker


def is_question(paragraph: str) -> bool:
    """An interviewer's question: a paragraph of its own that asks, outside any quotation."""
    text = paragraph.strip()
    return text.endswith("?") and not QUOTE_MARK.search(text) and len(text.split()) <= 40


def _quote_balance(paragraph: str) -> int:
    """Opening quotes minus closing ones; a straight quote, or a ”, opens at the start, else closes."""
    curly = paragraph.count("“") - paragraph.count("”")
    if paragraph.lstrip().startswith("”"):
        curly += 2  # "”Pemeriksaan sudah dimulai ...": that one opens
    if paragraph.count('"') % 2:
        curly += 1 if paragraph.lstrip().startswith('"') else -1
    return curly
