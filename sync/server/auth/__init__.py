"""Accounts and devices: login, logout, who is asking (routes, service, repository, schemas)."""
