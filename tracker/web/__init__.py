"""The editors' desk: a server-rendered web app over the facade (``tracker.Tracker``), served by ``tracker serve``.

It holds no domain rules: who may act, what a ruling does to flags and scores, the four-eyes rule and the
optimistic versions are the facade's; the desk shows what the facade returns and sends it what an editor
submits. What it adds is the web's own: sign-in with a rate limit, signed session cookies, a CSRF token on
every form, and pages where everything stored is shown as text (jinja2 autoescaping; links only to http(s)).
"""

from __future__ import annotations

from tracker.web.app import DeskConfig, create_app

__all__ = ["DeskConfig", "create_app"]
