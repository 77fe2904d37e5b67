"""Mixed versions: a frozen copy of an earlier client run against the current server."""
