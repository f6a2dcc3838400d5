"""Every user-facing sentence, in Indonesian, in one place.

Every message is sent as HTML (the Application's default parse mode), so whatever comes from
users, pages or errors is escaped here, after `clip` bounds it; messages with a variable
number of lines are assembled by `fit_items`, so each fits Telegram's limit.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime, tzinfo
from html import escape
from typing import Any

from bot.fitting import MAX_TEXT, clip, fit_items, visible_length
from bot.render import indonesian_date
from index import Article, FeedCounts, IndexFacts, PollReport

EXAMPLES = (
    "Apakah ASN boleh ikut kampanye?",
    "Apa sanksi bagi ASN yang tidak netral?",
    "Bolehkah ASN menyukai unggahan pasangan calon di media sosial?",
)

COMMANDS = [
    ("tanya", "Ajukan pertanyaan tentang netralitas ASN"),
    ("bantuan", "Panduan memakai bot"),
    ("langganan", "Grup berlangganan pengumuman (admin grup)"),
    ("berhenti", "Grup berhenti berlangganan (admin grup)"),
]
ADMIN_COMMANDS = [
    ("tambah", "Tambah artikel dari URL"),
    ("hapus", "Hapus artikel tambahan"),
    ("reindex", "Bangun ulang indeks"),
    ("statistik", "Statistik pemakaian"),
    ("umumkan", "Kirim pengumuman ke grup"),
    ("jadwal", "Daftar pengumuman terjadwal"),
    ("antrean", "Artikel feed yang menunggu persetujuan"),
]


def help_html(bot_username: str) -> str:
    examples = "\n".join(f"• <code>{escape(e)}</code>" for e in EXAMPLES)
    return (
        "👋 <b>Netral</b> menjawab pertanyaan ASN seputar netralitas pada Pilkada dengan "
        "<b>pernyataan resmi pejabat</b> dari berita, lengkap dengan nama, jabatan, dan sumbernya.\n\n"
        "<b>Cara bertanya</b>\n"
        "• Di chat pribadi: tulis saja pertanyaan Anda.\n"
        "• Di grup: <code>/tanya pertanyaan</code>, sebut "
        f"@{escape(bot_username)}, atau balas pesan bot.\n"
        f"• Di chat mana pun: ketik <code>@{escape(bot_username)} pertanyaan</code> (mode inline).\n\n"
        f"<b>Contoh</b>\n{examples}\n\n"
        "Tekan <b>Lainnya</b> untuk pernyataan berikutnya, dan 👍/👎 untuk menilai jawaban.\n"
        "Admin grup dapat mengetik /langganan agar grup menerima pengumuman."
    )


TANYA_USAGE = "Tulis pertanyaan setelah perintah, contoh:\n<code>/tanya Apakah ASN boleh ikut kampanye?</code>"
EMPTY_QUESTION = "Pertanyaannya kosong. Tulis pertanyaan Anda, misalnya: <code>Apakah ASN boleh ikut kampanye?</code>"
NO_WORDS = ("Saya hanya bisa menjawab pertanyaan berupa kata-kata 🙂 Coba tulis, misalnya: "
            "<code>Apa sanksi bagi ASN yang tidak netral?</code>")
NON_TEXT = ("Saya hanya membaca pesan teks. Tulis pertanyaan Anda tentang netralitas ASN, "
            "atau ketik /bantuan.")
SEARCH_BUSY = "⏳ Sedang sibuk, coba lagi sebentar lagi."
BUSY_ERROR = "⚠️ Maaf, terjadi kesalahan saat memproses permintaan Anda. Silakan coba lagi sebentar lagi."
PAGE_EXPIRED = "Jawaban ini sudah kedaluwarsa. Silakan ajukan pertanyaan lagi."
NO_MORE = "Tidak ada pernyataan lain untuk pertanyaan ini."
THANKS_UP = "Terima kasih atas penilaian Anda 👍"
THANKS_DOWN = "Terima kasih, masukan Anda membantu kami memperbaiki jawaban 👎"
NOT_ADMIN = "Maaf, perintah ini hanya untuk admin bot."
GROUP_ONLY = "Perintah ini hanya dapat dipakai di grup."
PRIVATE_ONLY = "Perintah ini hanya dapat dipakai di chat pribadi dengan bot."
NOT_GROUP_ADMIN = "Maaf, hanya admin grup yang dapat mengatur langganan pengumuman."


def too_long(limit: int) -> str:
    return (f"Pertanyaan terlalu panjang (maksimal {limit} karakter). "
            "Ringkas pertanyaan Anda lalu kirim lagi.")


def rate_limited(seconds: int) -> str:
    return f"Anda bertanya terlalu cepat. Silakan tunggu sekitar {seconds} detik lalu coba lagi."


def declined_html(question: str) -> str:
    examples = "\n".join(f"• <code>{escape(e)}</code>" for e in EXAMPLES[:2])
    return (
        "🤔 Maaf, saya belum menemukan pernyataan pejabat yang cukup relevan untuk pertanyaan:\n"
        f"<i>{escape(question[:300])}</i>\n\n"
        "Bot ini hanya menjawab seputar netralitas ASN dalam Pilkada. Coba tulis ulang dengan "
        f"kata lain atau lebih spesifik, misalnya:\n{examples}\n\n"
        "Ketik /bantuan untuk panduan. Pertanyaan Anda dicatat agar admin dapat menambah sumber."
    )


def welcome_group_html(bot_username: str) -> str:
    return (
        "👋 Terima kasih telah menambahkan <b>Netral</b>.\n"
        "Tanyakan aturan netralitas ASN dengan <code>/tanya pertanyaan</code> atau sebut "
        f"@{escape(bot_username)}.\n"
        "Admin grup dapat mengetik /langganan agar grup ini menerima pengumuman."
    )


SUBSCRIBED = "✅ Grup ini sekarang berlangganan pengumuman Netral. Ketik /berhenti untuk berhenti."
ALREADY_SUBSCRIBED = "Grup ini sudah berlangganan pengumuman."
UNSUBSCRIBED = "Grup ini tidak lagi menerima pengumuman Netral."
NOT_SUBSCRIBED = "Grup ini belum berlangganan pengumuman."

UNKNOWN_COMMAND = "Perintah tidak dikenal. Ketik /bantuan untuk panduan, atau tulis pertanyaan Anda langsung."
MORE_BUTTON = "Lainnya ▶"
PREVIOUS_BUTTON = "◀ Sebelumnya"
INLINE_DECLINED_TITLE = "Belum ada pernyataan yang relevan"
INLINE_DECLINED_DESCRIPTION = "Coba tulis ulang pertanyaan Anda"

# --- admin: /reindex, /tambah, /hapus, /statistik

REINDEX_STARTED = "⏳ Membangun ulang indeks…"
REINDEX_PROGRESS = "⏳ Membangun ulang indeks"
TAMBAH_USAGE = "Pemakaian: <code>/tambah https://alamat-artikel</code>"
TAMBAH_FETCHING = "⏳ Mengambil artikel…"
TAMBAH_INDEXING = "🧮 Mengindeks artikel"
TAMBAH_FAILED = ("❌ Artikel gagal diindeks (galat sistem, misalnya disk penuh). Tidak ada yang "
                 "berubah: indeks lama tetap dipakai. Coba lagi nanti atau periksa log.")
HAPUS_USAGE = "Pemakaian: <code>/hapus ID-artikel</code>"
CHART_CAPTION = "Pertanyaan per hari (14 hari terakhir)"
INGEST_ERRORS = {
    "invalid_url": "URL tidak valid. Kirim alamat lengkap yang diawali http:// atau https://.",
    "private_host": "Alamat tersebut mengarah ke jaringan internal dan tidak diizinkan.",
    "dead_link": "Halaman tidak dapat diambil (tautan mati, server tidak merespons, atau galat HTTP).",
    "not_html": "Alamat tersebut bukan halaman web (HTML). Kirim tautan artikel berita.",
    "too_large": "Halaman terlalu besar untuk diproses.",
    "too_many_redirects": "Terlalu banyak pengalihan (redirect) pada alamat tersebut.",
    "bad_encoding": "Isi halaman memakai pengodean yang tidak didukung, jadi tidak dapat dibaca.",
    "no_article": "Tidak ditemukan teks artikel pada halaman tersebut.",
    "listing_page": "Halaman tersebut berisi daftar berita, bukan satu artikel. Kirim tautan salah satu "
                    "artikelnya.",
}


def progress(label: str, done: int, total: int) -> str:
    return f"{label}… {done}/{total} ({100 * done // total}%)"


def reindex_failed(reason: str) -> str:
    return f"❌ Pembangunan indeks gagal: {escape(reason[:300])}. Indeks lama tetap dipakai."


def reindex_done(passages: int, articles: int, seconds: float) -> str:
    return (f"✅ Indeks selesai dibangun: {passages} pernyataan dari {articles} artikel "
            f"dalam {seconds:.1f} detik.")


def ingest_failed(reason: str) -> str:
    return "❌ " + INGEST_ERRORS.get(reason, "Artikel tidak dapat ditambahkan.")


def article_added_html(article: Article, new_passages: int, updated: bool) -> str:
    official = article.official
    return "\n".join([
        "✅ Artikel diperbarui." if updated else "✅ Artikel ditambahkan.",
        f"<b>{escape(clip(article.title, 300))}</b>",
        f"Media: {escape(clip(article.outlet, 100) or '-')} · "
        f"Tanggal: {indonesian_date(clip(article.date, 30)) or '-'}",
        f"Pejabat: {escape(clip(official.name, 100) or '-')}, "
        f"{escape(clip(official.position, 200) or '-')}",
        f"Pernyataan baru: {new_passages}",
        f"ID: <code>{article.id}</code> (hapus dengan <code>/hapus {article.id}</code>)",
    ])


def article_held_html(article: Article, relevance: float) -> str:
    return "\n".join([
        "⚠️ <b>Artikel belum ditambahkan: isinya tampaknya tidak membahas netralitas ASN "
        "dalam pemilihan.</b>",
        f"<b>{escape(clip(article.title, 300))}</b>",
        f"Kedekatan topik: {relevance:.2f} (artikel khas di korpus: 1.00).",
        "Pernyataan dari artikel di luar topik bisa membuat bot menjawab pertanyaan yang "
        "seharusnya ditolak. Tekan ✅ untuk tetap menambahkan atau ❌ untuk membatalkan "
        "(juga tersedia di /antrean).",
    ])


def no_such_article(article_id: str) -> str:
    return (f"Tidak ada artikel tambahan dengan ID <code>{escape(clip(article_id, 40))}</code>. "
            "Artikel bawaan tidak dapat dihapus dari bot.")


def article_removed(article_id: str) -> str:
    return f"🗑 Artikel <code>{escape(article_id)}</code> dihapus dari indeks."


def statistics_html(stats: Any, facts: IndexFacts, feeds: list[str] | None = None) -> str:
    age_hours = (time.time() - facts.built_at) / 3600
    head = "\n".join([
        "📊 <b>Statistik Netral</b>",
        f"Pertanyaan: {stats.asked} (terjawab {stats.answered}, ditolak {stats.declined})",
        f"Penilaian: 👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
        f"Artikel: {facts.articles} · Pernyataan: {facts.passages} · Umur indeks: {age_hours:.1f} jam",
        f"Ambang keyakinan jawaban: {facts.thresholds.indonesian:.2f}, pertanyaan berbahasa Inggris "
        f"{facts.thresholds.english:.2f} (naik bila korpus makin rapat)",
        f"Grup berlangganan: {stats.subscribed_groups}",
        *(feeds or []),
        "",
        "<b>Pertanyaan yang paling sering belum terjawab</b> (ditanyakan 2× atau lebih)",
    ])
    missing = [f"• {escape(clip(q, 120))} ({n}×)" for q, n in stats.top_declined] or ["• -"]
    return fit_items(head, missing, more=_more_lines)


def _more_lines(count: int) -> str:
    return f"… dan {count} baris lagi"


# --- announcements: /umumkan, /jadwal, scheduled

UMUMKAN_USAGE = "Pemakaian: <code>/umumkan teks pengumuman</code>"
ANNOUNCE_SENDING = "📣 Mengirim pengumuman…"
ANNOUNCE_FAILED = ("❌ Pengiriman pengumuman terhenti karena galat sistem; sebagian grup mungkin "
                   "sudah menerimanya. Periksa log sebelum mengirim ulang.")
NO_SCHEDULE = "Belum ada pengumuman terjadwal di konfigurasi."
STATEMENT_OF_THE_DAY = "🗞 <b>Pernyataan hari ini</b>\n\n"
STATEMENT_OF_THE_DAY_EMPTY = "📣 <b>Pernyataan hari ini</b>\n\nJaga netralitas ASN selama Pilkada."


def announcement_html(text: str) -> str:
    return f"📣 <b>Pengumuman</b>\n\n{escape(text)}"


def announcement_room() -> int:
    """Characters an announcement's text may have and still fit one message."""
    return MAX_TEXT - visible_length(announcement_html(""))


def announcement_too_long(length: int) -> str:
    return (f"Pengumuman terlalu panjang ({length} karakter; maksimal {announcement_room()}). "
            "Persingkat lalu kirim lagi. Belum ada yang dikirim.")


def broadcast_report_html(delivered: int, failed: int, dropped: int, reasons: Counter[str]) -> str:
    lines = [f"📣 Pengumuman terkirim ke {delivered} grup, gagal {failed}."]
    if dropped:
        lines.append(f"{dropped} grup dihapus dari langganan (bot dikeluarkan atau diblokir).")
    items = [f"• {escape(clip(reason, 200))}: {count}" for reason, count in reasons.most_common()]
    return fit_items("\n".join(lines), items, more=_more_lines)


def schedule_html(timezone: str, entries: list[tuple[str, str | None, datetime | None]]) -> str:
    """`entries`: (cron, text or None for the statement of the day, next run)."""
    items = []
    for cron, text, upcoming in entries:
        what = "Pernyataan hari ini" if text is None else clip(text, 80)
        when = upcoming.strftime("%d-%m-%Y %H:%M") if upcoming else "-"
        items.append(f"• <code>{escape(clip(cron, 60))}</code> — {escape(what)}\n"
                     f"  berikutnya: {when}")
    return fit_items(f"🗓 <b>Pengumuman terjadwal</b> ({escape(clip(timezone, 60))})", items,
                     more=_more_lines)


# --- news feeds (admins) ----------------------------------------------------------------------

FEED_REASONS = {
    "dead_link": "tautan mati", "too_large": "terlalu besar", "not_html": "bukan HTML",
    "no_article": "tanpa teks artikel", "listing_page": "daftar berita", "too_many_redirects": "pengalihan berulang",
    "private_host": "alamat internal", "invalid_url": "URL tidak valid", "not_feed": "bukan feed",
    "index_failed": "gagal diindeks",
}
FEED_DECISIONS = (("added", "ditambahkan"), ("queued", "menunggu"), ("duplicate", "duplikat"),
                  ("irrelevant", "tidak relevan"), ("failed", "gagal"), ("rejected", "ditolak"))
QUEUE_GONE = "Artikel ini sudah diproses atau tidak lagi ada di antrean."
_LISTED = 10


def _who(article: Article) -> str:
    official = article.official
    who = ", ".join(p for p in (official.name, official.position) if p)
    return escape(who or "pejabat tidak terdeteksi")


def _reason(code: str) -> str:
    return FEED_REASONS.get(code, "galat")


def feed_summary_html(report: PollReport) -> str:
    """One short message after a poll: what was added or queued, counts of the rest."""
    lines = ["📰 <b>Feed berita</b>"]
    for decision, heading in (("added", "ditambahkan"), ("queued", "menunggu persetujuan (/antrean)")):
        items = report.with_decision(decision)
        if items:
            lines.append(f"{len(items)} artikel {heading}:")
            lines += [f"• <b>{escape(i.title[:120])}</b> — {_who(i.article)}"
                      for i in items[:_LISTED] if i.article]
            if len(items) > _LISTED:
                lines.append(f"• … dan {len(items) - _LISTED} lainnya")
    counts = report.counts()
    lines.append(f"Duplikat: {counts.get('duplicate', 0)} · Tidak relevan: "
                 f"{counts.get('irrelevant', 0)} · Sudah pernah dilihat: {counts.get('seen', 0)} · "
                 f"Gagal: {counts.get('failed', 0)}")
    failures: dict[str, int] = {}
    for item in report.with_decision("failed"):
        failures[_reason(item.reason)] = failures.get(_reason(item.reason), 0) + 1
    if failures:
        lines.append("Gagal: " + ", ".join(f"{r} {n}" for r, n in sorted(failures.items())))
    for feed, code in report.feed_errors.items():
        lines.append(f"⚠️ Feed tidak terbaca ({_reason(code)}): {escape(feed[:200])}")
    return "\n".join(lines)


def feed_stats_lines(feeds: list[FeedCounts], tz: tzinfo) -> list[str]:
    lines = ["", "<b>Feed berita</b>"]
    for feed in feeds:
        counts = " · ".join(f"{label} {feed.counts[d]}" for d, label in FEED_DECISIONS
                            if feed.counts.get(d))
        error = f" ⚠️ {_reason(feed.error)}" if feed.error else ""
        lines.append(f"• {escape(feed.feed[:120])}: {counts or 'belum ada artikel'}{error}")
    polls = [f.last_poll for f in feeds if f.last_poll]
    last = datetime.fromtimestamp(max(polls), tz).strftime("%d-%m-%Y %H:%M") if polls else "belum pernah"
    lines.append(f"Polling feed terakhir: {last}")
    return lines


def queue_empty(auto_add: bool) -> str:
    if auto_add:
        return ("Antrean kosong. Artikel relevan dari feed langsung ditambahkan "
                "(feeds.auto_add: true).")
    return "Antrean kosong: tidak ada artikel feed yang menunggu persetujuan."


def queue_header(count: int, shown: int) -> str:
    more = f" Ditampilkan {shown} yang terlama." if count > shown else ""
    return f"📥 <b>{count} artikel menunggu persetujuan.</b>{more} Tekan ✅ untuk menambahkan, ❌ untuk menolak."


def queued_article_html(article: Article) -> str:
    return "\n".join([
        f"<b>{escape(article.title[:200])}</b>",
        f"Media: {escape(article.outlet or '-')} · Tanggal: {escape(article.date or '-')}",
        f"Pejabat: {_who(article)}",
        escape(article.url[:300]),
    ])


def queue_accepted_html(article: Article, new_statements: int) -> str:
    return (f"✅ Ditambahkan: <b>{escape(article.title[:200])}</b>\n"
            f"Pejabat: {_who(article)} · Pernyataan baru: {new_statements}\n"
            f"ID: <code>{article.id}</code>")


def queue_rejected_html(article_id: str) -> str:
    return f"❌ Ditolak: artikel <code>{escape(article_id)}</code> tidak ditambahkan."
