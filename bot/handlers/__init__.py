"""Telegram update handlers: each a short async function; `bot/app.py` wires them."""
