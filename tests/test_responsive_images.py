"""Responsive images: <picture> with AVIF and WebP, no metadata left, cache, and bad input named."""

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from conftest import read_html, run_pelican
from publishconf import SITEURL
from quality.links import broken_internal_links

ARTICLE = """Title: {title}
Date: 2024-05-01 10:00
Category: Meldungen
Summary: Ein Beitrag mit Bildern für den Test der Bildverarbeitung.
{extra}
Ein Absatz vor dem Bild.

![{alt}]({src} "{credit}")

Ein Absatz nach dem Bild.
"""


def photo_with_exif_and_gps(path: Path) -> None:
    """A 1200×800 JPEG whose EXIF says "rotate 90°" and carries a GPS position."""
    image = Image.new("RGB", (1200, 800), (200, 60, 40))
    image.paste((20, 90, 200), (0, 0, 300, 800))  # a blue band on the left edge
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    exif[0x010F] = "Testkamera"
    gps = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 18.0)}
    exif[0x8825] = gps
    image.save(path, "JPEG", exif=exif.tobytes(), comment=b"geheimer Kommentar")


def write_site(folder: Path, articles: dict[str, str]) -> Path:
    content = folder / "content"
    (content / "artikel").mkdir(parents=True)
    (content / "images").mkdir()
    photo_with_exif_and_gps(content / "images" / "foto.jpg")
    for name, text in articles.items():
        (content / "artikel" / name).write_text(text, encoding="utf-8")
    return content


def good_article(**overrides):
    values = {
        "title": "Bilder im Text",
        "extra": (
            "Image: images/foto.jpg\nImage_alt: Rote Fläche mit blauem Streifen\n"
            "Image_credit: Foto: Stadt Musterstadt\nImage_focus: 50% 0%\n"
        ),
        "alt": "Rote Fläche mit blauem Streifen",
        "src": "{static}/images/foto.jpg",
        "credit": "Foto: Stadt Musterstadt",
    }
    return ARTICLE.format(**{**values, **overrides})


@pytest.fixture(scope="module")
def image_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bilder")
    content = write_site(folder, {"2024-05-01-bilder.md": good_article()})
    output = folder / "output"
    cache = folder / "cache"
    result = run_pelican(content, "publishconf.py", output, "-e", f'RESPONSIVE_IMAGES_CACHE="{cache}"')
    assert result.returncode == 0, result.stdout + result.stderr
    return content, output, cache


def test_content_image_becomes_a_figure_with_picture_sources_and_credit(image_site):
    _, output, _ = image_site
    figure = read_html(output / "aktuelles/2024/bilder/index.html").select_one(".prose figure.content-image")
    types = [source["type"] for source in figure.picture.find_all("source")]
    assert types == ["image/avif", "image/webp"]
    img = figure.picture.img
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert (img["width"], img["height"]) == ("800", "1200"), "oriented from EXIF, never upscaled"
    assert img["alt"] == "Rote Fläche mit blauem Streifen"
    assert figure.figcaption.get_text(strip=True) == "Bildquelle: Foto: Stadt Musterstadt"
    for source in figure.picture.find_all("source"):
        widths = [int(candidate.split()[-1][:-1]) for candidate in source["srcset"].split(", ")]
        assert widths == [480, 800]


def test_lead_image_loads_at_once(image_site):
    _, output, _ = image_site
    img = read_html(output / "aktuelles/2024/bilder/index.html").select_one("figure.lead-image picture img")
    assert "loading" not in img.attrs
    assert img["fetchpriority"] == "high"


def test_no_metadata_and_correct_orientation_in_any_written_image(image_site):
    _, output, _ = image_site
    written = sorted((output / "images").iterdir())
    assert {p.suffix for p in written} >= {".avif", ".webp", ".jpg"}
    for path in written:
        with Image.open(path) as image:
            assert not image.getexif(), path.name
            assert "exif" not in image.info and "comment" not in image.info and "xmp" not in image.info, path.name
            if path.name not in ("foto.jpg", "foto-og.jpg"):
                assert image.height > image.width, f"{path.name} is not turned upright"
                assert image.width <= 800, f"{path.name} is upscaled"
    with Image.open(output / "images" / "foto.jpg") as original:
        assert original.size == (800, 1200)
        left = original.convert("RGB").getpixel((400, 50))
        assert left[2] > 150, "the blue band must be at the top after turning"


def test_open_graph_image_is_cut_around_the_focal_point(image_site):
    _, output, _ = image_site
    with Image.open(output / "images" / "foto-og.jpg") as card:
        assert card.size == (1200, 630)
        top, bottom = card.convert("RGB").getpixel((600, 5)), card.convert("RGB").getpixel((600, 625))
    assert top[2] > 150 and top[0] < 100, "focus 50% 0% keeps the blue band at the top"
    assert bottom[0] > 150 and bottom[2] < 100


def test_svg_passes_through_and_animated_gif_stays_animated(tmp_path):
    content = write_site(tmp_path, {"2024-05-01-bilder.md": good_article(src="{static}/images/plan.svg")})
    lead_gif = (
        "Image: images/bewegt.gif\nImage_alt: Drei Farbflächen nacheinander\nImage_credit: Grafik: Stadt Musterstadt\n"
    )
    (content / "artikel" / "2024-05-02-animation.md").write_text(
        good_article(title="Animation", src="{static}/images/bewegt.gif", extra=lead_gif), encoding="utf-8"
    )
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
    (content / "images" / "plan.svg").write_text(svg, encoding="utf-8")
    frames = [Image.new("RGB", (40, 30), color) for color in ((220, 0, 0), (0, 160, 0), (0, 0, 220))]
    frames[0].save(content / "images" / "bewegt.gif", save_all=True, append_images=frames[1:], duration=200, loop=0)
    result = run_pelican(content, "publishconf.py", tmp_path / "out", "-e", f'RESPONSIVE_IMAGES_CACHE="{tmp_path}/c"')
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out/images/plan.svg").read_text(encoding="utf-8") == svg
    with Image.open(tmp_path / "out/images/bewegt.gif") as gif:
        assert gif.is_animated and gif.n_frames == 3
    page = read_html(tmp_path / "out/aktuelles/2024/animation/index.html")
    assert page.select_one(".prose img")["src"].endswith("bewegt.gif")
    assert page.select_one("figure.lead-image img")["src"].endswith("bewegt.gif")
    # the page names a sharing image: a JPEG of the first frame, which must exist
    assert page.select_one('meta[property="og:image"]')["content"] == f"{SITEURL}/images/bewegt-og.jpg"
    with Image.open(tmp_path / "out/images/bewegt-og.jpg") as sharing:
        assert sharing.format == "JPEG" and sharing.size == (1200, 630)
        assert sharing.convert("RGB").getpixel((600, 315))[0] > 180, "the first (red) frame"
    sharing_problems = [p for p in broken_internal_links(tmp_path / "out", site_url=SITEURL) if "og:image" in p]
    assert sharing_problems == []  # (the fixture site has no pages, so its menu links are broken)


def test_second_build_encodes_nothing(image_site, tmp_path):
    content, _, cache = image_site
    before = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    result = run_pelican(
        content, "publishconf.py", tmp_path / "zweiter", "-v", "-e", f'RESPONSIVE_IMAGES_CACHE="{cache}"'
    )
    assert result.returncode == 0
    assert "Bilder: 0 neu berechnet, 2 aus dem" in " ".join((result.stdout + result.stderr).split())
    after = {p: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert after == before
    assert (tmp_path / "zweiter" / "images" / "foto-480w.avif").is_file()


def png_claiming_size(path: Path, width: int, height: int) -> None:
    """A PNG whose header claims a huge size: a decompression bomb needs no real pixels to be refused."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    chunk = b"IHDR" + header
    data = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))
    path.write_bytes(data + b"\x00" * 16)


BAD_IMAGES = {
    "missing": ("{static}/images/fehlt.jpg", None),
    "corrupt": ("{static}/images/kaputt.jpg", lambda p: p.write_bytes((p.parent / "foto.jpg").read_bytes()[:600])),
    "not_an_image": ("{static}/images/text.jpg", lambda p: p.write_text("Das ist kein Bild.", encoding="utf-8")),
    "unsupported_format": (
        "{static}/images/handy.heic",
        lambda p: p.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64),
    ),
    "decompression_bomb": ("{static}/images/bombe.png", lambda p: png_claiming_size(p, 20000, 20000)),
    "outside_content": ("../../../../../etc/bild.jpg", None),
}


@pytest.mark.parametrize("case", BAD_IMAGES)
def test_bad_image_fails_publish_and_warns_in_development(tmp_path, case):
    src, make = BAD_IMAGES[case]
    content = write_site(tmp_path, {"2024-05-01-bild-problem.md": good_article(title="Bildproblem", extra="", src=src)})
    if make is not None:
        make(content / "images" / Path(src).name)
    published = run_pelican(
        content, "publishconf.py", tmp_path / "out", "-e", f'RESPONSIVE_IMAGES_CACHE="{tmp_path}/c"'
    )
    messages = published.stdout + published.stderr
    assert published.returncode == 1, messages
    assert "Traceback" not in messages
    assert "2024-05-01-bild-problem.md" in messages and Path(src).name in messages, messages
    development = run_pelican(
        content, "pelicanconf.py", tmp_path / "dev", "-e", f'RESPONSIVE_IMAGES_CACHE="{tmp_path}/c"'
    )
    assert development.returncode == 0, development.stdout + development.stderr
    assert (tmp_path / "dev" / "aktuelles/2024/bild-problem/index.html").is_file()


@pytest.mark.parametrize(
    ("alt", "credit", "expected"),
    [("", "Foto: Stadt", "keinen Alternativtext"), ("Ein Foto", "", "keine Bildquelle")],
)
def test_missing_alt_text_or_credit_is_an_error_when_publishing(tmp_path, alt, credit, expected):
    article = good_article(alt=alt, credit=credit)
    if not credit:
        article = article.replace(' "")', ")")
    content = write_site(tmp_path, {"2024-05-01-bilder.md": article})
    result = run_pelican(content, "publishconf.py", tmp_path / "out", "-e", f'RESPONSIVE_IMAGES_CACHE="{tmp_path}/c"')
    assert result.returncode == 1
    assert expected in result.stdout + result.stderr


def test_decorative_image_says_so_and_gets_empty_alt(tmp_path):
    content = write_site(tmp_path, {"2024-05-01-bilder.md": good_article(alt="dekorativ")})
    result = run_pelican(content, "publishconf.py", tmp_path / "out", "-e", f'RESPONSIVE_IMAGES_CACHE="{tmp_path}/c"')
    assert result.returncode == 0, result.stdout + result.stderr
    img = read_html(tmp_path / "out/aktuelles/2024/bilder/index.html").select_one(".prose picture img")
    assert img["alt"] == ""


def test_teaser_cards_get_16_to_9_thumbnails(published_site):
    cards = []
    for page in published_site.rglob("index.html"):
        for img in read_html(page).select("aside[data-related] picture img"):
            cards.append((page, img))
    assert cards, "demo teasers with images"
    for page, img in cards:
        assert "-karte-" in img["src"] and "data-focus" not in img.attrs
        assert abs(int(img["width"]) * 9 - int(img["height"]) * 16) <= 16
        with Image.open((page.parent / img["src"]).resolve()) as thumbnail:
            width, height = thumbnail.size
        assert abs(width * 9 - height * 16) <= 16, img["src"]


def test_card_thumbnail_is_cut_around_the_focal_point(tmp_path):
    from io import BytesIO

    from responsive_images.images import render_variants

    source = tmp_path / "hoch.png"
    image = Image.new("RGB", (800, 1200), (200, 40, 40))
    image.paste((20, 60, 220), (0, 0, 800, 200))  # blue sky at the top
    image.save(source)
    top_focus = render_variants(source, [480], ["webp"], focus=(0.5, 0.0), card=True)
    centre = render_variants(source, [480], ["webp"], focus=None, card=True)
    with Image.open(BytesIO(top_focus["hoch-karte-480w.png"])) as card:
        assert card.size == (480, 270)
        assert card.getpixel((240, 5))[2] > 150, "focus at the top keeps the sky"
    with Image.open(BytesIO(centre["hoch-karte-480w.png"])) as card:
        assert card.getpixel((240, 5))[0] > 150, "without focus the middle is kept"
