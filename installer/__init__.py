"""Packaging: PyInstaller spec, build and smoke scripts, Windows installer, Linux desktop entry."""
