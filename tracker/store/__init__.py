"""Storage: the only package that talks to the database."""

from tracker.store.db import StoreError, database_url, open_store, session_scope, upgrade

__all__ = ["StoreError", "database_url", "open_store", "session_scope", "upgrade"]
