"""The article text a page rendered in the browser carries only in its scripts' JSON.

Such a page ships an empty shell ("<div id=__next></div>", a spinner); its text is in the
JSON-LD NewsArticle's `articleBody` (schema.org) or in the framework's state (Next.js
`__NEXT_DATA__`), plain or as HTML. The longest text there is the article. Read only when
the page's HTML holds too little text of its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

_SCRIPT_TYPES = frozenset({"application/ld+json", "application/json"})
MAX_JSON_CHARS = 2_000_000   # a page's scripts read at most, all together
_MAX_VALUES = 200_000        # JSON values walked at most, whatever the nesting
_PARAGRAPH_TAGS = ("p", "h2", "h3", "li", "blockquote")


def script_json(tree: HtmlElement) -> list[str]:
    """The JSON the page's data scripts hold, read before extraction prunes the tree."""
    texts: list[str] = []
    size = 0
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() in _SCRIPT_TYPES and script.text:
            texts.append(script.text[:MAX_JSON_CHARS - size])
            size += len(texts[-1])
            if size >= MAX_JSON_CHARS:
                break
    return texts


def text_in_json(scripts: list[str]) -> list[str]:
    """The longest text in the scripts' JSON as lines of plain text; [] if none."""
    strings = [value for data in _parsed(scripts) for _, value in _items(data) if isinstance(value, str)]
    longest = max(strings, key=len, default="")
    return _lines(longest) if longest else []


def headline_in_json(scripts: list[str]) -> str:
    """The first "headline" the scripts' JSON gives (schema.org's NewsArticle), or ""."""
    return next((value for data in _parsed(scripts) for key, value in _items(data)
                 if key == "headline" and isinstance(value, str) and value), "")


def publisher_in_json(scripts: list[str]) -> str:
    """The name of the first publisher the scripts' JSON gives (schema.org), or ""."""
    return next((value["name"].strip() for data in _parsed(scripts) for key, value in _items(data)
                 if key == "publisher" and isinstance(value, dict) and isinstance(value.get("name"), str)), "")


def _parsed(scripts: list[str]) -> Iterator[object]:
    """Each script's JSON, skipping what is not JSON or is nested to exhaust the parser."""
    for script in scripts:
        try:
            yield json.loads(script)
        except (ValueError, RecursionError):
            continue


def _items(data: object) -> list[tuple[str, object]]:
    """Every value in `data` with its key ("" in a list), walked without recursion and
    within a bound."""
    found: list[tuple[str, object]] = []
    stack: list[tuple[str, object]] = [("", data)]
    for _ in range(_MAX_VALUES):
        if not stack:
            break
        key, value = stack.pop()
        found.append((key, value))
        if isinstance(value, dict):
            stack.extend(reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(("", v) for v in reversed(value))
    return found


def _lines(text: str) -> list[str]:
    """HTML's paragraphs as lines, or plain text's own lines (inline tags dropped)."""
    if "<" not in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    try:
        fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    except (ParserError, ValueError):
        return []
    paragraphs = [" ".join(e.text_content().split()) for e in fragment.iter(*_PARAGRAPH_TAGS)]
    plain = fragment.text_content().splitlines()  # plain text with a tag or two
    return [p for p in paragraphs if p] or [line.strip() for line in plain if line.strip()]
