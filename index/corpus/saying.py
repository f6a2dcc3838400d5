"""Verbs of saying: the words that tell a statement has a speaker and where to look for
him ("..., kata Hera", "Ani Sofian menegaskan ...", "disampaikan oleh Bupati ..."), and
the words by which one person passes on another's ("membacakan sambutan Bupati")."""

from __future__ import annotations

from index.corpus.name_words import HONORIFICS, bare

# Verbs of saying after the quote: "..., kata Hera", "tegasnya", "ujar dia".
_SAY_AFTER = frozenset(
    "kata ujar tegas pesan ucap tutur imbuh tambah jelas pinta harap ungkap sebut terang tandas "
    "lanjut papar urai beber sambung pungkas tutup timpal seru akui aku katakan tulis tukas kilah "
    "cetus sergah balas jawab sindir seloroh kelakar".split())
# Passive verbs of saying, followed by the speaker ("Hal itu disampaikan Kepala BKPP ...",
# "... disampaikan oleh Bupati ...", "dijelaskannya").
SAID_BY = frozenset(
    "disampaikan dikatakan diungkapkan dijelaskan ditegaskan diutarakan dipaparkan disebutkan "
    "ditambahkan dituturkan diucapkan dinyatakan "
    "dibenarkan diamini dibantah ditanggapi dijawab".split())  # "Hal itu dibenarkan oleh Ketua Bawaslu ..."
_SPEAKER_FOLLOWS = _SAY_AFTER | SAID_BY | {"menurut"}
# Of those, the ones that are adjectives or adverbs in running text: a verb of saying only
# right after the quote ("menindak tegas lurah", "sudah jelas", "lebih lanjut").
ALSO_ADVERBS = frozenset({"tegas", "jelas", "lanjut", "tambah", "terang", "tutup",
                          "balas", "jawab"})  # "tanggung jawab Kepala BKD" is no saying
# Verbs of saying after the speaker: "Ani Sofian menekankan ...".
SAY_BEFORE = frozenset(
    "menegaskan mengatakan mengingatkan menekankan menyampaikan mengimbau menjelaskan "
    "mengungkapkan berharap menambahkan meminta mengajak menyatakan menuturkan membeberkan "
    "menyebut menyebutkan menilai mengapresiasi menjamin menyoroti menyadari mengaku mengakui "
    "memastikan menerangkan memaparkan berpesan mengharapkan mendorong menginstruksikan "
    "mengungkap menanggapi mengakhiri melanjutkan mengutarakan menandaskan menuturkan "
    "memberikan memberi menyerukan mewanti-wanti menerima mengingatkannya membenarkan "
    "mengonfirmasi mengklaim mengemukakan menyinggung menceritakan mengisahkan berujar berkata "
    "bertutur menginformasikan menjawab menimpali menyarankan mengusulkan mendesak "
    "memperingatkan membantah mengimbuhkan memperkirakan mencontohkan menyela mengamini berpendapat "
    "merinci memerinci menguraikan melaporkan "
    "mempertanyakan mengkritik mengkritisi menyayangkan menyesalkan "
    # English pages of Indonesian outlets: '"...," Name said', "Name told reporters". Not after
    # the quote too: "said on Monday" would look for a speaker in "on Monday".
    "said says told added explained stressed noted warned urged stated confirmed denied asserted "
    "emphasised emphasized acknowledged".split())
# Words between a speaker and the verb: "Name juga menegaskan", "Bupati pun mengingatkan".
LINKS_BEFORE_VERB = frozenset({"juga", "pun", "kembali", "turut", "lalu", "lantas",
                                "sebelumnya", "kemudian", "bahkan", "sendiri"})
# What a quotation was part of, named after "demikian": '"...," demikian amanat Pj Bupati'.
_SPEECHES = frozenset({"sambutan", "amanat", "arahan", "pidato", "pernyataan"})
# Relaying another's words: "membacakan (sambutan) Bupati", "mengutip Kajari", and with what
# was relayed named, "menyampaikan pesan Kakanwil".
_QUOTES_FROM = frozenset({"membacakan", "mengutip"})
PASSES_ON = _QUOTES_FROM | {"menyampaikan", "meneruskan", "menitipkan"}
_RELAYED = _SPEECHES | {"pesan", "instruksi", "imbauan"}


def is_say_after(lower: str) -> bool:
    return lower in _SPEAKER_FOLLOWS or lower.endswith("nya") and lower[:-3] in _SPEAKER_FOLLOWS


def says_next(words: list[str], i: int) -> bool:
    """`words[i]` is a verb of saying followed by its speaker, or the "oleh" after a
    passive one ("disampaikan oleh Bupati ...")."""
    lower = bare(words[i]).lower()
    if lower == "demikian":  # '"...," demikian Puji.', but not "Dengan demikian, ..."
        return i > 0 and words[i - 1].endswith(",")  # words carry no quotation marks
    if lower in _SPEECHES:  # '"...," demikian (isi) sambutan Pj Bupati yang dibacakan Sekda.'
        k = i - 2 if i > 1 and bare(words[i - 1]).lower() in {"isi", "bunyi"} else i - 1
        return k > 0 and bare(words[k]).lower() == "demikian" and words[k - 1].endswith(",")
    if lower in ALSO_ADVERBS:  # '"...," tegas Bupati', but not "menindak tegas lurah"
        return i == 0 or words[i - 1].endswith((",", ".", "!", "?"))
    return is_say_after(lower) or (lower == "oleh" and i > 0 and bare(words[i - 1]).lower() in SAID_BY)


def relays(words: list[str], i: int) -> bool:
    """Whether the office at `words[i]` is whose words someone reads out, quotes or passes on:
    "membacakan (pesan) Rektor", "mengutip Kajari", "menyampaikan arahan Kajari"."""
    k = i - 1
    while k >= 0 and bare(words[k]).lower() in HONORIFICS:
        k -= 1  # "membacakan pesan Bapak Kakanwil", as `roles.is_said` reads past them
    speech = k >= 0 and bare(words[k]).lower() in _RELAYED
    k -= speech
    verb = bare(words[k]).lower() if k >= 0 and not words[k].endswith((",", ".")) else ""
    return verb in _QUOTES_FROM or speech and verb in PASSES_ON
