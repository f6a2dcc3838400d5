"""Every user-facing sentence, in Indonesian, in one place (HTML where noted)."""

from __future__ import annotations

from html import escape

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
