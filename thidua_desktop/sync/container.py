"""The .tdsync container: one signed, encrypted file per bundle (byte layout in docs/sync-format.md).

The code lives in ``container_format`` (head, header, ``inspect_bundle``), ``container_writer``
(``BundleWriter``) and ``container_reader`` (``open_bundle``, ``BundleReader``); import from here."""

from __future__ import annotations

from .container_format import (
    DEFAULT_CHUNK_SIZE,
    FORMAT_VERSION,
    MAGIC,
    MAX_BUNDLE_BYTES,
    MAX_FILE_BYTES,
    BundleHeader,
    Recipient,
    Sender,
    WrappedKey,
    bundle_file_name,
    inspect_bundle,
    verify_signature,
)
from .container_reader import BundleReader, Entry, open_bundle, open_bundle_with_recovery
from .container_writer import BundleWriter

__all__ = [
    "DEFAULT_CHUNK_SIZE", "FORMAT_VERSION", "MAGIC", "MAX_BUNDLE_BYTES", "MAX_FILE_BYTES", "BundleHeader",
    "BundleReader", "BundleWriter", "Entry", "Recipient", "Sender", "WrappedKey", "bundle_file_name",
    "inspect_bundle", "open_bundle", "open_bundle_with_recovery", "verify_signature",
]
