"""Read a list whose items hold paragraphs as blocks, before extraction.

A live report's entries (`<li><h3>Pj Gubernur: ...</h3><div><p>...</p><p>...</p></div></li>`)
and a listicle's sections are list items that carry a heading and paragraphs of their own.
trafilatura flattens each `<li>` to one line, so a heading ran into the statement after it
("Kapolrestabes: Medan Kondusif Kapolrestabes Medan, Kombes Pol ...") and the quotes of one
entry into one paragraph. Such items, and their lists, become `<div>`s; a list of short
items (rules, names) stays a list. trafilatura drops definition lists, in which a box of
questions and answers ("Tanya Jawab") may stand: their terms and definitions become
paragraphs.
"""

from __future__ import annotations

from lxml.html import HtmlElement

_BLOCKS = ("p", "h2", "h3", "h4", "h5")


def divs_for_list_entries(tree: HtmlElement) -> None:
    """Rename in place each list item holding a paragraph or heading, and its list; and a
    definition list's terms and definitions (a box of questions and answers) as paragraphs."""
    items = {id(item): item for block in tree.iter(*_BLOCKS)
             if (item := next(block.iterancestors("li"), None)) is not None}
    for item in items.values():
        item.tag = "div"
        parent = item.getparent()
        if parent is not None and parent.tag in ("ul", "ol"):
            parent.tag = "div"
    for entry in tree.iter("dl", "dt", "dd"):
        entry.tag = "div" if entry.tag == "dl" else "p"
