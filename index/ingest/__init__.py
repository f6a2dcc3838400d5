"""Getting articles in: fetch a page safely, extract and clean its text, attribute it."""
