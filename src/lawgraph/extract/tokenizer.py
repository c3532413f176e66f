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
        self._orths: dict[str, int] = {}
        self._orths_vocab: Vocab | None = None

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text``; ``doc.text`` equals ``text``."""
        words = self._cut(text) if text else []
        ids = self._word_ids(words)  # Doc takes ids as well as strings (its stub says strings)
        return Doc(self.vocab, words=ids, spaces=[False] * len(words))  # type: ignore[arg-type]

    def _word_ids(self, words: list[str]) -> list[str] | list[int]:
        """The words as their vocabulary ids (``lexeme.orth``), when that is safe; else the words.

        ``Doc(vocab, words=...)`` hashes every string to find its lexeme (about a third of a Doc's
        construction); given ids, it looks the lexeme up directly. A report repeats its words, and a
        build's reports share most of them, so a ``{word: id}`` dict pays for itself. The Doc is the same
        either way: ``vocab[word]`` makes the lexeme ``Doc`` would have made. Inside a
        :meth:`~spacy.vocab.Vocab.memory_zone` new lexemes are dropped at the zone's end, so the words go
        through unchanged there (and nothing is remembered).
        """
        vocab = self.vocab
        if getattr(vocab, "in_memory_zone", False):
            return words
        if self._orths_vocab is not vocab:  # a new vocabulary: its ids are another's
            self._orths, self._orths_vocab = {}, vocab
        orths = self._orths
        try:
            return list(map(orths.__getitem__, words))
        except KeyError:
            pass
        out = []
        for word in words:
            orth = orths.get(word)
            if orth is None:
                orth = orths[word] = vocab[word].orth
            out.append(orth)
        return out

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


@registry.tokenizers("lawgraph.RjiebaTokenizer.v1")  # type: ignore[untyped-decorator]  # spaCy's registry is untyped
def create_rjieba_tokenizer() -> Callable[[Language], RjiebaTokenizer]:
    """The registered factory: returns a function building the tokenizer for an ``nlp`` object."""

    def make(nlp: Language) -> RjiebaTokenizer:
        return RjiebaTokenizer(nlp.vocab)

    return make
