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
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from pelican import signals

from .images import (
    ENCODERS,
    RASTER_SUFFIXES,
    ImageProblem,
    content_hash,
    describe,
    open_checked,
    render_variants,
    stripped_original,
)
from .markup import DECORATIVE_ALT, content_image_problems, figure_for_content_image, picture_for

logger = logging.getLogger(__name__)

DEFAULTS = {
    "RESPONSIVE_IMAGES_WIDTHS": [480, 960, 1440, 1920],
    "RESPONSIVE_IMAGES_FORMATS": ["avif", "webp"],
    "RESPONSIVE_IMAGES_CACHE": "cache/bilder",
}
BUILD_STATE = "RESPONSIVE_IMAGES_BUILD_STATE"  # per build, in the settings Pelican passes around
CREDIT_LABEL = "Bildquelle:"


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def start_build(pelican_object):
    """Fresh state for this build: images to encode and image sizes already read."""
    pelican_object.settings[BUILD_STATE] = {"jobs": {}, "infos": {}}


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


def rewrite_page(path, context):
    """Replace each local raster <img> of a written page by a <picture>; report what is missing."""
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
    soup = BeautifulSoup(text, "html.parser")
    changed = False
    for img in soup.find_all("img"):
        src = img.get("src", "")
        if img.find_parent("picture") or not _is_local(src):
            continue
        in_text = img.find_parent(class_="prose") is not None
        if in_text:
            for problem in content_image_problems(img):
                report(context, where, src, problem)
        if "lead-image__img" in (img.get("class") or []):
            if not (img.get("alt") or "").strip():
                report(context, where, src, "hat keinen Alternativtext: Ergänzen Sie „Image_alt:“ oben in der Datei.")
            if img.find_parent("figure").find("figcaption") is None:
                report(context, where, src, "hat keine Bildquelle: Ergänzen Sie „Image_credit:“ oben in der Datei.")
        if Path(urlsplit(src).path).suffix.lower() not in RASTER_SUFFIXES:
            continue  # SVG and other drawings pass through unchanged
        relative = _site_path(page_path, src, context.get("SITEURL", ""))
        source = (content_root / relative).resolve()
        if not source.is_relative_to(content_root):
            report(context, where, src, "liegt außerhalb des Ordners content/. Legen Sie Bilder in content/images/ ab.")
            continue
        try:
            if str(source) not in state["infos"]:
                state["infos"][str(source)] = describe(open_checked(source))
            info = state["infos"][str(source)]
        except ImageProblem as problem:
            report(context, where, src, f"lässt sich nicht verwenden: {problem}")
            continue
        if info.animated:
            continue  # an animated GIF keeps its animation as it is
        if (img.get("alt") or "").strip().lower() == DECORATIVE_ALT:
            img["alt"] = ""
        folder_url = src[: src.rfind("/") + 1]
        picture = picture_for(soup, img, folder_url, source.stem, info, widths, formats)
        if in_text:
            figure_for_content_image(soup, picture, (img.get("title") or "").strip(), CREDIT_LABEL)
        state["jobs"][str(source)] = (source, output_root / posixpath.dirname(relative))
        changed = True
    if changed:
        html_file.write_text(str(soup), encoding="utf-8")


def _settings_key(settings) -> str:
    return json.dumps(
        [setting(settings, "RESPONSIVE_IMAGES_WIDTHS"), setting(settings, "RESPONSIVE_IMAGES_FORMATS"), ENCODERS],
        sort_keys=True,
        default=str,
    )


def _render(job):
    source, widths, formats = job
    return render_variants(source, widths, formats)


def encode_missing(pelican_object):
    """Encode the variants no cache holds yet (all cores), copy every variant into output/."""
    settings = pelican_object.settings
    state = settings.get(BUILD_STATE)
    if not state:
        return
    cache_root = Path(setting(settings, "RESPONSIVE_IMAGES_CACHE"))
    key = _settings_key(settings)
    widths, formats = setting(settings, "RESPONSIVE_IMAGES_WIDTHS"), setting(settings, "RESPONSIVE_IMAGES_FORMATS")
    folders = {source: cache_root / content_hash(Path(source), key) for source in state["jobs"]}
    missing = [source for source, folder in folders.items() if not (folder / "fertig.json").is_file()]
    if missing:
        workers = min(len(missing), os.cpu_count() or 1)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_render, [(Path(source), widths, formats) for source in missing])
            for source, files in zip(missing, results, strict=True):
                folder = folders[source]
                folder.mkdir(parents=True, exist_ok=True)
                for name, data in files.items():
                    (folder / name).write_bytes(data)
                (folder / "fertig.json").write_text(json.dumps(sorted(files)), encoding="utf-8")
    for source, (_, output_folder) in state["jobs"].items():
        folder = folders[source]
        output_folder.mkdir(parents=True, exist_ok=True)
        for name in json.loads((folder / "fertig.json").read_text(encoding="utf-8")):
            shutil.copyfile(folder / name, output_folder / name)
    strip_copied_originals(pelican_object, cache_root)
    logger.info("Bilder: %d neu berechnet, %d aus dem Zwischenspeicher", len(missing), len(folders) - len(missing))


def strip_copied_originals(pelican_object, cache_root: Path) -> None:
    """Replace each raster file Pelican copied from content/ by a copy without EXIF, GPS or comments."""
    output_root = Path(pelican_object.output_path)
    content_root = Path(pelican_object.settings["PATH"])
    for static in sorted(output_root.rglob("*")):
        if static.suffix.lower() not in RASTER_SUFFIXES or not static.is_file():
            continue
        source = content_root / static.relative_to(output_root)
        if not source.is_file():
            continue  # a variant we wrote, or a theme file
        cached = cache_root / content_hash(source, "original") / f"original{source.suffix.lower()}"
        if not cached.is_file():
            try:
                data = stripped_original(source)
            except ImageProblem:
                continue  # already reported for the page that uses it
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_bytes(data)
        shutil.copyfile(cached, static)


def register():
    """Connect the signals."""
    signals.initialized.connect(start_build)
    signals.content_written.connect(rewrite_page)
    signals.finalized.connect(encode_missing)
