"""Read one video of the videos folder: the MP4's size and duration (mutagen), its captions and its poster."""

from dataclasses import dataclass
from pathlib import Path

from mutagen.mp4 import MP4

from .webvtt import Captions, VttError, parse

POSTER_SUFFIXES = (".webp", ".jpg", ".jpeg", ".png")


@dataclass(frozen=True)
class VideoFile:
    """A video as the component shows it; paths are relative to the content folder ("videos/x.mp4")."""

    name: str
    video: str
    captions_file: str
    poster: str
    size: int  # bytes
    duration: float  # seconds
    title: str  # from the caption file's header ("WEBVTT Über diese Internet-Seite"), else the name
    captions: Captions


@dataclass(frozen=True)
class VideoProblem:
    """Why a video cannot be shown, and what the author does about it (German)."""

    what: str
    fix: str


def read_video(root: Path, folder: str, name: str) -> VideoFile | VideoProblem:
    """The video `name` in content/<folder>/: <name>.mp4, <name>.vtt and a poster <name>.webp/.jpg/.png."""
    base = f"{folder.strip('/')}/{name}"
    video = root / f"{base}.mp4"
    if not video.is_file():
        return VideoProblem(
            f"Das Video „{name}“ gibt es nicht: die Datei {base}.mp4 fehlt",
            f"Legen Sie das Video als {base}.mp4 ab oder korrigieren Sie den Namen nach „video:“",
        )
    try:
        duration = MP4(video).info.length
    except Exception as error:  # a damaged file makes mutagen raise anything from struct.error to MutagenError
        return VideoProblem(
            f"Das Video {base}.mp4 lässt sich nicht lesen ({type(error).__name__})",
            "Speichern Sie es neu als MP4 (H.264) und laden Sie es wieder hoch",
        )
    captions_path = root / f"{base}.vtt"
    if not captions_path.is_file():
        return VideoProblem(
            f"Zum Video „{name}“ fehlen die Untertitel: die Datei {base}.vtt fehlt",
            f"Legen Sie die Untertitel im Format WebVTT als {base}.vtt neben das Video",
        )
    try:
        captions = parse(captions_path.read_text(encoding="utf-8-sig"))
    except UnicodeError:
        return VideoProblem(
            f"Die Untertitel {base}.vtt sind nicht in UTF-8 gespeichert",
            "Speichern Sie die Datei mit der Zeichenkodierung UTF-8",
        )
    except VttError as error:
        return VideoProblem(
            f"Die Untertitel {base}.vtt sind kein gültiges WebVTT (Zeile {error.line}: {error.what})",
            "Korrigieren Sie die Datei; jeder Untertitel braucht eine Zeitangabe wie "
            "„00:00:04.000 --> 00:00:08.000“ und darunter seinen Text",
        )
    if captions.cues[-1].end > duration + 0.5:
        return VideoProblem(
            f"Die Untertitel {base}.vtt laufen bis {captions.cues[-1].end:.0f} s, das Video ist aber nur "
            f"{duration:.0f} s lang",
            "Prüfen Sie, ob die Untertitel zu diesem Video gehören, und korrigieren Sie die Zeitangaben",
        )
    poster = next((f"{base}{suffix}" for suffix in POSTER_SUFFIXES if (root / f"{base}{suffix}").is_file()), None)
    if poster is None:
        return VideoProblem(
            f"Zum Video „{name}“ fehlt das Vorschaubild",
            f"Legen Sie ein Standbild aus dem Video als {base}.webp, .jpg oder .png neben das Video",
        )
    return VideoFile(
        name=name,
        video=f"{base}.mp4",
        captions_file=f"{base}.vtt",
        poster=poster,
        size=video.stat().st_size,
        duration=duration,
        title=captions.title or name,
        captions=captions,
    )
