"""Writing results safely: every output file is replaced atomically.

A failed or interrupted run never leaves a half-written file and never clobbers the previous
good one: data goes to a temporary file in the same folder, is flushed to disk, then renamed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["write_atomic", "write_chunks_atomic"]


def write_atomic(
    path: str | os.PathLike[str], data: str | bytes, *, encoding: str = "utf-8"
) -> Path:
    """Write ``data`` to ``path`` atomically and return the path."""
    chunk = data.encode(encoding) if isinstance(data, str) else data
    return write_chunks_atomic(path, [chunk])


def write_chunks_atomic(path: str | os.PathLike[str], chunks: Iterable[bytes]) -> Path:
    """Stream ``chunks`` into ``path`` atomically; if iterating fails, the old file stays."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
