"""The index from the shell: import -> build -> search, with the real model and FAISS,
and the retrieval quality the issue asks for on the development questions."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from tests.support import REPO
from index.corpus.article import Article, Official
from index.corpus.passages import Passage
from index.retrieval import search
from index.retrieval.build import add_article, open_searcher
from index.retrieval.evaluate import evaluate, first_match_rank, load_questions
from index.retrieval.who import question_keys

SEEDS = REPO / "tests" / "data" / "seeds"
DEV = REPO / "eval" / "dev-questions.yaml"
PAGES = REPO / "eval" / "pages" / "manifest.yaml"
SPEAKERS = REPO / "eval" / "speakers"
# Written from the article text alone, without seeing any answer of the bot.
BLIND = [REPO / "eval" / name for name in ("blind-seeds.yaml", "blind-pages.yaml", "out-of-scope-blind.yaml")]
BOILERPLATE = re.compile(r"baca juga|berita terkait|terpopuler|isi komentar|penulis:|editor:|"
                         r"!\[\]|dapatkan informasi|redaktur|\(art/kpg\)", re.IGNORECASE)


def _cli(args: list[str], config: Path, data_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "BOT_DATA_DIR": str(data_dir), "BOT_CONFIG": str(config)}
    return subprocess.run([sys.executable, "-m", "index", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def _config(root: Path, base_config) -> Path:
    """The repository's config with its corpus in root/corpus (data goes to root/data)."""
    raw = yaml.safe_load((REPO / "config.yaml").read_text())
    raw["corpus"] = {"dir": str(root / "corpus")}
    raw["embedding"]["model"] = base_config.model_path
    config = root / "config.yaml"
    config.write_text(yaml.safe_dump(raw, allow_unicode=True))
    return config


@pytest.fixture(scope="module")
def imported_and_built(tmp_path_factory, base_config):
    """The seeds imported into an empty corpus and built, through the CLI, once per module:
    a build costs a model load and the whole corpus' embeddings. Tests work on copies."""
    root = tmp_path_factory.mktemp("cli")
    config = _config(root, base_config)
    imported = _cli(["import", str(SEEDS)], config, root / "data")
    built = _cli(["build"], config, root / "data")
    return root, imported, built


@pytest.fixture()
def workspace(imported_and_built, tmp_path, base_config):
    """A private copy of the imported and built corpus and index, with its config."""
    root, imported, built = imported_and_built
    assert imported.returncode == 0, imported.stderr
    assert built.returncode == 0, built.stderr
    shutil.copytree(root / "corpus", tmp_path / "corpus")
    shutil.copytree(root / "data", tmp_path / "data", symlinks=True)
    return _config(tmp_path, base_config), tmp_path / "data"


def test_import_build_search_add_remove_from_the_shell(imported_and_built, workspace, tmp_path):
    _, imported, built = imported_and_built
    assert len(list((tmp_path / "corpus").glob("*.txt"))) == 5
    assert len(imported.stdout.splitlines()) == 5
    assert "passages/s" in built.stdout and "Embedding" in built.stderr  # the progress bar
    config, data = workspace
    assert "index is current" in _cli(["build"], config, data).stdout  # idempotent

    page = tmp_path / "saved.txt"
    page.write_text("Bupati Sanggau Larang ASN Ikut Deklarasi\nBaca juga: Berita lain\n"
                    "Penjabat Bupati Sanggau, Suherman, menegaskan ASN dilarang menghadiri deklarasi "
                    "pasangan calon dalam bentuk apa pun.\n"
                    '"Deklarasi pasangan calon bukan tempat bagi ASN, termasuk saat cuti," tegas Suherman.\n')
    added = _cli(["add", str(page)], config, data)
    assert added.returncode == 0, added.stderr
    assert "Suherman, Penjabat Bupati Sanggau" in added.stdout
    article_id = re.search(r"added (\S+):", added.stdout).group(1)
    off_topic = tmp_path / "pay.txt"
    off_topic.write_text("Gaji PNS Naik 8 Persen Mulai Januari\n"
                         "Menteri Keuangan mengatakan kenaikan gaji pokok pegawai negeri sipil "
                         "sebesar 8 persen berlaku mulai Januari, dibayarkan bersama rapelan.\n"
                         '"Anggarannya sudah tersedia dalam APBN," kata Menteri Keuangan.\n')
    skipped = _cli(["add", str(off_topic)], config, data)
    assert skipped.returncode == 1 and "off-topic" in skipped.stderr and "--force" in skipped.stderr
    forced = _cli(["add", "--force", str(off_topic)], config, data)
    assert forced.returncode == 0 and "Menteri Keuangan" in forced.stdout
    assert _cli(["remove", re.search(r"added (\S+):", forced.stdout).group(1)], config, data).returncode == 0
    stats = _cli(["stats"], config, data).stdout
    assert "5 shipped, 1 added" in stats and "passages" in stats

    # One search for all questions: each search command loads the model.
    found = _cli(["search", "--json", "--top-k", "2", "Apa sanksi bagi ASN yang tidak netral?",
                  "Bagaimana cara membuat kue lapis legit?",
                  "Bolehkah ASN datang ke deklarasi paslon?"], config, data)
    answers = json.loads(found.stdout)
    assert [a["question"] for a in answers][1] == "Bagaimana cara membuat kue lapis legit?"
    first, second, third = answers
    assert first["confident"] and not second["confident"]
    assert len(first["hits"]) == 2
    hit = first["hits"][0]
    assert set(hit) >= {"text", "score", "official", "source"}
    assert set(hit["official"]) == {"name", "position"}
    assert set(hit["source"]) == {"outlet", "title", "date", "url"}
    assert "sanksi" in hit["text"].lower()
    assert third["hits"][0]["official"]["name"] == "Suherman"  # the added article answers
    escaping = _cli(["remove", f"../articles/{article_id}"], config, data)  # only plain ids
    assert escaping.returncode == 1 and "no added article" in escaping.stderr
    assert _cli(["remove", article_id], config, data).returncode == 0
    assert _cli(["remove", article_id], config, data).returncode == 1


def test_stale_index_is_rebuilt_and_corrupt_one_reported(workspace, tmp_path):
    config, data = workspace
    article = next((tmp_path / "corpus").glob("000_*.txt"))
    addition = "\nAnggota ASN juga diminta melapor jika melihat pelanggaran netralitas.\n"
    article.write_text(article.read_text() + addition)
    assert "built" in _cli(["build"], config, data).stdout  # the corpus changed: rebuilt
    vectors = next((data / "index" / "current").glob("vectors.faiss"))
    vectors.write_bytes(b"garbage")
    failed = _cli(["search", "apa saja"], config, data)
    assert failed.returncode == 1 and "unreadable" in failed.stderr and "python -m index build" in failed.stderr


def test_eval_with_pages_added_reports_every_set_and_speakers(built_config):
    """`eval --pages` scores the corpus as it is, then adds the saved pages through
    extraction into a temporary corpus (the data directory stays as it was) and scores
    each question set again."""
    env = {**os.environ, "BOT_DATA_DIR": str(built_config.data_dir)}
    before = sorted(p.name for p in built_config.data_dir.rglob("*"))
    files = [DEV, PAGES, *BLIND]
    result = subprocess.run([sys.executable, "-m", "index", "eval", *map(str, files),
                             "--pages", str(PAGES), "--mode", "fused"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith("questions")]
    assert len(headers) == 2  # the corpus as it is, then with the pages
    assert lines[headers[0]].split() == ["questions", "mode", "hit@1", "hit@3", "MRR", "attrib",
                                         "answered", "declined", "judged@1", "unjudged"]
    shipped, grown = ({line.split()[0]: [None if x == "-" else float(x) for x in line.split()[2:]]
                       for line in lines[h + 1:h + 1 + len(files)]} for h in headers)
    assert set(shipped) == set(grown) == {f.name for f in files}
    assert shipped["manifest.yaml"][:2] == [0.0, 0.0]  # the pages' questions need the pages
    hit1, hit3, mrr, attribution, answered, declined, judged, unjudged = grown["manifest.yaml"]
    assert hit1 >= 0.7 and hit3 >= 0.9 and attribution >= 0.95 and answered >= 0.9 and declined >= 0.8
    # eval/judgments.yaml credits the first statements the phrases miss but a reader judged right
    assert judged > hit1 and unjudged == 0
    for blind in ("blind-seeds.yaml", "blind-pages.yaml"):  # questions nobody tuned on
        hit1, hit3, mrr, attribution, answered, declined, judged, unjudged = grown[blind]
        assert hit1 >= 0.6 and hit3 >= 0.7 and attribution >= 0.95 and answered >= 0.6, blind
        assert judged >= hit1, blind
    assert shipped["blind-seeds.yaml"][1] >= 0.8 and shipped["blind-seeds.yaml"][5] is None
    assert grown["out-of-scope-blind.yaml"][5] >= 0.75
    assert "speakers on 20 pages: 25; name right 25 (1.00), name and position right 25 (1.00)" in result.stdout
    assert sorted(p.name for p in built_config.data_dir.rglob("*")) == before


def test_speakers_reports_attribution_misses_and_changes_since_a_dump(tmp_path):
    """`speakers` measures attribution on a manifest's pages without any index, and a dump
    of every page's officials tells which pages a change of the code moved."""
    entries = yaml.safe_load((SPEAKERS / "manifest.yaml").read_text(encoding="utf-8"))[:2]
    for entry in entries:
        shutil.copy(SPEAKERS / entry["file"], tmp_path / entry["file"])
    phrase = next(iter(entries[1]["quotes"]))
    entries[1]["quotes"][phrase] = "Orang Lain"  # an expectation the page cannot meet
    entries[1]["title"] = "Judul Lain"
    manifest = tmp_path / "manifest.yaml"
    manifest.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    quotes = sum(len(e["quotes"]) for e in entries)
    speakers = sum(1 + len(e.get("other_speakers") or []) for e in entries)

    dump = tmp_path / "officials.json"
    result = _speakers(manifest, "--misses", "--dump", str(dump))
    assert f"2 pages; quotes {quotes - 1}/{quotes}, speakers {speakers}/{speakers}" in result
    assert "main official and metadata 1/2" in result
    assert f'quote {entries[1]["file"]}: "{phrase}" Orang Lain -> ' in result
    assert f'page {entries[1]["file"]}: title: ' in result

    officials = json.loads(dump.read_text(encoding="utf-8"))
    assert officials[entries[0]["file"]]["official"][0] == entries[0]["official"]["name"]
    officials[entries[0]["file"]]["official"] = ["Nama Lama", "Jabatan Lama"]
    dump.write_text(json.dumps(officials), encoding="utf-8")
    changed = _speakers(manifest, "--against", str(dump))
    assert f"changed {entries[0]['file']}\n  official: ['Nama Lama', 'Jabatan Lama'] -> " in changed
    assert "1 of 2 pages changed" in changed


def _speakers(manifest: Path, *options: str) -> str:
    result = subprocess.run([sys.executable, "-m", "index", "speakers", str(manifest), *options],
                            cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_development_questions_meet_the_bar(searcher):
    answerable, unanswerable = load_questions(DEV)
    scores = evaluate(searcher, answerable, unanswerable, "fused")
    assert scores.hit_at_3 >= 0.90
    assert scores.attribution >= 0.95
    assert scores.declined >= 0.75


def test_no_boilerplate_ever_comes_back(searcher):
    answerable, unanswerable = load_questions(DEV)
    for answer in searcher.search_many([c["q"] for c in answerable + unanswerable], limit=10):
        for hit in answer.hits:
            assert not BOILERPLATE.search(hit.passage.text), hit.passage.text


def test_fusion_ranks_with_both_retrievers(searcher):
    """Dense rescues a question BM25 cannot read (English); BM25 anchors exact wording."""
    english = next(c for c in load_questions(DEV)[0] if c["q"].startswith("Is it allowed"))
    ranks = {mode: first_match_rank(english, searcher.search(english["q"], limit=10, mode=mode))
             for mode in ("bm25", "dense", "fused")}
    assert 0 < ranks["fused"] <= 3
    assert ranks["bm25"] == 0 or ranks["fused"] <= ranks["bm25"]
    exact = searcher.search("tonggak kestabilan pemerintahan", mode="fused")
    assert "tonggak kestabilan" in exact.hits[0].passage.text


def test_model_backend_index_type_embedded_text_or_analysis_change_marks_the_index_stale(built_config):
    from index.retrieval.build import index_is_current

    assert index_is_current(built_config)
    changes = [replace(built_config.embedding, model="intfloat/multilingual-e5-small"),
               replace(built_config.embedding, backend="torch"),
               replace(built_config.embedding, backend="onnx-int8")]
    for embedding in changes:
        assert not index_is_current(replace(built_config, embedding=embedding)), embedding
    assert not index_is_current(replace(built_config, index=replace(built_config.index, type="hnsw")))
    # what each passage puts to the model is part of the corpus digest
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Passage, "dense_text", lambda self: self.text)
        assert not index_is_current(built_config)
    # auto means flat at this size: still current
    assert index_is_current(replace(built_config, index=replace(built_config.index, type="flat")))
    # a change of the text analysis (here: the synonyms) rebuilds the stored BM25 once
    assert not index_is_current(replace(built_config, synonyms=built_config.synonyms + [["a", "b"]]))


def test_a_malformed_article_is_skipped_not_fatal(built_config, embedder):
    from index.retrieval.build import build_index

    built_config.added_dir.mkdir(parents=True, exist_ok=True)
    (built_config.added_dir / "broken.txt").write_text("no header at all\n")
    report = build_index(built_config, embedder, reuse=True)
    assert report.articles == 5 and report.embedded == 0
    assert report.skipped and "broken.txt" in report.skipped[0]


def test_when_questions_prefer_dated_statements(searcher, monkeypatch):
    def scores(question: str) -> dict[str, float]:
        return {h.passage.id: h.score for h in searcher.search(question).hits}

    when, plain = "Kapan Pjs Bupati BS memimpin apel pagi?", "Pjs Bupati BS memimpin apel pagi"
    top = searcher.search(when).hits[0]
    assert "04 November 2024" in top.passage.text
    lifted, plain_scores = scores(when), scores(plain)
    lift = search.DATE_LIFT
    monkeypatch.setattr(search, "DATE_LIFT", 0.0)
    assert lifted[top.passage.id] - scores(when)[top.passage.id] == pytest.approx(lift)
    assert scores(plain) == plain_scores  # not a "when" question: nothing lifted


def test_when_questions_lift_a_statement_that_gives_the_condition(built_config, embedder, monkeypatch):
    """"Kapan ..." asks for a time or for the circumstance: "jika ASN terbukti ..." answers."""
    add_article(built_config, embedder, Article(
        "uji-kapan", "BKPSDM Sukamaju Ingatkan Sanksi bagi ASN",
        "SUKAMAJU - Badan Kepegawaian Kabupaten Sukamaju mengingatkan ASN menjelang Pilkada.\n\n"
        "Kepala BKPSDM Sukamaju Rina Marlina mengatakan BKPSDM menjatuhkan sanksi jika ASN terbukti "
        "hadir dalam kampanye pasangan calon.\n\n"
        "Rina juga menegaskan BKPSDM menjatuhkan sanksi kepada ASN yang tidak netral.",
        outlet="Warta Uji", official=Official("Rina Marlina", "Kepala BKPSDM Kabupaten Sukamaju")))
    searcher = open_searcher(built_config, embedder)

    def scores(question: str) -> dict[str, float]:
        return {h.passage.id: h.score for h in searcher.search(question).hits}

    when, plain = "Kapan BKPSDM Sukamaju menjatuhkan sanksi?", "BKPSDM Sukamaju menjatuhkan sanksi"
    assert searcher.search(when).hits[0].passage.id == "uji-kapan:1"
    lifted, plain_scores = scores(when), scores(plain)
    lift = search.CONDITION_LIFT
    monkeypatch.setattr(search, "CONDITION_LIFT", 0.0)
    assert lifted["uji-kapan:1"] - scores(when)["uji-kapan:1"] == pytest.approx(lift)
    assert lifted["uji-kapan:2"] == pytest.approx(scores(when)["uji-kapan:2"])  # no condition in it
    assert scores(plain) == plain_scores


def test_why_questions_prefer_statements_that_give_a_reason(searcher, monkeypatch):
    def scores(question: str) -> dict[str, float]:
        return {h.passage.id: h.score for h in searcher.search(question).hits}

    why, plain = "Mengapa ASN harus netral saat pilkada?", "ASN harus netral saat pilkada"
    lifted, plain_scores = scores(why), scores(plain)
    monkeypatch.setattr(search, "REASON_LIFT", 0.0)
    unlifted = scores(why)
    for passage_id, score in lifted.items():
        text = searcher.passage_by_id(passage_id).text.lower()
        gives_reason = re.search(r"\b(karena|sebab|alasan|alasannya|lantaran|dikarenakan)\b", text)
        assert score - unlifted[passage_id] == pytest.approx(0.1 if gives_reason else 0.0)
    assert any(score != unlifted[p] for p, score in lifted.items())
    assert scores(plain) == plain_scores  # not a "why" question: nothing lifted


def test_a_named_province_finds_its_regencies_and_cities_officials(searcher):
    """No shipped statement names "Kalimantan Barat": the gazetteer places Pontianak and
    Mempawah there, and a province's short form or English name works too."""
    for question in ("Apa pesan pejabat di Kalimantan Barat soal netralitas ASN?",
                     "apa kata pejabat kalbar soal netralitas asn",
                     "What did officials in West Kalimantan say about neutrality?"):
        top = {h.passage.official.name for h in searcher.search(question).hits[:3]}
        assert top <= {"Ismail", "Ani Sofian"}, (question, top)
    top = {h.passage.official.name for h in searcher.search("Apa kata pejabat di Kalteng?").hits[:4]}
    assert top <= {"Hera Nugrahayu", "Nunu Andriani"}


def test_a_named_official_ranks_their_statements_first(searcher):
    answer = searcher.search("Apa kata Pj Wali Kota Palangka Raya soal sanksi?")
    assert [h.passage.official.name for h in answer.hits[:3]] == ["Hera Nugrahayu"] * 3
    assert "sanksi" in answer.hits[0].passage.text.lower()


def test_a_named_office_tells_a_provinces_officials_apart(searcher):
    """Kalimantan Tengah has a Pj Bupati (Pulang Pisau) and a Pj Wali Kota (Palangka Raya)
    in the shipped corpus: the office the question names picks one of them."""
    for question, official in (
            ("Apa kata Pj Bupati di Kalteng soal netralitas ASN?", "Nunu Andriani"),
            ("Apa kata Pj Wali Kota di Kalimantan Tengah soal netralitas ASN?", "Hera Nugrahayu"),
            ("What did the acting regent in Central Kalimantan say about neutrality?", "Nunu Andriani")):
        answer = searcher.search(question)
        assert answer.confident, question
        assert [h.passage.official.name for h in answer.hits[:3]] == [official] * 3, question


def test_named_candidates_matching_more_of_the_question_come_first(searcher, monkeypatch):
    """A province grows to thousands of statements; the cap on named candidates keeps
    those of the office asked for, not the first ones stored."""
    asked, _ = question_keys("Apa kata Pj Wali Kota di Kalteng?", searcher._names)
    mayor = [i for i, p in enumerate(searcher.passages) if p.official.name == "Hera Nugrahayu"]
    regent = [i for i, p in enumerate(searcher.passages) if p.official.name == "Nunu Andriani"]
    assert regent[-1] < mayor[0]  # stored first: a cut by position would keep the regent's
    monkeypatch.setattr(search, "_MAX_NAMED", len(mayor))
    assert sorted(searcher._named(asked)) == mayor


def test_an_english_question_about_a_named_official_is_answered(searcher):
    """English words are unknown to an Indonesian corpus; they must not count as what the
    question is about, or every English question would be declined."""
    for question, official in (
            ("What did the Palangka Raya acting mayor tell civil servants about sanctions?", "Hera Nugrahayu"),
            ("What did the Mempawah acting regent ask civil servants to do?", "Ismail")):
        answer = searcher.search(question)
        assert answer.confident, (question, answer.confidence)
        assert answer.hits[0].passage.official.name == official


def test_an_english_question_about_an_acronym_the_corpus_never_uses_is_declined(searcher):
    """Other English words the corpus never uses are only English, but an acronym is
    Indonesian in any language: with none of CPNS, the question is not answered."""
    assert searcher.search("Can civil servants like a candidate's Instagram post?").confident
    assert searcher.search("What are the ASN neutrality rules for 2024?").confident
    assert not searcher.search("What are the CPNS exam passing grades for 2024?").confident


def test_a_question_about_a_place_the_corpus_never_quotes_is_declined(searcher):
    for question in ("Siapa pemenang Pilkada Jakarta 2024?", "Will it rain in Jakarta on election day?"):
        assert not searcher.search(question).confident, question
