"""Draw the four flat demo illustrations into content/images/ with Pillow."""

import math
from pathlib import Path

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
SCALE = 2  # draw at double size, then shrink: smooth edges without extra tools
MAX_BYTES = 120_000
OUT_DIR = Path(__file__).resolve().parent.parent / "content" / "images"

PALETTE = {
    "paper": "#f6f1e7",
    "wall": "#eef3f6",
    "sky": "#cfe3ef",
    "cloud": "#ffffff",
    "floor": "#e4d8c4",
    "floor_line": "#d6c7ae",
    "navy": "#23395b",
    "teal": "#2b7a78",
    "sage": "#8fb9a8",
    "coral": "#e07a5f",
    "sand": "#f2cc8f",
    "plum": "#6d597a",
    "wood": "#c08552",
    "wood_dark": "#8c5a3c",
    "cocoa": "#5b3a29",
    "banana": "#f4d35e",
    "banana_dark": "#c9a227",
    "skin_light": "#e8b98a",
    "skin_dark": "#8d5a3b",
    "hair": "#2f2a28",
    "white": "#ffffff",
    "grey": "#b8c2cc",
}


def c(name):
    """Return a palette colour by name."""
    return PALETTE[name]


def s(*values):
    """Scale logical 1600×900 coordinates to the drawing canvas."""
    return tuple(round(v * SCALE) for v in values)


def new_canvas(background):
    """Create a large RGB canvas and its drawing context."""
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), c(background))
    return image, ImageDraw.Draw(image)


def save_png(image, name):
    """Shrink, reduce colours and save as a metadata-free optimised PNG."""
    small = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    for colours in (96, 64, 48, 32):
        reduced = small.quantize(colors=colours, dither=Image.Dither.NONE)
        reduced.info = {}
        path = OUT_DIR / name
        reduced.save(path, "PNG", optimize=True)
        if path.stat().st_size <= MAX_BYTES:
            return path
    raise SystemExit(f"{name} ist größer als {MAX_BYTES} Bytes.")


def rect(draw, box, fill, radius=0):
    """Draw a (rounded) rectangle given in logical coordinates."""
    draw.rounded_rectangle(s(*box), radius=round(radius * SCALE), fill=fill)


def ellipse(draw, box, fill):
    """Draw an ellipse given in logical coordinates."""
    draw.ellipse(s(*box), fill=fill)


def circle(draw, centre, radius, fill):
    """Draw a circle around a logical centre point."""
    x, y = centre
    ellipse(draw, (x - radius, y - radius, x + radius, y + radius), fill)


def polygon(draw, points, fill):
    """Draw a filled polygon from logical points."""
    draw.polygon([s(x, y) for x, y in points], fill=fill)


def line(draw, points, fill, width):
    """Draw a thick polyline with rounded joints from logical points."""
    draw.line(
        [s(x, y) for x, y in points],
        fill=fill,
        width=round(width * SCALE),
        joint="curve",
    )
    radius = width / 2
    for end in (points[0], points[-1]):
        circle(draw, end, radius, fill)


def bezier(p0, p1, p2, p3, steps=80):
    """Return points along a cubic Bézier curve."""
    points = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        x = u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0]
        y = u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1]
        points.append((x, y))
    return points


def cloud(draw, x, y, size):
    """Draw a soft flat cloud of three circles."""
    circle(draw, (x, y), size, c("cloud"))
    circle(draw, (x + size * 0.9, y + size * 0.2), size * 0.8, c("cloud"))
    circle(draw, (x - size * 0.9, y + size * 0.25), size * 0.7, c("cloud"))
    rect(
        draw,
        (x - size * 1.5, y + size * 0.2, x + size * 1.6, y + size * 0.95),
        c("cloud"),
        size * 0.35,
    )


def plant(draw, x, floor_y, height):
    """Draw a potted plant standing on the floor at x."""
    leaf = height * 0.35
    for dx, dy, colour in (
        (-leaf * 0.6, -height * 0.75, "sage"),
        (leaf * 0.6, -height * 0.8, "sage"),
        (0, -height, "teal"),
        (-leaf * 0.2, -height * 0.55, "teal"),
    ):
        ellipse(
            draw,
            (
                x + dx - leaf * 0.45,
                floor_y + dy - leaf * 0.7,
                x + dx + leaf * 0.45,
                floor_y + dy + leaf * 0.7,
            ),
            c(colour),
        )
    polygon(
        draw,
        [
            (x - height * 0.22, floor_y - height * 0.38),
            (x + height * 0.22, floor_y - height * 0.38),
            (x + height * 0.16, floor_y),
            (x - height * 0.16, floor_y),
        ],
        c("coral"),
    )


# --- Sprachtandem ----------------------------------------------------------------


def head_in_profile(draw, x, y, skin, facing, bun):
    """Draw a round head with hair covering the back, optionally with a bun."""
    if bun:
        circle(draw, (x - facing * 58, y - 40), 30, c("hair"))
    circle(draw, (x, y), 58, skin)
    start, end = (110, 330) if facing > 0 else (210, 70)
    draw.chord(s(x - 62, y - 62, x + 62, y + 62), start, end, fill=c("hair"))


def person_seated(draw, x, table_y, body, skin, facing, bun=False):
    """Draw a simple seated person whose arm reaches toward the table."""
    head_in_profile(draw, x, table_y - 230, skin, facing, bun)
    rect(draw, (x - 85, table_y - 160, x + 85, table_y + 40), body, 60)
    hand_x = x + facing * 150
    line(
        draw,
        [
            (x + facing * 40, table_y - 110),
            (x + facing * 110, table_y - 40),
            (hand_x, table_y - 20),
        ],
        body,
        38,
    )
    circle(draw, (hand_x, table_y - 20), 22, skin)


def chair_side(draw, x, floor_y, facing):
    """Draw a chair seen from the side with its backrest away from the table."""
    back_x = x - facing * 95
    rect(draw, (back_x - 14, floor_y - 330, back_x + 14, floor_y), c("wood_dark"), 10)
    rect(draw, (x - 110, floor_y - 165, x + 110, floor_y - 135), c("wood_dark"), 10)
    rect(
        draw,
        (x + facing * 85 - 12, floor_y - 150, x + facing * 85 + 12, floor_y),
        c("wood_dark"),
        8,
    )


def speech_bubble(draw, box, tail, colour):
    """Draw a rounded speech bubble with a tail pointing to `tail`."""
    x0, _, x1, y1 = box
    mid = (x0 + x1) / 2
    polygon(draw, [(mid - 40, y1 - 10), (mid + 40, y1 - 10), tail], colour)
    rect(draw, box, colour, 50)


def bubble_content(draw, box, kind):
    """Fill a bubble with text-free symbols: dots, a heart or wavy lines."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if kind == "dots":
        for i in (-1, 0, 1):
            circle(draw, (cx + i * 60, cy), 20, c("white"))
    elif kind == "heart":
        circle(draw, (cx - 26, cy - 12), 32, c("white"))
        circle(draw, (cx + 26, cy - 12), 32, c("white"))
        polygon(draw, [(cx - 57, cy - 2), (cx + 57, cy - 2), (cx, cy + 55)], c("white"))
    else:
        for row in (-1, 1):
            points = [
                (x0 + 50 + i * 10, cy + row * 22 + 10 * math.sin(i / 2.2))
                for i in range((int(x1 - x0) - 100) // 10 + 1)
            ]
            line(draw, points, c("white"), 12)


def draw_sprachtandem():
    """Two people talking at a café table under colourful speech bubbles."""
    image, draw = new_canvas("paper")
    floor_y = 760
    rect(draw, (0, floor_y, WIDTH, HEIGHT), c("floor"))
    rect(draw, (60, 250, 300, 560), c("sky"), 24)
    rect(draw, (172, 250, 188, 560), c("white"))
    rect(draw, (60, 397, 300, 413), c("white"))
    cloud(draw, 120, 320, 26)
    plant(draw, 1450, floor_y, 260)
    table_y = 560
    chair_side(draw, 470, floor_y, facing=1)
    chair_side(draw, 1130, floor_y, facing=-1)
    person_seated(draw, 470, table_y, c("teal"), c("skin_light"), facing=1)
    person_seated(draw, 1130, table_y, c("coral"), c("skin_dark"), facing=-1, bun=True)
    rect(draw, (560, table_y, 1040, table_y + 34), c("wood"), 14)
    rect(draw, (780, table_y + 30, 820, floor_y), c("wood_dark"))
    rect(draw, (700, floor_y - 16, 900, floor_y), c("wood_dark"), 8)
    for cup_x, colour in ((690, "white"), (910, "sand")):
        rect(draw, (cup_x - 30, table_y - 62, cup_x + 30, table_y), c(colour), 10)
        draw.arc(
            s(cup_x + 18, table_y - 50, cup_x + 52, table_y - 16),
            270,
            90,
            fill=c(colour),
            width=8 * SCALE,
        )
    left = (250, 50, 620, 215)
    right = (980, 40, 1370, 205)
    small = (700, 250, 900, 370)
    speech_bubble(draw, left, (455, 252), c("navy"))
    speech_bubble(draw, right, (1120, 250), c("plum"))
    speech_bubble(draw, small, (760, 420), c("sage"))
    bubble_content(draw, left, "waves")
    bubble_content(draw, right, "dots")
    bubble_content(draw, small, "heart")
    return save_png(image, "sprachtandem-treffen.png")


# --- Fairtrade-Stadt --------------------------------------------------------------


def awning(draw, x0, x1, y0, y1, stripes):
    """Draw a striped awning with a scalloped lower edge."""
    width = (x1 - x0) / stripes
    for i in range(stripes):
        colour = c("teal") if i % 2 == 0 else c("white")
        left = x0 + i * width
        polygon(
            draw,
            [(left + 12, y0), (left + width + 12, y0), (left + width, y1), (left, y1)],
            colour,
        )
        ellipse(draw, (left, y1 - width / 2, left + width, y1 + width / 2), colour)


def coffee_bag(draw, x, base_y, colour):
    """Draw a coffee sack with a bean symbol."""
    polygon(
        draw,
        [
            (x - 85, base_y),
            (x + 85, base_y),
            (x + 70, base_y - 190),
            (x - 70, base_y - 190),
        ],
        colour,
    )
    rect(draw, (x - 80, base_y - 215, x + 80, base_y - 180), colour, 14)
    polygon(
        draw,
        [(x - 70, base_y - 215), (x - 30, base_y - 250), (x, base_y - 215)],
        colour,
    )
    polygon(
        draw,
        [(x, base_y - 215), (x + 35, base_y - 255), (x + 70, base_y - 215)],
        colour,
    )
    rect(draw, (x - 75, base_y - 200, x + 75, base_y - 186), c("sand"), 6)
    ellipse(draw, (x - 38, base_y - 140, x + 38, base_y - 40), c("cocoa"))
    draw.arc(
        s(x - 18, base_y - 135, x + 22, base_y - 45),
        100,
        260,
        fill=c("sand"),
        width=7 * SCALE,
    )


def banana(draw, cx, cy, radius, thickness):
    """Draw one tapered banana lying on its back, with a darker outline."""
    outer, inner = [], []
    for i in range(41):
        u = i / 40
        angle = math.radians(150 - 110 * u)
        half = thickness * (0.25 + 0.75 * math.sin(math.pi * min(1.0, u * 1.15))) / 2
        nx, ny = math.cos(angle), math.sin(angle)
        px, py = cx + radius * nx, cy + radius * ny
        outer.append(s(px + nx * half, py + ny * half))
        inner.append(s(px - nx * half, py - ny * half))
    draw.polygon(outer + inner[::-1], fill=c("banana"), outline=c("banana_dark"), width=5 * SCALE)
    tip_x = cx + radius * math.cos(math.radians(40))
    tip_y = cy + radius * math.sin(math.radians(40))
    circle(draw, (tip_x, tip_y), 9, c("cocoa"))


def banana_bunch(draw, x, y):
    """Draw a bunch of three bananas joined at a stem, lying on the counter."""
    line(draw, [(x - 112, y - 140), (x - 168, y - 160)], c("banana_dark"), 30)
    for row in range(3):
        banana(draw, x + row * 12, y - 175 - row * 38, 150, 54)


def chocolate_bar(draw, x, y, wrapper):
    """Draw a half-unwrapped chocolate bar lying flat, segments showing."""
    rect(draw, (x, y - 70, x + 220, y), c("cocoa"), 8)
    for col in range(3):
        for row in range(2):
            rect(
                draw,
                (
                    x + 10 + col * 40,
                    y - 62 + row * 31,
                    x + 44 + col * 40,
                    y - 39 + row * 31,
                ),
                "#6e4833",
                4,
            )
    rect(draw, (x + 130, y - 76, x + 226, y + 6), wrapper, 8)
    rect(draw, (x + 150, y - 76, x + 162, y + 6), c("white"))


def bunting(draw, y):
    """Draw a string of small triangular flags across the top."""
    points = bezier((0, y), (500, y + 60), (1100, y + 60), (1600, y))
    line(draw, points, c("navy"), 4)
    colours = ("coral", "sand", "sage", "plum")
    for i, (fx, fy) in enumerate(points[4:-4:8]):
        polygon(draw, [(fx - 26, fy), (fx + 26, fy), (fx, fy + 48)], c(colours[i % 4]))


def draw_fairtrade():
    """A market stall with awning, coffee sacks, bananas and chocolate."""
    image, draw = new_canvas("sky")
    ground_y = 780
    cloud(draw, 230, 190, 50)
    cloud(draw, 1380, 150, 40)
    bunting(draw, 40)
    rect(draw, (0, ground_y, WIDTH, HEIGHT), c("floor"))
    for x in range(0, WIDTH, 160):
        rect(draw, (x, ground_y + 40, x + 110, ground_y + 50), c("floor_line"), 4)
    rect(draw, (300, 250, 326, ground_y), c("wood_dark"))
    rect(draw, (1274, 250, 1300, ground_y), c("wood_dark"))
    rect(draw, (326, 330, 1274, 560), c("paper"))
    for shelf_y in (420, 500):
        rect(draw, (340, shelf_y, 1260, shelf_y + 12), c("wood"))
    for i, colour in enumerate(
        (
            "coral",
            "sage",
            "sand",
            "plum",
            "teal",
            "coral",
            "sage",
            "sand",
            "plum",
            "teal",
            "coral",
            "sage",
        )
    ):
        jar_x = 380 + i * 74
        rect(draw, (jar_x, 362, jar_x + 44, 420), c(colour), 10)
        rect(draw, (jar_x + 6, 350, jar_x + 38, 364), c("wood_dark"), 4)
        circle(draw, (jar_x + 22, 470), 22, c(colour))
    awning(draw, 260, 1340, 200, 320, 12)
    rect(draw, (250, 180, 1350, 215), c("navy"), 10)
    rect(draw, (240, 640, 1360, 680), c("wood"), 10)
    rect(draw, (270, 680, 1330, ground_y), c("wood_dark"), 6)
    for x in range(310, 1300, 130):
        rect(draw, (x, 700, x + 80, ground_y - 20), c("wood"), 8)
    coffee_bag(draw, 430, 640, "#a47551")
    coffee_bag(draw, 600, 640, "#b98b5e")
    banana_bunch(draw, 860, 640)
    chocolate_bar(draw, 1010, 640, c("coral"))
    chocolate_bar(draw, 1030, 566, c("teal"))
    return save_png(image, "fairtrade-stadt.png")


# --- Beirat ------------------------------------------------------------------------


def window(draw, box):
    """Draw a tall bright window with a cross bar and a cloud."""
    x0, y0, x1, y1 = box
    rect(draw, (x0 - 12, y0 - 12, x1 + 12, y1 + 12), c("white"), 10)
    rect(draw, box, c("sky"))
    cloud(draw, (x0 + x1) / 2, y0 + (y1 - y0) * 0.35, (x1 - x0) * 0.12)
    rect(draw, ((x0 + x1) / 2 - 6, y0, (x0 + x1) / 2 + 6, y1), c("white"))
    rect(draw, (x0, (y0 + y1) / 2 - 6, x1, (y0 + y1) / 2 + 6), c("white"))


def chair_position(angle, centre, radii):
    """Return the point on the chair ellipse and a depth factor for an angle."""
    cx, cy = centre
    rx, ry = radii
    x = cx + rx * math.cos(math.radians(angle))
    y = cy + ry * math.sin(math.radians(angle))
    depth = 0.8 + 0.2 * math.sin(math.radians(angle))
    return x, y, depth


def chair_front(draw, x, y, depth, colour):
    """Draw a meeting chair seen from the front or back, scaled by depth."""
    w, h = 110 * depth, 140 * depth
    rect(draw, (x - w / 2, y - h, x + w / 2, y - h * 0.25), colour, 22 * depth)
    ellipse(draw, (x - w * 0.6, y - h * 0.35, x + w * 0.6, y - h * 0.05), colour)
    rect(draw, (x - 7 * depth, y - h * 0.1, x + 7 * depth, y + 55 * depth), c("navy"))
    rect(draw, (x - w * 0.45, y + 48 * depth, x + w * 0.45, y + 60 * depth), c("navy"), 6)


def table_items(draw, cx, cy):
    """Put notepads, glasses and a small plant on the round table."""
    for angle in range(22, 360, 45):
        x = cx + 300 * math.cos(math.radians(angle))
        y = cy + 88 * math.sin(math.radians(angle))
        polygon(
            draw,
            [(x - 30, y - 12), (x + 26, y - 12), (x + 34, y + 12), (x - 22, y + 12)],
            c("white"),
        )
        rect(draw, (x + 38, y - 34, x + 52, y + 4), c("sky"), 4)
    rect(draw, (cx - 34, cy - 40, cx + 34, cy + 6), c("coral"), 10)
    for dx, colour in ((-34, "sage"), (0, "teal"), (34, "sage")):
        ellipse(draw, (cx + dx - 26, cy - 110, cx + dx + 26, cy - 34), c(colour))


def draw_beirat():
    """A bright meeting room with a round table and eight chairs."""
    image, draw = new_canvas("wall")
    floor_y = 470
    rect(draw, (0, floor_y, WIDTH, HEIGHT), c("floor"))
    rect(draw, (0, floor_y - 14, WIDTH, floor_y), c("white"))
    for x0 in (190, 650, 1110):
        window(draw, (x0, 70, x0 + 300, 380))
    plant(draw, 105, floor_y + 60, 230)
    plant(draw, 1495, floor_y + 60, 230)
    draw.line([s(800, 0), s(800, 90)], fill=c("navy"), width=4 * SCALE)
    draw.pieslice(s(740, 60, 860, 180), 180, 360, fill=c("sand"))
    centre, radii = (800, 640), (540, 145)
    chairs = [chair_position(a, centre, radii) for a in range(0, 360, 45)]
    colours = ("teal", "coral", "plum", "sage", "teal", "coral", "plum", "sage")
    behind = [(x, y, d, col) for (x, y, d), col in zip(chairs, colours, strict=True) if y <= centre[1]]
    front = [(x, y, d, col) for (x, y, d), col in zip(chairs, colours, strict=True) if y > centre[1]]
    for x, y, d, col in sorted(behind, key=lambda item: item[1]):
        chair_front(draw, x, y, d, c(col))
    cx, cy = centre
    rect(draw, (cx - 40, cy, cx + 40, cy + 180), c("wood_dark"))
    ellipse(draw, (cx - 130, cy + 165, cx + 130, cy + 200), c("wood_dark"))
    ellipse(draw, (cx - 440, cy - 110, cx + 440, cy + 140), c("wood_dark"))
    ellipse(draw, (cx - 440, cy - 135, cx + 440, cy + 115), c("wood"))
    table_items(draw, cx, cy - 10)
    for x, y, d, col in sorted(front, key=lambda item: item[1]):
        chair_front(draw, x, y, d, c(col))
    return save_png(image, "beirat-sitzung.png")


# --- Telefonkette -------------------------------------------------------------------


def telephone(draw, x, y, colour):
    """Draw a classic desk telephone centred at x, standing on y."""
    polygon(draw, [(x - 130, y), (x + 130, y), (x + 95, y - 150), (x - 95, y - 150)], colour)
    rect(draw, (x - 140, y - 20, x + 140, y + 10), c("navy"), 12)
    rect(draw, (x - 150, y - 215, x + 150, y - 165), colour, 25)
    rect(draw, (x - 160, y - 225, x - 90, y - 150), colour, 24)
    rect(draw, (x + 90, y - 225, x + 160, y - 150), colour, 24)
    rect(draw, (x - 40, y - 168, x + 40, y - 150), c("navy"), 6)
    circle(draw, (x, y - 70), 56, c("white"))
    for i in range(10):
        angle = math.radians(200 + i * 28)
        circle(draw, (x + 36 * math.cos(angle), y - 70 + 36 * math.sin(angle)), 7, colour)
    circle(draw, (x, y - 70), 14, c("navy"))


def sound_waves(draw, x, y, colour):
    """Draw three small arcs suggesting a ringing phone."""
    for r in (30, 55, 80):
        draw.arc(s(x - r, y - r, x + r, y + r), 300, 350, fill=colour, width=9 * SCALE)
        draw.arc(s(x - r, y - r, x + r, y + r), 190, 240, fill=colour, width=9 * SCALE)


def cord_between(start, end, sag):
    """Return points of a hanging cord between two points."""
    (x0, y0), (x1, y1) = start, end
    third = (x1 - x0) / 3
    return bezier(start, (x0 + third, y0 + sag), (x1 - third, y1 + sag), end)


def draw_telefonkette():
    """Three telephones connected by one long curved cord."""
    image, draw = new_canvas("paper")
    phones = [((300, 640), "teal"), ((800, 440), "coral"), ((1300, 640), "plum")]
    for (x, y), _ in phones:
        circle(draw, (x, y - 100), 225, c("sky"))
    cord = cord_between((400, 590), (700, 390), 260)
    cord += cord_between((900, 390), (1200, 590), 260)
    line(draw, cord, c("navy"), 12)
    for (x, y), colour in phones:
        telephone(draw, x, y, c(colour))
        sound_waves(draw, x, y - 190, c(colour))
    return save_png(image, "telefonkette.png")


def main():
    """Draw all four illustrations and print their sizes."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for draw_scene in (
        draw_sprachtandem,
        draw_fairtrade,
        draw_beirat,
        draw_telefonkette,
    ):
        path = draw_scene()
        print(f"{path.name}: {path.stat().st_size} Bytes")


if __name__ == "__main__":
    main()
