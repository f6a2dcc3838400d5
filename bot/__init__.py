"""The Telegram side of Netral. Uses `index` for answers; `index` never imports this."""
