"""A local, fictional Indonesian news site for tests: real HTTP on 127.0.0.1, no internet.

Usage (pytest puts tests/ on sys.path, as for telegram_emulator; elsewhere import it as
``tests.article_server`` from the repository root)::

    from article_server import ArticleServer, KAPUAS_HULU

    with ArticleServer() as site:                 # or: site = ArticleServer().start(); site.stop()
        url = site.url(KAPUAS_HULU.path)          # http://127.0.0.1:<port>/berita/...
        site.add_page("/baru", "<html>...</html>")          # any page, at run time
        site.add_article(Article(...))                      # an article in the site's layout
        site.add_redirect("/pendek", KAPUAS_HULU.path)      # 302 to a path or absolute URL
        site.hits(KAPUAS_HULU.path), site.bytes_sent("/besar-stream"), site.last_headers(p)

Routes (see `ROUTES` for the list in code):

    /berita/2024/09/12/...   KAPUAS_HULU article (Pj Bupati Budi Santoso; likes/comments)
    /daerah/2024/10/03/...   SINGKAWANG article (Sekda Hendra Gunawan; attending campaigns)
    /, /indeks               news index: navigation and headlines only, no article
    /tidak-ada               404 (so is every unknown path)
    /error                   500
    /dokumen.pdf             application/pdf
    /besar                   oversized HTML with Content-Length (`oversized_bytes`, or ?bytes=N)
    /besar-stream            oversized HTML, chunked, no Content-Length (same size options)
    /r/kapuas-hulu           301 (relative Location) to KAPUAS_HULU
    /r/singkawang            302 (absolute Location) to SINGKAWANG
    /r/rantai/N              N redirects in a row, then KAPUAS_HULU (N <= 20)
    /loop/a, /loop/b         redirect to each other forever
    /lambat?delay=S          waits S seconds (default `slow_delay`, at most 30), then KAPUAS_HULU
    /lambat-body?delay=S     sends headers at once, waits S seconds, then the body

`ArticleServer(oversized_bytes=6 MiB, slow_delay=1.0)` sets the defaults of /besar* and
/lambat*. `ARTICLES` holds the two `Article`s with the facts a test can check (title, outlet,
date, official, quote, lead); `CHROME_TEXTS` and each article's `related` / `inline_related`
are page furniture that extraction must drop; `render_article` lays out a new `Article`.

The oversized pages stream from one 64 KiB block, so a page of any size costs no memory. The
server is threaded (one thread per connection, HTTP/1.1 keep-alive, a listen backlog of 128);
`stop()` wakes sleeping handlers and does not wait for idle connections.
"""

from __future__ import annotations

import html
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MAX_DELAY = 30.0
MAX_OVERSIZED = 1 << 30


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

ROUTES = ("/", "/indeks", "/tidak-ada", "/error", "/dokumen.pdf", "/besar", "/besar-stream",
          "/r/kapuas-hulu", "/r/singkawang", "/r/rantai/N", "/loop/a", "/loop/b", "/lambat",
          "/lambat-body", KAPUAS_HULU.path, SINGKAWANG.path)


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


_NOT_FOUND = ("<!DOCTYPE html><html><head><title>404 Halaman Tidak Ditemukan</title></head>"
              "<body><h1>Halaman tidak ditemukan</h1></body></html>")
_SERVER_ERROR = ("<!DOCTYPE html><html><head><title>500</title></head>"
                 "<body><h1>Terjadi kesalahan pada server</h1></body></html>")
# The smallest PDF readers accept; its content does not matter, its type does.
_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
_FILLER = ("<p>Paragraf pengisi halaman yang sangat panjang tentang netralitas ASN.</p>\n"
           * 1000).encode()[:65536]


# --- server --------------------------------------------------------------------------------

@dataclass
class Page:
    """A fixed response."""

    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


class ArticleServer:
    """The fictional news site on 127.0.0.1, on an ephemeral port, in a daemon thread."""

    def __init__(self, *, oversized_bytes: int = 6 * 1024 * 1024, slow_delay: float = 1.0,
                 host: str = "127.0.0.1") -> None:
        self.oversized_bytes = oversized_bytes
        self.slow_delay = slow_delay
        self._host = host
        self._pages: dict[str, Page] = {}
        self._lock = threading.Lock()
        self._hits: Counter[str] = Counter()
        self._sent: Counter[str] = Counter()
        self._headers: dict[str, dict[str, str]] = {}
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        for article in ARTICLES:
            self.add_article(article)
        self.add_page("/", render_index())
        self.add_page("/indeks", render_index())
        self.add_page("/tidak-ada", _NOT_FOUND, status=404)
        self.add_page("/error", _SERVER_ERROR, status=500)
        self.add_page("/dokumen.pdf", _PDF, content_type="application/pdf")
        self.add_redirect("/r/kapuas-hulu", KAPUAS_HULU.path, status=301)
        self.add_redirect("/loop/a", "/loop/b")
        self.add_redirect("/loop/b", "/loop/a")

    # lifecycle

    def start(self) -> ArticleServer:
        if self._httpd is not None:
            return self
        httpd = _Server((self._host, 0), _RequestHandler)
        httpd.site = self
        self._httpd = httpd
        self._stopping.clear()
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="article-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._stopping.set()  # wakes /lambat handlers
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> ArticleServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # addresses

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("ArticleServer is not started")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}"

    def url(self, path: str) -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    # content, at run time too

    def add_page(self, path: str, body: str | bytes, *, status: int = 200,
                 content_type: str = "text/html; charset=utf-8",
                 headers: dict[str, str] | None = None) -> str:
        """Serve `body` at `path`; returns the page's URL (its path before `start`).

        str bodies are sent as UTF-8; for another encoding pass bytes and `content_type`.
        `content_type=""` sends no Content-Type header. Replaces any page at `path`.
        """
        data = body.encode("utf-8") if isinstance(body, str) else body
        with self._lock:
            self._pages[path] = Page(data, status, content_type, dict(headers or {}))
        return self.url(path) if self._httpd else path

    def add_article(self, article: Article) -> str:
        return self.add_page(article.path, render_article(article))

    def add_redirect(self, path: str, location: str, *, status: int = 302) -> str:
        """Redirect `path` to `location`, a path (sent relative) or an absolute URL."""
        return self.add_page(path, b"", status=status, headers={"Location": location})

    # what happened

    def hits(self, path: str) -> int:
        """Requests received for `path` (without query string)."""
        with self._lock:
            return self._hits[path]

    def last_headers(self, path: str) -> dict[str, str]:
        """Headers of the latest request for `path` (names lower case), {} if none."""
        with self._lock:
            return dict(self._headers.get(path, {}))

    def bytes_sent(self, path: str) -> int:
        """Body bytes the server managed to write for `path`, over all its requests."""
        with self._lock:
            return self._sent[path]

    # used by the handler

    def _page(self, path: str) -> Page | None:
        with self._lock:
            return self._pages.get(path)

    def _count_sent(self, path: str, sent: int) -> None:
        with self._lock:
            self._sent[path] += sent

    def _record(self, path: str, headers: dict[str, str]) -> None:
        with self._lock:
            self._hits[path] += 1
            self._headers[path] = headers


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False    # stop() must not wait for idle keep-alive connections
    request_queue_size = 128  # many concurrent clients: the default backlog is 5
    site: ArticleServer

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up (size cap, timeout) resets its keep-alive connection: expected.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "NetralTestNews/1.0"
    timeout = 10  # idle keep-alive connections close by themselves
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean

    @property
    def site(self) -> ArticleServer:
        return self.server.site

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        path, query = parts.path, parse_qs(parts.query)
        self.site._record(path, {k.lower(): v for k, v in self.headers.items()})
        try:
            self._dispatch(path, query)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up: expected for caps and timeouts

    def _dispatch(self, path: str, query: dict[str, list[str]]) -> None:
        if path in ("/besar", "/besar-stream"):
            size = min(_int(query, "bytes", self.site.oversized_bytes), MAX_OVERSIZED)
            self._stream_filler(path, size, chunked=path == "/besar-stream")
        elif path.startswith("/r/rantai/"):
            hops = min(_int({"n": [path.rsplit("/", 1)[-1]]}, "n", 0), 20)
            target = f"/r/rantai/{hops - 1}" if hops > 1 else KAPUAS_HULU.path
            self._send(path, Page(b"", 302, headers={"Location": target}))
        elif path == "/r/singkawang":
            self._send(path, Page(b"", 302, headers={"Location": self.site.url(SINGKAWANG.path)}))
        elif path == "/lambat":
            self._sleep(query)
            self._send(path, self._article_page())
        elif path == "/lambat-body":
            self._send_slow_body(path, self._article_page(), query)
        else:
            page = self.site._page(path)
            self._send(path, page or Page(_NOT_FOUND.encode(), 404))

    def _article_page(self) -> Page:
        page = self.site._page(KAPUAS_HULU.path)
        assert page is not None
        return page

    def _sleep(self, query: dict[str, list[str]]) -> None:
        delay = min(_float(query, "delay", self.site.slow_delay), MAX_DELAY)
        self.site._stopping.wait(delay)

    def _send_head(self, page: Page, length: int | None) -> None:
        self.send_response(page.status)
        if page.content_type:  # "" sends no Content-Type at all
            self.send_header("Content-Type", page.content_type)
        for name, value in page.headers.items():
            self.send_header(name, value)
        if length is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _send(self, path: str, page: Page) -> None:
        self._send_head(page, len(page.body))
        self.wfile.write(page.body)
        self.site._count_sent(path, len(page.body))

    def _send_slow_body(self, path: str, page: Page, query: dict[str, list[str]]) -> None:
        self._send_head(page, len(page.body))
        self.wfile.flush()
        self._sleep(query)
        self.wfile.write(page.body)
        self.site._count_sent(path, len(page.body))

    def _stream_filler(self, path: str, size: int, *, chunked: bool) -> None:
        """`size` bytes of HTML from one reused block: never the whole page in memory."""
        head = b"<!DOCTYPE html><html><head><title>Besar</title></head><body>\n"
        self._send_head(Page(b""), None if chunked else size)
        remaining = size
        block = head
        while remaining > 0 and not self.site._stopping.is_set():
            data = block[:remaining]
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            else:
                self.wfile.write(data)
            self.site._count_sent(path, len(data))
            remaining -= len(data)
            block = _FILLER
        if chunked:
            self.wfile.write(b"0\r\n\r\n")


def _int(query: dict[str, list[str]], key: str, default: int) -> int:
    try:
        return max(0, int(query[key][0]))
    except (KeyError, IndexError, ValueError):
        return default


def _float(query: dict[str, list[str]], key: str, default: float) -> float:
    try:
        return max(0.0, float(query[key][0]))
    except (KeyError, IndexError, ValueError):
        return default


if __name__ == "__main__":  # python -m tests.article_server: browse the site by hand
    with ArticleServer() as server:
        print(f"serving {server.base_url} (Ctrl-C stops)")
        for route in ROUTES:
            print(" ", server.url(route))
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
