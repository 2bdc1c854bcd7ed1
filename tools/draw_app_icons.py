"""Draw the app icons (PNG) for the web app manifest from the same shapes as theme/static/favicon.svg.

Run once after changing the favicon: .venv/bin/python tools/draw_app_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "theme" / "static" / "icons"
BRAND = (11, 79, 138)
SUN = (255, 191, 71)
WHITE = (255, 255, 255, 217)  # white at 85 % opacity, as in the SVG
# Size in px, and whether the picture must stay inside the "safe zone" of maskable icons.
SIZES = {"icon-192.png": (192, False), "icon-512.png": (512, False), "icon-maskable-512.png": (512, True)}
APPLE_TOUCH = ("apple-touch-icon.png", 180)


def draw(size: int, maskable: bool = False) -> Image.Image:
    """The favicon's two overlapping circles on the brand colour, `size` px square."""
    scale = 4  # draw large and scale down for smooth edges
    canvas = size * scale
    image = Image.new("RGBA", (canvas, canvas), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image, "RGBA")
    if maskable:
        draw.rectangle((0, 0, canvas, canvas), fill=BRAND)  # the platform cuts the shape itself
    else:
        draw.rounded_rectangle((0, 0, canvas - 1, canvas - 1), radius=canvas * 6 // 32, fill=BRAND)
    unit = canvas / 32 * (0.8 if maskable else 1.0)  # maskable: circles inside the inner 80 %
    centre = canvas / 2
    for x, colour in ((-5, SUN), (5, WHITE)):
        cx = centre + x * unit
        draw.ellipse((cx - 6 * unit, centre - 6 * unit, cx + 6 * unit, centre + 6 * unit), fill=colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    for name, (size, maskable) in SIZES.items():
        draw(size, maskable).save(ICONS / name, optimize=True)
    name, size = APPLE_TOUCH
    # iOS shows transparency as black: the touch icon gets the full square.
    draw(size, maskable=True).convert("RGB").save(ICONS / name, optimize=True)
    print(f"Icons in {ICONS}")


if __name__ == "__main__":
    main()
