"""Admin work of the city 司法局, driven by the ``advisor-server`` CLI (no HTTP routes)."""
