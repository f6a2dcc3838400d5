"""Netral's test suite; a package so that its support code imports as tests.support."""
