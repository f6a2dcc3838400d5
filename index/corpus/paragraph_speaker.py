"""The speaker of one paragraph: whom its statements are attributed to, by name, office,
initials, nickname or pronoun, registering everyone it names on the way.

`ParagraphReader` walks the paragraph's words once. At an office (`roles`) it reads the
name and verb of saying around it; at a verb of saying ("kata", "ujarnya", "menurut")
the name after it; before a verb ("Tatang menegaskan") the name before it. A pronoun is
resolved once the paragraph is read: to the person named as a later sentence opens, else
the one who opens the paragraph, else the person the article was speaking of.
"""

from __future__ import annotations

import re
from collections import Counter

from index.corpus.name_reading import (BRACKETED_WORDS, OPENERS, OPENING_WORDS, PRONOUNS, body_in_between,
                                       epithet_at, holder_before, name_after, name_before, office_in_brackets,
                                       relative_clause_start, second_office)
from index.corpus.name_words import (HONORIFICS, ORG_WORDS, bare, could_be_name, has_place, is_degree, strip_honorifics,
                                     within_a_body)
from index.corpus.people import (MAX_PEOPLE, Person, initialled, named_holder, register, register_office,
                                 same_person, take_initials, within)
from index.corpus.places import places_at, without_brackets
from index.corpus.roles import EPITHET_END, LOWER_CASE_HEADS, after_former, read_role, role_at, skip_verb
from index.corpus.saying import ALSO_ADVERBS, LINKS_BEFORE_VERB, SAY_BEFORE, is_say_after, relays, says_next

_ACCOMPANYING = frozenset({"didampingi", "beserta"})
_DASHES = frozenset("—–")
_COVERS = frozenset({"membidangi", "membawahi", "menangani", "mengampu"})  # "Anggota ... yang membidangi ..."
# Heads that are someone's only with the unit they head.
_HEADS_OF_NOTHING = frozenset({"kepala", "ketua", "sekretaris", "direktur", "koordinator"})
_NAME_WORDS = 4  # a name set off after such a clause: "..., Mochamad Ilham Syafii, memastikan"
_JOINING = frozenset({"sekaligus", "merangkap", "selaku"})
_APPOSED_WORDS = 12  # "guru di SD Negeri 2 Karanglewas Lor,"
_PLACE_WORDS = 4  # "dari Kabupaten Pulang Pisau,"
_ATTENDED = frozenset({"dihadiri", "hadir"})
_LIST_SCAN_WORDS = 30  # a list names several offices in that many words
_ACTED_UPON = frozenset("berhalangan dilaporkan diperiksa dipanggil diduga dijatuhi diberhentikan dicopot disanksi "
                        "ditegur dinonaktifkan dimutasi terancam kedapatan tertangkap terekam terbukti "
                        "tampak terlihat terpantau".split())  # "Camat ..., Name, tampak duduk di barisan depan"
# "Salah seorang guru di SMP Negeri 2 yang tidak mau disebutkan namanya": a source the
# article keeps unnamed, with what it says of them.
_ANONYMOUS = re.compile(r"(?:\S+ itu, |namun, |sementara itu, )?((?:salah )?seorang [^,.\"“”]{2,80}?),? yang "
                        r"(?:enggan|tak mau|tidak mau|tidak ingin|tak ingin|minta|meminta) "
                        r"(?:disebut|disebutkan|ditulis|dituliskan) (?:nama|identitas)nya", re.IGNORECASE)
_ANONYMOUS_WORDS = 25
_DECLINED = re.compile(r"\b(?:enggan|menolak|tidak mau|tak mau|tidak bersedia|belum bersedia) "
                       r"(?:berkomentar|menjawab|memberikan keterangan|dikonfirmasi)", re.IGNORECASE)
_LEAD_IN_WORDS = 6  # "Soal kemungkinan sanksi, Name ...": a lead-in before the subject
_NICKNAME_CUES = frozenset({("akrab", "disapa"), ("biasa", "disapa"), ("sapaan", "akrabnya"),
                            ("sapaan", "akrab"), ("panggilan", "akrabnya"), ("panggilan", "akrab")})
# At most this many words describe the person spoken of: "Dosen yang juga putra Tapanuli itu".
_DESCRIPTION_WORDS = 10


def paragraph_speaker(words: list[str], quoted: list[bool], index: int, names: Counter[str],
                      people: list[Person], current: Person | None) -> Person | None:
    """Register the people paragraph `index` names in `people`; return the one it quotes,
    if any. `quoted` marks the words inside quotation marks, `names` the short names seen
    in attribution position across the article, and `current` is whom the article was
    speaking of."""
    return ParagraphReader(words, quoted, index, names, people, current).speaker()


class ParagraphReader:
    """One pass over a paragraph's words. An office that speaks inside a quotation
    ("“Setiap Kepala Perangkat Daerah wajib menyampaikan laporan,” jelas Sekda.") is spoken
    of, not the speaker."""

    def __init__(self, words: list[str], quoted: list[bool], index: int, names: Counter[str],
                 people: list[Person], current: Person | None) -> None:
        self.words, self.quoted, self.index, self.names = words, quoted, index, names
        self.people, self.current = people, current
        self.spoken: list[Person | None] = []  # None: a pronoun
        self.antecedents: list[Person | None] = []  # for each pronoun, a later sentence's subject
        self.named: list[Person] = []
        self.opener: Person | None = None  # named as the paragraph opens: its pronouns are theirs
        # Named as a later sentence opens, before anyone speaks: "... rekomendasi. Asisten ...,
        # Name, dalam rapat ..., meminta ... “...,” ujarnya."
        self.sentence_subject: Person | None = None
        self.channel: Person | None = None  # "melalui Kabag Prokopim, Maria, ...": who an office speaks through
        self.apposed: tuple[int, str] | None = None  # an office without a name, set off by a comma: where it ends
        self.named_end = -1
        self.i = 0

    def speaker(self) -> Person | None:
        words = self.words
        while self.i < len(words):
            end = self._office(self.i)
            if end is not None:
                self.i = max(end, self.i + 1)
                continue
            self._attribution(self.i)
            self.i += 1
        opener = self.opener or _named_at_opening(words, self.people, self.names, self.index) \
            or _anonymous_at_opening(words, self.people)
        resolved = [p if p is not None else later or opener or self.current
                    for p, later in zip(self.spoken, self.antecedents)]
        speaker = next((p for p in resolved if p is not None), None)
        if speaker:
            speaker.said += 1
        # No verb of saying, but the paragraph opens with who acts in it: "Pjs. Bupati Banyumas,
        # Hari Setiawan Nugraha, ... memastikan seluruh perangkat daerah bekerja ...", unless
        # to say nothing ("Zulkarnain ... enggan berkomentar")
        return speaker or (None if _DECLINED.search(" ".join(words)) else opener)

    def _speak(self, person: Person | None) -> None:
        if not self.quoted[self.i]:
            self.spoken.append(person)
            self.antecedents.append(None if any(self.spoken) else self.sentence_subject)

    def _office(self, i: int) -> int | None:
        """Read an office mention at `words[i]`; return where reading goes on, or None when
        no office that names, speaks or refers to anyone stands there."""
        words = self.words
        # After a verb of saying, a lower-case office is the speaker's: "kata anggota KPU RI, ..."
        after_verb = i > 0 and says_next(words, i - 1)
        role = role_at(words, i, capitalised=not after_verb)
        if not role:
            return self._stood_in_for(i)
        end, position, name, epithet, said = read_role(words, i, role, self.names)
        if not name and position.lower() in _HEADS_OF_NOTHING:
            return None  # "Kepala perangkat daerah diminta memastikan ...": heads in general
        if not has_place(position) and (place := _place_set_before(words, i)):
            position = f"{position} {place}"  # "Sementara dari Lombok Tengah, Pj Bupati menegaskan"
        elif within_a_body(position) and (body := _body_set_before(words, i)):
            position = f"{position} {body}"  # "Dari Bawaslu Sulsel, Koordinator Divisi ..., Name,"
        if not name and (described := _named_after_clause(words, end, self.names)):
            end, name = described
            said = True
        # "(disampaikan) Sekda Lamteng sekaligus Ketua Tim Netralitas ASN, Name,"
        if not name and (joined := _joined_office(words, end, position, self.names)):
            acting = bare(words[end]).lower() == "selaku"
            end, joined_position, name, joined_said = joined
            # Without a name, the first office tells who: "Sekda Sleman selaku Ketua Majelis
            # Kode Etik menjelaskan" is the Sekda named before. "selaku" names the capacity
            # at one event, so the first office stays the post: "Sekda ... selaku Ketua Satgas, Name"
            position = joined_position if name and not acting else position
            said = said or joined_said
        elif not (name or said):
            end, position, said = second_office(words, end, position, self.names)
        # An office right after someone read with theirs is another's: "melalui Kepala
        # Bagian Prokopim, Maria Goreti Seran, Pj Wali Kota Kupang menyampaikan"
        besides = False
        set_off = end >= len(words) or words[end - 1].endswith((",", ".", ";"))
        if not name and i != self.named_end and (name := holder_before(words, i, said, self.names, set_off)):
            if after_former(words, i):
                position = f"mantan {position}"
            elif words[i].islower():  # "Rifqi, pengamat kebijakan publik dari Untirta": to the clause's end
                position = apposed_office(words, i, self.names) or position
            besides = _held_besides(words, i)
        # "Anggota Bawaslu Kabupaten Garut, Koordinator Divisi ..., Name,": the second office
        # in apposition is held in the first one's body
        if name and self.apposed is not None and self.apposed[0] == i:
            position = within(position, [self.apposed[1]])
        self.apposed = (end, position) if not (name or said) and words[end - 1].endswith(",") else None
        if not (name or after_verb or words[i][:1].isupper()):
            return None  # "seorang pengamat menilai" is no one's; "peneliti ..., Arief Nugroho," is
        relayed = relays(words, i) and not self.quoted[i]
        relayer = next((p for p in reversed(self.spoken) if p is not None), None) if relayed else None
        while relayed and self.spoken and self.spoken[-1] in (None, relayer):
            # "“...,” ujar Ratih membacakan pesan Rektor", "kata Rizky menyampaikan arahan
            # Kajari": the Rektor's and the Kajari's words, not Ratih's or Rizky's
            self.spoken.pop()
            self.antecedents.pop()
        if name:
            end = self._named_office(i, end, position, name, said, besides)
            if relayed and not said:
                self._speak(self.named[-1])
            return end
        if relayed and position:
            self._speak(named_holder(self.people, position) or register_office(self.people, position, self.index))
            return end
        # "Sulaiman Nadjib mengungkapkan ... Ketua Bawaslu Kukar itu menyebut": the one who
        # spoke last in this paragraph, else the one spoken of before it
        referred = next((p for p in reversed(self.spoken) if p is not None), self.current)
        if epithet and referred and position and not after_former(words, i) and not self.quoted[i]:
            self._epithet(i, position, said, after_verb, referred)
        elif said and position and not epithet and not after_former(words, i):
            end = self._office_speaks(i, end, position, after_verb)
        return end

    def _stood_in_for(self, i: int) -> int | None:
        """The holder of the office someone stands in for, registered with it, but silent:
        "Asisten I, yang mewakili Pj Bupati Lampung Selatan, Arsyad Nurdin, ..."."""
        role = role_at(self.words, i, stood_in_for=True)
        if not role or self.words[i + role - 1].endswith(","):
            return None  # "Mewakili Penjabat Bupati, Asisten ..., Name,": the next office is the speaker's
        end, position, name, _, _ = read_role(self.words, i, role, self.names)
        if name:
            register(self.people, name, position, self.index)
        return end

    def _named_office(self, i: int, end: int, position: str, name: str, said: bool, besides: bool) -> int:
        """Someone named with their office ("Ketua Bawaslu Bontang Aldy Altrian mengatakan")."""
        words, named = self.words, self.named
        if named and i > 0 and bare(words[i - 1]).lower() == "melalui":
            position = within(position, named[-1].positions)
        person = register(self.people, name, "" if besides else position, self.index)
        if besides:  # "Firdaus, yang juga menjabat Ketua Korpri ...": not what he speaks as
            person.add_position(position, besides=True)
        take_initials(words[i:end + 1], person)
        self.named_end = end
        self.channel = person if i > 0 and bare(words[i - 1]).lower() == "melalui" else None
        if said:
            # "Pj Wali Kota Nurdin, didampingi Sekda Herman, meminta": Nurdin asks, as Rudy
            # does in "Pjs Gubernur, Rudy, dalam sambutan yang dibacakan Staf Ahli ..., Syaiful, meminta"
            accompanied = named and (bare(words[i - 1]).lower() in _ACCOMPANYING or _reads_out(words, i - 1))
            self._speak(named[-1] if accompanied else person)
            verb = skip_verb(words, end)
            for k in range(end, verb):  # "Yusril, yang akrab disapa Ucil, mengatakan"
                _take_nickname(words, k, person)
            end = verb
        acts = not _acted_upon(words, end) and not _attending(words, i) and not _unreached(words, end)
        if not named and i <= OPENING_WORDS and acts:
            self.opener = person  # "Ketua PGRI ..., Nurhayati, mendukung ... Namun ia meminta"
        elif acts and words[i - 1].endswith("."):
            self.sentence_subject = person
        elif not said and not self.spoken and words[end - 1].endswith(".") and not _attending(words, i):
            # named as a sentence closes, so the next one's "Ia" is theirs: "... mendapat
            # tanggapan dari Anggota DPRD Manggarai Barat, Blasius Ndahur. Ia menilai ..."
            self.sentence_subject = person
        named.append(person)
        return end

    def _epithet(self, i: int, position: str, said: bool, after_verb: bool, current: Person) -> None:
        """ "Pj Bupati itu menegaskan": whoever holds the office, else `current`, the one speaking."""
        holder = named_holder(self.people, position)
        if holder is None:  # "ujar pria yang juga Guru Besar ... itu": held besides
            current.add_position(position, besides=_held_besides(self.words, i))
        if said:
            if after_verb and self.spoken and self.spoken[-1] is None:
                self.spoken.pop()  # "“...,” tutup Ketua Bawaslu Lebak itu": the verb's, no pronoun
            self._speak(holder or current)

    def _office_speaks(self, i: int, end: int, position: str, after_verb: bool) -> int:
        """An office with no name before a verb of saying; returns the verb's end."""
        words = self.words
        verb = skip_verb(words, end)
        if self.current and (_refers_back(words, verb - 1) or after_verb and epithet_at(words, i)):
            self._speak(self.current)  # "Dosen yang juga putra Tapanuli itu menyarankan", "ujar guru besar ... itu"
        elif i == self.named_end and self.named and words[i - 1].endswith(",") and words[end - 1].endswith(","):
            # set off right after a name, the office is that person's too: "Anggota Bawaslu
            # Jember Fitria Nurul Aini, Koordinator Divisi ..., membenarkan"
            self._speak(self.named[-1])
        elif self.channel and i == self.named_end:
            # The office unnamed, who it speaks through says it, by name; a named
            # one ("Melalui Kabag Humas, Pj Bupati Bambang menyampaikan") speaks itself.
            self._speak(self.channel)
        elif (initials := initialled(self.people, words, end - 1)) is not None:
            self._speak(initials)  # "Pj Bupati HS menegaskan", Hendri Syahputra named before
        else:  # "Kepala BKPSDM Sleman mengatakan ...": an office speaks without a name
            self._speak(register_office(self.people, position, self.index))
        return verb

    def _described(self, clause: int, verb: int) -> Person | None:
        """The subject a clause from `words[clause]` describes before the verb: someone named
        before ("Junaidi yang duduk di seberang meja langsung menimpali", "Wan Nurhayati,
        S.E., M.Ak, yang mendampingi Inspektur menambahkan"), a name the clause sets off by
        commas ("Suwarno, yang ditemui di Balai Kalurahan Ngeposari, membenarkan") or a full
        name ("Hardianto Pulumoduyo yang turut hadir dalam rapat tersebut mengapresiasi")."""
        words = self.words
        if known := _known_at(self.people, words, _past_degrees(words, clause - 1)):
            return known
        set_off = words[clause - 1].endswith(",") and words[verb - 1].endswith(",")
        name = name_before(words, clause, self.names)
        # a full name needs no commas: "Hardianto Pulumoduyo yang turut hadir ... mengapresiasi"
        return register(self.people, name, "", self.index) if name and (set_off or len(name.split()) > 1) else None

    def _attribution(self, i: int) -> None:
        """A word that is no office: a nickname's cue, a pronoun's verb ("tegasnya"), a verb
        before its speaker ("kata Hera") or after it ("Tatang menegaskan")."""
        words = self.words
        lower = bare(words[i]).lower()
        if self.named or self.current:  # "..., yang akrab disapa Rahma", "TGH Zul, sapaan akrabnya"
            _take_nickname(words, i, self.named[-1] if self.named else self.current)
            _take_nickname_before(words, i, self.named[-1] if self.named else self.current)
        if is_say_after(lower) and lower.endswith("nya"):
            self._speak(None)  # "tegasnya", "menurutnya"
        elif says_next(words, i) and not words[i].endswith((".", ":")) or self._credit_after_quote(i):
            self._speaker_after(i)
        elif lower in SAY_BEFORE:
            self._speaker_before(i)

    def _credit_after_quote(self, i: int) -> bool:
        """Right after a quotation, a dash credits it, as a pull quote does ('“...” — Kepala
        Kanreg VI BKN Medan, Darwin Halomoan Siregar'), and so does "tegas" or "jelas" with
        no comma before it ('"... hukuman disiplin" jelas Rusli.')."""
        word = self.words[i]
        return (word in _DASHES or bare(word).lower() in ALSO_ADVERBS) and i > 0 and self.quoted[i - 1] \
            and not self.quoted[i]

    def _speaker_after(self, i: int) -> None:
        """ "kata Hera", "kata dia", "Menurut Rahma, sapaan akrabnya", "kata ZA"."""
        words, people = self.words, self.people
        target = name_after(words, i + 1, self.names)
        after = i + 1 + len(target.split()) if target else i + 1
        while target and after - len(target.split()) < len(words) and \
                bare(words[after - len(target.split())]).lower() in HONORIFICS:
            after += 1  # "Menurut Bu Ros, ...": past the honorific name_after skipped
        if target == "PRONOUN" or not target and epithet_at(words, i + 1):
            self._speak(None)  # "kata dia", "ujar pria yang memimpin Bawaslu Sulsel ... itu"
        elif target and _nickname_follows(words, after) and (holder := _nicknamed(people, target) or self.current):
            holder.add_nickname(target)  # "Menurut Rahma, sapaan akrabnya, ..."
            self._speak(holder)
        elif target:
            self._speak(register(people, target, apposed_office(words, after, self.names), self.index))
        elif (by_initials := initialled(people, words, i + 1)) is not None:
            self._speak(by_initials)  # "kata ZA"

    def _speaker_before(self, i: int) -> None:
        """The subject of a verb of saying at `words[i]`: "Ani Sofian (Camat ...) menekankan"."""
        words, people = self.words, self.people
        start, office = office_in_brackets(words, i)
        subject = name_before(words, start, self.names)
        if not (subject or office):  # "I Ketut Suardana dari Bawaslu Banggai mengatakan"
            at, office = body_in_between(words, i)
            subject = name_before(words, at, self.names) if office else None
            if subject and (head := _head_set_before(words, at, subject)):
                office = f"{head} {office}"  # "Salah seorang guru, Rina Marlina, S.Pd., dari SDN 2 ..."
        if subject:
            self._speak(register(people, subject, office, self.index))
        elif (by_initials := initialled(people, words, _subject_at(words, start))) is not None:
            self._speak(by_initials)  # "ZA kemudian memaparkan"
        elif (known := _known_at(people, words, _subject_at(words, start))) is not None:
            self._speak(known)  # "Tatang kembali menegaskan": a word no reading takes for a name alone
        elif (called := _called_in(words, i, people)) is not None:
            self._speak(called)
        elif (post := _apposed_post_before(words, i)) and (name := name_before(words, post, self.names)):
            # "Agustina Lete, guru di sebuah SMP negeri ..., membantah"
            self._speak(register(people, name, apposed_office(words, post, self.names), self.index))
        elif (clause := relative_clause_start(words, i)) and (described := self._described(clause, i)):
            self._speak(described)
        elif _refers_back(words, i):
            self._speak(None)


def _apposed_post_before(words: list[str], verb: int) -> int | None:
    """Where a post written in lower case, set off by commas between a name and the verb,
    starts: "Agustina Lete, guru di sebuah SMP negeri di Kecamatan Kupang Tengah, membantah"."""
    if not (verb > 1 and words[verb - 1].endswith(",")):
        return None
    for k in range(verb - 1, max(verb - _APPOSED_WORDS, 0), -1):
        if k < verb - 1 and words[k].endswith((",", ".", "!", "?", ":")):
            return None
        if bare(words[k]).lower() in LOWER_CASE_HEADS and words[k][:1].islower() and words[k - 1].endswith(","):
            return k
    return None


def _called_in(words: list[str], verb: int, people: list[Person]) -> Person | None:
    """Whom a description before the verb names by nickname ("Terkait sanksi, pria yang akrab
    disapa Bang Zul itu menilai": Zulkifli Anwar, named so before or not), if anyone."""
    for k in range(max(verb - _DESCRIPTION_WORDS, 1), verb):
        if (bare(words[k - 1]).lower(), bare(words[k]).lower()) in _NICKNAME_CUES:
            called = [bare(w) for w in words[k + 1:verb] if bare(w).lower() not in HONORIFICS | EPITHET_END]
            if not called or not called[0][:1].isupper():
                return None
            return _nicknamed(people, called[0]) or next(  # "Bang Zul": Zulkifli Anwar
                (p for p in people if p.name and {called[0], " ".join(called[:2])} & set(p.nicknames)), None)
    return None


def _place_set_before(words: list[str], i: int) -> str:
    """The place an office without one is from, set before it: "Sementara dari Lombok Tengah,
    Pj Bupati ...", "Adapun di Kabupaten Kapuas Hulu, Plt Kepala BKPSDM ..."; else ""."""
    start = _set_off_after(words, i, {"dari", "di"}, _PLACE_WORDS)
    if start is None:
        return ""
    tokens = [bare(w) for w in words[start:i]]
    level = int(bool(tokens) and tokens[0].lower() in {"kabupaten", "kota", "provinsi"})
    if not level and bare(words[start - 1]).lower() == "di":
        return ""  # "di Jakarta, Kepala BKN ...": where it was said, not whose office
    size, _ = places_at(tokens, level)
    return " ".join(tokens) if size and level + size == len(tokens) else ""


def _body_set_before(words: list[str], i: int) -> str:
    """The body a post is in, set before it: "Dari Bawaslu Sulsel, Koordinator Divisi ...";
    else ""."""
    start = _set_off_after(words, i, {"dari"}, _PLACE_WORDS + 1)
    if start is None or start >= i or bare(words[start]).lower() not in ORG_WORDS:
        return ""
    tokens = [bare(w) for w in words[start:i]]
    return " ".join(tokens) if all(t[:1].isupper() for t in tokens) else ""


def _set_off_after(words: list[str], i: int, leads: set[str], span: int) -> int | None:
    """Where the words set off by a comma before `words[i]` start, after one of `leads`
    at most `span` words back ("Sementara dari Lombok Tengah, ..."), or None."""
    if i < 2 or not words[i - 1].endswith(","):
        return None
    return next((k + 1 for k in range(i - 2, max(i - span - 2, -1), -1) if bare(words[k]).lower() in leads), None)


# Words that make a clause, not a post: "guru lebih mudah memahami aturan", "guru harus netral".
_CLAUSE_MARKERS = frozenset({"lebih", "harus", "tidak", "tak", "sudah", "akan", "bisa", "dapat", "perlu",
                             "masih", "belum", "sangat", "mudah", "sering", "kerap", "wajib", "boleh"})


def apposed_office(words: list[str], k: int, names: Counter[str]) -> str:
    """The office set off after a name the verb of saying gave ("kata Sri, guru SD Negeri 2
    Kuwu yang ..."), or ""."""
    if not 0 < k < len(words) or not words[k - 1].endswith(","):
        return ""
    # "guru" heads no office in running text ("para guru"), but does set off after a name
    role = role_at(words, k, capitalised=False) or int(bare(words[k]).lower() in LOWER_CASE_HEADS)
    if not role:
        return ""
    if bare(words[k]).lower() in LOWER_CASE_HEADS:
        # A teacher's or analyst's post, after their own name, runs to the clause's end:
        # "guru di SD Negeri 2 Karanglewas Lor,", "analis kebijakan di Pemerintah Kabupaten Karo,"
        end = next((j for j in range(k + 1, min(k + _APPOSED_WORDS, len(words) + 1))  # to the paragraph's end
                    if words[j - 1].endswith((",", ".", ";")) or j < len(words) and bare(words[j]).lower() == "yang"),
                   None)
        office = without_brackets(" ".join(words[k:end]).rstrip(",.;")) if end else ""
        if any(bare(w).lower() in _CLAUSE_MARKERS for w in words[k + 1:end or k]):
            return ""  # "Menurut Ninik, guru lebih mudah memahami ...": what she reports, no post
        office = re.sub(r" (?:itu|tersebut)$", "", office)  # "kata Rina, guru mata pelajaran ... itu."
        return office[:1].upper() + office[1:]
    end, position, name, _, said = read_role(words, k, role, names)
    # an office not set off opens what is reported: "Menurut Yudhistira, Mendagri juga
    # meminta ...", "Menurut Fikri, Pjs Gubernur telah memanggil ..."
    set_off = end >= len(words) or words[end - 1].endswith((",", ".", ";", ")"))
    return "" if name or not set_off else position


def _held_besides(words: list[str], i: int) -> bool:
    """The office at `words[i]` is one its holder also holds: "yang juga (menjabat)"."""
    return any(bare(w).lower() == "juga" for w in words[max(i - 3, 0):i])


def _named_after_clause(words: list[str], end: int, names: Counter[str]) -> tuple[int, str] | None:
    """(where the name ends, the name) of an office's holder set off after the clause that says
    what the office covers: "Anggota Bawaslu Jatim yang membidangi Divisi Pencegahan,
    Partisipasi Masyarakat, dan Hubungan Masyarakat, Mochamad Ilham Syafii, memastikan"."""
    if end + 1 >= len(words) or bare(words[end]).lower() != "yang" or \
            bare(words[end + 1]).lower() not in _COVERS:
        return None
    commas = [k for k in range(end + 2, min(end + _APPOSED_WORDS + 2, len(words))) if words[k].endswith(",")]
    for k, after in zip(commas, commas[1:]):
        run = strip_honorifics([bare(w) for w in words[k + 1:after + 1]])
        if 1 < len(run) <= _NAME_WORDS and all(could_be_name(w) for w in run) and \
                after + 1 < len(words) and bare(words[after + 1]).lower() in SAY_BEFORE:
            return after + 1, " ".join(run)
    return None


def _reads_out(words: list[str], k: int) -> bool:
    """`words[k]` is "dibacakan" (or its "oleh"): whom it names reads another's speech."""
    if k > 0 and bare(words[k]).lower() == "oleh":
        k -= 1
    return k >= 0 and bare(words[k]).lower() == "dibacakan"


def _attending(words: list[str], i: int) -> bool:
    """Whether the office at `words[i]` opens a list of who attended ("Kegiatan dihadiri oleh
    Kepala Subbagian ...; Kepala Seksi ...", "Turut hadir ..."): none of them speaks in it.
    One guest named alone ("Apel juga dihadiri tokoh agama ..., Habib Ahmad.") may act in it."""
    if not any(bare(w).lower() in _ATTENDED for w in words[max(0, i - 3):i]):
        return False
    return sum(w.endswith((",", ";")) for w in words[i:i + _LIST_SCAN_WORDS]) > 2


def _acted_upon(words: list[str], end: int) -> bool:
    """Whether the person named before `words[end]` is what the sentence is about, not who
    acts in it: "Kepala Dinas PUPR ..., Hotman Lumbantobing, dilaporkan ke Bawaslu"."""
    return end < len(words) and bare(words[end]).lower() in _ACTED_UPON


def _joined_office(words: list[str], end: int, position: str,
                   names: Counter[str]) -> tuple[int, str, str | None, bool] | None:
    """A second office joined to the first ("Anggota Bawaslu Lumajang sekaligus Koordinator
    Divisi Pencegahan, Arif Budi Santoso, mengajak") is held in the first one's body."""
    joined = end < len(words) and bare(words[end]).lower() in _JOINING
    second = role_at(words, end + 1) if joined else 0
    if not second:
        return None
    after, more, name, _, said = read_role(words, end + 1, second, names, joined=True)
    return (after, within(more, [position]), name, said) if name or said else None


def _named_at_opening(words: list[str], people: list[Person], names: Counter[str],
                      index: int) -> Person | None:
    """Who opens the paragraph as its subject, so its pronouns are theirs: someone already
    named ("Datuak Rajo Mangkuto sepakat ... “...,” ujarnya."), or a name with its office in
    brackets ("Cecep Hidayat (Camat Tarogong Kidul) menyambut baik ... Ia mengaku ...")."""
    for start in range(min(_LEAD_IN_WORDS, len(words))):
        previous = bare(words[start - 1]).lower() if start else ""
        if start and not (words[start - 1].endswith(",") or previous in OPENERS or previous in HONORIFICS):
            continue  # "Pak Slamet menutup amanatnya ...": after the honorific
        if start >= OPENING_WORDS and any(w.endswith((",", ".")) for w in words[:start - 1]):
            continue  # later only after a lead-in: "Soal kemungkinan sanksi, Andi Syamsu enggan ..."
        run: list[str] = []
        for word in words[start:start + 4]:
            if not could_be_name(bare(word)):
                break
            run.append(bare(word))
            if word.endswith((",", ".")):
                break
        for size in range(len(run), 0, -1):
            person = next((p for p in people if p.name and same_person(p.name, " ".join(run[:size]))), None)
            if person:
                # "Hingga berita ini diturunkan, Hotman belum dapat dikonfirmasi": no one speaks
                return None if _unreached(words, start + size) else person
        if run and start + len(run) < len(words) and words[start + len(run)].startswith("("):
            return _bracketed_holder(words, start + len(run), people, names, index)
    return None


def _head_set_before(words: list[str], end: int, name: str) -> str:
    """The described post set off before a name that ends before `words[end]` ("guru,
    Rina Marlina, S.Pd., dari ..."), capitalised, or ""."""
    first = name.split()[0]
    start = next((k for k in range(end - 1, max(end - _APPOSED_WORDS, 0), -1) if bare(words[k]) == first), 0)
    head = bare(words[start - 1]).lower() if start > 0 and words[start - 1].endswith(",") else ""
    return head.capitalize() if head in LOWER_CASE_HEADS else ""


def _past_degrees(words: list[str], k: int) -> int:
    """Where the word before the degrees ending at `words[k]` stands ("Name, S.E., M.Ak,")."""
    while k > 0 and is_degree(words[k]):
        k -= 1
    return k


def _unreached(words: list[str], k: int) -> bool:
    """Whether the words from `words[k]` say the person could not be reached: "belum dapat
    dikonfirmasi", "tidak bisa dihubungi" (but "tidak membantah" speaks)."""
    while k < len(words) and bare(words[k]).lower() in LINKS_BEFORE_VERB:
        k += 1  # "juga belum merespons"
    following = [bare(w).lower() for w in words[k:k + 2]]
    return bool(following) and following[0] == "belum" or \
        following[:1] in (["tidak"], ["tak"]) and following[1:] in (["dapat"], ["bisa"], ["berhasil"])


def _bracketed_holder(words: list[str], bracket: int, people: list[Person], names: Counter[str],
                      index: int) -> Person | None:
    """The person named before an office in brackets at `words[bracket]`, registered."""
    close = next((k for k in range(bracket, min(bracket + BRACKETED_WORDS, len(words)))
                  if words[k].endswith(")")), None)
    if close is None:
        return None
    bracket, office = office_in_brackets(words, close + 1)
    name = name_before(words, bracket, names) if office else None
    return register(people, name, office, index) if name else None


def _anonymous_at_opening(words: list[str], people: list[Person]) -> Person | None:
    """An unnamed source opening the paragraph ("Seorang ASN di Dinas Pendidikan Garut yang
    enggan disebut namanya mengaku ..."): its "katanya" is theirs, not the last official's."""
    found = _ANONYMOUS.match(" ".join(words[:_ANONYMOUS_WORDS]))
    if not found or len(people) >= MAX_PEOPLE:  # as register: hostile text stays linear
        return None
    person = Person("", [found.group(1)[:1].upper() + found.group(1)[1:]], 0, 0)
    people.append(person)
    return person


def _take_nickname(words: list[str], k: int, person: Person) -> None:
    """ "akrab disapa Ucil" or "sapaan akrabnya Da Andri" ending at `words[k]`: what follows
    is what the person is called, dictionary words and all ("Miq Syarif")."""
    pair = (bare(words[k - 1]).lower(), bare(words[k]).lower()) if k > 0 else ("", "")
    if pair not in _NICKNAME_CUES:
        return
    start = k + 1
    while start < min(k + 3, len(words) - 1) and bare(words[start]).lower() in HONORIFICS:
        start += 1  # "akrab disapa Pak Harto": called Harto
    run: list[str] = []
    for word in words[start:start + 3]:
        if not could_be_name(bare(word)):
            break
        run.append(bare(word))
        if word.endswith((",", ".", ")")):
            break
    if run:
        person.add_nickname(" ".join(run))


def _subject_at(words: list[str], verb: int) -> int:
    """Where the subject of the verb at `words[verb]` stands: "ZA kemudian memaparkan"."""
    k = verb - 1
    while k > 0 and bare(words[k]).lower() in LINKS_BEFORE_VERB:
        k -= 1
    return k


def _take_nickname_before(words: list[str], k: int, person: Person) -> None:
    """ "TGH Zul, sapaan akrabnya, mengaku ...": the name set off before the cue at `words[k]`
    is what the person spoken of is called."""
    if not (k > 0 and words[k - 1].endswith(",") and _nickname_follows(words, k)):
        return
    start = k - 1
    while start > max(k - 4, 0) and could_be_name(bare(words[start - 1])) \
            and not words[start - 1].endswith((",", ".")):
        start -= 1
    run = [bare(w) for w in words[start:k]]
    if all(could_be_name(w) for w in run):
        person.add_nickname(" ".join(run))


def _known_at(people: list[Person], words: list[str], k: int) -> Person | None:
    """The person already named whose name `words[k]` is part of."""
    word = bare(words[k]) if 0 <= k < len(words) else ""
    before = words[k - 1] if k > 0 else ""
    if not word[:1].isupper() or before[:1].isupper() and not before.endswith(",") \
            and bare(before).lower() not in HONORIFICS:
        return None  # not within a longer capitalised run: "Pemkab Tatang" is no one; "Cak Nur" is
    return next((p for p in people if p.name and (word in p.name.split() or word in p.nicknames)), None)


def _nicknamed(people: list[Person], nickname: str) -> Person | None:
    """The person whose name a nickname is part of ("Daeng Sila": Muhammad Ramli Daeng Sila) or
    cut from ("Rahma": Rahmawati Sulistyorini)."""
    named = [p for p in people if p.name and same_person(p.name, nickname)]
    if len(named) == 1:
        return named[0]
    short = nickname.lower()
    return next((p for p in people if any(w.lower().startswith(short) for w in p.name.split())), None)


def _nickname_follows(words: list[str], k: int) -> bool:
    """ "Rahma, sapaan akrabnya" or "panggilan akrab Rahmawati": the name before is what
    the person just spoken of is called."""
    following = [bare(w).lower() for w in words[k:k + 2]]
    return len(following) == 2 and following[0] in {"sapaan", "panggilan"} \
        and following[1].startswith("akrab")


def _refers_back(words: list[str], verb: int) -> bool:
    """Whether the subject before a verb of saying is the person spoken of: a pronoun ("ia
    juga meminta", "yang bersangkutan menyatakan") or a description ending in "itu" that
    opens the sentence ("Perempuan berkacamata itu juga menyarankan", "Politikus yang sudah
    dua periode duduk di DPRD itu meminta")."""
    j = verb - 1
    while j >= 0 and bare(words[j]).lower() in LINKS_BEFORE_VERB:
        j -= 1
    if j < 0:
        return False
    subject = bare(words[j]).lower()
    if subject in PRONOUNS | {"dirinya", "pihaknya", "bersangkutan"}:
        return True
    if subject not in EPITHET_END:
        return False
    start = next((k + 1 for k in range(j - 1, max(j - _DESCRIPTION_WORDS, -1), -1)
                  if words[k].endswith((".", "!", "?", ",", ":", "”", "\""))), None)
    return (start if start is not None else 0) >= j - _DESCRIPTION_WORDS and \
        (start is not None or j < _DESCRIPTION_WORDS)
