"""The sync client of protocol 1 as released before the shared field schema and the quarantine
(commit 27d047d: ``sync/client`` and ``sync/protocol``), frozen here under another package name.

Installations in the field run this code until they upgrade, so the server must keep serving it:
tests/compat runs it against the current server. Do not edit these modules except to keep their
imports working; a later protocol version freezes a new copy beside this one.
"""
