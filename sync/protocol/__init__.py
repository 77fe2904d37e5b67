"""The sync protocol shared by the city server and the desktop client (docs/sync-protocol.md).

Version 1 speaks JSON under ``/v1``, gzip both ways, with a columnar batch: per record kind one
list of field names and rows of values. Both ends import the kinds, the one field schema (what the
server accepts is exactly what a client applies) and the digests from here so they agree byte for
byte.
"""

from sync.protocol.kinds import (
    KINDS,
    META_FIELDS,
    PARENTS,
    FieldSpec,
    KindSpec,
    canonical_timestamp,
    kind_spec,
    page_ok,
    parse_date,
    parse_timestamp,
    row_problems,
)
from sync.protocol.wire import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SUPPORTED_VERSIONS,
    canonical_json,
    decode_columns,
    encode_columns,
    payload_hash,
    record_check,
    table_check,
    table_digest,
)

__all__ = [
    "KINDS",
    "META_FIELDS",
    "PARENTS",
    "PROTOCOL_HEADER",
    "PROTOCOL_VERSION",
    "SUPPORTED_VERSIONS",
    "FieldSpec",
    "KindSpec",
    "canonical_timestamp",
    "page_ok",
    "parse_date",
    "parse_timestamp",
    "row_problems",
    "canonical_json",
    "decode_columns",
    "encode_columns",
    "kind_spec",
    "payload_hash",
    "table_check",
    "table_digest",
    "record_check",
]
