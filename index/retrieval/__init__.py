"""Finding statements: text analysis, embeddings, the stored index, build, search, evaluation."""
