"""A second process's log messages, collected there and reported by the build's own process.

The build's process counts problems (build_messages) and shows messages; a process it forked must not
write to the terminal itself (another thread may have held the console's lock at the fork). So the
forked process keeps each message as plain data, and the build's process hands them to its own
loggers once that process has finished, as if they had been logged there.
"""

import logging


class Collector(logging.Handler):
    """Keeps every record it is given as a picklable dict."""

    def __init__(self):
        super().__init__()
        self.records: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        data = dict(record.__dict__)
        data["msg"] = record.getMessage()
        data["args"] = None
        if record.exc_info:
            data["exc_text"] = logging.Formatter().formatException(record.exc_info)
        data["exc_info"] = None
        self.records.append(data)


def collect_everything() -> Collector:
    """From now on, every message of this process goes to one collector, none to the terminal."""
    collector = Collector()
    loggers = [logging.getLogger()]
    loggers += [item for item in logging.root.manager.loggerDict.values() if isinstance(item, logging.Logger)]
    for each in loggers:
        if each.handlers:
            each.handlers = []
    logging.getLogger().handlers = [collector]
    logging.captureWarnings(True)
    return collector


def report(records: list[dict]) -> None:
    """Log the collected records in this process, through the loggers they were logged to."""
    for data in records:
        record = logging.makeLogRecord(data)
        logging.getLogger(record.name).handle(record)
