"""No image metadata reaches output/ in the editors' real workflow: preview, preview, publish, one cache.

The photos are made here with Pillow: a JPEG with EXIF (GPS position, camera make and model), an
XMP packet and a comment; a PNG with tEXt, zTXt and iTXt chunks and an eXIf chunk. Every image file
the builds leave in output/ is read back with Pillow and scanned byte by byte.
"""

import io
import json
import os
import struct
import subprocess
import sys
import time
from pathlib import Path

import PIL
from PIL import Image, PngImagePlugin

from conftest import ROOT, build_site, run_pelican

CAMERA_MAKE = "Spionagefoto GmbH"
CAMERA_MODEL = "Testkamera-XYZ-4711"
COMMENT = b"geheimer Kommentar aus der Kamera"
GPS_METHOD = b"ASCII\x00\x00\x00GPS-Standort-Musterstadt"
LATITUDE = (52, 31, 12)
XMP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    f'exif:GPSLatitude="52,31.2N" exif:GPSLongitude="13,24.3E" xmp:CreatorTool="{CAMERA_MODEL}"/>'
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)

# Byte strings that must not occur in any image file in output/. The GPS position is also looked
# for as the EXIF rationals 52/1 31/1 12/1 in both byte orders; bare b"GPS" is not searched for in
# compressed pixel data, where three given bytes turn up by chance in about one of 16 million places.
FORBIDDEN_BYTES = {
    "EXIF-Block": [b"Exif", b"EXIF", b"eXIf"],
    "GPS": [b"GPSLatitude", b"GPS-Standort", struct.pack("<6I", *[v for d in LATITUDE for v in (d, 1)])]
    + [struct.pack(">6I", *[v for d in LATITUDE for v in (d, 1)])],
    "XMP": [b"<x:xmpmeta", b"http://ns.adobe.com/xap"],
    "PNG-Textblock": [b"tEXt", b"iTXt", b"zTXt"],
    "Kommentar": [COMMENT],
    "Kameramodell": [CAMERA_MODEL.encode(), CAMERA_MAKE.encode()],
}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"}


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = CAMERA_MAKE
    exif[0x0110] = CAMERA_MODEL
    exif[0x8825] = {1: "N", 2: tuple(float(v) for v in LATITUDE), 3: "E", 4: (13.0, 24.0, 18.0), 0x1B: GPS_METHOD}
    return exif


def picture(size: tuple[int, int], colour: tuple[int, int, int]) -> Image.Image:
    image = Image.new("RGB", size, colour)
    image.paste((30, 80, 160), (0, 0, size[0] // 3, size[1]))
    image.paste((240, 220, 60), (size[0] // 2, size[1] // 2, size[0], size[1]))
    return image


def phone_photo(path: Path) -> None:
    """A JPEG as a phone writes it: EXIF with GPS position and camera, XMP, a comment."""
    picture((900, 600), (190, 70, 50)).save(
        path, "JPEG", exif=exif_with_gps().tobytes(), xmp=XMP.encode(), comment=COMMENT, quality=90
    )


def png_with_text(path: Path) -> None:
    """A PNG with tEXt, zTXt and iTXt chunks (XMP among them) and EXIF with GPS."""
    chunks = PngImagePlugin.PngInfo()
    chunks.add_text("Comment", COMMENT.decode())
    chunks.add_text("Author", CAMERA_MAKE, zip=True)
    chunks.add_itxt("XML:com.adobe.xmp", XMP)
    picture((700, 500), (60, 150, 90)).save(path, "PNG", pnginfo=chunks, exif=exif_with_gps().tobytes())


ARTICLE = """Title: {title}
Date: {date} 10:00
Category: Meldungen
Summary: Ein Beitrag über das Sommerfest im Rathaus mit Fotos vom Fest und einem Plakat.
Image: images/{lead}
Image_alt: {lead_alt}
Image_credit: Foto: Stadt Musterstadt

Beim Sommerfest im Rathaus kamen viele Gäste zusammen.

![{text_alt}]({{static}}/images/{text_image} "Foto: Stadt Musterstadt")

Das Sommerfest im Rathaus findet jedes Jahr statt.
"""


def write_content(folder: Path) -> Path:
    """Two articles, each with a lead image and an image in the text, so each shows the other as a card."""
    content = folder / "content"
    (content / "artikel").mkdir(parents=True)
    (content / "images").mkdir()
    phone_photo(content / "images" / "handyfoto.jpg")
    png_with_text(content / "images" / "plakat.png")
    articles = {
        "2024-06-01-sommerfest.md": ("Sommerfest im Rathaus", "2024-06-01", "handyfoto.jpg", "plakat.png"),
        "2024-06-02-sommerfest-plakat.md": ("Plakat zum Sommerfest", "2024-06-02", "plakat.png", "handyfoto.jpg"),
    }
    for name, (title, date, lead, text_image) in articles.items():
        (content / "artikel" / name).write_text(
            ARTICLE.format(
                title=title,
                date=date,
                lead=lead,
                lead_alt="Gäste beim Sommerfest im Rathaus",
                text_image=text_image,
                text_alt="Plakat und Gäste beim Sommerfest",
            ),
            encoding="utf-8",
        )
    return content


def metadata_found(path: Path) -> list[str]:
    """What Pillow and a byte scan find of EXIF, GPS, XMP, comments, text chunks and the camera."""
    found = []
    data = path.read_bytes()
    for what, needles in FORBIDDEN_BYTES.items():
        found += [f"{what} ({needle[:20]!r})" for needle in needles if needle in data]
    if data[:2] == b"\xff\xd8" and b"\xff\xfe" in jpeg_headers(data):
        found.append("JPEG-Kommentar (COM)")
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        exif = image.getexif()
        if exif:
            found.append(f"EXIF laut Pillow: {dict(exif)}")
        if exif.get_ifd(0x8825):
            found.append("GPS laut Pillow")
        keys = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "Comment", "Author"} & set(image.info)
        found += [f"info[{key!r}]" for key in sorted(keys)]
        if getattr(image, "text", None):
            found.append(f"PNG-Text: {image.text}")
    return found


def jpeg_headers(data: bytes) -> bytes:
    """The markers of a JPEG's segments before its image data (where a COM segment would be)."""
    markers, position = b"", 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position : position + 2]
        markers += marker
        if marker == b"\xff\xda":  # start of scan: entropy-coded data follows
            break
        position += 2 + int.from_bytes(data[position + 2 : position + 4], "big")
    return markers


def image_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())


def inodes(folder: Path) -> set[tuple[int, int]]:
    return {(p.stat().st_dev, p.stat().st_ino) for p in folder.rglob("*") if p.is_file()}


def cache_setting(cache: Path) -> tuple[str, str]:
    return ("-e", f'RESPONSIVE_IMAGES_CACHE="{cache}"')


def assert_clean(output: Path, cache: Path) -> list[Path]:
    """Every image in output/ free of metadata, and no file of output/ sharing an inode with the cache."""
    written = image_files(output)
    problems = {p.relative_to(output).as_posix(): metadata_found(p) for p in written}
    assert {name: found for name, found in problems.items() if found} == {}
    assert not inodes(output) & inodes(cache), "output/ shares files with the cache"
    assert all(p.stat().st_nlink == 1 for p in output.rglob("*") if p.is_file())
    return written


def test_the_fixtures_carry_everything_the_scan_looks_for(tmp_path):
    """The scan is only worth something if it finds the metadata in the sources."""
    content = write_content(tmp_path)
    photo = metadata_found(content / "images" / "handyfoto.jpg")
    poster = metadata_found(content / "images" / "plakat.png")
    for what in ("EXIF-Block", "GPS", "XMP", "Kommentar", "Kameramodell", "JPEG-Kommentar", "GPS laut Pillow"):
        assert any(entry.startswith(what) for entry in photo), (what, photo)
    for what in ("EXIF-Block", "GPS", "XMP", "PNG-Textblock", "Kommentar", "Kameramodell", "PNG-Text"):
        assert any(entry.startswith(what) for entry in poster), (what, poster)


def test_preview_preview_publish_leaves_no_metadata_in_any_image(tmp_path):
    content = write_content(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    build_site(content, "pelicanconf.py", output, *cache_setting(cache))
    assert_clean(output, cache)  # the first preview
    build_site(content, "pelicanconf.py", output, *cache_setting(cache))
    assert_clean(output, cache)  # the second preview, where Pelican's copy once wrote through a link
    build_site(content, "publishconf.py", output, *cache_setting(cache))
    written = assert_clean(output, cache)
    names = {p.name for p in written}
    assert {"handyfoto.jpg", "plakat.png", "handyfoto-og.jpg", "plakat-og.jpg"} <= names
    assert {".avif", ".webp", ".jpg", ".png"} <= {p.suffix for p in written}
    assert any("-karte-" in name for name in names), "card thumbnails are part of the check"
    with Image.open(output / "images" / "handyfoto.jpg") as original:
        assert original.size == (900, 600), "the original keeps its size"


def test_a_damaged_cache_entry_is_made_again(tmp_path):
    content = write_content(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    build_site(content, "publishconf.py", output, *cache_setting(cache))
    expected = {p.relative_to(output): p.read_bytes() for p in image_files(output)}
    photo = (content / "images" / "handyfoto.jpg").read_bytes()
    original_entry = next(cache.glob("*/original.jpg"))
    original_entry.write_bytes(photo)  # what a write through a hard link did: the unstripped photo
    og_entry = next(cache.glob("*/handyfoto-og.jpg"))
    og_entry.write_bytes(og_entry.read_bytes()[:-1000])  # a truncated file, same name
    avif = next(cache.glob("*/plakat-480w.avif"))
    avif.write_bytes(bytes(len(avif.read_bytes())))  # same size, other content

    result = run_pelican(content, "publishconf.py", tmp_path / "zweiter", "-v", *cache_setting(cache))
    messages = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 0, messages
    assert "Bilder: 2 neu berechnet" in messages, messages
    assert_clean(tmp_path / "zweiter", cache)
    rebuilt = {p.relative_to(tmp_path / "zweiter"): p.read_bytes() for p in image_files(tmp_path / "zweiter")}
    assert rebuilt == expected
    assert original_entry.read_bytes() == expected[Path("images/handyfoto.jpg")], "the entry is repaired"


def test_old_and_half_written_cache_entries_are_removed_fresh_ones_stay(tmp_path):
    content = write_content(tmp_path)
    cache = tmp_path / "cache"
    build_site(content, "pelicanconf.py", tmp_path / "output", *cache_setting(cache))
    used = sorted(p.name for p in cache.iterdir() if p.is_dir())
    long_ago = time.time() - 40 * 24 * 3600
    for name, age in (("a" * 24, long_ago), ("f" * 24, time.time() - 3600), ("kein-eintrag", long_ago)):
        entry = cache / name
        entry.mkdir()
        (entry / "fertig.json").write_text(json.dumps({"format": 2, "files": {}, "info": None}), encoding="utf-8")
        os.utime(entry / "fertig.json", (age, age))
    for name, age in ((".neu-abgebrochen", time.time() - 2 * 24 * 3600), (".neu-laeuft", time.time())):
        (cache / name).mkdir()
        (cache / name / "teil.avif").write_bytes(b"halb")
        os.utime(cache / name, (age, age))
    used_entry = cache / used[0] / "fertig.json"
    os.utime(used_entry, (long_ago, long_ago))  # used again by this build: must stay and be marked

    build_site(content, "pelicanconf.py", tmp_path / "output", *cache_setting(cache))
    left = sorted(p.name for p in cache.iterdir() if p.is_dir())
    assert left == sorted([*used, "f" * 24, "kein-eintrag", ".neu-laeuft"])  # not ours: never removed
    assert time.time() - used_entry.stat().st_mtime < 3600


def test_cache_key_changes_with_encoder_versions():
    from responsive_images.images import cache_key, encoder_versions
    from responsive_images.plugin import original_key, settings_key

    versions = encoder_versions()
    assert versions["pillow"] == PIL.__version__
    assert all(versions[library] for library in ("jpg", "zlib", "webp", "avif")), versions
    newer = {**versions, "avif": versions["avif"] + ".1"}
    variants = [settings_key([480], ["avif"], [None, False], v) for v in (versions, newer)]
    originals = [original_key(v) for v in (versions, {**versions, "pillow": "99.0"})]
    assert cache_key("abc", variants[0]) != cache_key("abc", variants[1])
    assert cache_key("abc", originals[0]) != cache_key("abc", originals[1])
    assert cache_key("abc", variants[0]) == cache_key("abc", settings_key([480], ["avif"], [None, False], versions))


TWO_RUNS = """
import sys
from pathlib import Path
sys.path.insert(0, {plugins!r})
from pelican import Pelican
from pelican.settings import read_settings
from responsive_images.plugin import BUILD_STATE
from PIL import Image

settings = read_settings({settings!r}, override={{"PATH": {content!r}, "OUTPUT_PATH": {output!r},
    "RESPONSIVE_IMAGES_CACHE": {cache!r}}})
pelican = Pelican(settings)
pelican.run()
first = len(settings[BUILD_STATE]["jobs"])
image = Image.open({photo!r}); image.load()
image.rotate(180).save({photo!r})  # the editor saves a changed photo: new cache keys
pelican.run()
print("JOBS", first, len(settings[BUILD_STATE]["jobs"]))
"""


def test_image_jobs_do_not_accumulate_across_runs_in_one_process(tmp_path):
    """As Pelican's autoreload does: the same Pelican object runs again after a change."""
    content = write_content(tmp_path)
    script = TWO_RUNS.format(
        plugins=str(ROOT / "plugins"),
        settings=str(ROOT / "pelicanconf.py"),
        content=str(content),
        output=str(tmp_path / "output"),
        cache=str(tmp_path / "cache"),
        photo=str(content / "images" / "handyfoto.jpg"),
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = (int(n) for n in result.stdout.split("JOBS")[1].split())
    assert first >= 4  # lead, text image and card of each photo
    assert second == first


def test_a_cache_that_cannot_be_written_costs_a_warning_not_the_images(tmp_path):
    content = write_content(tmp_path)
    blocked = tmp_path / "eine-datei"
    blocked.write_text("kein Ordner", encoding="utf-8")
    result = run_pelican(content, "pelicanconf.py", tmp_path / "output", *cache_setting(blocked / "cache"))
    messages = result.stdout + result.stderr
    assert result.returncode == 0, messages
    assert "Traceback" not in messages
    assert "Zwischenspeicher für Bilder lässt sich nicht beschreiben" in messages
    assert "RESPONSIVE_IMAGES_CACHE in pelicanconf.py" in messages
    assert (tmp_path / "output" / "images" / "handyfoto-480w.avif").is_file()
    assert_clean(tmp_path / "output", blocked)  # no cache folder could be made
