"""What a page's markup names a block: sites say what a block holds in its class and id
("komentar-box", "read--next"), where trafilatura's own names do not reach."""

from __future__ import annotations

import re

from lxml.html import HtmlElement


def named(element: HtmlElement, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` finds a word in the element's class or id."""
    return bool(pattern.search(f"{element.get('class', '')} {element.get('id', '')}"))
