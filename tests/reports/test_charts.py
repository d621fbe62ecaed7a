"""The profile chart is static SVG: the same string goes into the page and the PDF."""

from xml.etree import ElementTree

from hiring.reports.charts import Bar, mini_profile_svg, profile_svg

BARS = [
    Bar("T1", "natural_traits", "Humour <kind>", 4.5, low=4.0, high=5.0),
    Bar("T2", "natural_traits", "Adapts", None),
    Bar("C1", "cx_beliefs", "Customers first", 2.0, low=1.0, high=3.0, disagreement=True),
    Bar("B1", "basic_beliefs", "Honesty", 3.0),
]


def test_it_draws_well_formed_svg_without_script():
    svg = profile_svg(BARS)
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "script" not in svg.lower()
    assert "Humour &lt;kind&gt;" in svg


def test_it_draws_one_column_per_scored_dimension_and_a_dash_for_the_rest():
    svg = profile_svg(BARS)
    assert svg.count("<rect") == 3
    assert ">–</text>" in svg
    for code in ["T1", "T2", "C1", "B1"]:
        assert f">{code}</text>" in svg


def test_it_labels_each_list_of_dimensions():
    svg = profile_svg(BARS)
    assert "Natural traits" in svg and "Customer-experience beliefs" in svg
    assert "Basic beliefs" in svg


def test_it_marks_interviewer_disagreement_on_the_whisker():
    svg = profile_svg(BARS)
    assert svg.count('stroke-width="1.6"') == 2
    assert "#c0392b" in svg


def test_it_is_deterministic():
    assert profile_svg(BARS) == profile_svg(list(BARS))


def test_it_draws_a_small_profile_for_the_comparison():
    svg = mini_profile_svg(BARS)
    ElementTree.fromstring(svg)
    assert svg.count("<rect") == 3
    assert "<text" not in svg
