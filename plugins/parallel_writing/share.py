"""Which process writes which file: each output name belongs to one process, by a stable hash of the name.

A name always lands in the same process, so a file written twice is written twice there and Pelican's
warning about it stays; the split does not depend on the order of the calls, so the processes need not
agree on anything but the number of processes.
"""

import zlib


def owner(name: str, processes: int) -> int:
    """The number (0 … processes-1) of the process that writes the output file `name`."""
    return zlib.crc32(str(name).encode("utf-8")) % processes


class ShareOfWriter:
    """Pelican's writer for one process's shares: writes the files `owner` gives to one of `numbers`, skips the rest."""

    def __init__(self, writer, numbers: set[int], processes: int):
        self.writer = writer
        self.numbers = set(numbers)
        self.processes = processes

    def write_file(self, name, *args, **kwargs):
        if owner(name, self.processes) in self.numbers:
            return self.writer.write_file(name, *args, **kwargs)
        return None

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if owner(path or "", self.processes) in self.numbers:
            return self.writer.write_feed(elements, context, path, *args, **kwargs)
        return None

    def __getattr__(self, name):
        return getattr(self.writer, name)
