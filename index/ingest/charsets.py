"""Decoding an HTML body to text, with the encodings browsers use and no others.

A page names its charset in the Content-Type header or a <meta> tag, and Python will look up
almost any name: "idna" and "punycode" are codecs too, but not text encodings; one of them
refuses to replace bad bytes and the other takes quadratic time on hostile input. So labels
are looked up in the WHATWG Encoding Standard's table (https://encoding.spec.whatwg.org/),
the list browsers accept, and map to the Python codec that decodes like the browser does.
A label outside it is ignored, as browsers ignore it.
"""

from __future__ import annotations

import re

from index.ingest.errors import FetchError, FetchReason

# WHATWG encoding -> (Python codec, its labels). The "replacement" encodings (ISO-2022-KR,
# HZ, ISO-2022-CN) and x-user-defined are left out: a page in them is treated as unlabelled.
_ENCODINGS: dict[str, tuple[str, str]] = {
    "UTF-8": ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 "
                       "x-unicode20utf8"),
    "IBM866": ("cp866", "866 cp866 csibm866 ibm866"),
    "ISO-8859-2": ("iso8859_2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 "
                                "iso_8859-2 iso_8859-2:1987 l2 latin2"),
    "ISO-8859-3": ("iso8859_3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 "
                                "iso_8859-3 iso_8859-3:1988 l3 latin3"),
    "ISO-8859-4": ("iso8859_4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 "
                                "iso_8859-4 iso_8859-4:1988 l4 latin4"),
    "ISO-8859-5": ("iso8859_5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 "
                                "iso88595 iso_8859-5 iso_8859-5:1988"),
    "ISO-8859-6": ("iso8859_6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic "
                                "ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 "
                                "iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"),
    "ISO-8859-7": ("iso8859_7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 "
                                "iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 "
                                "sun_eu_greek"),
    "ISO-8859-8": ("iso8859_8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e "
                                "iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 "
                                "visual"),
    "ISO-8859-8-I": ("iso8859_8", "csiso88598i iso-8859-8-i logical"),
    "ISO-8859-10": ("iso8859_10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 "
                                  "l6 latin6"),
    "ISO-8859-13": ("iso8859_13", "iso-8859-13 iso8859-13 iso885913"),
    "ISO-8859-14": ("iso8859_14", "iso-8859-14 iso8859-14 iso885914"),
    "ISO-8859-15": ("iso8859_15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 "
                                  "l9"),
    "ISO-8859-16": ("iso8859_16", "iso-8859-16"),
    "KOI8-R": ("koi8_r", "cskoi8r koi koi8 koi8-r koi8_r"),
    "KOI8-U": ("koi8_u", "koi8-ru koi8-u"),
    "macintosh": ("mac_roman", "csmacintosh mac macintosh x-mac-roman"),
    "windows-874": ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    "windows-1250": ("cp1250", "cp1250 windows-1250 x-cp1250"),
    "windows-1251": ("cp1251", "cp1251 windows-1251 x-cp1251"),
    # Pages labelled Latin-1 or ASCII are in practice Windows-1252, as browsers assume.
    "windows-1252": ("cp1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 "
                               "iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 "
                               "iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"),
    "windows-1253": ("cp1253", "cp1253 windows-1253 x-cp1253"),
    "windows-1254": ("cp1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 "
                               "iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"),
    "windows-1255": ("cp1255", "cp1255 windows-1255 x-cp1255"),
    "windows-1256": ("cp1256", "cp1256 windows-1256 x-cp1256"),
    "windows-1257": ("cp1257", "cp1257 windows-1257 x-cp1257"),
    "windows-1258": ("cp1258", "cp1258 windows-1258 x-cp1258"),
    "x-mac-cyrillic": ("mac_cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    # Browsers decode GBK with the gb18030 decoder, a superset.
    "GBK": ("gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk "
                       "iso-ir-58 x-gbk"),
    "gb18030": ("gb18030", "gb18030"),
    "Big5": ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    "EUC-JP": ("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    "ISO-2022-JP": ("iso2022_jp", "csiso2022jp iso-2022-jp"),
    "Shift_JIS": ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j "
                           "x-sjis"),
    "EUC-KR": ("cp949", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 "
                        "ks_c_5601-1989 ksc5601 ksc_5601 windows-949"),
    "UTF-16BE": ("utf-16-be", "unicodefffe utf-16be"),
    "UTF-16LE": ("utf-16-le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 "
                              "utf-16le"),
}
LABELS: dict[str, str] = {label: codec for codec, labels in _ENCODINGS.values()
                          for label in labels.split()}

# Bounded repeats: the search runs over 4 KiB of hostile bytes, so no unbounded backtracking.
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]{1,40})""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def codec_for(label: str | None) -> str | None:
    """The Python codec for a WHATWG label (case and surrounding spaces ignored), or None."""
    if not label:
        return None
    return LABELS.get(label.strip(" \t\n\f\r").lower())


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """Decode an HTML body the way browsers choose: BOM, header, <meta>, then a default.

    Returns the text and the codec used. Undecodable bytes become U+FFFD rather than failing
    the whole page over one bad byte. Unlabelled pages are UTF-8 when they decode as UTF-8,
    else Windows-1252; a page whose labels are all unknown is UTF-8 with replacement.
    Raises `FetchError(bad_encoding)` if decoding fails all the same.
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return _decode(body, codec), codec
    match = _META_CHARSET.search(body[:4096])
    meta_charset = match.group(1).decode("ascii", "ignore") if match else None
    if meta_charset and meta_charset.lower().startswith("utf-16"):
        meta_charset = "utf-8"  # a <meta> readable as ASCII cannot be UTF-16; browsers agree
    for label in (header_charset, meta_charset):
        codec = codec_for(label)
        if codec:
            return _decode(body, codec), codec
    if header_charset or meta_charset:
        return _decode(body, "utf-8"), "utf-8"
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _decode(body, "cp1252"), "cp1252"


def _decode(body: bytes, codec: str) -> str:
    try:
        return body.decode(codec, errors="replace")
    except (UnicodeError, LookupError) as exc:  # not expected from the codecs above
        raise FetchError(FetchReason.BAD_ENCODING, f"cannot decode the page as {codec}: {exc}") \
            from exc
