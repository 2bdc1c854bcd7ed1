"""Draw the simple pictures of the Leichte Sprache pages into content/images/leichte-sprache/ with Pillow.

Leichte Sprache pictures show one thing each, in flat colours with dark outlines and no text, so they
read at the small size they have beside the sentences they explain. Same output on every run.
"""

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 480
SCALE = 2  # drawn at double size, then shrunk: smooth edges
OUT_DIR = Path(__file__).resolve().parent.parent / "content" / "images" / "leichte-sprache"

INK = "#23395b"
PAPER = "#f6f1e7"
SKY = "#d8e8f2"
WALL = "#f2cc8f"
ROOF = "#c0563f"
DOOR = "#8c5a3c"
TEAL = "#2b7a78"
CORAL = "#e07a5f"
SAGE = "#8fb9a8"
WHITE = "#ffffff"
SKIN_LIGHT = "#e8b98a"
SKIN_DARK = "#8d5a3b"
HAIR = "#2f2a28"
TABLE = "#c08552"
LINE = 10  # outline width at the drawing size


def canvas(background: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (SIZE * SCALE, SIZE * SCALE), background)
    return image, ImageDraw.Draw(image)


def s(*values: float) -> list[float]:
    """Coordinates of a 480 × 480 sketch at the drawing size."""
    return [value * SCALE for value in values]


def box(draw, xy, fill, radius=0):
    draw.rounded_rectangle(s(*xy), radius=radius * SCALE, fill=fill, outline=INK, width=LINE)


def rathaus() -> Image.Image:
    """The town hall: a building with a gable, a clock, windows and an open door."""
    image, draw = canvas(SKY)
    draw.rectangle(s(0, 400, 480, 480), fill=SAGE)
    draw.polygon(s(60, 170, 240, 60, 420, 170), fill=ROOF, outline=INK, width=LINE)
    box(draw, (80, 170, 400, 410), WALL)
    draw.ellipse(s(212, 98, 268, 154), fill=WHITE, outline=INK, width=LINE)
    draw.line(s(240, 126, 240, 108), fill=INK, width=LINE - 2)
    draw.line(s(240, 126, 254, 126), fill=INK, width=LINE - 2)
    for x in (110, 180, 270, 340):
        box(draw, (x, 200, x + 40, 250), SKY, 4)
    for x in (110, 340):
        box(draw, (x, 290, x + 40, 340), SKY, 4)
    box(draw, (200, 290, 280, 410), DOOR, 6)
    draw.rectangle(s(180, 400, 300, 420), fill=WHITE, outline=INK, width=LINE)
    return image


def person(draw, x: float, y: float, skin: str, shirt: str, hair_style: str) -> None:
    """A seated person seen from the front: head at (x, y)."""
    box(draw, (x - 55, y + 55, x + 55, y + 190), shirt, 40)
    draw.ellipse(s(x - 40, y - 40, x + 40, y + 40), fill=skin, outline=INK, width=LINE)
    if hair_style == "short":
        draw.chord(s(x - 40, y - 42, x + 40, y + 30), 180, 360, fill=HAIR, outline=INK, width=LINE)
    else:
        draw.pieslice(s(x - 46, y - 46, x + 46, y + 46), 150, 390, fill=HAIR, outline=INK, width=LINE)
        draw.ellipse(s(x - 32, y - 22, x + 32, y + 38), fill=skin)
    for eye in (x - 14, x + 14):
        draw.ellipse(s(eye - 4, y + 4, eye + 4, y + 12), fill=INK)
    draw.arc(s(x - 14, y + 8, x + 14, y + 26), 20, 160, fill=INK, width=LINE - 4)


def bubble(draw, xy, fill, tail_to_left: bool) -> None:
    """A speech bubble with three short lines of "speech"."""
    x1, y1, x2, y2 = xy
    tip_x = x1 + 20 if tail_to_left else x2 - 20
    base = (x1 + 30, x1 + 60) if tail_to_left else (x2 - 60, x2 - 30)
    draw.polygon(s(base[0], y2 - 6, base[1], y2 - 6, tip_x, y2 + 36), fill=fill, outline=INK, width=LINE)
    box(draw, xy, fill, 24)
    draw.rectangle(s(base[0] + 6, y2 - 12, base[1] - 6, y2 + 2), fill=fill)
    for row, length in enumerate((0.7, 0.5, 0.6)):
        y = y1 + 28 + row * 26
        draw.line(s(x1 + 26, y, x1 + 26 + (x2 - x1 - 52) * length, y), fill=INK, width=LINE - 2)


def beratung() -> Image.Image:
    """Advice: two people at a table, both talking."""
    image, draw = canvas(PAPER)
    person(draw, 130, 210, SKIN_DARK, TEAL, "long")
    person(draw, 350, 210, SKIN_LIGHT, CORAL, "short")
    box(draw, (40, 360, 440, 400), TABLE, 8)
    draw.rectangle(s(80, 400, 110, 470), fill=TABLE, outline=INK, width=LINE)
    draw.rectangle(s(370, 400, 400, 470), fill=TABLE, outline=INK, width=LINE)
    bubble(draw, (30, 30, 210, 128), WHITE, tail_to_left=False)
    bubble(draw, (270, 40, 450, 138), SKY, tail_to_left=True)
    return image


def sprachtandem() -> Image.Image:
    """The language tandem: two bubbles in two colours, each answering the other."""
    image, draw = canvas(SKY)
    bubble(draw, (30, 60, 300, 210), WHITE, tail_to_left=True)
    bubble(draw, (180, 260, 450, 410), WALL, tail_to_left=False)
    return image


def brief() -> Image.Image:
    """Contact: a letter in its envelope."""
    image, draw = canvas(PAPER)
    box(draw, (60, 130, 420, 370), WHITE, 12)
    draw.line(s(66, 136, 240, 270, 414, 136), fill=INK, width=LINE, joint="curve")
    draw.line(s(66, 364, 200, 240), fill=INK, width=LINE)
    draw.line(s(414, 364, 280, 240), fill=INK, width=LINE)
    box(draw, (330, 150, 392, 210), CORAL, 4)
    return image


PICTURES = {"rathaus": rathaus, "beratung": beratung, "sprachtandem": sprachtandem, "brief": brief}


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, draw_picture in PICTURES.items():
        image = draw_picture().resize((SIZE, SIZE), Image.Resampling.LANCZOS)
        target = OUT_DIR / f"{name}.png"
        image.quantize(colors=48, dither=Image.Dither.NONE).save(target, optimize=True)
        print(f"{target.relative_to(OUT_DIR.parent.parent.parent)}: {target.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
