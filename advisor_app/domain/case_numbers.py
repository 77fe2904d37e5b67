"""Official case numbers: （2026）临桥调字第 12 号."""

from __future__ import annotations

import re

PATTERN = re.compile(r"^（(\d{4})）(.+?)调字第\s*(\d+)\s*号$")


def format_case_no(year: int, short_name: str, seq: int) -> str:
    return f"（{year}）{short_name}调字第 {seq} 号"


def parse_case_no(case_no: str) -> tuple[int, str, int] | None:
    m = PATTERN.match(case_no.strip())
    return (int(m.group(1)), m.group(2), int(m.group(3))) if m else None
