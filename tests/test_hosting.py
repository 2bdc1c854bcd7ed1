"""deploy/nginx.conf and deploy/apache.conf with the real servers (Debian packages) on a publish build.

Each server runs from a copy of the published site on 127.0.0.1 with exactly the shipped file
(only port and folder replaced); the tests fetch pages and assets with urllib and open pages
through nginx in Chromium.
"""

import contextlib
import gzip
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, read_html
from content_index import content_items

DEPLOY = ROOT / "deploy"
HEADER_ONLY_DIRECTIVES = "; frame-ancestors 'none'"
# Files the build does not write yet, which the servers must still type right, and a page without
# the <meta> policy and with an inline script: only the header can block that script.
EXTRA_FILES = {
    "hosting-test/termine.ics": b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    "hosting-test/kontakt.vcf": "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Geschäftsstelle\r\nEND:VCARD\r\n".encode(),
    "hosting-test/leer.wasm": b"\x00asm\x01\x00\x00\x00",
    "hosting-test/ohne-meta.html": (
        b'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>vorher</title></head>'
        b'<body><script>document.title = "nachher";</script></body></html>'
    ),
}
ARTICLE = next(
    item
    for item in content_items()
    if item.kind == "article" and item.status == "published" and "image" in item.metadata
)
MISSING = "aktuelles/gibt-es-nicht/"
# Pagefind names its index files after a hash of their content; a changed index gets new names.
HASHED = re.compile(r"^pagefind/(?:(?:fragment|index|filter)/[^/]+|pagefind\.[^/]+)_[0-9a-f]{7,}\.pf_[a-z]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
START_TIMEOUT = 10.0

# Records Content Security Policy violations from the first moment of every page.
RECORD_CSP_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def replace_once(pattern: str, replacement: str, text: str, count: int = 1) -> str:
    """Replace `pattern` (a regex, multi-line) and insist it matched `count` times: the shipped file kept its shape."""
    result, found = re.subn(pattern, replacement, text, flags=re.MULTILINE)
    assert found == count, f"{pattern!r} found {found} times in the shipped configuration"
    return result


@contextlib.contextmanager
def running(command: list[str], port: int, log: Path):
    """Run a server in the foreground as a subprocess until it accepts connections; stop it afterwards."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                details = log.read_text(errors="replace") if log.exists() else ""
                pytest.fail(f"{command[0]} stopped: {process.stderr.read()}{details}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            assert time.monotonic() < deadline, f"{command[0]} did not listen on port {port}"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


@contextlib.contextmanager
def nginx(site: Path, work: Path):
    """nginx with deploy/nginx.conf inside a minimal main configuration whose files live in `work`."""
    port = free_port()
    server = (DEPLOY / "nginx.conf").read_text(encoding="utf-8")
    server = replace_once(r"^(\s*)listen 80;$", rf"\g<1>listen 127.0.0.1:{port};", server)
    server = replace_once(r"^(\s*)root /srv/vielfalt/output;$", rf"\g<1>root {site};", server)
    (work / "site.conf").write_text(server, encoding="utf-8")
    temp = {name: work / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    (work / "nginx.conf").write_text(
        f"""
pid {work}/nginx.pid;
error_log {work}/error.log warn;
worker_processes 1;
events {{ worker_connections 64; }}
http {{
    access_log off;
    {"".join(f"{name}_temp_path {path}; " for name, path in temp.items())}
    include {work}/site.conf;
}}
""",
        encoding="utf-8",
    )
    check = subprocess.run(
        ["/usr/sbin/nginx", "-t", "-q", "-e", str(work / "error.log"), "-c", str(work / "nginx.conf")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0 and check.stderr == "", check.stderr
    command = ["/usr/sbin/nginx", "-e", str(work / "error.log"), "-c", str(work / "nginx.conf"), "-g", "daemon off;"]
    with running(command, port, work / "error.log") as address:
        yield address


APACHE_MODULES = ["mpm_prefork", "authz_core", "mime", "headers", "filter", "deflate", "dir"]


@contextlib.contextmanager
def apache(site: Path, work: Path):
    """Apache with deploy/apache.conf in a minimal main configuration loading only the modules the file needs."""
    port = free_port()
    vhost = (DEPLOY / "apache.conf").read_text(encoding="utf-8")
    vhost = replace_once(r"^<VirtualHost \*:80>$", f"<VirtualHost 127.0.0.1:{port}>", vhost)
    vhost = replace_once(r"/srv/vielfalt/output", str(site), vhost, count=2)
    (work / "site.conf").write_text(vhost, encoding="utf-8")
    modules = "\n".join(f"LoadModule {name}_module /usr/lib/apache2/modules/mod_{name}.so" for name in APACHE_MODULES)
    # As root Apache switches to an unprivileged user; the site copy is readable for everyone.
    user = "User nobody\nGroup nogroup" if os.geteuid() == 0 else ""
    (work / "apache2.conf").write_text(
        f"""
ServerRoot {work}
ServerName 127.0.0.1
PidFile {work}/apache2.pid
ErrorLog {work}/error.log
Mutex file:{work} default
Listen 127.0.0.1:{port}
{user}
{modules}
TypesConfig /etc/mime.types
Include {work}/site.conf
""",
        encoding="utf-8",
    )
    command = ["/usr/sbin/apache2", "-f", str(work / "apache2.conf")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    with running([*command, "-X"], port, work / "error.log") as address:
        yield address


@pytest.fixture(scope="module")
def site(published_site):
    """A copy of the publish build plus EXTRA_FILES, in a folder every user may read (started as root, both servers serve as nobody)."""
    folder = Path(tempfile.mkdtemp(prefix="hosting-"))
    try:
        folder.chmod(0o755)
        shutil.copytree(published_site, folder / "output")
        (folder / "output").chmod(0o755)  # copied from tmp_path, which only its owner may open
        for name, data in EXTRA_FILES.items():
            (folder / "output" / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / "output" / name).write_bytes(data)
        yield folder / "output"
    finally:
        shutil.rmtree(folder)


@pytest.fixture(scope="module", params=["nginx", "apache"])
def server(request, site, tmp_path_factory):
    """The base address of one of the two servers, running with its shipped configuration."""
    start = nginx if request.param == "nginx" else apache
    with start(site, tmp_path_factory.mktemp(request.param)) as address:
        yield address


@pytest.fixture(scope="module")
def nginx_server(site, tmp_path_factory):
    with nginx(site, tmp_path_factory.mktemp("nginx-browser")) as address:
        yield address


def fetch(url: str, **headers):
    """(status, headers, body) of a GET; error statuses are answers too."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def built_file(site: Path, address: str) -> Path:
    """The file of the build a server answers `address` with."""
    return site / address / "index.html" if address.endswith("/") or not address else site / address


def meta_policy(site: Path) -> str:
    return read_html(site / "index.html").find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def samples(site: Path) -> dict[str, str]:
    """One address of each kind of file the site serves."""
    first = {suffix: next(site.glob(f"images/*{suffix}")).relative_to(site).as_posix() for suffix in (".avif", ".webp")}
    return {
        "home": "",
        "article": ARTICLE.url,
        "search page": "suche/",
        "style sheet": "theme/css/site.css",
        "script": "theme/js/suche.js",
        "avif": first[".avif"],
        "webp": first[".webp"],
        "feed": "feeds/alle.atom.xml",
        "manifest": "theme/manifest.webmanifest",
        "pagefind fragment": next(site.glob("pagefind/fragment/*.pf_fragment")).relative_to(site).as_posix(),
        "pagefind index": next(site.glob("pagefind/index/*.pf_index")).relative_to(site).as_posix(),
        "pagefind meta": next(site.glob("pagefind/*.pf_meta")).relative_to(site).as_posix(),
        "pagefind wasm": next(site.glob("pagefind/wasm.*.pagefind")).relative_to(site).as_posix(),
        "video": next(site.glob("videos/*.mp4")).relative_to(site).as_posix(),
        "captions": next(site.glob("videos/*.vtt")).relative_to(site).as_posix(),
        "calendar": "hosting-test/termine.ics",
        "vcard": "hosting-test/kontakt.vcf",
        "wasm": "hosting-test/leer.wasm",
        "missing": MISSING,
    }


EXPECTED_TYPES = {
    "home": {"text/html; charset=utf-8"},
    "article": {"text/html; charset=utf-8"},
    "search page": {"text/html; charset=utf-8"},
    "style sheet": {"text/css; charset=utf-8"},
    "script": {"application/javascript; charset=utf-8", "text/javascript; charset=utf-8"},
    "avif": {"image/avif"},
    "webp": {"image/webp"},
    # Served as XML by its last extension, as GitHub Pages does; browsers show it instead of downloading it.
    "feed": {"application/xml; charset=utf-8", "text/xml; charset=utf-8"},
    "manifest": {"application/manifest+json; charset=utf-8"},
    "pagefind fragment": {"application/octet-stream"},
    "pagefind index": {"application/octet-stream"},
    "pagefind meta": {"application/octet-stream"},
    "pagefind wasm": {"application/octet-stream"},
    "video": {"video/mp4"},
    "captions": {"text/vtt; charset=utf-8"},
    "calendar": {"text/calendar; charset=utf-8"},
    "vcard": {"text/vcard; charset=utf-8"},
    "wasm": {"application/wasm"},
    "missing": {"text/html; charset=utf-8"},
}


def test_both_files_send_the_policy_of_the_meta_tag_plus_frame_ancestors(site):
    from publishconf import SITE_CONTENT_SECURITY_POLICY

    assert meta_policy(site) == SITE_CONTENT_SECURITY_POLICY
    assert "'wasm-unsafe-eval'" in SITE_CONTENT_SECURITY_POLICY
    header = f'"{SITE_CONTENT_SECURITY_POLICY}{HEADER_ONLY_DIRECTIVES}"'
    assert f"add_header Content-Security-Policy {header} always;" in (DEPLOY / "nginx.conf").read_text()
    assert f"Header always set Content-Security-Policy {header}" in (DEPLOY / "apache.conf").read_text()


def test_every_answer_carries_the_security_headers(server, site):
    policy = meta_policy(site) + HEADER_ONLY_DIRECTIVES
    for name, address in samples(site).items():
        status, headers, _ = fetch(server + address)
        assert status == (404 if name == "missing" else 200), name
        assert headers.get_all("Content-Security-Policy") == [policy], name
        assert headers.get_all("Strict-Transport-Security") == ["max-age=31536000"], name
        assert headers.get_all("Referrer-Policy") == ["no-referrer"], name
        assert headers.get_all("X-Content-Type-Options") == ["nosniff"], name
        (permissions,) = headers.get_all("Permissions-Policy")
        for feature in ("camera", "microphone", "geolocation", "browsing-topics", "interest-cohort"):
            assert f"{feature}=()" in permissions.split(", "), (name, feature)
        assert headers["Server"] in ("nginx", "Apache"), "no version number"


def test_videos_are_served_in_ranges(server, site):
    """Players seek in a video by asking for a byte range; both servers answer with just those bytes."""
    video = samples(site)["video"]
    status, headers, body = fetch(server + video, Range="bytes=100-199")
    assert (status, headers["Content-Range"], len(body)) == (206, f"bytes 100-199/{(site / video).stat().st_size}", 100)
    assert body == (site / video).read_bytes()[100:200]


def test_pages_ask_for_the_same_referrer_policy_as_the_header(site):
    """A <meta name="referrer"> overrides the header, so it must not be weaker than `no-referrer`."""
    assert read_html(site / "index.html").find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


def test_every_kind_of_file_has_its_mime_type(server, site):
    types = {name: fetch(server + address)[1]["Content-Type"] for name, address in samples(site).items()}
    assert {name: value for name, value in types.items() if value not in EXPECTED_TYPES[name]} == {}


def test_only_files_named_by_content_hash_are_cached_for_a_year(server, site):
    files = [path.relative_to(site).as_posix() for path in sorted((site / "pagefind").rglob("*")) if path.is_file()]
    hashed = [name for name in files if HASHED.match(name)]
    assert len(hashed) >= 10 and any(name.endswith(".pf_meta") for name in hashed)
    unhashed = [name for name in files if name not in hashed]
    assert "pagefind/pagefind.js" in unhashed and "pagefind/pagefind-entry.json" in unhashed
    for name in hashed:
        assert fetch(server + name)[1].get_all("Cache-Control") == [IMMUTABLE], name
    for name in [*unhashed, *samples(site).values()]:
        if not HASHED.match(name):
            assert fetch(server + name)[1].get_all("Cache-Control") == [REVALIDATE], name


def test_a_page_revalidates_cheaply(server):
    """Revalidating an unchanged page (its Cache-Control is no-cache) costs one 304 answer, compressed or not."""
    for encoding in ("gzip", "identity"):
        status, headers, _ = fetch(server, **{"Accept-Encoding": encoding})
        assert status == 200
        validators = {"If-Modified-Since": headers["Last-Modified"]}
        if headers["ETag"]:
            validators["If-None-Match"] = headers["ETag"]
        assert fetch(server, **{"Accept-Encoding": encoding}, **validators)[0] == 304, encoding


def test_text_is_compressed_and_images_are_not(server, site):
    addresses = samples(site)
    for name in ("home", "style sheet", "script", "feed"):
        status, headers, body = fetch(server + addresses[name], **{"Accept-Encoding": "gzip"})
        assert headers["Content-Encoding"] == "gzip", name
        assert "Accept-Encoding" in headers["Vary"], name
        assert gzip.decompress(body) == built_file(site, addresses[name]).read_bytes(), name
    for name in ("avif", "webp", "pagefind fragment"):
        assert fetch(server + addresses[name], **{"Accept-Encoding": "gzip"})[1]["Content-Encoding"] is None, name


def test_unknown_addresses_get_our_404_page(server, site):
    for address in (MISSING, "gibt-es-nicht.html", "images/gibt-es-nicht.avif"):
        status, headers, body = fetch(server + address, **{"Accept-Encoding": "identity"})
        assert status == 404, address
        assert body == (site / "404.html").read_bytes(), address
        assert headers.get_all("Cache-Control") == [REVALIDATE]
    assert "Seite nicht gefunden" in read_html(site / "404.html").title.string


def watched_page(browser):
    """A fresh page recording requests, failed answers, CSP violations and CSP console messages."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = context.new_page()
    page.requests, page.failures, page.csp_messages = [], [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("response", lambda response: response.status >= 400 and page.failures.append(response.url))
    page.on("requestfailed", lambda request: page.failures.append(request.url))
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and page.csp_messages.append(message.text),
    )
    return page


def test_pages_and_search_load_through_nginx_without_csp_violation(browser, nginx_server):
    for address in ("", ARTICLE.url, "suche/?q=Trommelensembles", MISSING):
        page = watched_page(browser)
        response = page.goto(nginx_server + address, wait_until="load")
        assert response.headers["content-security-policy"].endswith(HEADER_ONLY_DIRECTIVES)
        if address.startswith("suche/"):
            page.wait_for_selector(".pagefind-ui__result-link")  # the search really ran (WebAssembly included)
        assert nginx_server + "theme/css/site.css" in page.requests, address  # styled, the 404 page too
        assert [url for url in page.requests if not url.startswith(nginx_server)] == [], address
        assert page.failures == ([nginx_server + MISSING] if address == MISSING else []), address
        assert page.evaluate("window.cspViolations") == [], address
        assert page.csp_messages == [], address
        page.context.close()


def test_the_header_policy_is_enforced_on_its_own(browser, nginx_server):
    """A page without the <meta> tag: the header alone blocks its inline script, and the listener sees it."""
    page = watched_page(browser)
    page.goto(nginx_server + "hosting-test/ohne-meta.html", wait_until="load")
    assert page.title() == "vorher"
    assert page.evaluate("window.cspViolations") == ["script-src-elem inline"]
    page.context.close()
