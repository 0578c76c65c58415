"""How large a bundle may ever be: the file format, the hub and its client agree."""

MAX_BUNDLE_BYTES = 200 * 1024 * 1024
