"""Page models for the reports, produced one at a time from streamed rows.

Every page is a ``Page``: where it goes, its template, a digest of everything it shows, and a function that
builds the template's context. The digest is computed from rows that carry no source text, so the writer can
tell an unchanged page from a changed one before anything is rendered; ``context()`` (which may read a source's
text, or open a stream of rows the template consumes) runs only for pages that are rendered.

A producer takes ``wanted(path, digest)``, the writer's question "is this page to be rendered?" (it also records
that the page exists), and yields only the pages to render. A new kind of page (or a new box on one) is a
producer here and a template; what it shows goes into its digest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from tracker.claimreview import SET_AGAINST, claim_reviews
from tracker.config import REPORT, ReportSettings
from tracker.store import entity_repo, flag_repo, repo, report_repo, verdict_repo
from tracker.store.report_repo import ClaimLine, ClaimRow, FlagLine
from tracker.store.verdict_repo import StoredVerdict
from tracker.urls import safe_url
from tracker.verdicts import PUBLISHED, RATINGS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from tracker.entities.run import StoredEntity
    from tracker.reliability import OutletRecord

QUOTE_CONTEXT = 32  # characters of prefix and suffix in the Web Annotation's TextQuoteSelector

Wanted = Callable[[str, str], bool]


@dataclass(frozen=True)
class Page:
    path: str  # relative to the report folder
    template: str
    digest: str  # of everything the page shows
    context: Callable[[], dict[str, Any]]  # the template's context, built only when the page is rendered

    @property
    def kind(self) -> str:
        return self.template.removesuffix(".html")

    @property
    def root(self) -> str:
        """The relative way back to the report folder: "" for index.html, "../" for pages in folders."""
        return "../" * self.path.count("/")


def _given(context: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    return lambda: context


def digest(value: Any) -> str:
    """A digest of plain data (dicts, lists, strings, numbers, dates)."""
    return _hash().update(value).hexdigest()


class _hash:
    """A digest fed piece by piece, for pages whose rows are streamed."""

    def __init__(self) -> None:
        self._sha = hashlib.sha256()

    def update(self, value: Any) -> _hash:
        # repr of plain data is exact and fast; a dict's order is the order the code builds it in, and a change
        # of that code changes MODEL or tracker's version, which renders every page anyway.
        self._sha.update(repr(value).encode("utf-8", "surrogatepass"))
        self._sha.update(b"\n")
        return self

    def hexdigest(self) -> str:
        return self._sha.hexdigest()[:32]


@dataclass(frozen=True)
class Inputs:
    """What the pages are made from: the caller's read session, its outlet records and live entities."""

    session: Session
    outlets: list[OutletRecord]
    entities: list[StoredEntity]
    settings: ReportSettings = REPORT
    report_url: str | None = None  # absolute http(s), checked by the caller: claim pages embed ClaimReview
    publisher: str = "tracker"  # the reviewing organisation named in ClaimReview


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "outlet"


def produce(inputs: Inputs, wanted: Wanted) -> Iterator[Page]:
    """Every page of the report that ``wanted`` asks for, one at a time."""
    common = _Common.of(inputs)
    search = _Search(inputs, common)
    yield from _claim_pages(inputs, common, search, wanted)
    yield from _flag_pages(inputs.session, common, wanted)
    yield from _outlet_pages(inputs.session, common, wanted)
    yield from _index_pages(inputs, common, wanted)
    yield from _flag_list_pages(inputs, wanted)
    yield from search.page(wanted)


@dataclass(frozen=True)
class _Common:
    """The small tables every kind of page looks things up in: entities, outlets and their slugs."""

    entities: dict[int, dict[str, Any]]
    outlets: dict[str, dict[str, Any]]  # name -> the record as plain data, without its drivers
    drivers: dict[str, tuple[int, ...]]  # name -> the claims that moved its score
    slugs: dict[str, str]

    @classmethod
    def of(cls, inputs: Inputs) -> _Common:
        entities = {
            e.id: {"id": e.id, "name": e.name, "type": e.type, "aliases": sorted(set(e.aliases))}
            for e in inputs.entities
        }
        outlets = {r.name: {k: v for k, v in asdict(r).items() if k != "drivers"} for r in inputs.outlets}
        drivers = {r.name: r.drivers for r in inputs.outlets}
        return cls(entities, outlets, drivers, _outlet_slugs(list(outlets)))

    def slug(self, outlet: str) -> str:
        return self.slugs.get(outlet) or slug(outlet)

    def entity_views(self, ids: Iterable[int]) -> list[dict[str, Any]]:
        return [self.entities[e] for e in ids if e in self.entities]


def _outlet_slugs(names: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in sorted(set(names)):
        base = slug(name)
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        out[name] = candidate
    return out


# -- claim pages --------------------------------------------------------------------------------------------------


def _claim_pages(inputs: Inputs, common: _Common, search: _Search, wanted: Wanted) -> Iterator[Page]:
    session = inputs.session
    for rows in report_repo.claim_chunks(session):
        span = (rows[0].id, rows[-1].id)  # a chunk is every claim between its first and last id
        about = entity_repo.claim_entities(session, between=span)
        flags = report_repo.claim_flags(session, between=span)
        search.add(rows, about, flags)
        reviews = report_repo.reviews(session, sorted({f.id for fs in flags.values() for f in fs}))
        clusters = report_repo.cluster_lines(session, {r.cluster_id for r in rows if r.cluster_id is not None})
        ruled = _published(session, [r.id for r in rows])
        changes = _changes(session, flags)
        jsonld = _claim_reviews(inputs, rows, ruled, clusters, flags) if inputs.report_url and ruled else {}
        views = {}
        for row in rows:
            view = _claim_view(row, common, about, flags, reviews, clusters)
            verdict = ruled.get(row.id)
            view["verdict"] = _verdict_view(verdict) if verdict else None
            view["claimreview"] = jsonld.get(row.id)
            view["timeline"] = _timeline(
                [{**_line_of(row), "role": "this"}]
                + [{**m, "role": "same"} for m in view["matches"]]
                + [{**_line(c), "role": "change"} for c in changes.get(row.id, [])]
            )
            path = f"claims/{row.id}.html"
            if wanted(path, digest(view)):
                views[path] = (row, view)
        texts = report_repo.source_texts(session, {row.source_id for row, _view in views.values()})
        for path, (row, view) in views.items():
            full = {**view, **_quoted(row, texts[row.source_id])}
            yield Page(path, "claim.html", digest(view), _given({"claim": full}))


def _claim_view(row: ClaimRow, common: _Common, about, flags, reviews, clusters) -> dict[str, Any]:
    """What a claim page shows, but for the source text around the quote (its digest stands for it)."""
    entity_ids, speaker = about.get(row.id, ([], None))
    attributed = common.entities[speaker]["name"] if speaker in common.entities else row.attributed_to
    return {
        "id": row.id,
        "text": row.text,
        "kind": row.kind,
        "start": row.start,
        "end": row.end,
        "paragraph": row.paragraph,
        "time": (row.time_text, row.time_first, row.time_last) if row.time_text else None,
        "attributed_to": attributed,
        "source": {
            "id": row.source_id,
            "outlet": row.outlet,
            "published": row.published,
            "title": row.title,
            "url": row.url,
            "file_name": row.file_name,
            "content_sha256": row.content_sha256,
        },
        "link": _link(row.url),  # None unless http(s): any other stored address is shown as text only
        "outlet_slug": common.slug(row.outlet),
        "entities": common.entity_views(entity_ids),
        "matches": [_line(m) for m in clusters.get(row.cluster_id, []) if m.id != row.id],
        "flags": [_flag_summary(f, reviews) for f in flags.get(row.id, [])],
    }


def _published(session: Session, claim_ids: list[int]) -> dict[int, StoredVerdict]:
    """claim id -> its published verdict (a claim has at most one)."""
    return {v.claim_id: v for v in verdict_repo.verdicts(session, claim_ids=claim_ids, status=PUBLISHED)}


def _verdict_view(v: StoredVerdict) -> dict[str, Any]:
    """The verdict box: the rating in words, who proposed and who approved it, when, the note and its source."""
    return {
        "rating": v.rating,
        "words": RATINGS.get(v.rating, v.rating),
        "proposed_by": v.proposed_by,
        "proposed_at": _when(v.proposed_at),
        "decided_by": v.decided_by,
        "decided_at": _when(v.decided_at),
        "note": v.note,
        "evidence_url": v.evidence_url,
        "evidence_link": _link(v.evidence_url),
    }


def _when(at) -> str | None:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at is not None else None


def _changes(session: Session, flags: dict[int, list[FlagLine]]) -> dict[int, list[ClaimLine]]:
    """claim id -> the claims a change over time (not dismissed) joins it to."""
    ids = sorted({f.id for fs in flags.values() for f in fs if f.kind == "temporal_change" and f.status != "dismissed"})
    if not ids:
        return {}
    stored = flag_repo.list_flags(session, ids=ids)
    lines = report_repo.claim_lines(session, sorted({c for f in stored for c in f.claim_ids}))
    out: dict[int, list[ClaimLine]] = {}
    for f in stored:
        for a in f.claim_ids:
            out.setdefault(a, []).extend(lines[b] for b in f.claim_ids if b != a and b in lines)
    return out


def _claim_reviews(inputs: Inputs, rows: list[ClaimRow], ruled, clusters, flags) -> dict[int, dict[str, Any]]:
    """claim id -> its ClaimReview, as ``tracker.claimreview`` writes it, for the chunk's published verdicts.

    Only what a review reads is loaded: the claims of the ruled claims' clusters, their sources, and the
    conflicts and changes of the ruled claims."""
    assert inputs.report_url is not None
    session = inputs.session
    ids = set(ruled)
    for row in rows:
        if row.id in ruled and row.cluster_id is not None:
            ids.update(line.id for line in clusters.get(row.cluster_id, []))
    against = sorted({f.id for c in ruled for f in flags.get(c, []) if f.kind in SET_AGAINST})
    stored_flags = flag_repo.list_flags(session, ids=against) if against else []
    claims = repo.list_claims(session, ids=tuple(sorted(ids)))
    sources = {s.id: s for s in repo.list_sources(session, ids={c.source_id for c in claims})}
    out = {}
    for claim_id, verdict in ruled.items():
        made = claim_reviews(claims, sources, [verdict], stored_flags, inputs.report_url, inputs.publisher)
        if made:
            out[claim_id] = made[0]
    return out


# The timeline's drawing, in SVG user units.
TIMELINE_WIDTH, TIMELINE_LEFT, TIMELINE_RIGHT, TIMELINE_LANE, TIMELINE_TOP = 720, 170, 60, 34, 24


def _timeline(points: list[dict[str, Any]]) -> dict[str, Any] | None:
    """A fact followed across outlets and dates, as an SVG drawing's data: a lane per outlet, a dated point per
    claim (placed by publication date), or None when fewer than two points carry a date."""
    dated = sorted((p for p in points if p["published"]), key=lambda p: (p["published"], p["id"]))
    if len(dated) < 2:
        return None
    first, last = dated[0]["published"], dated[-1]["published"]
    days = (last - first).days
    span = TIMELINE_WIDTH - TIMELINE_LEFT - TIMELINE_RIGHT
    lanes: list[str] = []
    for p in dated:
        if p["outlet"] not in lanes:
            lanes.append(p["outlet"])
    drawn = []
    for p in dated:
        x = TIMELINE_LEFT + (span * (p["published"] - first).days / days if days else span / 2)
        y = TIMELINE_TOP + TIMELINE_LANE * lanes.index(p["outlet"])
        drawn.append({"id": p["id"], "x": round(x, 1), "y": y, "role": p["role"], "text": p["text"],
                      "outlet": p["outlet"], "date": str(p["published"])})  # fmt: skip
    axis = TIMELINE_TOP + TIMELINE_LANE * len(lanes)
    return {
        "width": TIMELINE_WIDTH,
        "height": axis + 30,
        "left": TIMELINE_LEFT,
        "right": TIMELINE_WIDTH - TIMELINE_RIGHT,
        "axis": axis,
        "lanes": [{"name": name, "y": TIMELINE_TOP + TIMELINE_LANE * i} for i, name in enumerate(lanes)],
        "points": drawn,
        "path": " ".join(f"{p['x']},{p['y']}" for p in drawn),
        "first": str(first),
        "last": str(last),
        "undated": [p for p in points if not p["published"]],
    }


def _line_of(row: ClaimRow) -> dict[str, Any]:
    return {"id": row.id, "text": row.text, "outlet": row.outlet, "published": row.published}


@lru_cache(maxsize=4096)
def _link(url: str | None) -> str | None:
    return safe_url(url)


def _quoted(row: ClaimRow, text: str) -> dict[str, Any]:
    """The parts of a claim page cut from its source's text: the quote in its paragraph, the annotation."""
    para_start, para_end = row.paragraph
    return {
        "quote": text[row.start : row.end],
        "before": text[para_start : row.start],
        "after": text[row.end : para_end],
        "annotation": {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "motivation": "highlighting",
            "body": {"type": "TextualBody", "value": row.text, "purpose": "describing"},
            "target": {
                "source": _link(row.url) or f"urn:sha256:{row.content_sha256}",
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": text[row.start : row.end],
                        "prefix": text[max(0, row.start - QUOTE_CONTEXT) : row.start],
                        "suffix": text[row.end : row.end + QUOTE_CONTEXT],
                    },
                    {"type": "TextPositionSelector", "start": row.start, "end": row.end},
                ],
            },
        },
    }


def _line(line: ClaimLine) -> dict[str, Any]:
    return {"id": line.id, "text": line.text, "outlet": line.outlet, "published": line.published}


def _flag_summary(flag: FlagLine, reviews) -> dict[str, Any]:
    last = (reviews.get(flag.id) or [None])[-1]
    return {
        "id": flag.id,
        "kind": flag.kind,
        "status": flag.status,
        "explanation": flag.explanation,
        "reviewer": last.reviewer if last else None,
        "note": last.note if last else None,
    }


# -- flag pages ---------------------------------------------------------------------------------------------------


def _flag_pages(session: Session, common: _Common, wanted: Wanted) -> Iterator[Page]:
    for flags in report_repo.flag_chunks(session):
        reviews = report_repo.reviews(session, [f.id for f in flags])
        rows = report_repo.claim_rows(session, sorted({c for f in flags for c in f.claim_ids}))
        ruled = _published(session, sorted(rows))
        views = {}
        for f in flags:
            line = FlagLine(f.id, f.kind, f.status, f.explanation, f.version)
            view = {
                **_flag_summary(line, reviews),
                "version": f.version,
                "sides": [_side(rows[c], common, ruled.get(c)) for c in f.claim_ids if c in rows],
                "entities": common.entity_views(f.entity_ids),
                "history": [asdict(r) for r in reviews.get(f.id, [])],
            }
            path = f"flags/{f.id}.html"
            key = digest(view)
            if wanted(path, key):
                views[path] = (view, key)
        texts = report_repo.source_texts(
            session, {rows[s["id"]].source_id for v, _k in views.values() for s in v["sides"]}
        )
        for path, (view, key) in views.items():
            sides = [{**s, **_quoted(rows[s["id"]], texts[rows[s["id"]].source_id])} for s in view["sides"]]
            yield Page(path, "flag.html", key, _given({"flag": {**view, "sides": sides}}))


def _side(row: ClaimRow, common: _Common, verdict: StoredVerdict | None) -> dict[str, Any]:
    """One side of a flag: the claim with its source's outlet, date, title and address, and its verdict."""
    return {
        **_line_of(row),
        "start": row.start,
        "end": row.end,
        "paragraph": row.paragraph,
        "title": row.title,
        "url": row.url,
        "link": _link(row.url),
        "outlet_slug": common.slug(row.outlet),
        "verdict": _verdict_view(verdict) if verdict else None,
    }


# -- outlet pages -------------------------------------------------------------------------------------------------


def _outlet_pages(session: Session, common: _Common, wanted: Wanted) -> Iterator[Page]:
    for record in sorted(common.outlets.values(), key=lambda r: r["name"]):
        name = record["name"]
        drivers = set(common.drivers.get(name, ()))
        summed = _hash().update(record).update(sorted(drivers))
        for lines in report_repo.outlet_claim_chunks(session, name):
            summed.update([_line(line) for line in lines])
        path = f"outlets/{common.slug(name)}.html"
        key = summed.hexdigest()
        if wanted(path, key):
            yield Page(path, "outlet.html", key, partial(_outlet_context, session, common, record, drivers))


def _outlet_context(session: Session, common: _Common, record, drivers: set[int]) -> dict[str, Any]:
    name = record["name"]

    def claims() -> Iterator[ClaimLine]:
        for lines in report_repo.outlet_claim_chunks(session, name):
            yield from lines

    def driving() -> Iterator[ClaimLine]:
        return (line for line in claims() if line.id in drivers)

    return {"outlet": {"name": name, "slug": common.slug(name), "record": record, "n": len(drivers)},
            "claims": claims(), "drivers": driving()}  # fmt: skip


# -- the index, the flag list and the search page ----------------------------------------------------------------


def page_path(stem: str, number: int) -> str:
    """The n-th page of a paged list: ``stem.html``, then ``stem-2.html``, ``stem-3.html``, ..."""
    return f"{stem}.html" if number == 1 else f"{stem}-{number}.html"


def _paged(chunks: Iterable[list[Any]], size: int) -> Iterator[list[Any]]:
    """The items of ``chunks`` regrouped into pages of ``size``."""
    page: list[Any] = []
    for chunk in chunks:
        for item in chunk:
            page.append(item)
            if len(page) == size:
                yield page
                page = []
    if page:
        yield page


def _pager(stem: str, number: int, count: int, size: int) -> dict[str, Any]:
    """Where a page of a list stands. Only the first page states the total, so a claim added at the end of the
    list changes the last page (and the first), not every page between."""
    pages = max(1, -(-count // size))
    return {
        "number": number,
        "first": (number - 1) * size + 1 if count else 0,
        "last": min(number * size, count),
        "count": count if number == 1 else None,
        "pages": pages if number == 1 else None,
        "start": page_path(stem, 1) if number > 1 else None,
        "previous": page_path(stem, number - 1) if number > 1 else None,
        "next": page_path(stem, number + 1) if number < pages else None,
    }


def _index_pages(inputs: Inputs, common: _Common, wanted: Wanted) -> Iterator[Page]:
    session, size = inputs.session, max(1, inputs.settings.page_size)
    count = report_repo.index_count(session)
    outlets = [{**r, "slug": common.slug(r["name"])} for r in sorted(common.outlets.values(), key=lambda r: r["name"])]
    summary = {"claims": count, "flags": report_repo.flag_count(session), "outlets": outlets}
    number = 0
    for number, lines in enumerate(_paged(report_repo.index_chunks(session), size), start=1):
        yield from _index_page(session, summary, number, lines, size, wanted)
    if number == 0:  # an empty corpus still has its front page
        yield from _index_page(session, summary, 1, [], size, wanted)


def _index_page(session: Session, summary, number: int, lines: list[ClaimLine], size: int, wanted: Wanted):
    flags = report_repo.claim_flags(session, [line.id for line in lines])
    rows = [{**_line(line), "flags": sorted({(f.kind, f.status) for f in flags.get(line.id, [])})} for line in lines]
    view = {"claims": rows, "pager": _pager("index", number, summary["claims"], size)}
    if number == 1:
        view["summary"] = summary
    path = page_path("index", number)
    key = digest(view)
    if wanted(path, key):
        yield Page(path, "index.html", key, _given(view))


def _flag_list_pages(inputs: Inputs, wanted: Wanted) -> Iterator[Page]:
    session, size = inputs.session, max(1, inputs.settings.page_size)
    count = report_repo.flag_count(session)
    pages: Iterable[list[FlagLine]] = _paged(report_repo.flag_list_chunks(session), size) if count else [[]]
    for number, flags in enumerate(pages, start=1):
        view = {"flags": [asdict(f) for f in flags], "pager": _pager("flag-list", number, count, size)}
        path = page_path("flag-list", number)
        key = digest(view)
        if wanted(path, key):
            yield Page(path, "flag-list.html", key, _given(view))


class _Search:
    """The search page: one compact table of every claim in a JSON data block, searched in the browser.

    Its digest is fed by the claim pages' pass (``add``), so it costs no read of its own; only when it changed
    are the rows read again, a chunk at a time, while the page is written.
    """

    def __init__(self, inputs: Inputs, common: _Common) -> None:
        self.session = inputs.session
        entity_ids = sorted(common.entities)
        self.position = {e: i for i, e in enumerate(entity_ids)}
        outlet_names = sorted(common.outlets)
        self.outlet_at = {name: i for i, name in enumerate(outlet_names)}
        self.head = {
            "outlets": outlet_names,
            "entities": [common.entities[e]["name"] for e in entity_ids],
            "results": max(1, inputs.settings.search_results),
        }
        self.summed = _hash().update(self.head)

    def row(self, line: ClaimLine | ClaimRow, about, flags) -> list[Any]:
        return [
            line.id,
            line.text,
            self.outlet_at.get(line.outlet, -1),
            str(line.published or ""),
            sorted({self.position[e] for e in about.get(line.id, ([], None))[0] if e in self.position}),
            sorted({f"{f.kind}:{f.status}" for f in flags.get(line.id, [])}),
        ]

    def add(self, rows: list[ClaimRow], about, flags) -> None:
        for row in rows:
            self.summed.update(self.row(row, about, flags))

    def rows(self) -> Iterator[list[Any]]:
        for lines in report_repo.claim_line_chunks(self.session):
            span = (lines[0].id, lines[-1].id)
            about = entity_repo.claim_entities(self.session, between=span)
            flags = report_repo.claim_flags(self.session, between=span)
            for line in lines:
                yield self.row(line, about, flags)

    def page(self, wanted: Wanted) -> Iterator[Page]:
        key = self.summed.hexdigest()
        if wanted("search.html", key):
            yield Page("search.html", "search.html", key, lambda: {**self.head, "rows": self.rows()})
