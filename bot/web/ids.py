"""Row ids that come from outside (URLs, query strings, forms).

Primary keys are INTEGER columns. On PostgreSQL that ends at 2**31 - 1, and comparing
a column with a larger number is an error there ("integer out of range"), not "no such
row" (SQLite only fails beyond 2**63). So ids from a request are checked against this
bound first: a request for an id no row can have is a 400, never a 500.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

__all__ = ["MAX_ROW_ID", "AfterId", "RowId", "row_id"]

#: The largest id a row can have on every database we run on (PostgreSQL INTEGER).
MAX_ROW_ID = 2**31 - 1

#: A row id in the URL path.
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]

#: "Everything after this id" in a query string; 0 is "from the start".
AfterId = Annotated[int, Query(ge=0, le=MAX_ROW_ID)]


def row_id(text: str) -> int | None:
    """The id written in a form field, or None when no row can have it.

    ASCII digits only: ``str.isdigit`` also accepts "²", which ``int`` refuses.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    n = int(text)
    return n if 1 <= n <= MAX_ROW_ID else None
