"""The phone page for rating a service from a 评价码 (issue 19; docs/rating.md): no account, no JavaScript."""
