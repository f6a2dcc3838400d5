"""The corpus: articles on disk, the officials they quote, and the passages cut from them."""
