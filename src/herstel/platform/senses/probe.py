"""What every sense's probe offers the aggregator.

``read`` answers now (``None`` = this desktop cannot tell); ``start`` subscribes
to the desktop's change events and calls ``poke`` when the answer may have
changed; ``stop`` drops every subscription, so an idle app pays nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Protocol, TypeVar

T_co = TypeVar("T_co", covariant=True)

Poke = Callable[[], None]


class Probe(Protocol[T_co]):
    async def read(self) -> T_co | None:
        """The sensed value now, or None when unknown here."""
        ...

    async def start(self, poke: Poke) -> None:
        """Listen for changes where the desktop announces them."""
        ...

    async def stop(self) -> None:
        """Stop listening and let go of connections."""
        ...


class AnyOf:
    """Yes when any backend says yes; None only when none of them can tell."""

    def __init__(self, backends: list[Probe[bool]]) -> None:
        self._backends = backends

    async def read(self) -> bool | None:
        answers = await asyncio.gather(*(backend.read() for backend in self._backends))
        if any(answer for answer in answers):
            return True
        return False if any(answer is not None for answer in answers) else None

    async def start(self, poke: Poke) -> None:
        for backend in self._backends:
            await backend.start(poke)

    async def stop(self) -> None:
        for backend in self._backends:
            await backend.stop()
