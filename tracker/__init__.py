"""tracker: claim and source-reliability tracking for newsrooms.

Flow: ingest -> clean -> extract -> resolve entities -> match -> flag -> review -> reliability
-> report/export.
"""

__version__ = "0.1.0"
