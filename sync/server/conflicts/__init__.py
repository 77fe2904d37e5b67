"""Changes that lost or were refused, kept for a person to resolve (routes, service, repository, schemas)."""
