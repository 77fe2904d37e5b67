"""Use cases shared by the GUI, the CLI and sync: one module per job."""
