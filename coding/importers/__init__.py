"""Readers for dictionary formats researchers already have (PETRARCH-2 / Phoenix)."""
