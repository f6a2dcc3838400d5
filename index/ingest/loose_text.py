"""Give loose text in a page's article body paragraphs of its own, before extraction.

Some sites write an article as bare text split by `<br><br>` inside one container, with
`<p>` boxes ("Baca juga"), ad slots and figures among it. trafilatura, favouring
precision, reads the `<p>` children of such a container and drops text that sits loose
beside them, most often the tail after an ad slot: a page lost "Sementara itu, Kepala
Kantor Regional VIII BKN ... menyebutkan ..." that way, and with it a speaker. So, as
browsers' reader views do, each run of loose text and inline elements between two line
breaks or blocks in such a container becomes a `<p>`. An old CMS's `<font>` tags go first:
the text inside them is as loose as the text beside them.

A print view may hold the whole article in one `<pre>`, hard-wrapped at 70 columns:
each block between blank lines becomes a `<p>` with its lines joined.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from index.ingest.clean import READ_ALSO

# Elements that hold runs of text and blocks; a <p> or an inline element is never split.
_CONTAINERS = frozenset({"div", "section", "article", "main", "td", "body", "blockquote", "li"})
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
                     "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                     "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "script",
                     "section", "style", "table", "ul", "noscript", "iframe"})


def paragraphs_for_loose_text(tree: HtmlElement) -> None:
    """Wrap loose text in containers that also hold blocks in `<p>`s, in place. Linear in
    the page: each element is visited once and moved at most once."""
    for font in list(tree.iter("font")):
        font.drop_tag()
    for element in list(tree.iter(*_CONTAINERS)):
        if _has_loose_text(element) and any(_is_block(child) for child in element):
            _wrap_runs(element)
    for element in list(tree.iter(*_CONTAINERS)):
        _plain_divs_as_paragraphs(element)


def _plain_divs_as_paragraphs(element: HtmlElement) -> None:
    """An editor that writes some paragraphs as `<p>` and others as bare `<div>`s (a line
    pasted in): trafilatura keeps the `<p>`s and drops the `<div>`s beside them, and with
    them statements. Among `<p>` siblings, a `<div>` with no attributes and no blocks
    inside is a paragraph too; boxes and ad slots carry a class."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not any(child.tag == "p" for child in children):
        return
    for child in children:
        if child.tag == "div" and not child.attrib and not any(_is_block(d) for d in child.iterdescendants()):
            child.tag = "p"


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MIN_PRE_BLOCKS = 3  # a print view's article, not a snippet of code or a poem
_RULE = re.compile(r"^[-=_*~]{10,}")  # a line ruled across a plain-text page
_FOOTER_BLOCKS = 2  # the rule is among a print view's last blocks


def paragraphs_for_preformatted(tree: HtmlElement) -> None:
    """Replace each `<pre>` holding several blocks of wrapped text with those blocks as
    `<p>`s, in place."""
    for pre in list(tree.iter("pre")):
        blocks = [" ".join(b.split()) for b in _BLANK_LINE.split(pre.text_content())]
        blocks = _before_footer([b for b in blocks if b])
        if len(blocks) < _MIN_PRE_BLOCKS or pre.getparent() is None:
            continue
        holder = pre.makeelement("div", {})
        for block in blocks:
            _new_paragraph(holder).text = block
        holder.tail = pre.tail
        pre.getparent().replace(pre, holder)


def _before_footer(blocks: list[str]) -> list[str]:
    """A print view's closing rule and what follows it ("-----", "Sumber: ...", "Dicetak
    pada: ...", "Copyright ..."): the page's footer, not the article's last paragraph."""
    for k in range(max(len(blocks) - _FOOTER_BLOCKS, _MIN_PRE_BLOCKS), len(blocks)):
        if _RULE.match(blocks[k]):
            return blocks[:k]
    return blocks


def _is_block(node: HtmlElement) -> bool:
    return isinstance(node.tag, str) and node.tag in _BLOCKS


def _has_loose_text(element: HtmlElement) -> bool:
    return bool((element.text or "").strip()) or any((child.tail or "").strip() for child in element)


def _wrap_runs(element: HtmlElement) -> None:
    """Rebuild `element`'s content: blocks stay, each run of text and inline elements
    between line breaks and blocks goes into a new `<p>`; the `<br>`s go."""
    pieces: list[str | HtmlElement] = [element.text or ""]
    for child in list(element):
        tail, child.tail = child.tail or "", None
        pieces += [child, tail]
        element.remove(child)
    element.text = None
    run: HtmlElement | None = None
    for piece in pieces:
        if isinstance(piece, str):
            if piece.strip():
                run = run if run is not None else _new_paragraph(element)
                _append_text(run, piece)
        elif piece.tag == "br" or _is_block(piece):
            run = None
            if piece.tag != "br":
                element.append(piece)
        elif _points_elsewhere(piece):  # a line of its own, which cleaning drops whole
            _new_paragraph(element).append(piece)
            run = None
        else:
            run = run if run is not None else _new_paragraph(element)
            run.append(piece)


def _points_elsewhere(inline: HtmlElement) -> bool:
    """Whether an inline element opens with "Baca juga:" (in itself or its first child,
    "<span><strong>Baca juga:</strong> <a>...</a></span>"): read in constant time."""
    text = inline.text or (inline[0].text if len(inline) else "") or ""
    return bool(READ_ALSO.match(text[:40]))


def _new_paragraph(parent: HtmlElement) -> HtmlElement:
    paragraph = parent.makeelement("p", {})
    parent.append(paragraph)
    return paragraph


def _append_text(paragraph: HtmlElement, text: str) -> None:
    if len(paragraph):
        last = paragraph[-1]
        last.tail = (last.tail or "") + text
    else:
        paragraph.text = (paragraph.text or "") + text
