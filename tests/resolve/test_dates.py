"""Date expressions resolved against the publication date (FORMAT.md, "Dates")."""

from datetime import date

import pytest

from eventcoder.extract.dates import find_dates
from eventcoder.resolve.dates import resolve


def _one(text: str, published: date | None):
    found = [d for d in find_dates(text) if not d.reporting]
    assert found, text
    return resolve(found[0], published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday is the most recent such day on or before publication, the same day included
        ("Militants stormed the post on Friday.", date(2019, 3, 8), (date(2019, 3, 8), 1)),
        ("Gunmen attacked the checkpoint on Sunday.", date(2025, 1, 1), (date(2024, 12, 29), 1)),
        ("They struck late Saturday.", date(2021, 6, 14), (date(2021, 6, 12), 1)),
        ("The bomb went off yesterday.", date(2023, 6, 9), (date(2023, 6, 8), 1)),
        ("Mortars landed overnight.", date(2023, 2, 20), (date(2023, 2, 20), 1)),
        ("The strike on March 21st killed dozens.", date(2020, 4, 10), (date(2020, 3, 21), 1)),
        ("The raid on December 30 killed two.", date(2025, 1, 2), (date(2024, 12, 30), 1)),
        ("Troops attacked on the 2nd.", date(2023, 1, 6), (date(2023, 1, 2), 1)),
        ("They met on the fourth of January.", date(2023, 1, 6), (date(2023, 1, 4), 1)),
        ("Rebels surrendered last week.", date(2024, 8, 19), (date(2024, 8, 14), 2)),
        ("Clashes earlier this month killed two.", date(2022, 8, 30), (date(2022, 8, 15), 3)),
        # "two days ago" is a day; a weekend is its Saturday, precision 2 (a day within a week)
        ("Gunmen killed three villagers two days ago.", date(2024, 5, 8), (date(2024, 5, 6), 1)),
        ("Bombs hit three towns over the weekend.", date(2024, 5, 8), (date(2024, 5, 4), 2)),
        ("Bombs hit three towns over the weekend.", date(2024, 5, 5), (date(2024, 5, 4), 2)),
        ("Last weekend, 50 people were arrested.", date(2024, 5, 6), (date(2024, 5, 4), 2)),
    ],
)
def test_resolution(text, published, expected):
    assert _one(text, published) == expected


def test_no_publication_date_and_no_year_gives_null_not_a_guess():
    assert _one("Gunmen attacked on Sunday.", None) == (None, None)
    assert _one("The strike on March 21st killed dozens.", None) == (None, None)


def test_full_date_resolves_without_publication_date():
    assert _one("The strike on June 14, 2021 killed dozens.", None) == (date(2021, 6, 14), 1)


def test_reporting_dates_are_marked():
    [d] = [x for x in find_dates("the army said in a statement released on Friday") if x.kind == "weekday"]
    assert d.reporting is True
