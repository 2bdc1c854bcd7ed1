"""Pelican glue: the pages are written by as many processes as the machine has cores.

Writing (Jinja rendering every page) is the largest part of a build, and Pelican does it on one core.
When the article generator starts writing, this process forks; the new process and this one then run
the article and page generators' writing side by side, each writing its share of the output files
(share.py: each file name belongs to one process). Everything else is written here only: static files,
the sitemap, the events' and contacts' files and every plugin's generator.

The forked process announces nothing itself: its `content_written` receivers are removed, and it keeps
the list of pages it wrote instead. When it is done it sends that list and its log messages through a
pipe, and before any other `finalized` receiver runs (this plugin comes first in PLUGINS) this process
logs the messages (messages.py; strict builds count them) and announces `content_written` for each of
those pages, with its item, as if it had written them. So every plugin that gathers something while
pages are written (responsive_images rewrites pages with images, pelican-sitemap lists them) sees
every page, in the build's own process. If the forked process fails or dies, this process writes its
share itself, so a build never lacks a page. A quick preview build (its own writer) and a dry run (no
writing) stay in one process.

PARALLEL_WRITING_PROCESSES (pelicanconf.py): how many processes write; None: one per core; 1: no fork.
"""

import contextlib
import ctypes
import logging
import os
import pickle
import select
import signal
import time
import traceback

from blinker import ANY
from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.writers import Writer

from common.items import items_of
from common.settings import settings_reader

from .messages import collect_everything, report
from .share import ShareOfWriter

logger = logging.getLogger(__name__)

DEFAULTS = {"PARALLEL_WRITING_PROCESSES": None, "PARALLEL_WRITING_MIN_ITEMS": 100}
setting = settings_reader(DEFAULTS)
PLAN_KEY = "_PARALLEL_WRITING"  # this build's plan, in its own settings dict (never module state)
# The generators whose writing goes only through Pelican's writer, so that it can be shared out.
SHARED = (ArticlesGenerator, PagesGenerator)
PR_SET_PDEATHSIG = 1
# A forked process gets at least this long, and three times what this process took for its share.
LEAST_WAIT_SECONDS = 60


def processes_wanted(settings) -> int:
    """How many processes write: the setting, else one per core this process may use (1 where Python cannot fork)."""
    if not hasattr(os, "fork"):
        return 1
    wanted = setting(settings, "PARALLEL_WRITING_PROCESSES")
    if wanted is None:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, int(wanted))


def plan_writing(generators) -> None:
    """Before writing: let the shared generators write their share once the first of them starts."""
    if not generators:
        return
    settings = generators[0].settings
    shared = [generator for generator in generators if type(generator) in SHARED]
    items = sum(len(getattr(generator, "articles", ())) + len(getattr(generator, "pages", ())) for generator in shared)
    processes = processes_wanted(settings)
    if processes < 2 or not shared or items < setting(settings, "PARALLEL_WRITING_MIN_ITEMS"):
        return
    if next(iter(signals.finalized.receivers_for(ANY)), None) is not collect_writers:
        # Another `finalized` receiver would run before the other processes' pages are announced.
        logger.debug("parallel_writing steht in PLUGINS nicht an erster Stelle: ein Prozess schreibt alles")
        return
    plan = {
        "processes": processes,
        "generators": generators,
        "children": [],  # (number, process id, pipe) of each forked process
        "mine": set(range(processes)),  # the shares this process writes (each forked process takes one)
        "writing": {},  # each shared generator's own generate_output
        "started": None,
    }
    settings[PLAN_KEY] = plan
    for generator in shared:
        plan["writing"][id(generator)] = generator.generate_output
        generator.generate_output = lambda writer, generator=generator: write_share(plan, generator, writer)


def write_share(plan: dict, generator, writer) -> None:
    """A shared generator's writing: fork at the first one (with Pelican's own writer), then write this
    process's share."""
    if plan["started"] is None:
        plan["started"] = time.monotonic()
        plan["writer"] = writer
        if type(writer) is Writer:  # not a quick preview build's writer
            fork_writers(plan)
    if len(plan["mine"]) == plan["processes"]:
        plan["writing"][id(generator)](writer)  # no other process: this one writes everything
        return
    try:
        plan["writing"][id(generator)](ShareOfWriter(writer, plan["mine"], plan["processes"]))
    except BaseException:
        if plan.get("number", 0) != 0:
            finish_child(plan, failure=traceback.format_exc())
        stop_children(plan)  # the build fails here; no process may go on writing for it
        raise


def stop_children(plan: dict) -> None:
    for _number, pid, pipe in plan.pop("children", []):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(pipe)


def fork_writers(plan: dict) -> None:
    for number in range(1, plan["processes"]):
        reading, writing = os.pipe()
        try:
            pid = os.fork()
        except OSError as error:
            os.close(reading)
            os.close(writing)
            logger.debug("parallel_writing: kein weiterer Prozess (%s); dieser schreibt alles", error)
            return
        if pid == 0:
            os.close(reading)
            become_child(plan, number, writing)
            return
        os.close(writing)
        plan["children"].append((number, pid, reading))
        plan["mine"].discard(number)


def become_child(plan: dict, number: int, pipe: int) -> None:
    """In the forked process: die with the build's process, keep messages, write only the shared generators."""
    with contextlib.suppress(AttributeError, OSError):  # Linux: ends with the build's process, never alone
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    written = []
    plan.update(number=number, mine={number}, pipe=pipe, children=[], collector=collect_everything(), written=written)
    for generator in plan["generators"]:
        if id(generator) not in plan["writing"]:
            generator.generate_output = lambda writer: None  # written by the build's process
    for receiver in list(signals.content_written.receivers_for(ANY)):
        signals.content_written.disconnect(receiver)
    for receiver in list(signals.finalized.receivers_for(ANY)):  # this process ends at `finalized`
        if receiver is not collect_writers:
            signals.finalized.disconnect(receiver)

    def keep(path, context):
        for kind in ("article", "page"):
            if context.get(kind) is not None:
                written.append((path, kind, context[kind].source_path, context[kind].lang))
                return
        written.append((path, None, None, None))

    plan["keep"] = keep  # blinker holds receivers weakly: the plan keeps this one alive
    signals.content_written.connect(keep)


def finish_child(plan: dict, failure: str | None = None) -> None:
    """In the forked process: send messages and gathered state back, and end at once."""
    message = {"records": plan["collector"].records, "written": plan["written"], "failure": failure}
    try:
        data = pickle.dumps(message)
    except Exception:
        data = pickle.dumps({"records": [], "written": [], "failure": traceback.format_exc()})
    with os.fdopen(plan["pipe"], "wb") as pipe:
        pipe.write(data)
    os._exit(0 if failure is None else 1)


def collect_writers(pelican_object) -> None:
    """At `finalized`: in a forked process, report and end; in the build's process, take each forked
    process's report, or write its share here if it brought none."""
    plan = pelican_object.settings.get(PLAN_KEY)
    if plan is None or plan["started"] is None:
        return
    if plan.get("number", 0) != 0:
        finish_child(plan)
    own_seconds = time.monotonic() - plan["started"]
    settings = pelican_object.settings
    for number, pid, pipe in plan.pop("children"):
        message = receive(pipe, pid, max(LEAST_WAIT_SECONDS, 3 * own_seconds))
        if message is not None:
            report(message["records"])
        if message is None or message["failure"]:
            logger.debug("parallel_writing: Prozess %d ohne Ergebnis, dieser schreibt seinen Teil", number)
            for generator in plan["generators"]:
                if id(generator) in plan["writing"]:
                    plan["writing"][id(generator)](ShareOfWriter(plan["writer"], {number}, plan["processes"]))
            continue
        announce(plan["generators"], message["written"])
    settings.pop(PLAN_KEY, None)


def announce(generators, written: list) -> None:
    """Send `content_written` for pages another process wrote, each with its item as Pelican's writer does."""
    items = {}
    for generator in generators:
        for item in items_of(generator):
            items[(item.source_path, item.lang)] = item
    context = generators[0].context
    for path, kind, source_path, lang in written:
        item = items.get((source_path, lang))
        signals.content_written.send(path, context={**context, kind: item} if item is not None else context)


def receive(pipe: int, pid: int, seconds: float) -> dict | None:
    """What the forked process sent, or None if it sent nothing readable in time (then it is stopped)."""
    chunks, deadline = [], time.monotonic() + seconds
    with os.fdopen(pipe, "rb") as reading:
        while True:
            ready, _, _ = select.select([reading], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                chunks = None
                break
            chunk = os.read(reading.fileno(), 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    os.waitpid(pid, 0)
    try:
        return pickle.loads(b"".join(chunks)) if chunks else None
    except Exception:
        return None


def register():
    signals.all_generators_finalized.connect(plan_writing)
    signals.finalized.connect(collect_writers)
