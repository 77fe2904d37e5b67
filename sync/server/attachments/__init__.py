"""Attachment files by SHA-256 (routes, service, repository, schemas)."""
