"""Regions and scopes: which regions an account reads and writes (routes, service, repository, scope)."""
