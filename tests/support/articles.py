"""Fictional Indonesian news articles for the fetch, extract and /tambah tests.

`ARTICLES` holds two `Article`s with the facts a test can check after extraction (title,
outlet, date, official, quote, lead); `render_article` lays one out inside a typical news
site's page, chrome and all. `CHROME_TEXTS` and each article's `related` / `inline_related`
are that page furniture, which extraction must drop. `render_index` is a section front with
headlines only. news_site.py serves all of it over HTTP.
"""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One fictional article and the facts a test can check after extraction."""

    path: str
    title: str
    outlet: str
    published: str                 # article:published_time, as the page declares it
    date: str                      # the date extraction must find, YYYY-MM-DD
    official: str                  # the named official the article quotes
    quote: str                     # a sentence of theirs, as it appears in the text
    lead: str                      # first paragraph (with the outlet's dateline)
    paragraphs: tuple[str, ...]    # body paragraphs after the lead; may hold HTML
    related: tuple[str, ...]       # "Berita Terkait" headlines (chrome)
    inline_related: tuple[str, ...]  # "Baca juga" headlines inside the body (chrome)
    dateline: str = ""             # date as the page shows it to readers
    box_related: str = ""          # headline in a boxed "Baca juga" widget, if any (chrome)
    section: str = "Daerah"
    og_title: bool = True          # False: only <title> (with the outlet suffix) and <h1>


KAPUAS_HULU = Article(
    path="/berita/2024/09/12/pj-bupati-kapuas-hulu-larang-asn-beri-like-unggahan-paslon",
    title="Pj Bupati Kapuas Hulu Larang ASN Beri Like dan Komentar di Unggahan Paslon",
    outlet="Warta Kapuas",
    published="2024-09-12T09:15:00+07:00",
    date="2024-09-12",
    official="Budi Santoso",
    quote=("ASN dilarang memberikan like atau komentar pada unggahan pasangan calon di media "
           "sosial"),
    lead=("WARTAKAPUAS.ID, PUTUSSIBAU – Penjabat (Pj) Bupati Kapuas Hulu, Budi Santoso, "
          "mengingatkan seluruh Aparatur Sipil Negara (ASN) di lingkungan Pemerintah Kabupaten "
          "Kapuas Hulu untuk menjaga netralitas selama tahapan Pemilihan Kepala Daerah "
          "(Pilkada) serentak 2024."),
    paragraphs=(
        "Hal itu disampaikan Budi saat memimpin apel gabungan di halaman Kantor Bupati Kapuas "
        "Hulu, Putussibau, Kamis (12/9/2024) pagi. Apel diikuti ratusan ASN, pegawai pemerintah "
        "dengan perjanjian kerja (PPPK), serta tenaga honorer dari seluruh organisasi perangkat "
        "daerah.",
        "Penjabat Bupati Kapuas Hulu, Budi Santoso, menegaskan bahwa netralitas tidak hanya "
        "berlaku di dunia nyata, tetapi juga di ruang digital. \"ASN dilarang memberikan like "
        "atau komentar pada unggahan pasangan calon di media sosial,\" kata Budi.",
        "<strong>Baca juga:</strong> <a href=\"/berita/2024/09/10/bawaslu-kalbar-kades\">"
        "Bawaslu Kalbar Ingatkan Kepala Desa Tidak Ikut Berkampanye</a>",
        "Menurut dia, banyak pegawai belum menyadari bahwa aktivitas sederhana di media sosial "
        "bisa dianggap sebagai bentuk dukungan. \"Membagikan ulang unggahan kampanye, memasang "
        "foto profil bersama calon, hingga bergabung di grup WhatsApp tim pemenangan juga "
        "termasuk pelanggaran. Jangan anggap sepele jempol Anda,\" ujarnya.",
        "Budi menambahkan, Pemkab Kapuas Hulu telah membentuk satuan tugas pengawasan "
        "netralitas ASN yang melibatkan Inspektorat, Badan Kepegawaian dan Pengembangan Sumber "
        "Daya Manusia (BKPSDM), serta Bawaslu Kabupaten Kapuas Hulu. Satgas tersebut akan "
        "memantau akun media sosial pegawai secara berkala hingga hari pemungutan suara pada "
        "27 November 2024.",
        "BACA JUGA: <a href=\"/berita/2024/09/11/seleksi-pppk\">Ribuan Honorer Kapuas Hulu "
        "Ikuti Seleksi PPPK Tahap II</a>",
        "\"Kalau ada laporan masyarakat disertai bukti tangkapan layar, akan kami tindak "
        "lanjuti. Sanksinya mulai dari teguran tertulis hingga penundaan kenaikan pangkat "
        "sesuai Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin PNS,\" tegasnya.",
        # Plain text, no link: the kind of "Baca juga" line an extractor keeps.
        "Baca juga: Sosialisasi Netralitas ASN Digelar Serentak di 23 Kecamatan",
        "Ketua Bawaslu Kapuas Hulu, Rahmat Hidayat, yang turut hadir dalam apel tersebut, "
        "mengapresiasi langkah Pemkab. Ia mengimbau masyarakat berani melapor jika menemukan "
        "ASN yang tidak netral. \"Posko pengaduan kami buka setiap hari di kantor Bawaslu dan "
        "di setiap kecamatan,\" kata Rahmat.",
        "Di akhir arahannya, Budi meminta para kepala organisasi perangkat daerah (OPD) menjadi "
        "contoh bagi bawahannya. \"Pimpinan OPD wajib memberi teladan. Silakan gunakan hak "
        "pilih di bilik suara, tetapi jangan tunjukkan dukungan di depan publik,\" pungkasnya.",
    ),
    related=(
        "Bawaslu Sanggau Temukan 12 Dugaan Pelanggaran Netralitas Kepala Desa",
        "KPU Kapuas Hulu Tetapkan Tiga Pasangan Calon Bupati dan Wakil Bupati",
        "Harga Karet di Putussibau Naik Jelang Akhir Tahun",
        "Jadwal Lengkap Debat Publik Pilgub Kalbar 2024",
    ),
    inline_related=(
        "Bawaslu Kalbar Ingatkan Kepala Desa Tidak Ikut Berkampanye",
        "Ribuan Honorer Kapuas Hulu Ikuti Seleksi PPPK Tahap II",
        "Sosialisasi Netralitas ASN Digelar Serentak di 23 Kecamatan",
    ),
    dateline="Kamis, 12 September 2024 | 09:15 WIB",
    section="Kapuas Hulu",
)

SINGKAWANG = Article(
    path="/daerah/2024/10/03/sekda-singkawang-asn-hadiri-kampanye-bisa-kena-sanksi-berat",
    title="Sekda Singkawang: ASN yang Hadiri Kampanye Bisa Kena Sanksi Berat",
    outlet="Suara Khatulistiwa",
    published="2024-10-03T14:40:00+07:00",
    date="2024-10-03",
    official="Hendra Gunawan",
    quote=("ASN tidak boleh hadir dalam kampanye pasangan calon, meskipun di luar jam kerja "
           "atau sedang cuti"),
    lead=("SUARAKHATULISTIWA.COM, SINGKAWANG - Sekretaris Daerah (Sekda) Kota Singkawang, "
          "Hendra Gunawan, mengingatkan aparatur sipil negara (ASN) agar tidak menghadiri "
          "kegiatan kampanye pasangan calon wali kota dan wakil wali kota pada Pilkada 2024."),
    paragraphs=(
        "Peringatan itu disampaikan Hendra dalam rapat koordinasi netralitas ASN bersama para "
        "camat, lurah, dan kepala sekolah di Aula Kantor Wali Kota Singkawang, Kamis (3/10/2024).",
        "\"ASN tidak boleh hadir dalam kampanye pasangan calon, meskipun di luar jam kerja atau "
        "sedang cuti,\" kata Hendra. Ia menjelaskan, larangan itu juga mencakup penggunaan "
        "atribut partai atau pasangan calon serta berfoto dengan pose jari yang menunjukkan "
        "nomor urut tertentu.",
        "<b>Baca Juga :</b> <a href=\"/daerah/2024/10/01/kampanye-damai\">Deklarasi Kampanye "
        "Damai Pilwako Singkawang Diwarnai Hujan Deras</a>",
        "Hendra menyebut, ASN yang terbukti melanggar dapat dijatuhi hukuman disiplin berat, "
        "mulai dari penurunan jabatan setingkat lebih rendah selama 12 bulan hingga "
        "pemberhentian. Rekomendasi sanksi akan diteruskan ke Badan Kepegawaian Negara (BKN).",
        "Meski demikian, ia menegaskan ASN tetap memiliki hak pilih. \"Datang ke TPS pada 27 "
        "November, gunakan hak pilih sesuai hati nurani. Yang dilarang adalah menunjukkan "
        "keberpihakan,\" ujarnya.",
        "Kepala Inspektorat Kota Singkawang, Lina Oktaviani, menambahkan bahwa pihaknya telah "
        "menerima dua laporan dugaan pelanggaran netralitas sejak masa kampanye dimulai. "
        "Kedua laporan itu masih dalam tahap klarifikasi.",
    ),
    related=(
        "Tiga Paslon Wali Kota Singkawang Sepakat Kampanye Tanpa Politik Uang",
        "Festival Cap Go Meh Singkawang 2025 Mulai Dipersiapkan",
        "Penjabat Gubernur Kalbar Tinjau Gudang Logistik KPU",
    ),
    inline_related=(
        "Deklarasi Kampanye Damai Pilwako Singkawang Diwarnai Hujan Deras",
        "Pelantikan Kepala Sekolah Penggerak Angkatan Ketiga",
    ),
    dateline="Kamis, 3 Oktober 2024 - 14:40 WIB",
    box_related="Pelantikan Kepala Sekolah Penggerak Angkatan Ketiga",
    section="Singkawang",
    og_title=False,
)

ARTICLES = (KAPUAS_HULU, SINGKAWANG)

# Text every article page carries outside the article body: none of it may survive extraction.
CHROME_TEXTS = (
    "Indeks Berita",
    "Berita Terkait",
    "Terpopuler",
    "Bagikan artikel ini",
    "Salin Tautan",
    "Tulis komentar Anda",
    "Jadilah yang pertama berkomentar",
    "Kredit Motor DP Mulai 500 Ribu",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Ikuti berita terkini",
    "Google News",
    "Pedoman Media Siber",
    "Hak cipta dilindungi",
    "Berlangganan newsletter",
    "Baca juga",
)

# --- page rendering ------------------------------------------------------------------------

_NAV = ("Beranda", "Politik", "Daerah", "Ekonomi", "Olahraga", "Hiburan", "Indeks Berita")
_POPULAR = (
    "Viral, Warga Temukan Buaya Muara di Parit Kota Putussibau",
    "Jadwal Pemadaman Listrik PLN UP3 Sanggau Pekan Ini",
    "Lowongan CPNS 2024 Kalbar: Ini Formasi yang Paling Banyak Dicari",
)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _site_header(outlet: str) -> str:
    nav = "".join(f'<li><a href="/kanal/{i}">{_e(name)}</a></li>' for i, name in enumerate(_NAV))
    return f"""
<div class="topbar"><a href="/masuk">Masuk</a> | <a href="/daftar">Daftar</a>
  | <span>Berlangganan newsletter {_e(outlet)} gratis</span></div>
<header class="site-header">
  <a class="logo" href="/">{_e(outlet)}</a>
  <nav class="main-nav"><ul>{nav}</ul></nav>
  <form class="search" action="/cari"><input name="q" placeholder="Cari berita..."></form>
</header>
<div class="ads ads-top" id="div-gpt-ad-top">
  <span class="ads-label">IKLAN</span>
  <a href="https://iklan.example/motor">Promo Akhir Tahun: Kredit Motor DP Mulai 500 Ribu</a>
</div>"""


def _site_footer(outlet: str) -> str:
    return f"""
<footer class="site-footer">
  <ul class="footer-links"><li><a href="/tentang">Tentang Kami</a></li>
    <li><a href="/redaksi">Redaksi</a></li><li><a href="/pedoman">Pedoman Media Siber</a></li>
    <li><a href="/kontak">Kontak</a></li></ul>
  <p class="copyright">&copy; 2024 {_e(outlet)}. Hak cipta dilindungi undang-undang.</p>
</footer>"""


def _link_list(heading: str, titles: tuple[str, ...], css: str) -> str:
    items = "".join(f'<li><a href="/berita/terkait/{i}">{_e(t)}</a></li>'
                    for i, t in enumerate(titles))
    return f'<section class="{css}"><h3>{_e(heading)}</h3><ul>{items}</ul></section>'


def render_article(article: Article) -> str:
    """The article inside a typical Indonesian news site's layout, chrome and all."""
    og_title = (f'<meta property="og:title" content="{_e(article.title)}">'
                if article.og_title else "")
    body = [f"<p>{_e(article.lead)}</p>"]
    for i, paragraph in enumerate(article.paragraphs):
        body.append(f"<p>{paragraph}</p>")  # may hold markup (links, <strong>)
        if i == 1:
            body.append('<div class="ads ads-inarticle"><span>ADVERTISEMENT</span>'
                        '<p>SCROLL TO CONTINUE WITH CONTENT</p></div>')
    if article.box_related:
        body.insert(3, '<div class="baca-juga"><span>Baca juga</span><ul>'
                    f'<li><a href="/terkait/x">{_e(article.box_related)}</a></li></ul></div>')
    body.append(f"<p><em>Ikuti berita terkini {_e(article.outlet)} di "
                '<a href="https://news.google.example/">Google News</a></em></p>')
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{_e(article.title)} - {_e(article.outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{_e(article.lead[:150])}">
<meta property="og:site_name" content="{_e(article.outlet)}">
<meta property="og:type" content="article">
{og_title}
<meta property="article:published_time" content="{_e(article.published)}">
<meta property="article:section" content="{_e(article.section)}">
</head>
<body>
{_site_header(article.outlet)}
<main class="container">
<ol class="breadcrumb"><li><a href="/">Beranda</a></li><li><a href="/kanal/2">Daerah</a></li>
  <li>{_e(article.section)}</li></ol>
<article class="read">
  <h1 class="read__title">{_e(article.title)}</h1>
  <div class="read__info">{_e(article.dateline)} | Penulis: Andi Pratama
    | Editor: Siti Rahmawati</div>
  <div class="share-top">Bagikan artikel ini: <a href="#fb">Facebook</a>
    <a href="#tw">Twitter</a> <a href="#wa">WhatsApp</a> <a href="#tg">Telegram</a>
    <button>Salin Tautan</button></div>
  <figure><img src="/img/apel.jpg" alt="Apel ASN"><figcaption>Apel gabungan ASN.
    (Foto: Dok. Humas)</figcaption></figure>
  <div class="read__content">
  {"".join(body)}
  </div>
  <div class="tags">Tag: <a href="/tag/netralitas">#NetralitasASN</a>
    <a href="/tag/pilkada">#Pilkada2024</a></div>
  <div class="share-bottom">Bagikan artikel ini: <a href="#fb">Facebook</a>
    <a href="#wa">WhatsApp</a></div>
  <section class="comments"><h3>Komentar</h3>
    <p>Tulis komentar Anda dengan bijak dan santun.</p>
    <p>Belum ada komentar. Jadilah yang pertama berkomentar!</p>
    <form><textarea name="komentar"></textarea><button>Kirim</button></form></section>
</article>
<aside class="sidebar">
  {_link_list("Berita Terkait", article.related, "related")}
  {_link_list("Terpopuler", _POPULAR, "popular")}
  <div class="ads ads-sidebar"><span>ADVERTISEMENT</span>
    <a href="https://iklan.example/motor">Kredit Motor DP Mulai 500 Ribu</a></div>
</aside>
</main>
{_site_footer(article.outlet)}
</body>
</html>
"""


def render_tag_page(outlet: str = "Warta Kapuas") -> str:
    """A tag page: a linked headline and a one-sentence teaser per story, as many sites
    list a topic's articles. Extraction reads the teasers as paragraphs."""
    teasers = [(a.path, a.title, a.lead) for a in ARTICLES] + [
        (f"/berita/tag/{i}", title, f"{title}, menurut keterangan pejabat setempat kepada wartawan pekan ini.")
        for i, title in enumerate(KAPUAS_HULU.related)]
    items = "".join(f'<div class="item"><h2><a href="{path}">{_e(title)}</a></h2>'
                    f'<span class="date">Senin, 14 Oktober 2024</span><p>{_e(teaser)}</p></div>'
                    for path, title, teaser in teasers)
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Netralitas ASN - {_e(outlet)}</title>
<meta property="og:site_name" content="{_e(outlet)}"></head>
<body>{_site_header(outlet)}
<main><h1>Tag: Netralitas ASN</h1><div class="tag-list">{items}</div></main>
{_site_footer(outlet)}</body></html>
"""


def render_index(outlet: str = "Warta Kapuas") -> str:
    """A section front: navigation and headlines only, no article to extract."""
    headlines = tuple(a.title for a in ARTICLES) + KAPUAS_HULU.related + _POPULAR
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Indeks Berita - {_e(outlet)}</title>
<meta property="og:site_name" content="{_e(outlet)}"></head>
<body>{_site_header(outlet)}
<main>{_link_list("Indeks Berita", headlines, "index-list")}
{_link_list("Terpopuler", _POPULAR, "popular")}</main>
{_site_footer(outlet)}</body></html>
"""
