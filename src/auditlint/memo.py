"""Memoisation for text functions that read settings: a cache that empties itself
when the settings object it was filled under is replaced.

The vocabulary in force (``auditlint.vocab``) changes with ``--vocabulary``; a
function of a name *and* the vocabulary cannot be cached on the name alone. Its
cache is tied to the object ``current()`` returns (the parsed vocabulary, itself
rebuilt when the extensions change) and dropped as soon as that object is not the
one the cache was filled under.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")

# a bound on what one process keeps: a batch worker checks thousands of reports
MAXSIZE = 1 << 16


def memo_while(current: Callable[[], object], maxsize: int = MAXSIZE
               ) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Cache a ``str → value`` function for as long as ``current()`` returns the same object."""

    def decorate(fn: Callable[[str], T]) -> Callable[[str], T]:
        cache: dict[str, T] = {}
        # the object the cache holds answers for; held, so its id cannot be reused
        under: list[object] = [None]

        @wraps(fn)
        def wrapper(text: str) -> T:
            token = current()
            if token is not under[0]:
                cache.clear()
                under[0] = token
            try:
                return cache[text]
            except KeyError:
                pass
            if len(cache) >= maxsize:
                cache.clear()
            value = cache[text] = fn(text)
            return value

        wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
        return wrapper

    return decorate
