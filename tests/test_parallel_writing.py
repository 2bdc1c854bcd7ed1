"""plugins/parallel_writing: the pages written by several processes, the site the same as from one."""

import subprocess
import sys
import textwrap

from parallel_writing.share import ShareOfWriter, owner
from PIL import Image
from test_reproducible_output import tree, write_mixed_content

from conftest import ROOT, build_site, run_pelican

# Every build here shares out its pages, however small the site.
SHARED = ("PARALLEL_WRITING_MIN_ITEMS=1",)


def write_site(content):
    """The mixed small site, plus an article with a picture in its text (its page is rewritten once written)."""
    write_mixed_content(content)
    (content / "images").mkdir()
    Image.new("RGB", (640, 480), "red").save(content / "images" / "bild.png")
    for number in range(1, 9):
        (content / "artikel" / f"2024-06-0{number}-bild-{number}.md").write_text(
            f"Title: Bild {number}\nDate: 2024-06-0{number} 10:00\nCategory: Meldungen\nTags: Integration\n"
            f"Summary: Eine Meldung mit einem Bild, Nummer {number}, in einem Satz.\n\n"
            f'Text.\n\n![Ein rotes Rechteck]({{static}}/images/bild.png "Foto: Stadt")\n',
            encoding="utf-8",
        )


def test_each_file_has_one_writer_whatever_the_order_of_the_calls():
    names = [f"aktuelles/2024/meldung-{number}/index.html" for number in range(200)]
    shares = [[name for name in names if owner(name, 3) == number] for number in range(3)]
    assert sorted(sum(shares, [])) == sorted(names)
    assert all(len(share) > 40 for share in shares)  # spread over all three
    assert [owner(name, 3) for name in reversed(names)] == [owner(name, 3) for name in names][::-1]

    class Recorder:
        def __init__(self):
            self.files, self.feeds = [], []

        def write_file(self, name, *args, **kwargs):
            self.files.append(name)

        def write_feed(self, elements, context, path=None, *args, **kwargs):
            self.feeds.append(path)

    recorders = [Recorder() for _ in range(3)]
    for number, recorder in enumerate(recorders):
        share = ShareOfWriter(recorder, {number}, 3)
        for name in names:
            share.write_file(name, "vorlage", {})
            share.write_feed([], {}, name.replace("index.html", "feed.xml"))
    assert [recorder.files for recorder in recorders] == shares
    assert sum(len(recorder.feeds) for recorder in recorders) == len(names)


def test_pages_written_by_three_processes_are_the_site_one_process_writes(tmp_path):
    write_site(tmp_path / "content")
    alone = tree(
        build_site(
            tmp_path / "content", "publishconf.py", tmp_path / "eins", "-e", *SHARED, "PARALLEL_WRITING_PROCESSES=1"
        )
    )
    shared = tree(
        build_site(
            tmp_path / "content", "publishconf.py", tmp_path / "drei", "-e", *SHARED, "PARALLEL_WRITING_PROCESSES=3"
        )
    )
    assert sorted(alone) == sorted(shared)
    assert [name for name in alone if alone[name] != shared[name]] == []
    # What the other processes' pages bring about in this one happened for all of them: the pictures
    # (responsive_images rewrites the written page) and the sitemap (pelican-sitemap lists written pages).
    for number in range(1, 9):
        assert b"<picture" in shared[f"aktuelles/2024/bild-{number}/index.html"]
        assert f"aktuelles/2024/bild-{number}/</loc>".encode() in shared["sitemap.xml"]


def test_problems_in_pages_another_process_wrote_fail_a_strict_build(tmp_path):
    write_site(tmp_path / "content")
    # An image without a text alternative: reported when its page is rewritten, for every process's pages.
    for number in range(1, 9):
        path = tmp_path / "content" / "artikel" / f"2024-06-0{number}-bild-{number}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("![Ein rotes Rechteck]", "![]"), encoding="utf-8")
    result = run_pelican(
        tmp_path / "content", "publishconf.py", tmp_path / "drei", "-e", *SHARED, "PARALLEL_WRITING_PROCESSES=3"
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert all(f"bild-{number}.md" in output for number in range(1, 9)), output[-3000:]


def test_messages_of_a_forked_process_are_logged_in_the_build_s_process():
    script = textwrap.dedent(
        f"""
        import logging, os, pickle, sys
        sys.path.insert(0, {str(ROOT / "plugins")!r})
        from parallel_writing.messages import collect_everything, report

        seen = []
        class Counting(logging.Handler):
            def emit(self, record):
                seen.append((record.levelname, record.name, record.getMessage()))
        logging.getLogger().addHandler(Counting())
        reading, writing = os.pipe()
        if os.fork() == 0:
            collector = collect_everything()
            logging.getLogger("pelican.contents").warning("Seite %s: %d Problem", "a.md", 1)
            logging.getLogger("hier").info("unter der Schwelle")
            os.write(writing, pickle.dumps(collector.records))
            os._exit(0)
        os.close(writing)
        data = b""
        while chunk := os.read(reading, 65536):
            data += chunk
        assert seen == [], "the forked process showed nothing itself"
        report(pickle.loads(data))
        print(seen)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[('WARNING', 'pelican.contents', 'Seite a.md: 1 Problem')]"


def test_a_failed_process_s_share_is_written_by_the_build_s_process(tmp_path):
    write_site(tmp_path / "content")
    alone = tree(
        build_site(
            tmp_path / "content", "pelicanconf.py", tmp_path / "eins", "-e", *SHARED, "PARALLEL_WRITING_PROCESSES=1"
        )
    )
    # The build as `pelican` runs it, except that the forked process breaks off at its first page.
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path.insert(0, {str(ROOT / "plugins")!r})
        from parallel_writing import share
        written = share.ShareOfWriter.write_file
        build_process = os.getpid()

        def failing(self, name, *args, **kwargs):
            if os.getpid() != build_process:
                raise RuntimeError("abgebrochen")
            return written(self, name, *args, **kwargs)

        share.ShareOfWriter.write_file = failing
        from pelican import main
        main(sys.argv[1:])
        """
    )
    arguments = [
        str(tmp_path / "content"),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-o",
        str(tmp_path / "zwei"),
        "-e",
        *SHARED,
        "PARALLEL_WRITING_PROCESSES=2",
    ]
    result = subprocess.run(
        [sys.executable, "-c", script, *arguments], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shared = tree(tmp_path / "zwei")
    assert sorted(alone) == sorted(shared)
    assert [name for name in alone if alone[name] != shared[name]] == []
