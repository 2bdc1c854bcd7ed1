"""Pelican glue: rewrite <img> in written pages into <picture>, then encode what is missing.

Pages are rewritten as they are written (content_written), because only then
are all addresses final; lead images and teaser thumbnails from the theme are
handled the same way as images in the text. The encoding happens once at the
end (finalized), in parallel, from a cache outside output/ keyed by each
file's content, the settings and the encoder versions, so an unchanged image is
never encoded twice. Cache entries are checked when read and copied into
output/, never linked (see cache.py).
"""

import contextlib
import json
import logging
import os
import posixpath
import re
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from pelican import signals

from common.settings import settings_reader
from common.ui_strings import load_ui_strings, make_lookup

from .cache import mark_used, place, prune, read_entry, read_record, write_entry
from .images import (
    CARD_SUFFIX,
    ENCODERS,
    ORIGINAL_ENCODERS,
    RASTER_SUFFIXES,
    ImageInfo,
    ImageProblem,
    cache_key,
    card_info,
    describe,
    encoder_versions,
    file_hash,
    open_checked,
    parse_focus,
    render_variants,
    stripped_original,
)
from .markup import (
    DECORATIVE_ALT,
    THEME_IMAGE_CLASSES,
    content_image_problems,
    figure_for_content_image,
    picture_for,
    slot_for,
)

logger = logging.getLogger(__name__)

DEFAULTS = {
    "RESPONSIVE_IMAGES_WIDTHS": [480, 960, 1440, 1920],
    "RESPONSIVE_IMAGES_FORMATS": ["avif", "webp"],
    "RESPONSIVE_IMAGES_CACHE": "cache/bilder",
    "RESPONSIVE_IMAGES_CACHE_MAX_AGE_DAYS": 30,
}
BUILD_STATE = "RESPONSIVE_IMAGES_BUILD_STATE"  # per build, in the settings Pelican passes around


setting = settings_reader(DEFAULTS)


@dataclass(frozen=True)
class Job:
    """One image to provide in one shape: where it comes from and where its files go."""

    source: Path
    output_folder: Path
    focus: tuple[float, float] | None  # lead image: Open Graph crop; card: 16:9 crop
    info: ImageInfo
    card: bool


INDEX_FILE = "index.json"  # path, size and modification time → SHA-256, so unchanged files are not read


def create_state(pelican_object):
    """The one dict that holds each run's state, shared by the settings and every run's context.

    Pelican copies the settings into a run's context before any per-run signal, and its
    autoreload runs the same Pelican object again and again: so the dict is made once here
    and renewed in place at the start of every run (start_build), never replaced.
    """
    pelican_object.settings[BUILD_STATE] = {}


def start_build(pelican_object):
    """Fresh state for this run: the images to provide, the fingerprint index of the cache, the
    encoder versions, and the credit label from the theme's table of texts (as the lead image shows it)."""
    settings = pelican_object.settings
    cache_root = Path(setting(settings, "RESPONSIVE_IMAGES_CACHE"))
    try:
        index = json.loads((cache_root / INDEX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    strings = load_ui_strings(Path(settings["LOCALISATION_UI_STRINGS_FILE"]))
    credit_label = make_lookup(strings, settings["DEFAULT_LANG"])("image_credit")
    state = settings.setdefault(BUILD_STATE, {})
    state.clear()
    state.update(
        jobs={},
        index=index if isinstance(index, dict) else {},
        index_changed=False,
        credit_label=credit_label,
        versions=encoder_versions(),
    )


def fingerprint(state, path: Path) -> str:
    """The file's SHA-256, read again only when its size or modification time changed."""
    stat = path.stat()
    known = state["index"].get(str(path))
    if known and known[:2] == [stat.st_size, stat.st_mtime_ns]:
        return known[2]
    sha = file_hash(path)
    state["index"][str(path)] = [stat.st_size, stat.st_mtime_ns, sha]
    state["index_changed"] = True
    return sha


def settings_key(widths, formats, shape, versions) -> str:
    """Everything besides the file that changes the variants: widths, formats, encoder options and
    versions, crop."""
    return json.dumps([widths, formats, ENCODERS, versions, shape], sort_keys=True, default=str)


def original_key(versions) -> str:
    """Everything besides the file that changes a stripped original: its encoder options and versions."""
    return json.dumps(["original", ORIGINAL_ENCODERS, versions], sort_keys=True, default=str)


def _settings_key(settings, state, shape) -> str:
    widths, formats = setting(settings, "RESPONSIVE_IMAGES_WIDTHS"), setting(settings, "RESPONSIVE_IMAGES_FORMATS")
    return settings_key(widths, formats, shape, state["versions"])


def cached_info(folder: Path) -> ImageInfo | None:
    """The image facts stored with a finished cache entry, or None when it must be encoded.

    Only the record is read here; the files are checked when they are placed.
    """
    record = read_record(folder)
    try:
        return ImageInfo(**record["info"])
    except (TypeError, KeyError):
        return None


def report(settings, where: str, image: str, problem: str) -> None:
    log = logger.error if settings.get("BUILD_MESSAGES_STRICT") else logger.warning
    log("%s: Das Bild „%s“ %s", where, image, problem)


def _is_local(src: str) -> bool:
    return bool(src) and not src.startswith(("http:", "https:", "//", "data:"))


def _site_path(page_path: str, src: str, site_url: str) -> str:
    """The image's path below the site root, from its address on the page."""
    address = unquote(urlsplit(src).path)
    if site_url and src.startswith(site_url):
        address = unquote(urlsplit(src[len(site_url) :]).path)
        return posixpath.normpath(address).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), address)).lstrip("/")


# An <img> with the paragraph around it when it stands alone there (Python-Markdown's output).
IMG_IN_PARAGRAPH = re.compile(r"(<p>\s*)?(<img\b[^>]*>)(\s*</p>)?", re.IGNORECASE)


def _inside_picture(text: str, position: int) -> bool:
    return text.rfind("<picture", 0, position) > text.rfind("</picture>", 0, position)


def rewrite_page(path, context):
    """Replace each local raster <img> of a written page by a <picture>; report what is missing.

    Only the <img> elements (with their paragraph) are parsed, not the whole page: a
    build with nothing new to encode then spends almost no time here.
    """
    html_file = Path(path)
    text = html_file.read_text(encoding="utf-8")
    if "<img" not in text or BUILD_STATE not in context:
        return
    state = context[BUILD_STATE]
    item = context.get("article") or context.get("page")
    output_root = Path(context["OUTPUT_PATH"]).resolve()
    content_root = Path(context["PATH"]).resolve()
    page_path = html_file.resolve().relative_to(output_root).as_posix()
    where = item.relative_source_path if item is not None else page_path
    widths = setting(context, "RESPONSIVE_IMAGES_WIDTHS")
    formats = setting(context, "RESPONSIVE_IMAGES_FORMATS")

    def rewrite(match) -> str:
        opening, tag_html, closing = match.groups()
        alone = bool(opening and closing)
        fragment = BeautifulSoup(f"<p>{tag_html}</p>" if alone else tag_html, "html.parser")
        img = fragment.img
        src = img.get("src", "")
        if _inside_picture(text, match.start()) or not _is_local(src):
            return match.group(0)
        classes = set(img.get("class") or [])
        in_text = not classes & THEME_IMAGE_CLASSES
        is_lead = "lead-image__img" in classes
        if in_text:
            for problem in content_image_problems(img):
                report(context, where, src, problem)
        if is_lead:
            if not (img.get("alt") or "").strip():
                report(context, where, src, "hat keinen Alternativtext: Ergänzen Sie „Image_alt:“ oben in der Datei.")
            figure_rest = text[match.end() : text.find("</figure>", match.end())]
            if "<figcaption" not in figure_rest:
                report(context, where, src, "hat keine Bildquelle: Ergänzen Sie „Image_credit:“ oben in der Datei.")
        if Path(urlsplit(src).path).suffix.lower() not in RASTER_SUFFIXES:
            return match.group(0)  # SVG and other drawings pass through unchanged
        relative = _site_path(page_path, src, context.get("SITEURL", ""))
        source = (content_root / relative).resolve()
        if not source.is_relative_to(content_root):
            report(context, where, src, "liegt außerhalb des Ordners content/. Legen Sie Bilder in content/images/ ab.")
            return match.group(0)
        card = slot_for(img).card
        if card:  # the card's template names the related item's focal point
            focus = parse_focus(img.attrs.pop("data-focus", None))
        else:
            focus = parse_focus(item.metadata.get("image_focus")) if is_lead and item is not None else None
        try:
            if not source.is_file():
                raise ImageProblem("Die Bilddatei gibt es nicht. Prüfen Sie Dateiname und Ordner (content/images/).")
            folder = Path(setting(context, "RESPONSIVE_IMAGES_CACHE")) / cache_key(
                fingerprint(state, source), _settings_key(context, state, [focus, card])
            )
            info = cached_info(folder)
            if info is None:  # new or changed: decode it fully once, so a broken file is named here
                info = describe(open_checked(source))
        except ImageProblem as problem:
            report(context, where, src, f"lässt sich nicht verwenden: {problem}")
            return match.group(0)
        if info.animated:  # an animated GIF keeps its animation as it is
            if is_lead:  # but gets its Open Graph image (the first frame), which the page names
                state["jobs"][str(folder)] = Job(source, output_root / posixpath.dirname(relative), focus, info, card)
            return match.group(0)
        if (img.get("alt") or "").strip().lower() == DECORATIVE_ALT:
            img["alt"] = ""
        folder_url = src[: src.rfind("/") + 1]
        shape, stem = (card_info(info), source.stem + CARD_SUFFIX) if card else (info, source.stem)
        picture = picture_for(fragment, img, folder_url, stem, shape, widths, formats)
        if in_text:
            figure_for_content_image(fragment, picture, (img.get("title") or "").strip(), state["credit_label"])
        state["jobs"][str(folder)] = Job(source, output_root / posixpath.dirname(relative), focus, info, card)
        return str(fragment) if alone else (opening or "") + str(fragment) + (closing or "")

    rewritten = IMG_IN_PARAGRAPH.sub(rewrite, text)
    if rewritten != text:
        html_file.write_text(rewritten, encoding="utf-8")


def _render(job):
    source, widths, formats, focus, card = job
    return render_variants(source, widths, formats, focus, card)


def _store(folder: Path, files: dict[str, bytes], info: dict | None) -> None:
    """Keep an encoded entry; a cache that cannot be written costs time in the next build, nothing else."""
    try:
        write_entry(folder, files, info)
    except OSError as error:
        logger.warning(
            "%s: Der Zwischenspeicher für Bilder lässt sich nicht beschreiben (%s) – Schreibrechte prüfen "
            "oder RESPONSIVE_IMAGES_CACHE in pelicanconf.py auf einen beschreibbaren Ordner setzen.",
            folder.parent,
            error.strerror or error,
        )


def encode_missing(pelican_object):
    """Place every verified cache entry in output/, encode the missing or damaged ones (on all
    cores), strip the originals Pelican copied, then remove cache entries unused for long."""
    settings = pelican_object.settings
    state = settings.get(BUILD_STATE)
    if not state:
        return
    cache_root = Path(setting(settings, "RESPONSIVE_IMAGES_CACHE"))
    widths, formats = setting(settings, "RESPONSIVE_IMAGES_WIDTHS"), setting(settings, "RESPONSIVE_IMAGES_FORMATS")
    now = time.time()
    missing = []
    for folder, job in state["jobs"].items():
        entry = read_entry(Path(folder))
        if entry is None:
            missing.append(folder)
            continue
        mark_used(Path(folder), now)
        for name, data in entry[1].items():
            place(data, job.output_folder / name)
    if missing:
        with ProcessPoolExecutor(max_workers=min(len(missing), os.cpu_count() or 1)) as pool:
            jobs = [state["jobs"][folder] for folder in missing]
            work = [(job.source, widths, formats, job.focus, job.card) for job in jobs]
            for folder, job, files in zip(missing, jobs, pool.map(_render, work), strict=True):
                _store(Path(folder), files, job.info.__dict__)
                for name, data in files.items():
                    place(data, job.output_folder / name)
    strip_copied_originals(pelican_object, state, cache_root, now)
    for path in [path for path in state["index"] if not Path(path).is_file()]:
        del state["index"][path]  # renamed or deleted sources
        state["index_changed"] = True
    if state["index_changed"]:
        with contextlib.suppress(OSError):  # only a shortcut: without it, files are hashed again
            place(json.dumps(state["index"], sort_keys=True).encode(), cache_root / INDEX_FILE)
    logger.info(
        "Bilder: %d neu berechnet, %d aus dem Zwischenspeicher", len(missing), len(state["jobs"]) - len(missing)
    )
    removed = prune(cache_root, setting(settings, "RESPONSIVE_IMAGES_CACHE_MAX_AGE_DAYS"), now)
    if removed:
        logger.info("Bilder: %d lange nicht benutzte Einträge aus dem Zwischenspeicher entfernt", removed)


def strip_copied_originals(pelican_object, state, cache_root: Path, now: float) -> None:
    """Replace each raster file Pelican copied from content/ by a copy without EXIF, GPS or comments."""
    output_root = Path(pelican_object.output_path)
    content_root = Path(pelican_object.settings["PATH"])
    for static in sorted(output_root.rglob("*")):
        if static.suffix.lower() not in RASTER_SUFFIXES or not static.is_file():
            continue
        source = content_root / static.relative_to(output_root)
        if not source.is_file():
            continue  # a variant we wrote, or a theme file
        folder = cache_root / cache_key(fingerprint(state, source), original_key(state["versions"]))
        name = f"original{source.suffix.lower()}"
        entry = read_entry(folder)
        if entry is not None and name in entry[1]:
            mark_used(folder, now)
            data = entry[1][name]
        else:
            try:
                data = stripped_original(source)
            except ImageProblem:
                static.unlink()  # unreadable: reported for the page that uses it; never publish it as it is
                continue
            _store(folder, {name: data}, None)
        place(data, static)


def register():
    """Connect the signals."""
    signals.initialized.connect(create_state)
    signals.get_generators.connect(start_build)  # the first signal of every run; it returns no generator
    signals.content_written.connect(rewrite_page)
    signals.finalized.connect(encode_missing)
