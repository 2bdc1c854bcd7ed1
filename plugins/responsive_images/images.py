"""Pure image work with Pillow: check a file, plan widths, encode variants without metadata."""

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import PIL
from PIL import Image, ImageOps, UnidentifiedImageError, features

# HEIC (iPhone photos) is listed so that it is reported as unreadable instead of passing silently.
RASTER_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".tif", ".tiff", ".bmp", ".heic", ".heif"}
# Larger than any photo a phone takes (about 50 megapixels), far below a decompression bomb.
MAX_PIXELS = 80_000_000
ENCODERS = {
    "avif": ("AVIF", {"quality": 60, "speed": 8}),
    "webp": ("WEBP", {"quality": 78, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
    "png": ("PNG", {"optimize": True}),
}
# Originals keep their format; only JPEG takes an option. Part of the originals' cache key.
ORIGINAL_ENCODERS = {"JPEG": {"quality": 90}}
# The libraries behind the encoders: a new version may encode differently, so it is part of every cache key.
ENCODER_LIBRARIES = ("jpg", "zlib", "webp", "avif")
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


class ImageProblem(Exception):
    """An image that cannot be used, with a German sentence saying why and what to do."""


@dataclass(frozen=True)
class ImageInfo:
    """What the page needs to know before anything is encoded."""

    width: int  # after EXIF orientation
    height: int
    fallback: str  # "jpeg" or "png"
    animated: bool


def open_checked(path: Path) -> Image.Image:
    """Open and fully decode an image, or raise ImageProblem with a German explanation."""
    if not path.is_file():
        raise ImageProblem("Die Bilddatei gibt es nicht. Prüfen Sie Dateiname und Ordner (content/images/).")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            if image.width * image.height > MAX_PIXELS:
                raise ImageProblem(
                    f"Das Bild ist mit {image.width} × {image.height} Pixeln zu groß. "
                    "Verkleinern Sie es auf höchstens 6000 Pixel Breite."
                )
            image.load()
    except ImageProblem:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageProblem("Das Bild ist unzulässig groß (mögliche Dekompressionsbombe).") from error
    except UnidentifiedImageError as error:
        raise ImageProblem(
            "Die Datei ist kein Bild, das sich lesen lässt (oder ein Format, das nicht unterstützt wird). "
            "Speichern Sie es als JPEG oder PNG."
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageProblem(
            f"Die Bilddatei ist beschädigt oder unvollständig ({error}). Speichern oder exportieren Sie sie neu."
        ) from error
    return image


def describe(image: Image.Image) -> ImageInfo:
    """Size after EXIF orientation, the fallback format, and whether it is animated."""
    oriented = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    lossless = (image.format or "").upper() in ("PNG", "GIF", "BMP", "TIFF") or has_alpha
    return ImageInfo(
        width=oriented.width,
        height=oriented.height,
        fallback="png" if lossless else "jpeg",
        animated=bool(getattr(image, "is_animated", False)),
    )


def plan_widths(original_width: int, widths: list[int]) -> list[int]:
    """The widths to offer: the configured ones below the original, and the original capped at the largest.

    Never wider than the original: an image is never upscaled.
    """
    largest = min(original_width, max(widths))
    return sorted({w for w in widths if w < largest} | {largest})


def scaled_height(info: ImageInfo, width: int) -> int:
    return max(1, round(info.height * width / info.width))


def variant_name(stem: str, width: int, image_format: str) -> str:
    """File name of one variant, e.g. "foto-960w.avif"."""
    suffix = "jpg" if image_format == "jpeg" else image_format
    return f"{stem}-{width}w.{suffix}"


def file_hash(path: Path) -> str:
    """SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def encoder_versions() -> dict[str, str | None]:
    """Pillow's version and those of the encoder libraries it uses (None when one is missing)."""
    versions = {"pillow": PIL.__version__}
    for library in ENCODER_LIBRARIES:
        try:
            versions[library] = features.version(library)
        except ValueError:  # a library this Pillow does not know
            versions[library] = None
    return versions


def cache_key(file_sha: str, settings_key: str) -> str:
    """Cache key: the file's content and every setting that changes the output."""
    return hashlib.sha256(f"{file_sha}|{settings_key}".encode()).hexdigest()[:24]


OPEN_GRAPH_SIZE = (1200, 630)


def parse_focus(value) -> tuple[float, float]:
    """`Image_focus: 30% 20%` (from the left, from the top) as fractions; the centre when absent or unreadable."""
    try:
        x, y = (float(part.strip().rstrip("%")) / 100 for part in str(value).split())
    except (TypeError, ValueError):
        return (0.5, 0.5)
    return (min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0))


def crop_to(image: Image.Image, size: tuple[int, int], focus: tuple[float, float]) -> Image.Image:
    """Scale to cover `size`, then cut the part around the focal point."""
    target_width, target_height = size
    scale = max(target_width / image.width, target_height / image.height)
    scaled = image.resize(
        (max(target_width, round(image.width * scale)), max(target_height, round(image.height * scale))),
        Image.Resampling.LANCZOS,
    )
    left = min(max(round(scaled.width * focus[0] - target_width / 2), 0), scaled.width - target_width)
    top = min(max(round(scaled.height * focus[1] - target_height / 2), 0), scaled.height - target_height)
    return scaled.crop((left, top, left + target_width, top + target_height))


def _prepared(image: Image.Image, fallback: str) -> Image.Image:
    """Oriented, in a mode every encoder takes, and with no metadata left to copy."""
    oriented = ImageOps.exif_transpose(image).convert("RGBA" if fallback == "png" else "RGB")
    oriented.info = {}  # encoders copy EXIF, XMP, ICC and comments from here otherwise
    return oriented


def encode(image: Image.Image, image_format: str) -> bytes:
    """Encode without metadata."""
    pillow_format, options = ENCODERS[image_format]
    buffer = io.BytesIO()
    image.save(buffer, pillow_format, **options)
    return buffer.getvalue()


CARD_RATIO = (16, 9)  # teaser thumbnails of the „Auch interessant“ cards
CARD_SUFFIX = "-karte"


def card_info(info: ImageInfo) -> ImageInfo:
    """The facts of an image cut to the 16:9 card shape."""
    height = max(1, round(info.width * CARD_RATIO[1] / CARD_RATIO[0]))
    return ImageInfo(width=info.width, height=height, fallback=info.fallback, animated=info.animated)


def render_variants(
    source: Path,
    widths: list[int],
    formats: list[str],
    focus: tuple[float, float] | None = None,
    card: bool = False,
) -> dict[str, bytes]:
    """Every variant of one image, by file name; run in a worker.

    With `card`, the variants are cut to 16:9 around `focus` (teaser thumbnails);
    otherwise they keep the image's shape, and with `focus` the 1200×630 Open
    Graph image is cut around it too. An animated image gets only its Open
    Graph image (from the first frame): the animation itself stays as it is.
    """
    image = open_checked(source)
    info = describe(image)
    prepared = _prepared(image, info.fallback)
    files = {}
    if focus is not None and not card:
        open_graph = crop_to(prepared.convert("RGB"), OPEN_GRAPH_SIZE, focus)
        open_graph.info = {}
        files[f"{source.stem}-og.jpg"] = encode(open_graph, "jpeg")
    if info.animated:
        return files
    shape = card_info(info) if card else info
    stem = source.stem + (CARD_SUFFIX if card else "")
    for width in plan_widths(info.width, widths):
        size = (width, scaled_height(shape, width))
        if card:
            resized = crop_to(prepared, size, focus or (0.5, 0.5))
        elif width == prepared.width:
            resized = prepared
        else:
            resized = prepared.resize(size, Image.Resampling.LANCZOS)
        resized.info = {}
        for image_format in [*formats, info.fallback]:
            files[variant_name(stem, width, image_format)] = encode(resized, image_format)
    return files


def stripped_original(source: Path) -> bytes:
    """The original file re-encoded in its own format without metadata (animation kept)."""
    image = open_checked(source)
    pillow_format = (image.format or "PNG").upper()
    buffer = io.BytesIO()
    if getattr(image, "is_animated", False):
        frames = []
        for index in range(image.n_frames):
            image.seek(index)
            frame = image.copy()
            frame.info = {key: value for key, value in image.info.items() if key in ("duration", "transparency")}
            frames.append(frame)
        frames[0].save(buffer, pillow_format, save_all=True, append_images=frames[1:], loop=image.info.get("loop", 0))
        return buffer.getvalue()
    prepared = ImageOps.exif_transpose(image)
    prepared.info = {key: value for key, value in image.info.items() if key == "transparency"}
    if pillow_format == "JPEG":
        prepared = prepared.convert("RGB")
    prepared.save(buffer, pillow_format, **ORIGINAL_ENCODERS.get(pillow_format, {}))
    return buffer.getvalue()
