"""Markdown converted by worker processes before Pelican asks for it, so reading uses every core.

Pelican reads one file after the other in one process, and converting Markdown is most of that
(about a fifth of a published build at 1,000 articles, on one of this machine's two cores). When a
generator has been made, before it reads anything, its list of Markdown files goes to a pool of
worker processes in chunks, in Pelican's reading order. The reader then takes each file's
conversion from there (`Prefetch.take`). The workers run the same `convert` as the reader, and use
the same preview cache when there is one, so the result is what the reader would have made itself.

The reader converts a file itself whenever the prefetched result cannot be used: the file's text
changed after the worker read it (an editor saved during a build), the file was not in the list, the
conversion failed in the worker (the reader then raises the error where Pelican reports it, with the
file's name), or no worker process could be started.
"""

import hashlib
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor

from pelican.utils import pelican_open

from .reading import Converted, convert

# Files per task: small enough that the first results come at once and the workers share the
# work evenly, large enough that sending settings and results costs little.
CHUNK = 25


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def convert_files(paths: list[str], markdown_settings: dict, formatted_fields, cache) -> dict:
    """In a worker: {path: (digest of the text read, Converted or None if converting failed)}."""
    results = {}
    for path in paths:
        try:
            with pelican_open(path) as text:
                converted = cache.get(text) if cache is not None else None
                if not isinstance(converted, Converted):
                    converted = convert(text, markdown_settings, formatted_fields)
                    if cache is not None:
                        cache.put(text, converted)
            results[path] = (digest(text), converted)
        except Exception:  # the reader converts this file itself and reports the error with its name
            results[path] = (None, None)
    return results


class Prefetch:
    """The conversions of a list of Markdown files, made by `workers` processes in the background."""

    def __init__(self, paths: list[str], markdown_settings: dict, formatted_fields, cache, workers: int):
        self._pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        self._chunk_of: dict[str, Future] = {}
        for start in range(0, len(paths), CHUNK):
            chunk = paths[start : start + CHUNK]
            future = self._pool.submit(convert_files, chunk, markdown_settings, list(formatted_fields), cache)
            self._chunk_of.update(dict.fromkeys(chunk, future))

    def take(self, path: str, text: str) -> Converted | None:
        """The conversion of `path` if a worker made it from exactly `text`; None: convert it yourself."""
        future = self._chunk_of.pop(path, None)
        if future is None:
            return None
        try:
            made_from, converted = future.result()[path]
        except Exception:  # a worker died: every file of its chunk is converted by the reader
            return None
        finally:
            if not self._chunk_of:
                self.close()
        return converted if made_from == digest(text) else None

    def close(self) -> None:
        """Stop the workers; what they have not converted yet, the reader converts."""
        self._pool.shutdown(wait=False, cancel_futures=True)
