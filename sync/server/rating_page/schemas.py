"""The phone page takes an HTML form (``application/x-www-form-urlencoded``) and answers HTML: no
pydantic bodies. Its fields, for reference and for the tests:

- ``t``: the anti-forgery token, equal to the ``rk`` cookie the page set (double submit);
- ``grade``: one of the five 满意度 grades;
- ``problem`` (repeated): what went wrong, from ``service.PROBLEM_CHOICES``;
- ``problem_text``, ``comment``: free text, at most ``service.COMMENT_MAX`` characters each.
"""

from __future__ import annotations

FORM_FIELDS = ("t", "grade", "problem", "problem_text", "comment")
MAX_FORM_BYTES = 16 * 1024
