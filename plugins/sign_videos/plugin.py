"""Pelican glue: each `[[video: name]]` line of an article or page becomes the `sign_video` component (player,
captions, download with size and duration, transcript); a missing or broken video is a German problem with its
line; templates get `sign_video_file(name)`."""

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import pass_context
from pelican import signals
from pelican.contents import Article, Page

from common.settings import setting

from .files import VideoFile, VideoProblem, read_video
from .placeholders import replace_placeholders, source_placeholders, valid_name
from .present import VideoView, video_view

DEFAULTS = {
    "SIGN_VIDEOS_FOLDER": "videos",
    "SIGN_VIDEOS_LANG": "de",
    "SIGN_VIDEOS_COMPONENT": "components/sign_video.html",
}
# Where one build keeps what it has read (Pelican's context lives as long as the build, nothing longer).
STATE_KEY = "sign_videos_state"
# Links inside a text: Pelican resolves "{static}/videos/x.mp4" relative to each page, as for written links.
CONTENT_BASE = "{static}/"
RENDER = "{% from component import sign_video with context %}{{ sign_video(video, base, id) }}"


@dataclass
class BuildState:
    """One build's settings, its template environment and each video read once."""

    settings: dict
    env: object = None  # the generators' Jinja environment (the component and the theme's globals)
    files: dict = field(default_factory=dict)  # name → VideoFile | VideoProblem

    def setting(self, name: str):
        return setting(self.settings, name, DEFAULTS)

    def file(self, name: str) -> VideoFile | VideoProblem:
        if name not in self.files:
            self.files[name] = read_video(Path(self.settings["PATH"]), self.setting("SIGN_VIDEOS_FOLDER"), name)
        return self.files[name]

    def view(self, file: VideoFile, page_lang: str) -> VideoView:
        languages = self.settings.get("SITE_LANGUAGES") or {}
        default = languages.get(self.settings["DEFAULT_LANG"], {})
        locale = languages.get(page_lang, default).get("locale", self.settings["DEFAULT_LANG"])
        lang = self.setting("SIGN_VIDEOS_LANG")
        return video_view(file, locale, lang, languages.get(lang, {}).get("name", lang))


def state_of(context: dict, settings: dict) -> BuildState:
    """This build's state, made on first use."""
    if STATE_KEY not in context:
        context[STATE_KEY] = BuildState(settings)
    return context[STATE_KEY]


def add_template_helpers(generator) -> None:
    """Keep the Jinja environment for texts and register `sign_video_file(name)` (None if it cannot be shown)."""
    state = state_of(generator.context, generator.settings)
    if state.env is None:
        state.env = generator.env

    @pass_context
    def sign_video_file(context, name: str) -> VideoView | None:
        lang = context.call(context.resolve("current_lang")) if "current_lang" in context else None
        file = state.file(str(name)) if valid_name(str(name)) else None
        return state.view(file, lang or state.settings["DEFAULT_LANG"]) if isinstance(file, VideoFile) else None

    generator.env.globals.update(sign_video_file=sign_video_file)


def problems_of(state: BuildState, placeholders, stray: list[int]) -> list[tuple[int, str, str]]:
    """(line, what, fix) for each placeholder that names no usable video and each one not on a line of its own."""
    problems = []
    for placeholder in placeholders:
        if not valid_name(placeholder.name):
            problems.append(
                (
                    placeholder.line,
                    f"„[[video: {placeholder.name}]]“ nennt keinen gültigen Videonamen",
                    "Schreiben Sie den Dateinamen des Videos ohne „.mp4“, nur mit Kleinbuchstaben, Ziffern und "
                    "Bindestrichen, z. B. [[video: ueber-diese-seite]]",
                )
            )
        elif isinstance(problem := state.file(placeholder.name), VideoProblem):
            problems.append((placeholder.line, problem.what, problem.fix))
    for line in stray:
        problems.append(
            (
                line,
                "Der Video-Platzhalter steht nicht allein in seiner Zeile und wird als Text gezeigt",
                "Schreiben Sie [[video: name]] in eine eigene Zeile, mit einer Leerzeile davor und danach",
            )
        )
    return problems


def embed_videos(instance) -> None:
    """Replace the article's or page's video lines by the component; report what cannot be shown."""
    if not isinstance(instance, Article | Page) or "[[" not in (getattr(instance, "_content", None) or ""):
        return
    context = getattr(instance, "_context", None)
    if context is None:
        return
    state = state_of(context, instance.settings)
    try:
        source = Path(instance.source_path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        source = ""
    placeholders, stray = source_placeholders(source)
    problems = problems_of(state, placeholders, stray)
    if problems:
        # The "field" is the line itself: content_checks reports the problem with the file at that line.
        instance.field_problems = [*(getattr(instance, "field_problems", None) or []), *problems]
    if state.env is None:
        return
    page_lang = getattr(instance, "lang", None) or instance.settings["DEFAULT_LANG"]
    template = state.env.from_string(RENDER)
    seen: dict[str, int] = {}

    def render(name: str, index: int) -> str | None:
        file = state.file(name) if valid_name(name) else None
        if not isinstance(file, VideoFile):
            return None  # the paragraph stays, the problem above names it
        seen[name] = seen.get(name, 0) + 1
        element_id = f"video-{name}" + (f"-{seen[name]}" if seen[name] > 1 else "")
        return template.render(
            component=state.setting("SIGN_VIDEOS_COMPONENT"),
            video=state.view(file, page_lang),
            base=CONTENT_BASE,
            id=element_id,
            page=instance,
        )

    instance._content = replace_placeholders(instance._content, render)


def register():
    """Connect the signals."""
    signals.generator_init.connect(add_template_helpers)
    signals.content_object_init.connect(embed_videos)
