"""The profile chart is static SVG: the same image goes into the page and the PDF."""

import base64
import re
from xml.etree import ElementTree

from hiring.reports.charts import (
    DISAGREEMENT_COLOUR,
    GROUP_COLOURS,
    Bar,
    mini_profile_image,
    mini_profile_svg,
    profile_image,
    profile_svg,
)

BARS = [
    Bar("T1", "natural_traits", "Humour <kind>", 4.5, low=4.0, high=5.0),
    Bar("T2", "natural_traits", "Adapts", None),
    Bar("C1", "cx_beliefs", "Customers first", 2.0, low=1.0, high=3.0, disagreement=True),
    Bar("B1", "basic_beliefs", "Honesty", 3.0),
]
SVG = "{http://www.w3.org/2000/svg}"


def columns(svg: str) -> dict[str, int]:
    """How many columns each fill colour draws: one closed subpath per column."""
    root = ElementTree.fromstring(svg)
    return {p.get("fill", ""): p.get("d", "").count("z") for p in root.iter(f"{SVG}path")}


def whiskers(svg: str) -> dict[str, int]:
    """How many whiskers each stroke colour draws: one vertical segment per whisker."""
    root = ElementTree.fromstring(svg)
    return {
        p.get("stroke", ""): p.get("d", "").count("V")
        for p in root.iter(f"{SVG}path")
        if p.get("stroke-width") == "1.6"
    }


def decoded(img: str) -> str:
    found = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', img)
    assert found, img
    return base64.b64decode(found.group(1)).decode()


def test_it_draws_well_formed_svg_without_script():
    svg = profile_svg(BARS)
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert "script" not in svg.lower()
    assert "Humour &lt;kind&gt;" in svg


def test_it_draws_one_column_per_scored_dimension_and_a_dash_for_the_rest():
    svg = profile_svg(BARS)
    drawn = columns(svg)
    assert drawn[GROUP_COLOURS["natural_traits"]] == 1
    assert drawn[GROUP_COLOURS["cx_beliefs"]] == 1
    assert drawn[GROUP_COLOURS["basic_beliefs"]] == 1
    assert ">–</text>" in svg
    for code in ["T1", "T2", "C1", "B1"]:
        assert f">{code}</text>" in svg


def test_it_labels_each_list_of_dimensions():
    svg = profile_svg(BARS)
    assert "Natural traits" in svg and "Customer-experience beliefs" in svg
    assert "Basic beliefs" in svg


def test_it_marks_interviewer_disagreement_on_the_whisker():
    assert whiskers(profile_svg(BARS)) == {"#222222": 1, DISAGREEMENT_COLOUR: 1}


def test_it_draws_one_element_per_colour_not_one_per_column():
    many = [Bar(f"T{n}", "natural_traits", "Trait", 3.0, low=2.0, high=4.0) for n in range(15)]
    root = ElementTree.fromstring(profile_svg(many))
    assert columns(profile_svg(many))[GROUP_COLOURS["natural_traits"]] == 15
    assert len(list(root.iter(f"{SVG}path"))) == 4  # gridlines, axis, columns, whiskers


def test_it_says_every_score_in_words():
    svg = profile_svg(BARS)
    assert "T1 Humour &lt;kind&gt; 4.50" in svg and "T2 Adapts not scored" in svg


def test_it_is_deterministic():
    assert profile_svg(BARS) == profile_svg(list(BARS))


def test_it_embeds_the_chart_as_an_image_of_the_same_svg():
    img = profile_image(BARS)
    assert img.startswith('<img class="profile-chart"')
    assert decoded(img) == profile_svg(BARS)
    assert 'alt="Mean score per dimension, 1 to 5: T1 Humour &lt;kind&gt; 4.50' in img


def test_it_draws_a_small_profile_for_the_comparison():
    svg = mini_profile_svg(BARS)
    assert sum(columns(svg).values()) == 3
    assert "<text" not in svg
    img = mini_profile_image(BARS)
    assert img.startswith('<img class="mini-profile"') and decoded(img) == svg
