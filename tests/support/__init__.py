"""Test support code: the Bot API emulator, the fake news site, the bot harness."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
