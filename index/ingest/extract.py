"""Turn a fetched news page into the article: title, outlet, date and clean main text.

trafilatura finds the main text and drops most page chrome. It keeps some debris that Indonesian
news sites put inside the article body ("Baca juga:" links, "SCROLL TO CONTINUE WITH CONTENT",
"Ikuti berita terkini ... di Google News", bylines, the headline repeated); `index.ingest.clean`
drops those line by line, as it does for imported pages. Officials are not detected here:
the caller does that from `text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import islice
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document, set_date_params

from index.ingest.appended_stories import drop_appended_stories
from index.ingest.boxes import divs_for_article_boxes
from index.ingest.clean import clean_lines
from index.ingest.errors import ExtractError, ExtractReason
from index.ingest.gallery import paragraphs_for_captions
from index.ingest.json_text import headline_in_json, publisher_in_json, script_json, text_in_json
from index.ingest.layout_tables import divs_for_layout_tables
from index.ingest.list_entries import divs_for_list_entries
from index.ingest.listing import Teasers, is_listing, teasers, without_teasers
from index.ingest.loose_text import paragraphs_for_loose_text, paragraphs_for_preformatted
from index.ingest.open_paragraphs import close_open_link_boxes, close_open_paragraphs
from index.ingest.limits import (MAX_OUTLET_CHARS, MAX_PARAGRAPH_CHARS, MAX_RAW_LINES,
                                 MAX_TITLE_CHARS, bounded_paragraphs, clip)
from index.ingest.printed_twice import drop_shorter_copies
from index.ingest.readers_comments import drop_readers_comments

# Less main text than this is a section front, a video page or an error page, not an article.
MIN_TEXT_CHARS = 200
_HEADINGS = 5  # headings read for the headline as shown
_HEADLINE_WORDS = 5  # a heading of fewer words is no headline


@dataclass(frozen=True)
class ExtractedArticle:
    title: str
    outlet: str   # the site's name, e.g. "Tribun Pontianak"
    date: str     # YYYY-MM-DD, or "" when the page does not say
    text: str     # main text, paragraphs separated by one blank line
    url: str
    byline: str = ""  # whom "Oleh: ..." names: the reporter, or an opinion column's author


def extract_article(html: str, url: str) -> ExtractedArticle:
    """The article in `html` (fetched from `url`), or `ExtractError(no_article)`."""
    tree = trafilatura.load_html(html)
    if tree is None:
        raise ExtractError(ExtractReason.NO_ARTICLE, f"{url}: not parseable as HTML")
    # Read before trafilatura, which prunes the tree it is given.
    meta = _meta_properties(tree)
    html_title = _html_title(tree)
    logo = _logo_name(tree, url)
    # Only a page whose metadata gives no date needs its byline read (before the pruning too).
    stamp = meta.get("article:published_time", "")
    meta_date = _iso_date(stamp) or _time_element_date(tree)
    pieces = _text_pieces(tree)
    headings = _headings(tree)
    in_utc = stamp.strip().endswith(("Z", "+00:00"))
    byline_date = "" if meta_date and not in_utc else \
        _time_element_shown(tree) or _byline_date(pieces, _body_pieces(tree), meta.get("og:title") or html_title)
    # A time stamped in UTC may fall on the day before the one the page shows its readers
    # ("2024-12-22T17:05:00+00:00" beside "Senin, 23 Desember 2024 | 00:05 WIB"): what it shows wins.
    if in_utc and byline_date == _day_after(meta_date):
        meta_date = byline_date
    byline = _byline(pieces)
    scripts = script_json(tree)
    listed = teasers(tree)
    doc = _main_document(tree, url, precise=True)
    if _read_poorly(doc, listed) and (again := trafilatura.load_html(html)) is not None:
        # Precision found too little (a layout <table> or an odd container holds the text)
        # or took a widget of other stories' teasers for the article: read again, favouring recall.
        recalled = _main_document(again, url, precise=False)
        doc = max(doc, recalled, key=lambda d: (not _read_poorly(d, listed), len(d.text or "")))
    # trafilatura falls back to the URL's host, as written there (lower case), for a site's
    # name; a name the <title> gives is better. A page that names itself "Liputan6.com" in
    # its JSON-LD is not that fallback.
    named = doc.sitename if (doc.sitename or "").removeprefix("www.") != _host_name(url) else ""
    doc.title = _as_shown(_headline_after_site(html_title, doc.title or "", pieces), headings, html_title)
    in_title = _title_site_name(html_title, doc.title or "", url)
    if logo and _squeezed(logo) == _squeezed(in_title).split(".")[0]:
        in_title = logo  # "... - wartalampung.com" in the <title>, "Warta Lampung" in the logo
    # "@IDNTimesKaltim" (a Twitter handle), "Wartakapuas" (the host): as the <title> or logo spell it
    named = next((n for n in (in_title, logo) if n and _squeezed(n) == _squeezed(named)), named)
    outlet = _one_line(_site_name(meta, scripts, in_title, url) or named or "") or in_title or logo or _host_name(url)
    title = doc.title or meta.get("og:title") or html_title or headline_in_json(scripts)
    if _squeezed(title) == _squeezed(outlet) and html_title and _squeezed(html_title) != _squeezed(outlet):
        title = html_title  # trafilatura took the site's name in the header's <h1> for the headline
    title = clip(_clean_title(title, outlet), MAX_TITLE_CHARS)
    outlet = clip(outlet, MAX_OUTLET_CHARS)
    text = _main_text((doc.text or "").splitlines(), title)
    if len(text) < MIN_TEXT_CHARS:  # an app shell: the text is in its scripts' JSON, if anywhere
        text = _main_text(text_in_json(scripts), title) or text
    paragraphs = text.split("\n\n")
    if is_listing(paragraphs, listed):
        raise ExtractError(ExtractReason.LISTING, f"{url}: a list of {len(listed)} articles' teasers")
    text = "\n\n".join(without_teasers(paragraphs, listed, title))
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractError(ExtractReason.NO_ARTICLE,
                           f"{url}: only {len(text)} characters of main text")
    published = meta_date or byline_date or _iso_date(doc.date or "") or _lead_date(paragraphs[0])
    return ExtractedArticle(title=title, outlet=outlet, date=published, text=text, url=url,
                            byline=byline)


def _main_document(tree: HtmlElement, url: str, precise: bool) -> Document:
    """trafilatura's main text and metadata of `tree` (pruned in place); empty if none."""
    close_open_paragraphs(tree)
    close_open_link_boxes(tree)
    drop_shorter_copies(tree)
    drop_readers_comments(tree)
    drop_appended_stories(tree)
    paragraphs_for_captions(tree)
    divs_for_article_boxes(tree)
    divs_for_layout_tables(tree)
    divs_for_list_entries(tree)
    paragraphs_for_loose_text(tree)
    paragraphs_for_preformatted(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, include_links=False, favor_precision=precise,
        # No extensive search: it guesses from any date in the page, e.g. "27 November 2024"
        # (election day) in the body. Meta tags, JSON-LD, <time> and the URL are still read.
        date_extraction_params=set_date_params(False))
    return doc if isinstance(doc, Document) else Document()  # None: it found nothing


def _read_poorly(doc: Document, listed: Teasers) -> bool:
    text = doc.text or ""
    return len(text) < MIN_TEXT_CHARS or is_listing(text.splitlines(), listed)


def _main_text(lines: list[str], title: str) -> str:
    # Lines are clipped before cleaning: no later step ever sees an unbounded paragraph.
    clipped = [clip(line, MAX_PARAGRAPH_CHARS) for line in lines[:MAX_RAW_LINES]]
    return "\n\n".join(bounded_paragraphs(clean_lines(clipped, title)))


_SPACE = re.compile(r"\s+")
_MAX_META_CHARS = 4 * MAX_TITLE_CHARS  # enough to find a title's " | Outlet" suffix


def _one_line(text: str) -> str:
    return _SPACE.sub(" ", text[:_MAX_META_CHARS]).strip()


# --- metadata ------------------------------------------------------------------------------

def _time_element_date(tree: HtmlElement) -> str:
    """The date of the page's one machine-readable <time datetime="...">: its entry's byline.
    Trafilatura otherwise takes the oldest date it finds, a sidebar's "18 November 2024"
    over the byline's <time datetime="2024-12-04">. Several such elements: none is told apart."""
    element = _the_time_element(tree)
    return _iso_date(element.get("datetime", "")) if element is not None else ""


def _the_time_element(tree: HtmlElement) -> HtmlElement | None:
    """The page's one <time> with a `datetime`; None when there is none or several."""
    stamped = [element for element in tree.iter("time") if (element.get("datetime") or "").strip()]
    return stamped[0] if len(stamped) == 1 else None


def _day_after(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat() if iso else ""


def _time_element_shown(tree: HtmlElement) -> str:
    """The date the page's one <time datetime="..."> element shows as its text ("2 Oktober
    2024"), or ""."""
    element = _the_time_element(tree)
    shown = " ".join(element.itertext()).strip() if element is not None else ""
    found = re.fullmatch(_DATE, shown, re.IGNORECASE)
    return _date_of(found) if found else _month_first(shown)


def _meta_properties(tree: HtmlElement) -> dict[str, str]:
    """The first non-empty value of each <meta property|name=...>, keyed in lower case."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        value = _one_line(element.get("content") or "")
        if key and value and key not in found:
            found[key] = value
    return found


def _html_title(tree: HtmlElement) -> str:
    element = tree.find(".//title")
    return element.text_content() if element is not None else ""


_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " ~ ")  # " ~ ": Blogger themes
# Blogspot's default <title> is "Blog Name: Post Title": a colon after the site's name only.
_PREFIX_SEPARATORS = _TITLE_SEPARATORS + (": ",)
_OUTLET_WORDS = 4  # "Republika Online", "Tribun Jateng": a site's name is short
_SITE_SUFFIXES = ("", "online", "news", "com", "id")  # what a site's name adds to its host's
_LOGO_LINKS = 50  # the logo links home near the page's top
# A <title> that names only the page's section beside the site ("Berita | Pemerintah Provinsi
# Papua Selatan", "Diskominfo Gowa - Detail Berita"), as government sites make it.
_SECTIONS = frozenset({"berita", "detail berita", "berita daerah", "berita terkini", "news", "artikel",
                       "detail artikel", "beranda", "home", "rilis", "siaran pers", "warta", "kabar",
                       "informasi", "publikasi", "post"})


# A page read whole names its pagination in the title ("... Inspektorat Halaman all - Kompas.com").
_PAGINATION = re.compile(r"[\s|–-]{1,5}\(?(?:halaman|hal\.|page) (?:all|semua|\d{1,3})\)?$", re.IGNORECASE)


def _clean_title(title: str, outlet: str) -> str:
    """The headline without the " - Outlet" after it or the "Outlet: " before it that
    <title> often carries, nor a page number."""
    return _PAGINATION.sub("", _without_outlet(_one_line(title), outlet.casefold()))


def _without_outlet(title: str, named: str) -> str:
    for separator in _TITLE_SEPARATORS:
        head, sep, tail = title.rpartition(separator)
        if sep and head and named and tail.strip().casefold() == named:
            return head.strip()
    for separator in _PREFIX_SEPARATORS:
        head, sep, tail = title.partition(separator)
        if sep and tail and named and head.strip().casefold() == named:
            return tail.strip()
    return title


def _headings(tree: HtmlElement) -> list[str]:
    """The page's first few <h1>s and elements marked as its headline, in page order."""
    found = (" ".join(e.text_content().split()) for e in tree.xpath('//h1 | //*[@itemprop="headline"]'))
    return [text for text in islice(found, _HEADINGS) if 0 < len(text) <= MAX_TITLE_CHARS]


def _as_shown(headline: str, headings: list[str], html_title: str) -> str:
    """The headline as the page shows it when its og:title words it apart ("... Lewat
    Medsos" there, "... di Medsos" in the <h1> and the <title>): a heading the <title> gives
    too, before its site's name, or one that goes on where a cut og:title stops. A heading
    that is the site's name or a section's ("Berita Terkini") does neither."""
    in_title = {_squeezed(html_title.rpartition(sep)[0]) for sep in _TITLE_SEPARATORS if sep in html_title}
    in_title.add(_squeezed(html_title))
    for heading in headings:
        shown = _squeezed(heading)
        if len(heading.split()) >= _HEADLINE_WORDS and (shown in in_title or shown.startswith(_squeezed(headline))):
            return heading
    return headline


def _headline_after_site(html_title: str, headline: str, pieces: list[str]) -> str:
    """The headline, when trafilatura took the site's name that opens the <title> for it
    ("Pemerintah Kabupaten Kulon Progo - Pj Bupati Ajak Lurah ...") and the page shows the
    longer rest as a heading of its own; else `headline` as it is."""
    html_title = _one_line(html_title)
    for separator in _TITLE_SEPARATORS:
        site, sep, rest = html_title.partition(separator)
        if sep and site.strip() == headline and len(rest.split()) > len(site.split()) \
                and any(_one_line(piece) == rest.strip() for piece in pieces[:_BYLINE_PIECES]):
            return rest.strip()
    return headline


def _site_name(meta: dict[str, str], scripts: list[str], in_title: str, url: str) -> str:
    """The og:site_name, but one written all in lower case as the publisher's JSON-LD or the
    <title> spells it ("liputan6.com" -> "Liputan6.com"), and not a section's name that shares
    nothing with the host's ("nasional" on cnnindonesia.com): then the publisher's."""
    site_name = meta.get("og:site_name") or ""
    if not site_name.islower():
        return site_name
    names = [n for n in (publisher_in_json(scripts), in_title) if n]
    # a bare domain ("rri.co.id") is the site's name as the <title> writes it ("RRI")
    stem = _squeezed(site_name).split(".")[0] if "." in site_name and " " not in site_name.strip() else ""
    for spelling in (_squeezed(site_name), stem):
        if same := next((n for n in names if spelling and _squeezed(n) == spelling), ""):
            return same
    label = _host_name(url).split(".")[0]  # "detiksulsel" on detik.com is the site's, "nasional" is not
    return names[0] if names and label not in _squeezed(site_name) and _squeezed(site_name) not in label \
        else site_name


def _title_site_name(html_title: str, headline: str, url: str) -> str:
    """The site's name that <title> adds to the headline ("... Jelang Pencoblosan - Lintas
    Nanggroe", "Warta Lebak: Bawaslu Lebak ..."), for a page that names itself nowhere
    else; "" if it adds none."""
    html_title, headline = _one_line(html_title), _one_line(headline)
    if headline == html_title:
        headline = ""  # trafilatura's title was the <title> itself: nothing to compare with
    for separator in _TITLE_SEPARATORS:
        if headline and html_title.startswith(headline + separator):
            return html_title[len(headline + separator):].strip()
    for separator in _PREFIX_SEPARATORS:
        if headline and html_title.endswith(separator + headline):
            return html_title[:-len(separator + headline)].strip()
    # A <title> worded a little apart from the og:title ("... Foto Profil Paslon | Republika
    # Online" beside "... Foto Profil Bernuansa Paslon"): most of its words are the headline's.
    words = set(headline.casefold().split())
    for separator in _TITLE_SEPARATORS:
        head, sep, tail = html_title.rpartition(separator)
        shared = [w for w in head.casefold().split() if w in words]
        if sep and 0 < len(tail.split()) <= _OUTLET_WORDS and len(shared) >= 0.8 * len(head.split()) > 0:
            return tail.strip()
    for separator in _TITLE_SEPARATORS:
        ends = [end.strip() for end in html_title.split(separator)]
        if len(ends) == 2 and {e.casefold() for e in ends} & _SECTIONS:
            site = next((e for e in ends if e.casefold() not in _SECTIONS), "")
            if 0 < len(site.split()) <= _OUTLET_WORDS:
                return site
    # No headline to compare: the end that spells the host's name ("Mitra Rejang ::" on
    # mitrarejang.com).
    label = _host_name(url).split(".")[0]
    for separator in (s for s in _PREFIX_SEPARATORS if s in html_title):
        for end in (html_title.partition(separator)[0], html_title.rpartition(separator)[2]):
            if re.sub(r"\W", "", end).casefold() in {label + suffix for suffix in _SITE_SUFFIXES}:
                return end.strip()  # "Kapuas Post Online ::" on kapuaspost.co.id too
    return ""


def _logo_name(tree: HtmlElement, url: str) -> str:
    """The site's name as its logo's alt text gives it: the first image inside a link to the
    site's home page ("<a href="https://www.wartakapuas.com/"><img alt="Warta Kapuas">"), or ""."""
    host = _host_name(url)
    for link in islice(tree.iter("a"), _LOGO_LINKS):
        href = urlsplit(link.get("href") or "")
        if href.path.strip("/") or (href.hostname or host).removeprefix("www.") != host:
            continue
        image = next(link.iter("img"), None)
        alt = " ".join((image.get("alt") or "").split()) if image is not None else ""
        alt = re.sub(r"^logo\s+", "", alt, flags=re.IGNORECASE)
        if 0 < len(alt.split()) <= _OUTLET_WORDS and alt.casefold() not in {"logo", "home", "beranda"}:
            return alt
    return ""


def _squeezed(name: str | None) -> str:
    return "".join((name or "").split()).casefold()


def _host_name(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


# Each month as bylines write it, in full, short ("30 Okt 2024") or in the old spelling
# ("7 Nopember 2024"): the longest first, so the regex takes the whole word.
_MONTH_SPELLINGS = {spelling: number for number, spellings in enumerate((
    ("januari", "jan"), ("februari", "pebruari", "feb", "peb"), ("maret", "mar"), ("april", "apr"),
    ("mei",), ("juni", "jun"), ("juli", "jul"), ("agustus", "agu", "agt", "ags", "aug"),
    ("september", "sept", "sep"), ("oktober", "okt", "oct"), ("november", "nopember", "nov", "nop"),
    ("desember", "des", "dec")), start=1) for spelling in spellings}
# A byline's date and time, as sites print them when no metadata gives it: "Selasa, 8
# Oktober 2024 10:45 WITA", "Rabu, 16/10/2024 - 09:12 WIB", "Selasa 15-10-2024, 07:00 WIB".
# The day's name and the time set it apart from dates in the body ("Rabu (27/11/2024)",
# "pukul 07.00 WIB"); the zone may be left out ("Selasa, 15 Oktober 2024 16:40").
_DATE = (r"(?:(\d{1,2})\s+(" + "|".join(sorted(_MONTH_SPELLINGS, key=len, reverse=True)) + r")\.?\s+(\d{4})"
         r"|(\d{1,2})([/-])(\d{1,2})\5(\d{4}))")
_DAYS = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu)"
_DAY_NAME = _DAYS + r",?\s+"
_BYLINE_DATE = re.compile(
    r"\b" + _DAY_NAME + _DATE +
    r"\s*[-|,|/]?\s*\d{1,2}[:.]\d{2}(?!\d)(?:\s*(?:wib|wita|wit)\b)?", re.IGNORECASE)
# Or a date the page labels as its publication's: "Diposting: 12/11/2024", "Diterbitkan 7 Nopember
# 2024", "Diposting pada: Selasa, 15 Oktober 2024", an old CMS's "Tanggal : 30-09-2024" (with the
# colon: "tanggal 27 November" is the body's).
_LABELLED_DATE = re.compile(r"\b(?:(?:diposting|diterbitkan|dipublikasikan|dipublish|published|posted)"
                            r"(?:\s+(?:pada|on))?\s*:?|tanggal\s*:)\s*(?:" + _DAY_NAME + ")?" + _DATE, re.IGNORECASE)
_BYLINE_SCAN_CHARS = 200_000
# Or, after the headline, a day's date that is the whole of its element, as a byline's
# calendar line prints it ("<li><i class='fa fa-calendar'></i> Selasa, 08 Oktober 2024</li>"):
# a body's dates run in sentences, a sidebar's list other posts' dates without the day's
# name, and a header's "today" comes before the headline.
_DATE_ALONE = re.compile(_DAY_NAME + _DATE, re.IGNORECASE)
# Or the month first, as Blogspot themes print a post's timestamp ("November 10, 2024"), a
# form Indonesian text never writes.
_MONTH_FIRST_ALONE = re.compile(r"(" + "|".join(sorted(_MONTH_SPELLINGS, key=len, reverse=True)) +
                                r")\.?\s+(\d{1,2}),\s+(\d{4})", re.IGNORECASE)
_MIN_HEADLINE_CHARS = 20


def _text_pieces(tree: HtmlElement) -> list[str]:
    """The page's text nodes, in order, up to _BYLINE_SCAN_CHARS: where bylines are looked for."""
    pieces, size = [], 0
    for piece in tree.itertext():
        pieces.append(piece)
        size += len(piece)
        if size > _BYLINE_SCAN_CHARS:
            break
    return pieces


def _body_pieces(tree: HtmlElement) -> list[str]:
    """The text pieces of the page's <body>: the <title> is no headline the page shows."""
    body = tree.find("body")
    return _text_pieces(body if body is not None else tree)


def _byline_date(pieces: list[str], shown: list[str], headline: str) -> str:
    """`YYYY-MM-DD` of the first byline date in the page's text (`shown`: its body's), or ""."""
    text = " ".join(pieces)[:_BYLINE_SCAN_CHARS]
    found = _BYLINE_DATE.search(text) or _LABELLED_DATE.search(text)
    return _date_of(found) if found else _date_alone_after(shown, headline)


def _date_of(found: re.Match[str]) -> str:
    """The date a match of `_DATE` (after what precedes it) gives."""
    day, month, year = (found[1], _MONTH_SPELLINGS[found[2].lower()], found[3]) if found[1] \
        else (found[4], found[6], found[7])
    return _calendar_date(year, month, day)


def _calendar_date(year: str | int, month: str | int, day: str | int) -> str:
    """`YYYY-MM-DD`, or "" for a day no calendar has ("31 Februari")."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


# Or, when the page gives no date at all, the day the lead says its news happened: "Bawaslu
# ... meneruskan tiga kasus ke BKN, Selasa (15/10/2024)." Later paragraphs tell of earlier days.
_LEAD_DATE = re.compile(r"\b" + _DAYS + r"\s*\((\d{1,2})/(\d{1,2})/(\d{4})\)", re.IGNORECASE)


def _lead_date(lead: str) -> str:
    found = _LEAD_DATE.search(lead)
    return _calendar_date(found[3], found[2], found[1]) if found else ""


def _date_alone_after(pieces: list[str], headline: str) -> str:
    stripped = [p.strip() for p in pieces]
    shown = next((k for k, p in enumerate(stripped) if len(p) >= _MIN_HEADLINE_CHARS and p in headline), None)
    for piece in stripped[shown + 1:] if shown is not None else []:
        if found := _DATE_ALONE.fullmatch(piece):
            return _date_of(found)
        if dated := _month_first(piece):
            return dated
    return ""


def _month_first(text: str) -> str:
    found = _MONTH_FIRST_ALONE.fullmatch(text)
    return _calendar_date(found[3], _MONTH_SPELLINGS[found[1].lower()], found[2]) if found else ""


# "Oleh: Dr. Endang Sri Rahayu, M.Si.", "Oleh: <a>Marsita Riandini</a>", "Oleh: Agustinus
# Ndiken — Senin, 25 November 2024": the name runs to a dash, a bar or the line's end.
_BYLINE = re.compile(r"^\s*oleh\s*:?\s*([^|\n—–]{0,120}?)\s*(?:[|\n—–]|\s-\s|$)", re.IGNORECASE)
_BYLINE_PIECES = 2_000
_BYLINE_PART_CHARS = 120
# A theme's byline that names its desk, not a person ("Oleh Redaksi Siger Pos", "Oleh Admin"):
# a column's own "Oleh: Dr. Name, ..." may follow it.
_DESK = re.compile(r"^(?:redaksi|admin|administrator|tim|desk|humas|editor|webmaster)\b", re.IGNORECASE)


def _byline(pieces: list[str]) -> str:
    """The name after the page's first "Oleh:" that names a person, or "". A name set in
    its own element keeps the text after it, after a comma: a column's author may be
    described there ("Oleh: <strong>Prof. Dr. Name, S.H.</strong> Guru Besar ...")."""
    pieces = [p.strip() for p in pieces[:_BYLINE_PIECES]]
    for i, piece in enumerate(pieces):
        found = _BYLINE.match(piece)
        if not found:
            continue
        following = [p for p in pieces[i + 1:i + 4] if p]
        named = found[1] or ", ".join(p[:_BYLINE_PART_CHARS] for p in following[:2])
        if named and not _DESK.match(named):
            return named
    return ""


def _iso_date(value: str) -> str:
    """`YYYY-MM-DD` from an ISO date or date-time, as the page wrote it; "" if not one."""
    value = value.strip()
    if not value:
        return ""
    # The calendar date as published (publisher's local time): converting to UTC would move
    # an early-morning WIB article to the previous day.
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return ""
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return ""
