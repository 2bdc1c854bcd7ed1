"""The pure schema.org helpers, with tiny inputs."""

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from structured_data.schema import breadcrumb_list, json_ld, news_article, open_graph_image_path


def test_json_ld_cannot_end_its_script_element():
    text = json_ld({"headline": "a </script><script>alert(1)</script> & b"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["headline"] == "a </script><script>alert(1)</script> & b"


def test_breadcrumb_list_starts_at_home_and_leaves_the_current_page_without_address():
    data = breadcrumb_list([("Aktuelles", "aktuelles/"), ("Eine Meldung", None)], "https://example.org", "Startseite")
    assert data["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Startseite", "item": "https://example.org/"},
        {"@type": "ListItem", "position": 2, "name": "Aktuelles", "item": "https://example.org/aktuelles/"},
        {"@type": "ListItem", "position": 3, "name": "Eine Meldung"},
    ]


def test_news_article_dates_keep_their_time_zone():
    published = datetime(2025, 3, 26, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    data = news_article(
        headline="x" * 200,
        description="d",
        url="https://example.org/a/",
        published=published,
        modified=None,
        language="de",
        image=None,
        publisher={"@type": "GovernmentOrganization", "name": "Stelle"},
    )
    assert data["datePublished"] == data["dateModified"] == "2025-03-26T10:00:00+01:00"
    assert len(data["headline"]) == 110 and "image" not in data


@pytest.mark.parametrize(
    ("image", "expected"),
    [
        ("images/foto.jpg", "images/foto-og.jpg"),
        ("images/plan.PNG", "images/plan-og.jpg"),
        ("images/logo.svg", None),
        (None, None),
    ],
)
def test_open_graph_image_path(image, expected):
    assert open_graph_image_path(image) == expected
