"""Turn the tables an old site lays its page out with into plain blocks, before extraction.

A site built before CSS puts its header, sidebars and article in the cells of nested
`<table>`s. trafilatura, told to leave tables out (a data table is no statement), then
finds the article only by its fallbacks, and loses the paragraphs after the first few. A
table whose cells hold paragraphs, divisions or other tables is such a layout: its rows
and cells become `<div>`s, and the article reads as on any other page. A data table's
cells hold text and inline elements only, and stay as they are.
"""

from __future__ import annotations

from lxml.html import HtmlElement

_CELLS = frozenset({"td", "th"})
_PARTS = frozenset({"thead", "tbody", "tfoot", "tr", "td", "th", "caption"})
_LAYOUT_CONTENT = ("p", "div", "table", "h1", "h2", "h3", "h4", "ul", "ol", "blockquote", "article")


def divs_for_layout_tables(tree: HtmlElement) -> None:
    """Rename layout tables and their own rows and cells to `<div>`s, in place. Each block
    looks up only to its nearest cell, and each table's parts are visited once."""
    layouts: dict[HtmlElement, None] = {}  # the elements as keys keep lxml's proxies alive
    for block in tree.iter(*_LAYOUT_CONTENT):
        cell = next((a for a in block.iterancestors() if a.tag in _CELLS), None)
        table = next((a for a in cell.iterancestors("table")), None) if cell is not None else None
        if table is not None:
            layouts[table] = None
    for table in layouts:
        for element in [table, *_own_parts(table)]:
            element.tag = "div"


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """The table's rows, cells and sections, not those of tables nested in its cells."""
    parts, stack = [], list(table)
    while stack:
        element = stack.pop()
        if isinstance(element.tag, str) and element.tag in _PARTS:
            parts.append(element)
            stack.extend(element if element.tag not in _CELLS else ())
    return parts
