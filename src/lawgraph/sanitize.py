"""Text from elsewhere made safe to print: no terminal escape sequences, no control characters, bounded.

A server's error body, a request line in a log, a file name from disk: any of them may hold ``ESC [``
sequences that recolour, retitle or rewrite a terminal, or bidirectional overrides that reorder what a
reader sees. :func:`printable` shows each such character as a visible escape instead.

>>> printable("refused\\x1b[2J\\x1b]0;pwned\\x07 now")
'refused\\\\x1b[2J\\\\x1b]0;pwned\\\\x07 now'
>>> printable("a" * 10, limit=4)
'aaaa…'
"""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0 and C1 controls, DEL, and the bidirectional embedding/override/isolate marks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, limit: int = 300, keep_newlines: bool = False) -> str:
    """``text`` with control characters escaped (``\\x1b``, ``\\u202e``), cut at ``limit`` characters."""
    if len(text) > limit:
        text = text[:limit] + "…"

    def escape(m: re.Match[str]) -> str:
        ch = m.group()
        if keep_newlines and ch == "\n":
            return ch
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNSAFE.sub(escape, text)
