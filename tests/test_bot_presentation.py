"""How an answer shows its statements, through the real Application and the emulator: the
sentence that best matches the question in bold, a button that opens each source page,
and the official shown once for several statements of one article."""

from __future__ import annotations

from index import Article, Official

USER = 4343
URL = "https://berita.example.id/sanggau/asn-dilarang-hadiri-deklarasi"
SANGGAU = Article(
    id="sanggau1", title="Bupati Sanggau Larang ASN Hadiri Deklarasi Pasangan Calon",
    outlet="Warta Sanggau", url=URL, date="2024-10-02",
    official=Official("Suherman", "Penjabat Bupati Sanggau"),
    body=("Penjabat Bupati Sanggau Suherman menegaskan ASN dilarang menghadiri deklarasi "
          "pasangan calon dalam bentuk apa pun. Larangan itu berlaku sejak tahapan pencalonan.\n\n"
          "\"Apel pagi tetap jalan seperti biasa. Deklarasi pasangan calon bukan tempat bagi ASN, "
          "termasuk saat cuti,\" tegas Suherman di Sanggau.\n\n"
          "\"Kalau ada ASN yang hadir di deklarasi, kami serahkan kepada Bawaslu untuk diperiksa. "
          "Sanksinya bisa berat,\" kata Suherman."))


def _keyboard(call) -> list[list[dict]]:
    return (call.params.get("reply_markup") or {}).get("inline_keyboard", [])


async def test_answer_bolds_best_sentence_links_source_and_names_official_once(bot):
    await bot.svc.knowledge.add(SANGGAU)
    reply = await bot.ask_private(USER, "Bolehkah ASN menghadiri deklarasi pasangan calon saat cuti?")
    text = reply.text
    assert text.count("<b>Suherman</b>, Penjabat Bupati Sanggau") == 1  # once for its statements
    assert text.count("Warta Sanggau") == 1
    assert "bukan tempat bagi ASN" in text and "serahkan kepada Bawaslu" in text, text
    # in each statement the sentence about attending declarations is bold, the roll call not
    assert "<b>Penjabat Bupati Sanggau Suherman menegaskan ASN dilarang menghadiri deklarasi" in text
    assert "<b>&quot;Kalau ada ASN yang hadir di deklarasi" in text
    assert "<b>&quot;Apel pagi" not in text and "<b>Larangan itu" not in text
    sources = [b for row in _keyboard(reply) for b in row if "url" in b]
    assert sources and sources[0]["url"] == URL and sources[0]["text"].startswith("🔗 Sumber 1, 2")
    assert any("callback_data" in b for row in _keyboard(reply) for b in row)  # paging, feedback stay


async def test_statements_without_a_url_get_no_source_button(bot):
    reply = await bot.ask_private(USER, "Apakah ASN boleh terlibat politik praktis selama pilkada?")
    assert "📰" in reply.text
    assert not [b for row in _keyboard(reply) for b in row if "url" in b]  # shipped seeds: no URL


async def test_an_office_quoted_without_a_name_is_shown_by_its_office(bot):
    """News sometimes quotes an office without naming the person ("Kepala BKPSDM ...
    mengatakan"): that statement shows the office, not the article's named official."""
    article = Article(
        id="sanggau2", title="Pemkab Sanggau Siapkan Sanksi bagi ASN Tidak Netral",
        outlet="Warta Sanggau", url=URL + "-2", date="2024-10-03",
        official=Official("Suherman", "Penjabat Bupati Sanggau"),
        body=("Penjabat Bupati Sanggau Suherman meminta ASN menjaga netralitas.\n\n"
              "Sementara itu, Kepala BKPSDM Sanggau mengatakan pemeriksaan ASN yang dilaporkan "
              "Bawaslu selesai dalam empat belas hari kerja.\n\n"
              "\"Hasilnya kami serahkan kepada pejabat pembina kepegawaian,\" ujarnya."))
    await bot.svc.knowledge.add(article)
    reply = await bot.ask_private(USER, "Berapa hari pemeriksaan ASN yang dilaporkan Bawaslu di Sanggau?")
    text = reply.text
    assert "empat belas hari kerja" in text, text
    byline = text[text.index("empat belas hari kerja"):].split("📰")[0]
    assert "— <b>Kepala BKPSDM Sanggau</b>" in byline and "Suherman" not in byline, text


async def test_an_interviews_answer_is_bold_not_the_question_it_answers(bot):
    """A reader's question travels with the answer below it; the question shares the asker's
    words, but the answer is what is bolded, under the one who answered."""
    article = Article(
        id="kudus1", title="Tanya Jawab Netralitas ASN bersama BKPSDM Kudus",
        outlet="Suara Kudus", url=URL + "-kudus", date="2024-10-20",
        official=Official("Eko Budi Santoso", "Kepala BKPSDM Kabupaten Kudus"),
        body=("Kepala BKPSDM Kabupaten Kudus, Eko Budi Santoso, menjawab pertanyaan pembaca soal netralitas.\n\n"
              "Tanya: Bolehkah ASN mengantar suami yang menjadi calon bupati ke lokasi kampanye?\n\n"
              "Jawab: Boleh mengantar sampai lokasi, tetapi tidak boleh naik panggung atau memakai "
              "atribut pasangan calon."))
    await bot.svc.knowledge.add(article)
    reply = await bot.ask_private(USER, "Bolehkah ASN mengantar suami yang jadi calon bupati ke kampanye?")
    text = reply.text
    assert "<b>Jawab: Boleh mengantar sampai lokasi" in text, text
    assert "<b>Tanya:" not in text and "Eko Budi Santoso" in text
