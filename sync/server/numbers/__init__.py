"""Case-number blocks per committee and year (routes, service, repository, schemas)."""
