"""Pelican glue: rewrite <img> in written pages into <picture>, then encode what is missing.

Pages are rewritten as they are written (content_written), because only then
are all addresses final; lead images and teaser thumbnails from the theme are
handled the same way as images in the text. The encoding happens once at the
end (finalized), in parallel, from a cache outside output/ keyed by each
file's content and the settings, so an unchanged image is never encoded twice.
"""

import json
import logging
import os
import posixpath
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from pelican import signals

from localisation.ui_strings import load_ui_strings, make_lookup

from .images import (
    CARD_SUFFIX,
    ENCODERS,
    RASTER_SUFFIXES,
    ImageInfo,
    ImageProblem,
    cache_key,
    card_info,
    describe,
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
}
BUILD_STATE = "RESPONSIVE_IMAGES_BUILD_STATE"  # per build, in the settings Pelican passes around


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


@dataclass(frozen=True)
class Job:
    """One image to provide in one shape: where it comes from and where its files go."""

    source: Path
    output_folder: Path
    focus: tuple[float, float] | None  # lead image: Open Graph crop; card: 16:9 crop
    info: ImageInfo
    card: bool


INDEX_FILE = "index.json"  # path, size and modification time → SHA-256, so unchanged files are not read


def start_build(pelican_object):
    """Fresh state for this build: the images to provide, the fingerprint index of the cache, and
    the credit label from the theme's table of texts (the same one the lead image shows)."""
    cache_root = Path(setting(pelican_object.settings, "RESPONSIVE_IMAGES_CACHE"))
    try:
        index = json.loads((cache_root / INDEX_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        index = {}
    settings = pelican_object.settings
    strings = load_ui_strings(Path(settings["LOCALISATION_UI_STRINGS_FILE"]))
    credit_label = make_lookup(strings, settings["DEFAULT_LANG"])("image_credit")
    settings[BUILD_STATE] = {"jobs": {}, "index": index, "index_changed": False, "credit_label": credit_label}


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


def _settings_key(settings, shape) -> str:
    """Everything besides the file that changes the output: widths, formats, encoder options, crop."""
    return json.dumps(
        [
            setting(settings, "RESPONSIVE_IMAGES_WIDTHS"),
            setting(settings, "RESPONSIVE_IMAGES_FORMATS"),
            ENCODERS,
            shape,
        ],
        sort_keys=True,
        default=str,
    )


def cached_info(folder: Path) -> ImageInfo | None:
    """The image facts stored with a finished cache entry, or None when it must be encoded."""
    try:
        stored = json.loads((folder / "fertig.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return ImageInfo(**stored["info"])


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
                fingerprint(state, source), _settings_key(context, [focus, card])
            )
            info = cached_info(folder)
            if info is None:  # new or changed: decode it fully once, so a broken file is named here
                info = describe(open_checked(source))
        except ImageProblem as problem:
            report(context, where, src, f"lässt sich nicht verwenden: {problem}")
            return match.group(0)
        if info.animated:
            return match.group(0)  # an animated GIF keeps its animation as it is
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


def _place(cached: Path, target: Path) -> None:
    """Put a cached file into output/: a hard link where possible (no copying), else a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)


def encode_missing(pelican_object):
    """Encode what no cache entry holds yet (on all cores), then place every variant in output/."""
    settings = pelican_object.settings
    state = settings.get(BUILD_STATE)
    if not state:
        return
    cache_root = Path(setting(settings, "RESPONSIVE_IMAGES_CACHE"))
    widths, formats = setting(settings, "RESPONSIVE_IMAGES_WIDTHS"), setting(settings, "RESPONSIVE_IMAGES_FORMATS")
    missing = [folder for folder in state["jobs"] if cached_info(Path(folder)) is None]
    if missing:
        with ProcessPoolExecutor(max_workers=min(len(missing), os.cpu_count() or 1)) as pool:
            jobs = [state["jobs"][folder] for folder in missing]
            work = [(job.source, widths, formats, job.focus, job.card) for job in jobs]
            for folder, files in zip(missing, pool.map(_render, work), strict=True):
                folder = Path(folder)
                folder.mkdir(parents=True, exist_ok=True)
                for name, data in files.items():
                    (folder / name).write_bytes(data)
                record = {"files": sorted(files), "info": state["jobs"][str(folder)].info.__dict__}
                (folder / "fertig.json").write_text(json.dumps(record), encoding="utf-8")
    for folder, job in state["jobs"].items():
        output_folder = job.output_folder
        output_folder.mkdir(parents=True, exist_ok=True)
        for name in json.loads((Path(folder) / "fertig.json").read_text(encoding="utf-8"))["files"]:
            _place(Path(folder) / name, output_folder / name)
    strip_copied_originals(pelican_object, state, cache_root)
    if state["index_changed"]:
        cache_root.mkdir(parents=True, exist_ok=True)
        (cache_root / INDEX_FILE).write_text(json.dumps(state["index"], sort_keys=True), encoding="utf-8")
    logger.info(
        "Bilder: %d neu berechnet, %d aus dem Zwischenspeicher", len(missing), len(state["jobs"]) - len(missing)
    )


def strip_copied_originals(pelican_object, state, cache_root: Path) -> None:
    """Replace each raster file Pelican copied from content/ by a copy without EXIF, GPS or comments."""
    output_root = Path(pelican_object.output_path)
    content_root = Path(pelican_object.settings["PATH"])
    for static in sorted(output_root.rglob("*")):
        if static.suffix.lower() not in RASTER_SUFFIXES or not static.is_file():
            continue
        source = content_root / static.relative_to(output_root)
        if not source.is_file():
            continue  # a variant we wrote, or a theme file
        cached = cache_root / cache_key(fingerprint(state, source), "original") / f"original{source.suffix.lower()}"
        if not cached.is_file():
            try:
                data = stripped_original(source)
            except ImageProblem:
                static.unlink()  # unreadable: reported for the page that uses it; never publish it as it is
                continue
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
        _place(cached, static)


def register():
    """Connect the signals."""
    signals.initialized.connect(start_build)
    signals.content_written.connect(rewrite_page)
    signals.finalized.connect(encode_missing)
