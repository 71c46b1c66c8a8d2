"""Which articles are already coded by a given coder and dictionary version.

An article row carries the run that last loaded it, and the run row the coder and dictionary
versions it used, so no extra bookkeeping is needed: a batch's articles, sentences and events
load in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb


def already_coded(
    con: duckdb.DuckDBPyConnection,
    article_ids: Sequence[str],
    coder_version: str,
    dictionary_version: str,
) -> set[str]:
    rows = con.execute(
        """
        SELECT a.article_id
        FROM articles AS a JOIN runs AS r ON r.run_id = a.run_id
        WHERE a.article_id IN (SELECT unnest(?::VARCHAR[]))
          AND r.coder_version = ? AND r.dictionary_version = ?
        """,
        [list(article_ids), coder_version, dictionary_version],
    ).fetchall()
    return {article_id for (article_id,) in rows}
