"""tracker: claim and source-reliability tracking for newsrooms.

Flow: ingest -> clean -> extract -> resolve entities -> match -> flag -> review -> reliability
-> report/export. The library entry point is ``Tracker`` (tracker.api); the CLI is a thin layer over it.
"""

__version__ = "0.1.0"

from tracker.api import Tracker
from tracker.config import Settings
from tracker.errors import TrackerError

__all__ = ["Settings", "Tracker", "TrackerError", "__version__"]
