"""Counting the warnings and errors of one build or check."""

import logging

# A warning logged with `extra={HINT: True}` is shown but never counted: it must not stop a strict
# build (a legacy PDF that is not accessible, which the office cannot fix today).
HINT = "build_messages_hint"


class ProblemCounter(logging.Handler):
    """Counts warnings and errors from Pelican and every plugin during one build (hints excepted)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if not getattr(record, HINT, False):
            self.count += 1
