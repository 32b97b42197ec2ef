"""Memory ceilings for worker children, so one document cannot take the machine.

Two layers: Celery replaces a child whose resident memory grew past
``CELERY_WORKER_MAX_MEMORY_PER_CHILD`` after its task; and each child runs with
an address-space limit (``WORKER_MEMORY_LIMIT_MB``), so an allocation beyond
it raises ``MemoryError`` in that child, which fails that one document
(tracker/ingest/process.py) instead of the kernel killing the worker.
"""

from __future__ import annotations

import logging
import resource

logger = logging.getLogger(__name__)
MB = 1024 * 1024


def apply_memory_ceiling(limit_mb: int) -> None:
    """Limit this process's address space to ``limit_mb`` MB (0: no limit)."""
    if limit_mb <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = limit_mb * MB
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    logger.info("worker child address space limited to %s MB", limit // MB)
