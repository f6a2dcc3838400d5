"""Preparing the embedding model offline: runs in set-up and image builds, never at run time."""
