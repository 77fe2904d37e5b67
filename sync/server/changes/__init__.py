"""Records: push, pull and the post-sync summary (routes, service, repository, schemas, validate)."""
