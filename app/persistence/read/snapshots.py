"""Reading whole partnerships: the read model's loader and cache (no function here writes)."""

from app.persistence.snapshots import SNAPSHOT_TABLES, SnapshotCache, load_snapshot

__all__ = ["SNAPSHOT_TABLES", "SnapshotCache", "load_snapshot"]
