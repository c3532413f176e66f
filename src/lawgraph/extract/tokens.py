"""Where a Doc's tokens start and end, read once per Doc and shared by the components that test offsets.

The places, documents, initiatives, actions and indicators components each ask whether a match starts or
ends on a word of the segmenter. :func:`token_boundaries` reads the offsets as arrays (not token by token)
and :func:`token_starts` keeps the starts as a set; both are cached in ``doc.user_data`` until
:func:`release_token_caches`, which the pipeline's last step (``lawgraph_release_caches``) calls.

>>> import spacy
>>> doc = spacy.blank("en")("two words")
>>> token_boundaries(doc)
([0, 4], [3, 9])
>>> sorted(token_starts(doc, len(doc.text)))
[0, 4, 9]
>>> release_token_caches(doc)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from spacy.tokens import Doc

__all__ = ["release_token_caches", "token_boundaries", "token_starts"]

_BOUNDARY_KEY = "lawgraph.token_boundaries"
_STARTS_KEY = "lawgraph.token_starts"


def token_boundaries(doc: Doc) -> tuple[Sequence[int], Sequence[int]]:
    """Sorted offsets where the Doc's tokens start and end (read as arrays, not token by token).

    The result is kept in ``doc.user_data`` so the components that need it read the tokens once.
    """
    from spacy.attrs import IDX, LENGTH

    cached = doc.user_data.get(_BOUNDARY_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]  # type: ignore[no-any-return]
    if len(doc) == 0:
        return [], []
    arr = doc.to_array([IDX, LENGTH])
    found: tuple[Sequence[int], Sequence[int]] = (arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist())
    doc.user_data[_BOUNDARY_KEY] = (len(doc), found)
    return found


def token_starts(doc: Doc, text_end: int) -> frozenset[int]:
    """The offsets where the Doc's tokens start, and ``text_end`` (the text's length), as a set.

    Built once per Doc and kept in ``doc.user_data`` (until :func:`release_token_caches`).
    """
    cached = doc.user_data.get(_STARTS_KEY)
    if cached is not None and cached[0] == (len(doc), text_end):
        return cached[1]  # type: ignore[no-any-return]
    found = frozenset(itertools.chain(token_boundaries(doc)[0], (text_end,)))
    doc.user_data[_STARTS_KEY] = ((len(doc), text_end), found)
    return found


def release_token_caches(doc: Doc) -> None:
    """Drop what :func:`token_boundaries` and :func:`token_starts` kept on ``doc``."""
    doc.user_data.pop(_BOUNDARY_KEY, None)
    doc.user_data.pop(_STARTS_KEY, None)
