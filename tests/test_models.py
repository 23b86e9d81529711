"""The models' own checks (botox_explorer/models.py), each met directly: what it refuses, with its exact message.

The loader's tests (tests/content/test_loader.py) show how such a message reaches staff, with its file and record.
"""

import datetime as dt

import pytest
from pydantic import ValidationError

from botox_explorer.models import Illustration, LabelDose, Location, Source, Span, Timing

TOWN = {"id": "here", "name": {"en": "Test spa"}, "kind": {"en": "Medical spa"}, "town": "Testville",
        "county": "Test County", "state": "California", "latitude": 33.0, "longitude": -117.2}
SOURCE = {"id": "label-a", "title": "Test label", "publisher": "Test maker", "kind": "label",
          "accessed": dt.date(2026, 1, 1)}


def refusal(model, **fields) -> list[str]:
    """The messages of the model's refusal of ``fields``."""
    with pytest.raises(ValidationError) as caught:
        model(**fields)
    return [error["msg"] for error in caught.value.errors()]


def test_a_span_that_ends_before_it_starts_is_refused():
    assert refusal(Span, low=4, high=3, unit="months") == ["Value error, low (4.0) is above high (3.0)"]
    assert Span(low=3, high=3, unit="weeks").in_days() == (21, 21)  # one value: low == high


def test_a_label_dose_above_its_own_high_is_refused():
    assert refusal(LabelDose, product="testox", low=20, high=10, sources=["label-a"]) == [
        "Value error, low (20.0) is above high (10.0)"]


def test_a_timing_whose_effect_starts_after_it_peaks_is_refused():
    days, weeks = Span(low=1, high=2, unit="days"), Span(low=2, high=3, unit="weeks")
    assert refusal(Timing, onset=weeks, peak=days) == ["Value error, onset starts after peak ends"]
    assert Timing(onset=days, peak=weeks).stages[:2] == (("starts", days), ("strongest", weeks))


def test_coordinates_said_to_be_a_street_address_need_that_address():
    assert refusal(Location, **TOWN, coordinates_are="street-address") == [
        "Value error, coordinates said to be of a street address need that address"]
    address = "1 Test Road, Testville, CA 90000"
    assert Location(**TOWN, coordinates_are="street-address", address=address).address == address
    assert Location(**TOWN).address is None  # a town's center needs no address


def test_a_source_that_cannot_be_found_is_refused():
    assert refusal(Source, **SOURCE) == ["Value error, a source needs a url, a doi or a pmid"]
    assert Source(**SOURCE, pmid="123").link == "https://pubmed.ncbi.nlm.nih.gov/123/"


def test_a_caption_without_sources_is_refused():
    fields = {"id": "steps", "file": "steps.svg", "alt": {"en": "Three steps"}, "caption": {"en": "It works so."},
              "reviewed_on": dt.date(2026, 1, 1)}
    assert refusal(Illustration, **fields) == ["Value error, a caption makes a statement: give its sources"]
    assert Illustration(**fields, sources=["label-a"]).sources == ["label-a"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("phone", "call us", "is not a US number"),
    ("phone", "555-0100", "is not a US number"),
    ("address", "Somewhere in Del Mar", "needs a street number, a street and a 5-digit ZIP code"),
    ("address", "12 Main Street, Del Mar CA", "needs a street number, a street and a 5-digit ZIP code"),
])
def test_a_malformed_phone_or_address_of_a_site_is_refused(field, value, message):
    site = {"id": "here", "name": {"en": "Spa"}, "kind": {"en": "Spa"}, "town": "Del Mar", "county": "San Diego",
            "state": "CA", "latitude": 32.9, "longitude": -117.3}
    with pytest.raises(ValidationError, match=message):
        Location.model_validate({**site, field: value})
    assert Location.model_validate({**site, "phone": "+1 858-555-0100",
                                    "address": "1234 Example Road, Del Mar, CA 92014"}).phone == "+1 858-555-0100"
