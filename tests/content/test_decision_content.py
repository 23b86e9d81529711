"""The decision content holds together: a fact box's numbers come from its own product's sources, every use has
its options, and each part of a use cites sources of its own list. Each rule is broken once here and named."""

import pytest
from pydantic import ValidationError

from botox_explorer.models import FactBox, Outcome
from tests.helpers import append_to, problems_after, problems_of, replace_in

OTHER_PRODUCT = ("- id: prod-b\n  brand: OTHERTOX\n  generic_name: othertoxinA\n  maker: {en: M}\n  serotype: A\n"
                 "  us_status: not-approved\n  sources: [paper-b]\n  reviewed_on: 2026-01-01\n")
OTHER_LABEL = ("- id: label-b\n  title: Other label\n  publisher: Other maker\n  kind: label\n"
               "  url: https://example.org/other\n  product: prod-b\n  accessed: 2026-01-01\n")


def test_a_fact_box_citing_another_products_source_is_named(content_dir):
    append_to(content_dir, "products.yaml", OTHER_PRODUCT)
    append_to(content_dir, "sources.yaml", OTHER_LABEL)
    replace_in(content_dir, "fact_boxes.yaml", "placebo: 3, sources: [label-a]", "placebo: 3, sources: [label-b]")
    assert problems_of(content_dir) == [
        "fact_boxes.yaml, record 'lines-prod-a', field 'benefits[0].sources': cites 'label-b', which reports "
        "'prod-b': a fact box's numbers come from the trials of 'prod-a' only"]


def test_a_fact_box_citing_a_source_of_no_product_is_named(content_dir):
    problems = problems_after(content_dir, "fact_boxes.yaml", "placebo: 0, treated_people: 900, placebo_people: 300, "
                              "sources: [label-a]", "placebo: 0, treated_people: 900, placebo_people: 300, "
                              "sources: [paper-b]")
    assert problems == ["fact_boxes.yaml, record 'lines-prod-a', field 'harms[0].sources': cites 'paper-b', which "
                        "names no product: a fact box's numbers come from the trials of 'prod-a' only"]


def test_a_fact_box_for_a_product_not_approved_for_the_use_is_named(content_dir):
    append_to(content_dir, "products.yaml", OTHER_PRODUCT)
    problems = problems_after(content_dir, "fact_boxes.yaml", "product: prod-a", "product: prod-b")
    assert ("fact_boxes.yaml, record 'lines-prod-a', field 'product': gives numbers for 'prod-b', which "
            "products.yaml does not record as approved for 'lines'") in problems


def test_a_fact_box_citing_a_clinic_page_is_named(content_dir):
    replace_in(content_dir, "sources.yaml", "  kind: label\n", "  kind: clinic\n")
    assert ("fact_boxes.yaml, record 'lines-prod-a', field 'sources': cites 'label-a', a clinic source: numbers "
            "come from a label, a trial's publication, the FDA or the maker") in problems_of(content_dir)


def test_a_fact_box_of_an_unknown_use_is_named(content_dir):
    assert ("fact_boxes.yaml, record 'lines-prod-a', field 'use': names unknown use 'wrinkles'"
            in problems_after(content_dir, "fact_boxes.yaml", "use: lines", "use: wrinkles"))


def test_a_use_without_its_options_is_named(content_dir):
    problems = problems_after(content_dir, "choices.yaml", "- id: mood\n", "- id: nobody\n")
    assert problems == ["choices.yaml: has no record for the use 'mood' (its options and what happens without "
                        "treatment)", "choices.yaml, record 'nobody', field 'id': names unknown use 'nobody'"]


def test_an_unknown_alternative_is_named(content_dir):
    assert problems_after(content_dir, "choices.yaml", "alternatives: [sun-care]", "alternatives: [magic]") == [
        "choices.yaml, record 'lines', field 'alternatives': names unknown alternative 'magic'"]


def test_a_part_citing_a_source_outside_the_uses_list_is_named(content_dir):
    problems = problems_after(content_dir, "uses.yaml", "  sources: [label-a]\n  reviewed_on",
                              "  cites: {evidence: [paper-b]}\n  sources: [label-a]\n  reviewed_on")
    assert problems == ["uses.yaml, record 'lines', field 'cites.evidence': cites 'paper-b', which is not in the "
                        "use's sources"]


SHARE = {"measure": {"en": "Lines"}, "treated": 80, "placebo": 3, "sources": ["label-a"]}


@pytest.mark.parametrize(("change", "message"), [
    ({"treated": 101}, "treated (101.0) is not a number of people per 100"),
    ({"placebo": -1}, "placebo (-1.0) is not a number of people per 100"),
    ({"unit": {"en": "days"}}, "a share is counted per 100 people: it has no unit"),
    ({"kind": "mean-change"}, "a mean change needs its unit"),
    ({"treated_people": 10}, "give treated_people and placebo_people together"),
])
def test_an_outcome_that_cannot_be_read_as_its_kind_is_refused(change, message):
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Outcome.model_validate({**SHARE, **change})


def test_a_mean_change_keeps_its_sign_and_unit():
    change = Outcome.model_validate({**SHARE, "kind": "mean-change", "treated": -9.0, "placebo": -6.7,
                                     "unit": {"en": "headache days"}})
    assert (change.treated, change.placebo) == (-9.0, -6.7)


def test_a_fact_box_must_give_its_trial_size():
    box = {"id": "b", "use": "lines", "product": "prod-a", "trials": {"en": "T"}, "time_point": {"en": "Day 30"},
           "benefits": [SHARE], "sources": ["label-a"], "reviewed_on": "2026-01-01"}
    with pytest.raises(ValidationError, match="give the trial size"):
        FactBox.model_validate({**box, "treated": 400})
    assert FactBox.model_validate({**box, "enrolled": 530}).enrolled == 530
