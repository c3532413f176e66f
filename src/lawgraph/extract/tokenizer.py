"""A spaCy tokenizer over rjieba (the Rust port of jieba).

spaCy's own Chinese tokenizer with ``segmenter = "jieba"`` runs at about 0.44 MB/s here; rjieba alone cuts
at about 16 MB/s (``../shared/notes/measurements.md``). This tokenizer is registered as
``lawgraph.RjiebaTokenizer.v1`` in spaCy's ``tokenizers`` registry, so a config can name it::

    [nlp.tokenizer]
    @tokenizers = "lawgraph.RjiebaTokenizer.v1"

It keeps every character: the tokens concatenate to the text, whitespace runs become their own tokens, and
no token carries trailing whitespace, so ``doc.text == text`` and character offsets are preserved. It never
touches jieba's global dictionary; entity boundaries are the components' job, not the segmenter's.

Examples
--------
>>> import spacy
>>> nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "lawgraph.RjiebaTokenizer.v1"}}})
>>> doc = nlp.make_doc("武威中院 审结案件")
>>> doc.text
'武威中院 审结案件'
>>> [t.text for t in doc][:2]
['武威', '中院']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

__all__ = ["RjiebaTokenizer", "create_rjieba_tokenizer"]


def _import_rjieba() -> Any:
    try:
        import rjieba
    except ImportError as err:  # pragma: no cover - rjieba is a core dependency
        raise ImportError("lawgraph's tokenizer needs rjieba: pip install rjieba") from err
    return rjieba


class RjiebaTokenizer:
    """Segment Chinese text with rjieba into a :class:`~spacy.tokens.Doc`.

    Parameters
    ----------
    vocab : Vocab
        The pipeline's vocabulary.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._cut = _import_rjieba().cut

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text``; ``doc.text`` equals ``text``."""
        words = self._cut(text) if text else []
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def pipe(self, texts: Iterable[str], *, batch_size: int = 1000) -> Iterable[Doc]:
        """Tokenize a stream of texts (``batch_size`` is accepted for spaCy's interface)."""
        for text in texts:
            yield self(text)

    # The tokenizer has no state of its own; these satisfy nlp.to_disk / from_disk / to_bytes.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize (nothing to keep)."""
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RjiebaTokenizer:
        """Deserialize (nothing to restore)."""
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write nothing: the tokenizer is fully described by its config."""
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RjiebaTokenizer:
        """Read nothing back."""
        return self


@registry.tokenizers("lawgraph.RjiebaTokenizer.v1")
def create_rjieba_tokenizer() -> Callable[[Language], RjiebaTokenizer]:
    """The registered factory: returns a function building the tokenizer for an ``nlp`` object."""

    def make(nlp: Language) -> RjiebaTokenizer:
        return RjiebaTokenizer(nlp.vocab)

    return make
