"""Pure functions: a video's duration and file size as readers of the page's language write them (Babel)."""

from dataclasses import dataclass

from babel import Locale
from babel.lists import format_list
from babel.units import format_unit

from common.languages import localise_digits


def _digits(text: str, locale: str) -> str:
    return localise_digits(text, Locale.parse(locale).default_numbering_system)


def _unit(value: int, unit: str, locale: str) -> str:
    """ "24 Sekunden" in CLDR's long form, its short form where the locale has no long one (Persian: "۲۴ ثانیه")."""
    for length in ("long", "short"):
        text = format_unit(value, unit, length=length, locale=locale)
        if unit not in text:  # Babel writes the unit's id when the locale has no pattern for it
            return text
    return text


def duration_text(seconds: float, locale: str) -> str:
    """ "24 Sekunden", "1 Minute und 5 Sekunden", "٢٤ ثانية": whole seconds, in the locale's words and digits."""
    total = round(seconds)
    minutes, rest = divmod(total, 60)
    parts = []
    if minutes:
        parts.append(_unit(minutes, "duration-minute", locale))
    if rest or not minutes:
        parts.append(_unit(rest, "duration-second", locale))
    return _digits(format_list(parts, style="standard", locale=locale), locale)


def duration_iso(seconds: float) -> str:
    """The duration for <time datetime>: "PT24S", "PT1M5S" (whole seconds, as shown)."""
    minutes, rest = divmod(round(seconds), 60)
    return f"PT{minutes}M{rest}S" if minutes else f"PT{rest}S"


def size_text(size: int, locale: str) -> str:
    """A file size as readers of `locale` write it: 900 Byte, 234 kB, 1,2 MB (decimal units, as file managers)."""
    if size < 1000:
        text = format_unit(size, "digital-byte", length="short", locale=locale)
    elif size < 1_000_000:
        text = format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)
    else:
        text = format_unit(
            round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=locale, format="#,##0.0"
        )
    return _digits(text, locale)


@dataclass(frozen=True)
class VideoView:
    """A video as the component `sign_video` shows it on a page in one language; paths below the site root."""

    name: str
    title: str
    video: str
    captions_file: str
    poster: str
    size: int
    size_text: str
    duration: float
    duration_text: str
    duration_iso: str
    transcript: tuple[str, ...]  # the captions' texts, cue by cue: the transcript equals the captions
    lang: str  # the language of title, captions and transcript
    lang_name: str  # that language's name in itself (the caption track's label)


def video_view(file, locale: str, lang: str, lang_name: str) -> VideoView:
    """The view of a `files.VideoFile` for a page whose CLDR locale is `locale`."""
    return VideoView(
        name=file.name,
        title=file.title,
        video=file.video,
        captions_file=file.captions_file,
        poster=file.poster,
        size=file.size,
        size_text=size_text(file.size, locale),
        duration=file.duration,
        duration_text=duration_text(file.duration, locale),
        duration_iso=duration_iso(file.duration),
        transcript=tuple(cue.text for cue in file.captions.cues),
        lang=lang,
        lang_name=lang_name,
    )
