"""Pure HTML work: turn <img> elements into <picture> with AVIF/WebP sources, sizes and credits."""

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

from .images import MIME_TYPES, ImageInfo, plan_widths, scaled_height, variant_name

DECORATIVE_ALT = "dekorativ"  # what authors write as alt text for a purely decorative image


@dataclass(frozen=True)
class Slot:
    """Where an image sits on the page: how wide it is shown and whether it loads at once."""

    sizes: str
    lazy: bool
    card: bool = False  # cut to 16:9 around the item's focal point


SLOTS = {
    "lead-image__img": Slot("(min-width: 48rem) 44rem, 100vw", lazy=False),
    "auch-interessant__image": Slot("(min-width: 64rem) 20rem, (min-width: 40rem) 45vw, 100vw", lazy=True, card=True),
}
# Images the theme places carry one of these classes; any other <img> comes from the text.
THEME_IMAGE_CLASSES = frozenset(SLOTS)
CONTENT_SLOT = Slot("(min-width: 48rem) 44rem, 100vw", lazy=True)


def slot_for(img: Tag) -> Slot:
    for css_class in img.get("class") or []:
        if css_class in SLOTS:
            return SLOTS[css_class]
    return CONTENT_SLOT


def srcset(folder_url: str, stem: str, widths: list[int], image_format: str) -> str:
    return ", ".join(f"{folder_url}{variant_name(stem, w, image_format)} {w}w" for w in widths)


def picture_for(soup: BeautifulSoup, img: Tag, folder_url: str, stem: str, info: ImageInfo, widths, formats) -> Tag:
    """A <picture> replacing `img`: one <source> per modern format, the fallback in <img>."""
    offered = plan_widths(info.width, widths)
    slot = slot_for(img)
    picture = soup.new_tag("picture")
    for image_format in formats:
        picture.append(
            soup.new_tag(
                "source",
                attrs={
                    "type": MIME_TYPES[image_format],
                    "srcset": srcset(folder_url, stem, offered, image_format),
                    "sizes": slot.sizes,
                },
            )
        )
    largest = offered[-1]
    default_width = max([w for w in offered if w <= 960] or [offered[0]])
    img["src"] = f"{folder_url}{variant_name(stem, default_width, info.fallback)}"
    img["srcset"] = srcset(folder_url, stem, offered, info.fallback)
    img["sizes"] = slot.sizes
    img["width"] = str(largest)
    img["height"] = str(scaled_height(info, largest))
    img["decoding"] = "async"
    if slot.lazy:
        img["loading"] = "lazy"
    else:
        img.attrs.pop("loading", None)
        img["fetchpriority"] = "high"
    img.replace_with(picture)
    picture.append(img)
    return picture


def figure_for_content_image(soup: BeautifulSoup, picture: Tag, credit: str | None, label: str) -> None:
    """An image alone in its paragraph becomes a <figure> with the credit as <figcaption>."""
    paragraph = picture.parent
    if paragraph is None or paragraph.name != "p" or paragraph.get_text(strip=True):
        return
    figure = soup.new_tag("figure", attrs={"class": "content-image"})
    paragraph.replace_with(figure)
    figure.append(picture)
    if credit:
        caption = soup.new_tag("figcaption", attrs={"class": "content-image__credit"})
        caption.string = f"{label} {credit}"
        figure.append(caption)


def content_image_problems(img: Tag) -> list[str]:
    """What a Markdown image in the text lacks: alt text and the credit in its title."""
    problems = []
    alt = (img.get("alt") or "").strip()
    if not alt:
        problems.append(
            "hat keinen Alternativtext. Schreiben Sie in die eckigen Klammern, was zu sehen ist, "
            f'oder „{DECORATIVE_ALT}“ für ein rein schmückendes Bild: ![Text](bild.jpg "Foto: Quelle")'
        )
    if not (img.get("title") or "").strip():
        problems.append(
            'hat keine Bildquelle. Schreiben Sie sie in Anführungszeichen dahinter: ![Text](bild.jpg "Foto: Quelle")'
        )
    return problems
