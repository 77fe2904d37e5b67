"""Entities and value rules: no I/O beyond reading the shipped vocabularies."""
