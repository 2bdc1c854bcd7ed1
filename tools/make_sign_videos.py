"""Make the demo sign-language videos in content/videos/: for each, an MP4, a poster and WebVTT captions.

No person signs in them: each is a row of still slides drawn with Pillow, every slide showing one caption's
German text, the first saying that a sign-language interpreter will appear here later. ffmpeg (Debian 5.1,
libx264) encodes them as H.264 in yuv420p with the index at the front (+faststart) and without an audio
track: a sign-language video carries no speech, and a silent track would only add bytes and a volume
control that does nothing. Every input, flag and metadata field is fixed and x264 runs on one thread, so a
second run writes the same bytes.
"""

import argparse
import subprocess
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "content" / "videos"
WIDTH, HEIGHT = 1280, 720
SLIDE_SECONDS = 4
FPS = 5
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
# Dark blue ground, white text (contrast 15:1), the label in yellow on black.
BACKGROUND = (16, 32, 56)
TEXT = (255, 255, 255)
LABEL_GROUND = (255, 221, 0)
LABEL_TEXT = (0, 0, 0)
NOTICE = "Beispielvideo – hier erscheint später eine Gebärdensprach-Dolmetscherin."
FOOTER = "Stadt Musterstadt · Stabsstelle für Vielfalt und Chancengleichheit"


@dataclass(frozen=True)
class Video:
    slug: str
    title: str
    captions: tuple[str, ...]  # one slide and one cue each, SLIDE_SECONDS long


VIDEOS = (
    Video(
        "ueber-diese-seite",
        "Über diese Internet-Seite",
        (
            NOTICE,
            "Auf dieser Internet-Seite finden Sie Neuigkeiten, Termine, Beratung und Projekte der Stabsstelle.",
            "Oben auf jeder Seite ist das Menü. Mit der Tab-Taste kommen Sie zu jedem Link.",
            "Die Seite ist noch nicht ganz barrierefrei: Manche alten PDF-Dokumente sind schwer zu lesen.",
            "Ein Problem mit der Seite? Schreiben Sie eine E-Mail an barrierefreiheit@example.org.",
            "Keine gute Antwort? Dann hilft die Schlichtungsstelle des Landes. Mehr steht in der Erklärung zur Barrierefreiheit.",
            "Mehr Videos finden Sie unter „Gebärdensprache“, einfache Texte unter „Leichte Sprache“.",
        ),
    ),
    Video(
        "was-macht-die-stabsstelle",
        "Was macht die Stabsstelle?",
        (
            NOTICE,
            "Die Stabsstelle für Vielfalt und Chancengleichheit arbeitet für die Stadt Musterstadt.",
            "Wir beraten Menschen, die neu in Musterstadt sind, und Menschen, die Diskriminierung erleben.",
            "Wir unterstützen Vereine und den Beirat für Migration und Integration.",
            "Wir machen Projekte für ein gutes Zusammenleben, zum Beispiel das Sprachtandem.",
        ),
    ),
    Video(
        "beratungs-termin",
        "So bekommen Sie einen Beratungs-Termin",
        (
            NOTICE,
            "Die Beratung ist kostenlos. Schreiben Sie eine E-Mail an integration@example.org.",
            "Schreiben Sie dazu: Ich brauche eine Dolmetscherin für Gebärdensprache.",
            "Wir bestellen die Dolmetscherin für Sie. Sie bezahlen nichts dafür.",
            "Wir schreiben Ihnen zurück, wann Sie kommen können: ins Rathaus, Erdgeschoss, Zimmer 012.",
        ),
    ),
)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The lines `text` needs at `font` within `width` pixels (words never split)."""
    for columns in range(40, 10, -1):
        lines = textwrap.wrap(text, columns, break_long_words=False, break_on_hyphens=False)
        if all(font.getlength(line) <= width for line in lines):
            return lines
    return textwrap.wrap(text, 10)


def draw_slide(video: Video, caption: str) -> Image.Image:
    """One slide: the example label, the video's title, the caption in large type, the office below."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    margin = 64
    label_font = ImageFont.truetype(FONT_BOLD, 28)
    label = "BEISPIELVIDEO · OHNE GEBÄRDEN"
    box = draw.textbbox((margin, 40), label, font=label_font)
    draw.rectangle((box[0] - 14, box[1] - 10, box[2] + 14, box[3] + 10), fill=LABEL_GROUND)
    draw.text((margin, 40), label, font=label_font, fill=LABEL_TEXT)
    draw.text((margin, 108), video.title, font=ImageFont.truetype(FONT_BOLD, 36), fill=TEXT)
    body = ImageFont.truetype(FONT_BOLD, 54)
    lines = wrap(caption, body, WIDTH - 2 * margin)
    # Upper two thirds: the lower third stays free for the captions a player shows over the picture.
    top = 200 + max(0, (300 - len(lines) * 72) // 2)
    for number, line in enumerate(lines):
        draw.text((margin, top + number * 72), line, font=body, fill=TEXT)
    draw.text((margin, HEIGHT - 64), FOOTER, font=ImageFont.truetype(FONT, 24), fill=TEXT)
    return image


def timestamp(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000"


def webvtt(video: Video) -> str:
    """The captions: the title in the header, one cue per slide, exactly the slide's text."""
    blocks = [f"WEBVTT {video.title}"]
    for number, caption in enumerate(video.captions):
        start, end = number * SLIDE_SECONDS, (number + 1) * SLIDE_SECONDS
        blocks.append(f"{number + 1}\n{timestamp(start)} --> {timestamp(end)}\n{caption}")
    return "\n\n".join(blocks) + "\n"


def encode(slides: list[Path], target: Path) -> None:
    """H.264 (yuv420p, a key frame on every slide), no audio, index first, no varying metadata."""
    inputs = []
    for slide in slides:
        inputs += ["-loop", "1", "-framerate", str(FPS), "-t", str(SLIDE_SECONDS), "-i", str(slide)]
    chain = "".join(f"[{n}:v]" for n in range(len(slides))) + f"concat=n={len(slides)}:v=1:a=0,format=yuv420p[v]"
    command = [
        "ffmpeg", "-loglevel", "error", "-y", *inputs,
        "-filter_complex", chain, "-map", "[v]",
        "-c:v", "libx264", "-preset", "medium", "-tune", "stillimage", "-crf", "30",
        "-profile:v", "high", "-level:v", "3.1", "-threads", "1",
        "-force_key_frames", f"expr:gte(t,n_forced*{SLIDE_SECONDS})",
        "-an", "-map_metadata", "-1", "-map_chapters", "-1",
        "-metadata:s:v:0", "language=ger", "-metadata:s:v:0", "handler_name=VideoHandler",
        "-fflags", "+bitexact", "-flags:v", "+bitexact",
        "-movflags", "+faststart", str(target),
    ]  # fmt: skip
    subprocess.run(command, check=True)


def make(video: Video, out_dir: Path) -> None:
    """Write <slug>.mp4, <slug>.webp (poster: the first slide) and <slug>.vtt into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        slides = []
        for number, caption in enumerate(video.captions):
            path = Path(scratch) / f"{number:02d}.png"
            draw_slide(video, caption).save(path)
            slides.append(path)
        encode(slides, out_dir / f"{video.slug}.mp4")
    draw_slide(video, video.captions[0]).save(out_dir / f"{video.slug}.webp", quality=85, method=6)
    (out_dir / f"{video.slug}.vtt").write_text(webvtt(video), encoding="utf-8", newline="\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="Zielordner (Standard: content/videos)")
    parser.add_argument("--only", help="nur das Video mit diesem Namen (z. B. ueber-diese-seite)")
    arguments = parser.parse_args()
    for video in VIDEOS:
        if arguments.only in (None, video.slug):
            make(video, arguments.out)


if __name__ == "__main__":
    main()
