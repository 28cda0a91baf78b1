"""`tracker serve`: the editors' desk, a web app over the facade, served by uvicorn."""

from __future__ import annotations

import threading

import click

from tracker.api import Tracker


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--reports", metavar="DIR", help="Report folder to rewrite after each published ruling or review.")
@click.option("--report-url", metavar="URL", help="The http(s) address the report pages are published at.")
@click.option("--ssl-certfile", metavar="FILE", help="Serve https with this certificate (PEM).")
@click.option("--ssl-keyfile", metavar="FILE", help="The certificate's private key (PEM).")
@click.option(
    "--secure-cookies/--no-secure-cookies",
    default=None,
    help="Send the session cookie over https only (default: when --ssl-certfile is given; set it behind a TLS proxy).",
)
@click.pass_obj
def serve(
    obj: Tracker,
    host: str,
    port: int,
    reports: str | None,
    report_url: str | None,
    ssl_certfile: str | None,
    ssl_keyfile: str | None,
    secure_cookies: bool | None,
) -> None:
    """Serve the editors' desk: sign in, the queue of open conflicts and changes, side-by-side evidence,
    rulings per claim, and a second editor's approval (four eyes) before a verdict is published.

    Users come from 'tracker users add'. The session key is generated once and kept in the database.

    \b
    Example:
      tracker users add "A. Editor" --role editor
      tracker serve --db sqlite:///newsroom.db --reports reports/ --report-url https://news.example/reports/
    """
    import uvicorn

    from tracker.web import DeskConfig, create_app

    if (ssl_certfile is None) != (ssl_keyfile is None):
        raise click.UsageError("--ssl-certfile and --ssl-keyfile go together")
    config = DeskConfig(
        reports=reports,
        report_url=report_url,
        https_only=secure_cookies if secure_cookies is not None else ssl_certfile is not None,
    )
    app = create_app(obj, config)
    if reports is not None:  # the published pages as they stand now, written while the desk already serves
        threading.Thread(target=app.state.desk.republish, name="tracker-report", daemon=True).start()
    scheme = "https" if ssl_certfile else "http"
    click.echo(f"tracker desk on {scheme}://{host}:{port}/ (Ctrl-C stops it)", err=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=ssl_certfile,
        ssl_keyfile=ssl_keyfile,
        log_level="warning",
        proxy_headers=False,
        server_header=False,
    )
