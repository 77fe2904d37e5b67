"""The `advisor` command: a thin face over the services."""
