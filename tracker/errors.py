"""The one error base class: every error the tracker raises on purpose derives from TrackerError.

The CLI turns a TrackerError into one line on stderr and a non-zero exit; anything else that reaches it is
a database or operating-system error, which it also reports in one line (see ``tracker.cli``).
"""

from __future__ import annotations


class TrackerError(Exception):
    """A failure the user can act on; ``str(error)`` is the one-line message."""
