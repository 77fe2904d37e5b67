"""The case window (纠纷调解): ``ui.case.window.CaseWindow`` and one module per tab (docs/ui.md)."""
