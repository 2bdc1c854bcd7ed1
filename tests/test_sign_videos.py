"""Sign-language videos: the WebVTT reader, durations and sizes in every locale, the `[[video: name]]` lines, German
messages for missing files, the demo videos on the published /gebaerdensprache/ page (files read with ffprobe) and
the player in Chromium."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from sign_videos.files import VideoFile, VideoProblem, read_video
from sign_videos.placeholders import replace_placeholders, source_placeholders
from sign_videos.present import duration_iso, duration_text, size_text
from sign_videos.webvtt import VttError, parse

from conftest import ROOT, build_site, open_page, read_html

VIDEOS = ROOT / "content" / "videos"
DEMO = ("ueber-diese-seite", "was-macht-die-stabsstelle", "beratungs-termin")
PAGE = "gebaerdensprache/index.html"
GOOD_VTT = "WEBVTT Titel\n\n1\n00:00:00.000 --> 00:00:04.000\nErster <b>Satz</b>\nzweite Zeile\n\n00:04.000 --> 00:08.000\nZweiter\n"


# --- WebVTT -------------------------------------------------------------------------------------------------


def test_webvtt_reads_title_cues_without_tags_and_short_timestamps():
    captions = parse(GOOD_VTT)
    assert captions.title == "Titel"
    assert [(cue.start, cue.end, cue.text, cue.line) for cue in captions.cues] == [
        (0.0, 4.0, "Erster Satz zweite Zeile", 4),
        (4.0, 8.0, "Zweiter", 8),
    ]


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("WEBVTTX\n\n00:00.000 --> 00:01.000\nA\n", 1, "WEBVTT"),
        ("WEBVTT\n\n00:00.000 -> 00:01.000\nA\n", 3, "ohne Zeitangabe"),
        ("WEBVTT\n\n00:00.0 --> 00:01.000\nA\n", 3, "nicht lesbar"),
        ("WEBVTT\n\n00:02.000 --> 00:01.000\nA\n", 3, "Ende liegt nicht nach dem Anfang"),
        ("WEBVTT\n\n00:02.000 --> 00:03.000\nA\n\n00:01.000 --> 00:04.000\nB\n", 6, "früher als der vorige"),
        ("WEBVTT\n\nid\n00:00.000 --> 00:01.000\n<i></i>\n", 4, "keinen Text"),
        ("WEBVTT\n\nNOTE nur eine Notiz\n", 1, "keinen Untertitel"),
    ],
)
def test_webvtt_mistakes_are_named_with_their_line_in_german(text, line, what):
    with pytest.raises(VttError) as error:
        parse(text)
    assert error.value.line == line and what in error.value.what


# --- Sizes and durations in the page's language -------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "seconds", "size", "expected_duration", "expected_size"),
    [
        ("de_DE", 24.0, 233_530, "24 Sekunden", "234 kB"),
        ("de_DE", 65.4, 1_234_567, "1 Minute und 5 Sekunden", "1,2 MB"),
        ("en_GB", 1.2, 900, "1 second", "900 byte"),
        ("ar_SY", 24.0, 233_530, "٢٤ ثانية", "٢٣٤ كيلوبايت"),
        ("fa_IR", 65.0, 233_530, "۱ دقیقه و ۵ ثانیه", "۲۳۴ kB"),
    ],
)
def test_duration_and_size_follow_the_locale_in_words_and_digits(
    locale, seconds, size, expected_duration, expected_size
):
    assert duration_text(seconds, locale) == expected_duration
    assert size_text(size, locale) == expected_size


def test_duration_for_the_time_element_is_an_html_duration():
    assert [duration_iso(s) for s in (24.0, 24.6, 65.0)] == ["PT24S", "PT25S", "PT1M5S"]


# --- Placeholders -------------------------------------------------------------------------------------------


def test_placeholders_are_found_with_their_lines_but_not_in_code_or_the_header():
    source = (
        "Title: [[video: im-kopf]]\n\n[[video: eins]]\n\nText [[video: mitten]] im Satz.\n\n"
        "```\n[[video: beispiel]]\n```\n\n    [[video: eingerueckt]]\n\n[[ VIDEO : zwei ]]\n"
    )
    found, stray = source_placeholders(source)
    assert [(p.line, p.name) for p in found] == [(3, "eins"), (13, "zwei")]
    assert stray == [5]


def test_only_paragraphs_of_their_own_are_replaced_and_bdi_around_the_name_is_read():
    markup = (
        "<p>[[video: eins]]</p>\n<p>Text [[video: zwei]]</p>\n<p>[[<bdi>video: drei</bdi>]]</p><p>[[video: x]]</p>"
        "<p>[[anderes]]</p>"
    )
    calls = []

    def render(name, index):
        calls.append((name, index))
        return None if name == "x" else f"<div>{name}</div>"

    result = replace_placeholders(markup, render)
    assert (
        result == "<div>eins</div>\n<p>Text [[video: zwei]]</p>\n<div>drei</div><p>[[video: x]]</p><p>[[anderes]]</p>"
    )
    assert calls == [("eins", 0), ("drei", 1), ("x", 2)]


# --- Files and German messages ------------------------------------------------------------------------------


def copy_video(folder: Path, *suffixes: str, name: str = "probe") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in suffixes:
        shutil.copyfile(VIDEOS / f"ueber-diese-seite{suffix}", folder / f"{name}{suffix}")


def test_a_complete_video_is_read_with_size_duration_title_and_cues(tmp_path):
    copy_video(tmp_path / "videos", ".mp4", ".vtt", ".webp")
    video = read_video(tmp_path, "videos", "probe")
    assert isinstance(video, VideoFile)
    assert video.size == (VIDEOS / "ueber-diese-seite.mp4").stat().st_size
    assert video.duration == pytest.approx(ffprobe(VIDEOS / "ueber-diese-seite.mp4")["duration"], abs=0.05)
    assert (video.title, video.poster, len(video.captions.cues)) == (
        "Über diese Internet-Seite",
        "videos/probe.webp",
        7,
    )


@pytest.mark.parametrize(
    ("files", "what", "fix"),
    [
        ((), "Das Video „probe“ gibt es nicht: die Datei videos/probe.mp4 fehlt", "korrigieren Sie den Namen"),
        ((".mp4", ".webp"), "Zum Video „probe“ fehlen die Untertitel: die Datei videos/probe.vtt fehlt", "WebVTT"),
        ((".mp4", ".vtt"), "Zum Video „probe“ fehlt das Vorschaubild", "videos/probe.webp"),
    ],
)
def test_missing_files_are_german_problems_with_a_fix(tmp_path, files, what, fix):
    copy_video(tmp_path / "videos", *files)
    problem = read_video(tmp_path, "videos", "probe")
    assert isinstance(problem, VideoProblem)
    assert problem.what == what and fix in problem.fix


def test_broken_video_and_captions_are_german_problems(tmp_path):
    folder = tmp_path / "videos"
    copy_video(folder, ".vtt", ".webp")
    (folder / "probe.mp4").write_bytes(b"kein Video")
    assert "lässt sich nicht lesen" in read_video(tmp_path, "videos", "probe").what
    copy_video(folder, ".mp4")
    (folder / "probe.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:40.000\nZu lang\n", encoding="utf-8")
    assert "laufen bis 40 s, das Video ist aber nur 28 s lang" in read_video(tmp_path, "videos", "probe").what
    (folder / "probe.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n\n", encoding="utf-8")
    assert (
        "kein gültiges WebVTT (Zeile 3: der Untertitel hat keinen Text)" in read_video(tmp_path, "videos", "probe").what
    )


def test_invoke_check_names_file_line_and_fix_for_each_bad_video_line(tmp_path):
    from content_checks.dry_run import read_site

    content = tmp_path / "content"
    copy_video(content / "videos", ".mp4", ".webp", name="ohne-untertitel")
    (content / "seiten").mkdir()
    (content / "seiten" / "videos.md").write_text(
        "Title: Videos\n\nText.\n\n[[video: gibt-es-nicht]]\n\n[[video: ohne-untertitel]]\n\n"
        "[[video: ../geheim]]\n\nSiehe [[video: gibt-es-nicht]] oben.\n",
        encoding="utf-8",
    )
    problems, _, _, _ = read_site(ROOT / "publishconf.py", content)
    mine = [str(problem) for problem in problems if "videos.md" in str(problem)]
    expected = [
        (5, "Das Video „gibt-es-nicht“ gibt es nicht: die Datei videos/gibt-es-nicht.mp4 fehlt"),
        (7, "Zum Video „ohne-untertitel“ fehlen die Untertitel: die Datei videos/ohne-untertitel.vtt fehlt"),
        (9, "„[[video: ../geheim]]“ nennt keinen gültigen Videonamen"),
        (11, "Der Video-Platzhalter steht nicht allein in seiner Zeile"),
    ]
    for line, what in expected:
        assert [text for text in mine if f"content/seiten/videos.md:{line}: {what}" in text and " — " in text], (
            what,
            mine,
        )
    assert not [text for text in mine if "Traceback" in text]


@pytest.fixture(scope="module")
def translated_site(tmp_path_factory):
    """A German page with a video and its Arabic translation with the same line, built for the preview."""
    root = tmp_path_factory.mktemp("videos_rtl")
    content = root / "content"
    copy_video(content / "videos", ".mp4", ".vtt", ".webp", name="ueber-diese-seite")
    (content / "seiten" / "ar").mkdir(parents=True)
    (content / "seiten" / "gebaerdensprache.md").write_text(
        "Title: Gebärdensprache\nSlug: gebaerdensprache\n\nText.\n\n[[video: ueber-diese-seite]]\n", encoding="utf-8"
    )
    (content / "seiten" / "ar" / "gebaerdensprache.md").write_text(
        "Title: لغة الإشارة\nSlug: gebaerdensprache\nLang: ar\n\nنص.\n\n[[video: ueber-diese-seite]]\n",
        encoding="utf-8",
    )
    settings = {"SEARCH_INDEX_ENABLED": False, "RESPONSIVE_IMAGES_CACHE": str(root / "cache")}
    extra = [item for name, value in settings.items() for item in ("-e", f"{name}={json.dumps(value)}")]
    return build_site(content, "pelicanconf.py", root / "output", *extra)


def test_on_an_arabic_page_the_player_speaks_arabic_and_marks_the_german_parts(translated_site):
    block = read_html(translated_site / "ar" / "gebaerdensprache" / "index.html").find("div", class_="sign-video")
    assert block.find("source")["src"] == "../../videos/ueber-diese-seite.mp4"
    link = block.find("a", class_="sign-video__download-link")
    assert link.get_text() == "تنزيل الفيديو: Über diese Internet-Seite" and link.find("bdi")["lang"] == "de"
    meta = block.find(class_="sign-video__meta").get_text()
    assert meta == "(MP4، ٢٧٩ كيلوبايت، ٢٨ ثانية)"
    transcript = block.find(class_="sign-video__transcript")
    assert (transcript["lang"], transcript["dir"]) == ("de", "ltr")
    label = transcript.find(class_="sign-video__transcript-label")
    assert (label["lang"], label["dir"], label.get_text()) == ("ar", "rtl", "نص الفيديو")
    german = read_html(translated_site / "gebaerdensprache" / "index.html").find("div", class_="sign-video")
    assert not german.find("bdi") and not german.find(class_="sign-video__transcript").has_attr("lang")
    assert german.find(class_="sign-video__meta").get_text() == "(MP4, 279 kB, 28 Sekunden)"


# --- The demo videos as published ---------------------------------------------------------------------------


def ffprobe(path: Path) -> dict:
    """Duration, streams and container of a media file as ffprobe (FFmpeg) reads it, independent of mutagen."""
    result = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    return {
        "duration": float(data["format"]["duration"]),
        "streams": data["streams"],
        "tags": data["format"].get("tags", {}),
    }


def top_level_boxes(path: Path) -> list[str]:
    """The MP4's top-level boxes in file order (ftyp, moov, mdat …)."""
    data, boxes, at = path.read_bytes(), [], 0
    while at + 8 <= len(data):
        size = int.from_bytes(data[at : at + 4], "big")
        boxes.append(data[at + 4 : at + 8].decode("latin-1"))
        if size == 1:
            size = int.from_bytes(data[at + 8 : at + 16], "big")
        if size < 8:
            break
        at += size
    return boxes


@pytest.fixture(scope="module")
def page(published_site):
    return read_html(published_site / PAGE)


def players(page) -> dict:
    return {block["id"].removeprefix("video-"): block for block in page.select("div.sign-video")}


def test_the_page_shows_each_demo_video_and_says_they_are_examples(page):
    assert sorted(players(page)) == sorted(DEMO)
    main = page.find("main")
    assert "Die Videos auf dieser Seite sind Beispiele" in main.get_text(" ", strip=True)
    assert "[[video" not in main.get_text()


@pytest.mark.parametrize("name", DEMO)
def test_player_has_controls_poster_captions_fallback_and_no_autoplay(page, published_site, name):
    block = players(page)[name]
    video = block.find("video")
    assert video.has_attr("controls") and video["preload"] == "none"
    assert not [attribute for attribute in ("autoplay", "loop", "muted") if video.has_attr(attribute)]
    base = published_site / "gebaerdensprache"
    with Image.open((base / video["poster"]).resolve()) as poster:
        assert poster.size == (1280, 720)
    (source,) = video.find_all("source")
    assert source["type"] == "video/mp4" and (base / source["src"]).resolve().is_file()
    (track,) = video.find_all("track")
    assert (track["kind"], track["srclang"], track["label"], track.has_attr("default")) == (
        "captions",
        "de",
        "Deutsch",
        True,
    )
    fallback = video.find("p", class_="sign-video__fallback")
    assert "nicht abspielen" in fallback.get_text() and fallback.find("a")["href"] == source["src"]


@pytest.mark.parametrize("name", DEMO)
def test_captions_parse_and_the_transcript_is_their_text(page, published_site, name):
    block = players(page)[name]
    track = block.find("track")
    captions = parse((published_site / "gebaerdensprache" / track["src"]).resolve().read_text(encoding="utf-8"))
    assert all(later.start >= earlier.end for earlier, later in zip(captions.cues, captions.cues[1:], strict=False))
    assert captions.cues[0].text.startswith("Beispielvideo")
    shown = [p.get_text(" ", strip=True) for p in block.select(".sign-video__cue")]
    assert shown == [cue.text for cue in captions.cues]


@pytest.mark.parametrize("name", DEMO)
def test_shown_size_and_duration_equal_the_file_read_by_ffprobe(page, published_site, name):
    block = players(page)[name]
    link = block.find("a", class_="sign-video__download-link")
    file = (published_site / "gebaerdensprache" / link["href"]).resolve()
    assert link.has_attr("download") and file.name == f"{name}.mp4"
    probe = ffprobe(file)
    size_kb = int(re.fullmatch(r"(\d+) kB", block.find(class_="sign-video__size").get_text()).group(1))
    assert size_kb == round(file.stat().st_size / 1000)
    duration = block.find("time", class_="sign-video__duration")
    seconds = int(re.fullmatch(r"PT(\d+)S", duration["datetime"]).group(1))
    assert seconds == round(probe["duration"])
    assert duration.get_text() == f"{seconds} Sekunden"


@pytest.mark.parametrize("name", DEMO)
def test_demo_files_are_small_silent_h264_with_the_index_first(name):
    path = VIDEOS / f"{name}.mp4"
    probe = ffprobe(path)
    (stream,) = probe["streams"]  # one stream: no audio track
    assert (stream["codec_type"], stream["codec_name"], stream["pix_fmt"]) == ("video", "h264", "yuv420p")
    assert 10 <= probe["duration"] <= 30 and path.stat().st_size <= 300_000
    boxes = top_level_boxes(path)
    assert boxes.index("moov") < boxes.index("mdat")
    assert "creation_time" not in probe["tags"] and "creation_time" not in stream.get("tags", {})


def test_the_published_policy_lets_the_page_load_media_from_its_own_origin_only(page):
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = dict((part.split() + [""])[:2] for part in policy.split(";") if part.strip())
    assert directives.get("media-src", directives["default-src"]) == "'self'"


def test_committed_captions_and_posters_are_what_the_tool_makes():
    """tools/make_sign_videos.py is the source: its captions and first slides equal the committed files byte for
    byte (the MP4s are encoded from the same slides; encoding them here would cost seconds per video)."""
    import io
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import make_sign_videos as tool

    assert sorted(video.slug for video in tool.VIDEOS) == sorted(DEMO)
    for video in tool.VIDEOS:
        assert (VIDEOS / f"{video.slug}.vtt").read_text(encoding="utf-8") == tool.webvtt(video)
        poster = io.BytesIO()
        tool.draw_slide(video, video.captions[0]).save(poster, format="WEBP", quality=85, method=6)
        assert (VIDEOS / f"{video.slug}.webp").read_bytes() == poster.getvalue()
        assert parse(tool.webvtt(video)).cues[-1].end == len(video.captions) * tool.SLIDE_SECONDS


# --- In Chromium --------------------------------------------------------------------------------------------


def test_player_is_keyboard_focusable_loads_its_captions_and_fits_a_phone(browser, site_server):
    tab = open_page(browser, site_server + "gebaerdensprache/", width=320)
    try:
        state = tab.evaluate(
            """() => {
                const video = document.querySelector("#video-ueber-diese-seite video");
                video.focus();
                const box = video.getBoundingClientRect();
                return {
                    focused: document.activeElement === video,
                    controls: video.controls,
                    autoplay: video.autoplay,
                    paused: video.paused,
                    tracks: video.textTracks.length,
                    kind: video.textTracks[0].kind,
                    width: box.width,
                    ratio: box.width / box.height,
                    pageWidth: document.documentElement.scrollWidth,
                };
            }"""
        )
        assert state["focused"] and state["controls"] and not state["autoplay"] and state["paused"]
        assert (state["tracks"], state["kind"]) == (1, "captions")
        assert state["pageWidth"] <= 320 and 0 < state["width"] <= 320
        assert state["ratio"] == pytest.approx(16 / 9, rel=0.02)
        tab.evaluate(
            '() => { document.querySelector("#video-ueber-diese-seite video").textTracks[0].mode = "showing"; }'
        )
        tab.wait_for_function(
            '() => (document.querySelector("#video-ueber-diese-seite video").textTracks[0].cues || []).length > 0',
            timeout=10_000,
        )
        cues = tab.evaluate(
            '() => Array.from(document.querySelector("#video-ueber-diese-seite video").textTracks[0].cues, c => c.text)'
        )
        assert len(cues) == 7 and cues[0].startswith("Beispielvideo")
        assert all(url.startswith(site_server) for url in tab.requests)
    finally:
        tab.context.close()
