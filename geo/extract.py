"""The public entry points: reports in, GeoDataFrames of incidents and of place mentions out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from geo.budget import Budget
from geo.document import Document, ReadFailure
from geo.read import Fields, iter_read, language_option

if TYPE_CHECKING:  # geopandas is imported where a frame is built: a run writing JSONL never needs it
    import geopandas as gpd

    from gazetteer import Gazetteer
    from geo.cache import ResultCache
    from geo.result import DocumentResult

__all__ = ["extract", "extract_places", "run", "MENTION_COLUMNS"]

#: Columns of the mentions table, in order.
MENTION_COLUMNS = ["doc_id", "path", "doc_date", "text", "start", "end", "place_id", "name", "kind",
                   "admin1", "admin2", "admin3", "lat", "lon", "where_prec", "geo_precision",
                   "confidence", "role", "cue", "marked_as", "reason", "footprint", "geometry"]


def run(source: str | os.PathLike | Iterable | Document, *, fields: Fields = Fields(),
        date: date | None = None, gazetteer: Gazetteer | None = None,
        workers: int = 1, lang: str | None = None, follow_links: bool = False, budget: Budget = Budget(),
        cache: ResultCache | None = None) -> Iterator[DocumentResult | ReadFailure]:
    """Yield a DocumentResult (or a ReadFailure) for every input, in input order.

    ``workers`` > 1 processes documents on that many local processes; the results are the same.
    A document that cannot be read or processed, or goes over ``budget`` (characters and seconds
    per document), is a ReadFailure with the reason; the others go on.
    ``lang`` ("en", "es") is the language of every document, Documents given included; None or
    "auto" reads it from the corpus or the text (see :func:`geo.read`). Another code is a ValueError.
    ``follow_links`` reads files that links in a folder point to outside it (see :func:`geo.read`).
    ``cache`` (a :class:`geo.cache.ResultCache`) gives each input's stored result when it has one
    and stores the others: the results are the same, and its counts say how many were stored.
    """
    code = language_option(lang)
    if cache is not None and gazetteer is not None and gazetteer is not cache.gazetteer:
        raise ValueError("cache= holds the results of another gazetteer: open it as ResultCache(folder, gazetteer)")
    if isinstance(source, Document):
        source = [source]
    items: Iterable = source
    paths = isinstance(source, (str, os.PathLike)) or (
        isinstance(source, (list, tuple)) and source and not isinstance(source[0], Document))
    if paths and cache is not None:
        from geo.incremental import cached_path_results

        return cached_path_results(source, cache, fields=fields, date=date, lang=code, follow_links=follow_links,
                                   budget=budget, workers=workers)
    if paths:
        items = iter_read(source, fields=fields, date=date, lang=code, follow_links=follow_links, budget=budget)
    elif code:
        items = (replace(d, language=code) if isinstance(d, Document) else d for d in source)
    if cache is not None:
        from geo.incremental import cached_document_results

        return cached_document_results(items, cache, budget=budget, workers=workers)
    return _results(items, gazetteer, workers, budget)


def _results(items: Iterable, gazetteer: Gazetteer | None, workers: int,
             budget: Budget) -> Iterator[DocumentResult | ReadFailure]:
    # The pipeline (and its gazetteer) is loaded here, once a document is to be processed.
    from geo.parallel import process_many
    from geo.pipeline import outcome

    if workers > 1:
        yield from process_many(items, workers, budget=budget)
        return
    from gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.load()
    for item in items:
        yield outcome(item, gaz, budget)


def extract(source, *, fields: Fields = Fields(), date: date | None = None, merge: bool = True,
            gazetteer: Gazetteer | None = None, lang: str | None = None) -> gpd.GeoDataFrame:
    """Read reports and return the incidents they report as a GeoDataFrame (EPSG:4326).

    Parameters
    ----------
    source : paths, folders, globs, or Documents (see :func:`geo.read`).
    fields : the id, text, date and title fields of JSONL and CSV corpora.
    date : the date of documents that give none themselves.
    merge : one row for an incident reported by several documents (listing every source).
    lang : the language of every document ("en", "es"); None or "auto" to read it from the corpus or text.

    Columns, ACLED-compatible first: ``event_date``, ``time_precision`` (1 day, 2 week, 3 month),
    ``event_type``, ``sub_event_type``, ``actor1``, ``actor2``, ``inter1``, ``inter2``,
    ``interaction``, ``country``, ``admin1``/``admin2``/``admin3`` (department, province, district),
    ``location``, ``latitude``, ``longitude``, ``geo_precision`` (1-3), ``fatalities`` (the lowest
    reported figure), ``notes`` (the evidence sentence), ``source`` (the documents' titles); then
    ours: ``incident_id`` (stable), ``incident_type`` (ambush, bombing, clash, attack, protest, arrest...),
    ``injured``, ``where_prec`` (UCDP 1-6), ``date_start``/``date_end``, ``fatalities_low``/
    ``fatalities_best``/``fatalities_high``, ``evidence``, ``doc_ids``, ``paths``,
    ``evidence_spans`` (doc:start-end offsets), ``place_id``, ``confidence``, ``footprint`` (the
    area meant, for area-level places) and ``geometry`` (the point).
    """
    from geo.table import incidents_table

    results = [r for r in run(source, fields=fields, date=date, gazetteer=gazetteer, lang=lang)
               if not isinstance(r, ReadFailure)]
    return incidents_table(results, merge=merge)


def extract_places(source, *, fields: Fields = Fields(), date: date | None = None,
                   gazetteer: Gazetteer | None = None, lang: str | None = None) -> gpd.GeoDataFrame:
    """Read reports and return every resolved place mention as a GeoDataFrame (EPSG:4326).

    The parameters are those of :func:`extract`. Columns: ``doc_id``, ``path``, ``doc_date``, ``text``, ``start``, ``end`` (offsets into the
    document), ``place_id``, ``name``, ``kind``, ``admin1``/``admin2``/``admin3`` (department,
    province, district), ``lat``, ``lon``, ``where_prec`` (UCDP 1-6), ``geo_precision`` (ACLED 1-3),
    ``confidence``, ``role`` (event, reference or other), ``cue``, ``marked_as``, ``reason``,
    ``footprint`` (the area meant, for area-level places) and ``geometry`` (the point).
    """
    import geopandas as gpd
    from shapely.geometry import Point

    rows = []
    for result in run(source, fields=fields, date=date, gazetteer=gazetteer, lang=lang):
        if isinstance(result, ReadFailure):
            continue
        doc = result.document
        for r in result.places:
            rec = r.record()
            rec.update(doc_id=doc.id, path=doc.path, doc_date=doc.date, footprint=r.footprint,
                       geometry=Point(rec["lon"], rec["lat"]) if rec["lat"] is not None else None)
            rows.append(rec)
    frame = gpd.GeoDataFrame(rows, columns=MENTION_COLUMNS, geometry="geometry", crs=4326)
    frame["footprint"] = gpd.GeoSeries(frame["footprint"], crs=4326)
    return frame
