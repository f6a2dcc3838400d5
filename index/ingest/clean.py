"""Strip news-page boilerplate from article text and deduplicate its paragraphs.

Input is page text as copied or extracted: one paragraph per line, with the site's
chrome mixed in. Output keeps only prose a user could quote. Rules are deliberately
conservative about what counts as prose: a line must read like a sentence (enough words,
ending in sentence punctuation), which drops headlines of related news, photo captions,
bylines and widgets whatever their wording.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from index.corpus.turns import GUEST_LINE

# A line matching one of these ends the article: what follows is page furniture.
_END_MARKERS = re.compile(
    r"^\s*(berita terkait|artikel terkait|terpopuler|artikel terbaru|berita terbaru|"
    r"baca berita lainnya|dapatkan informasi terkini|ikuti terus berita|"
    r"isi komentar sepenuhnya|tulis komentar|komentar\s*\(|bagikan artikel|"
    r"simak berita|follow (us|kami)|ikuti (kami|kanal))",
    re.IGNORECASE,
)

# Lines that are page furniture wherever they appear (case-insensitive, anchored).
_DEBRIS = [re.compile(p, re.IGNORECASE) for p in (
    # Links to other stories: "Baca juga:", "BACA JUGA :", "Baca Juga - ", "Lihat juga", ...
    r"^(baca|lihat|simak|tonton|cek)\s+(juga|pula)\b",
    r"^baca\s*:",
    r"^baca (selengkapnya|berita|artikel)\b.*(:|di\s)",
    r"^artikel ini (telah|sudah)?\s*(tayang|terbit|dipublikasikan)\b",
    # Ads and the phrases ad slots leave behind.
    r"^(advertisement|iklan|ads|sponsored|konten bersponsor|scroll to continue"
    r"( with content)?|scroll untuk melanjutkan( membaca)?)\W*$",
    r"^\[gambas:",
    # Share and comment prompts; short, so a sentence that merely starts so survives.
    r"^(bagikan|share|tulis komentar|berikan komentar|kirim komentar|komentar)\b.{0,40}$",
    # Bylines, datelines of portals and copyright notices: metadata, not statements.
    r"^(penulis|editor|pewarta|reporter|redaktur|kontributor|sumber|foto|tags?)\s*:.{0,150}$",
    r"^oleh\s.{0,150}$",
    r"^(copyright|hak cipta|©|\(c\) ).{0,200}$",
    r"^dilarang (keras )?(mengambil|mengutip|menyalin)\b",
    # Image and table debris left by copying a page as text.
    r"^(!\[|\||-+\s*\|)",
)]

# A "Baca juga:" pointer that opens an element inside the article (a link's label, a list
# item): the colon marks it, since prose may well begin "Simak juga ...".
READ_ALSO = re.compile(r"\s*(?:baca|lihat|simak)(?:\s+juga)?\s*:", re.IGNORECASE)

# Prompts to follow the outlet ("Ikuti saluran X di WhatsApp", "... di Google News"). Matched
# only on short lines without quotation marks, because articles on ASN neutrality do quote
# officials on WhatsApp groups and social media.
_PROMO = re.compile(
    r"^(ikuti|simak|dapatkan|gabung|bergabung|follow|update|pilih|klik|yuk|mari)\b.*"
    r"(google news|saluran|channel|newsletter|klik|link|tautan|di sini|\.com\b|\.co\.id\b|\.id\b)",
    re.IGNORECASE)
_QUOTES = ('"', "\u201c", "\u201d")

# Reporter initials or credits at the end of the last paragraph: "(art/kpg)", "(*)", and a
# short code after the final sentence ("... ajak Yusril. rul", "... tegasnya. (ant)",
# "... kerahasiaannya. [fik]", "... kami kejar. (m05)", "(KE-03)", "(KB.03)"), a release's desk
# ("... pungkasnya. (Humas Polres Kendal)"), a bullet's ("... katanya. • nvi"), and an end mark ("... pungkas
# Asep.***"), which otherwise left the paragraph without a sentence end, so the statement
# was dropped.
_TRAILING_CREDIT = re.compile(r"\s*[(\[](?:\*|[^()\[\]]{1,40}/[^()\[\]]{1,60})[)\]]\s*$"
                              r"|(?<=[.!?…\"'”’]) [-–*•|]? ?[(\[]?(?:[A-Za-z]{2,6}|[A-Za-z]{1,3}[-.]?\d{1,3})[)\]]?$"
                              r"|(?<=[.!?…\"'”’])\s*[(\[][A-Za-z][\w.]{1,19}[)\]]$"  # "(CAKAPLAH)", "(Kompas.com)"
                              # "(Humas Polres Kendal)", "(humas bkd)"
                              r"|(?<=[.!?…\"'”’])\s*\((?:[A-Za-z][\w.]{0,19} ){1,3}[A-Za-z][\w.]{0,19}\)$"
                              r"|(?<=[.!?…\"'”’])\s*[*#]{1,3}$")
# An embedded post's tail after its last sentence: hashtags and its picture link ("... terdekat.
# #AwasiPilkada pic.twitter.com/Xy7pQ2lmNb"), which left the post without a sentence end.
_EMBED_TAIL = re.compile(r"(?<=[.!?…\"'”’])(?:\s+(?:#\w{1,60}|pic\.twitter\.com/\S{1,40}|https?://\S{1,200}))+\s*$")
# Emoji after the last sentence ('"Jangan kita tutup mata," ujarnya. 🙏🙏'), as small outlets add them.
_EMOJI_TAIL = re.compile(r"(?<=[.!?…\"'”’])[\s\u200d\ufe0f\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]+$")
MAX_LIST_ITEMS = 20
# A list item as extracted text gives it: "- item", "• item", "1. item", "a) item".
_LIST_ITEM = re.compile(r"^(?:[-•*·]|\d{1,2}[.)]|[a-z][.)])\s+(\S.*)$")
_ANNOUNCING_WORDS = 10  # a sentence ending in ":" that introduces what follows
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$|[\"”’]$")
MIN_WORDS = 6
# A short quotation and who said it is a statement however few its words: '"Ewako Makassar,
# pilkada damai," tutupnya.'
_SHORT_QUOTE = re.compile(r"^[\"“][^\"“”]+[,.!?][\"”] (?:\w+ ){0,3}\w+[.!]$")


def clean_lines(lines: list[str], title: str = "") -> list[str]:
    """Paragraphs of prose, in order, each once, without a repeat of the headline, and as an
    editor's correction note corrects them."""
    kept: list[str] = []
    seen: set[str] = {dedupe_key(title)} if title else set()
    corrections: list[tuple[str, str, str]] = []
    for line in joined_lists(rejoined(double_quoted(normalize_spaces(raw)) for raw in lines)):
        if _END_MARKERS.match(line) and kept:
            break
        if _CORRECTION_NOTE.match(line):
            corrections += _corrected(line)
            continue
        line = _TRAILING_CREDIT.sub("", _EMBED_TAIL.sub("", _EMOJI_TAIL.sub("", line)))
        if not is_prose(line):
            continue
        key = dedupe_key(line)
        if key not in seen:
            seen.add(key)
            kept.append(line)
    for name, wrong, right in corrections:  # in the paragraphs about the person corrected
        kept = [_correct(line, wrong, right) if name in line else line for line in kept]
    return kept


def _correct(line: str, wrong: str, right: str) -> str:
    """`line` with `wrong` as `right`; a name corrected word for word ("Rahmat Hidayat" to
    "Rahmad Hidayat") also where the article gives it short ("kata Rahmat")."""
    line = line.replace(wrong, right)
    pairs = zip(wrong.split(), right.split()) if len(wrong.split()) == len(right.split()) else ()
    for old, new in pairs:
        if old != new and old[:1].isupper() and new[:1].isupper():
            line = re.sub(rf"\b{re.escape(old)}\b", new, line)
    return line


# An editor's note that corrects the article ("Ralat: Sebelumnya tertulis Name sebagai Kepala
# Dinas PMD, yang benar adalah Inspektur Daerah."): no statement of anyone's, but the text
# is read as it corrects it.
_CORRECTION_NOTE = re.compile(r"^\W{0,3}(?:ralat|koreksi|catatan redaksi|editor's note)\b\s*:", re.IGNORECASE)
_CORRECTED = re.compile(r"(?:sebelumnya|semula)\s+(?:tertulis|ditulis)\s+(?P<wrong>[^.;]{3,200}?)[,.]?\s+"
                        r"(?:yang benar|seharusnya|semestinya|mestinya)(?:\s+adalah|,)?\s+(?P<right>[^.;]{3,200})",
                        re.IGNORECASE)
# "Name sebagai Kepala Dinas PMD", "Name menjabat Inspektur": the office is what is corrected;
# "Ketua Panwascam Tambang bernama Rahmat Hidayat": the name, wherever it stands.
_HOLDS = re.compile(r"^(?P<name>.{0,80}?)\s(?:sebagai|menjabat|merupakan|adalah)\s")
_NAMED = re.compile(r"^.{0,80}?\sbernama\s")
_MAX_CORRECTIONS = 5


def _corrected(note: str) -> list[tuple[str, str, str]]:
    """The corrections a note gives: whose ("" if it names no one), the wrong words and the
    right ones; none that a period may have cut short ("adalah Plt. Inspektur" read as "Plt")."""
    corrections = []
    for found in itertools.islice(_CORRECTED.finditer(note), _MAX_CORRECTIONS):
        wrong, right = found["wrong"].strip(" ,"), found["right"].strip(" ,")
        holder = _HOLDS.match(wrong)
        name = holder["name"] if holder else ""
        wrong, right = _NAMED.sub("", _HOLDS.sub("", wrong)), _HOLDS.sub("", right)
        if len(wrong.split()) > 1 and len(right.split()) > 1:
            corrections.append((name, wrong, right))
    return corrections


# Single quotation marks standing for double ones, in a paragraph that has no double ones:
# "'Untuk ASN kami teruskan ke BKN,' jelas Fauzan." A span of four words or more, or an
# opening mark that starts the paragraph (a quotation carried on), is a quotation; a word or
# two ("'like'", 'serangan fajar') is the writer's own scare quotes, and an apostrophe inside
# a word ("Jum'at") is none. The span stops at the next mark, so a paragraph is read once.
_SINGLE_QUOTED = re.compile(r"(?<!\S)['‘]((?:[^'‘’\"“”]|(?<=\w)['’](?=\w)){1,2000}?[^\s'‘’])['’](?!\w)")
_SINGLE_OPENING = re.compile(r"^['‘](?=\w)")
_QUOTATION_WORDS = 4
# A quotation credited after a dash, as pull quotes are: '“...” — Kepala Kanreg VI BKN Medan,
# Darwin Halomoan Siregar'. The credit is no sentence of its own.
_DASH_CREDIT = re.compile(r"^[—–]\s*[^—–“”\"\s][^—–“”\"]{2,160}$")
_CREDITED_AFTER_DASH = re.compile(r"[”\"]\s*[—–]\s*[^—–“”\"]{3,160}$")


def double_quoted(line: str) -> str:
    """`line` with single quotation marks that stand for double ones written as double ones."""
    if any(q in line for q in _QUOTES):
        return line  # single marks inside double ones quote within a quotation
    line = _SINGLE_QUOTED.sub(lambda m: f"“{m.group(1)}”" if len(m.group(1).split()) >= _QUOTATION_WORDS
                              else m.group(0), line)
    return line if any(q in line for q in _QUOTES) else _SINGLE_OPENING.sub("“", line)


def _credited(line: str) -> str:
    """A quotation with its credit after a dash ends as a sentence."""
    return _ended(line) if _CREDITED_AFTER_DASH.search(line) else line


def rejoined(lines: Iterable[str]) -> Iterator[str]:
    """Lines that extraction split inside a sentence, joined again: a line that starts with
    ", " or ";" goes on the line before it (an inline quotation, <q>, comes out as a line
    of its own, its attribution "..., ujar Meiske." as the next, and neither alone reads as
    a sentence); and a quotation an ad slot or a picture cut in two goes back together
    (a line opens a quote, the next closes it without opening one first)."""
    previous: str | None = None
    for line in lines:
        if previous is not None and (line[:1] in ",;" and not previous.endswith((".", "!", "?"))
                                     or _left_open(previous) and _closes(line)
                                     or previous.endswith(("”", '"')) and _DASH_CREDIT.match(line)):
            previous = f"{previous}{' ' if line[:1] not in ',;' else ''}{line}"
            continue
        if previous is not None:
            yield _credited(previous)
        previous = line
    if previous is not None:
        yield _credited(previous)


def _left_open(line: str) -> bool:
    """The line opens a quotation it does not close."""
    return line.count("“") > line.count("”") or line.count('"') % 2 == 1


def _closes(line: str) -> bool:
    """The line closes a quotation before opening any (and is no new quotation's start)."""
    if line[:1] in "“\"":
        return False
    if "”" in line:
        return "“" not in line or line.index("”") < line.index("“")
    return line.count('"') % 2 == 1


def joined_lists(lines: Iterable[str]) -> Iterator[str]:
    """A list's items ("- memastikan ...;") joined into the paragraph that introduces it
    ("... menempuh tiga langkah berikut:"), or into one of their own when each reads as
    part of a sentence: an item alone ends in ";" and reads as no sentence, so the list
    and its introduction were dropped. Other lists (related headlines) stay line by line."""
    intro: str | None = None
    items: list[re.Match[str]] = []
    for line in lines:
        item = _LIST_ITEM.match(line)
        if item:
            items.append(item)
            continue
        yield from _list_paragraphs(intro, items)
        intro, items = line, []
    yield from _list_paragraphs(intro, items)


def _list_paragraphs(intro: str | None, items: list[re.Match[str]]) -> list[str]:
    """The paragraph before a run of list items, and the items: each list (items up to one
    not ending in ";" or ",") joined, into that paragraph when it ends in ":"."""
    paragraphs = [intro] if intro is not None else []
    segment: list[re.Match[str]] = []
    for item in items:
        segment.append(item)
        if not item.group(1).endswith((";", ",")):
            _add_list(paragraphs, segment)
            segment = []
    if segment:
        _add_list(paragraphs, segment)
    return paragraphs


def _add_list(paragraphs: list[str], segment: list[re.Match[str]]) -> None:
    # A statement's list runs to a few items; a page listing thousands stays bounded.
    texts = [item.group(1) for item in segment[:MAX_LIST_ITEMS]]
    # An item that quotes its own speaker ("1. Pj Bupati Sambas, Name: “...”.") is a statement
    # of its own, not a clause of the sentence announcing the list.
    quoting = len(segment) == 1 and any(mark in texts[0] for mark in _QUOTES)
    if paragraphs and paragraphs[-1].endswith(":") and len(paragraphs[-1].split()) >= MIN_WORDS and not quoting:
        # a sentence announcing the list; a label ("Topik:", "Tags:") announces none
        paragraphs[-1] = _ended(" ".join([paragraphs[-1], *texts]))
    elif len(segment) > 1 or quoting:
        paragraphs.append(_ended(" ".join(texts)))
    else:
        paragraphs.append(segment[0].group(0))  # one item alone: a related headline, say


def _ended(paragraph: str) -> str:
    """A joined list ends as a sentence, whatever its last item ended with."""
    if _SENTENCE_END.search(paragraph):
        return paragraph
    return paragraph.rstrip(";,:") + "."


def is_prose(line: str) -> bool:
    if not line or is_debris(line):
        return False
    words = len(line.split())
    if GUEST_LINE.match(line):
        return True  # no sentence, but who speaks in the transcript below
    # "... sudah ikut dalam pembahasan. Ia lalu merinci:" announces the quotation below it,
    # after a sentence; a label ("Tags:", "Simak Video ...:") is no sentence.
    # A quotation the writer left open ("“Kalau ada bansos beratribut, laporkan saja. Kami jamin
    # identitas pelapor dirahasiakan", or after a sentence: 'Rahmad juga mengimbau. "Kalau ada
    # ... kami rahasiakan') still holds the speaker's sentences.
    return words >= MIN_WORDS and bool(_SENTENCE_END.search(line)) or bool(_SHORT_QUOTE.match(line)) or \
        words >= _ANNOUNCING_WORDS and line.endswith(":") and bool(_INNER_SENTENCE_END.search(line)) or \
        words >= MIN_WORDS and _left_open(line) and bool(_INNER_SENTENCE_END.search(line))


def is_debris(line: str) -> bool:
    """True for a line of page furniture rather than article text."""
    if any(pattern.search(line) for pattern in _DEBRIS):
        return True
    return len(line) <= 300 and not any(q in line for q in _QUOTES) and bool(_PROMO.search(line))


# A comma or full stop with no space after it, between words: "Kabupaten Sigi,Hasanuddin
# Lamarauna", "bukan tim sukses.Kalau mau", "Pilkada 2024,Sekretaris", "(Halsel),Abdurrahman".
# Not in numbers ("1,5"), degrees ("S.Sos") or web addresses ("Liputan6.com", "Detik.Com").
_GLUED_PUNCTUATION = re.compile(r"(?<!\bwww)(?<=[a-z]{2})([,.])(?=[A-Z][a-z])(?!(?:Com|Net|Org|Co\.|Id)\b)"
                                r"|(?:(?<=[a-z]{2})|(?<=\d{4})|(?<=\))),(?=[A-Za-z]{2})")
# A mark typed twice: 'hukuman disiplin"" jelas Rusli', "bukan saya,,silahkan".
_DOUBLED_MARK = re.compile(r"([\"“”,])\1+")


def normalize_spaces(text: str) -> str:
    text = _DOUBLED_MARK.sub(r"\1", unicodedata.normalize("NFKC", text))
    return _GLUED_PUNCTUATION.sub(lambda m: m.group(0) + " ", re.sub(r"\s+", " ", text).strip())


def dedupe_key(text: str) -> str:
    """Equal for paragraphs that differ only in case, spacing or punctuation."""
    return re.sub(r"[\W_]+", "", text.lower())
