"""The sync protocol shared by the city server and the desktop client (docs/sync-protocol.md).

Version 1 speaks JSON under ``/v1``, gzip both ways, with a columnar batch: per record kind one
list of field names and rows of values. Both ends import the kinds, the field rules and the
digests from here so they agree byte for byte.
"""

from tests.compat.client_v1.protocol.kinds import KINDS, META_FIELDS, PARENTS, KindSpec, kind_spec
from tests.compat.client_v1.protocol.wire import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SUPPORTED_VERSIONS,
    canonical_json,
    decode_columns,
    encode_columns,
    payload_hash,
    table_digest,
)

__all__ = [
    "KINDS",
    "META_FIELDS",
    "PARENTS",
    "PROTOCOL_HEADER",
    "PROTOCOL_VERSION",
    "SUPPORTED_VERSIONS",
    "KindSpec",
    "canonical_json",
    "decode_columns",
    "encode_columns",
    "kind_spec",
    "payload_hash",
    "table_digest",
]
