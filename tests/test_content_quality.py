"""The real content in data/: sourced, authoritative, true to the checked reference facts; and what the clinic has
not set in data/clinic.yaml is shown nowhere, while what it sets is."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from botox_explorer.content import DATA_DIR, load_content
from botox_explorer.content.crosscheck import citations
from botox_explorer.guide.build import build_site
from botox_explorer.guide.site import SiteOptions
from botox_explorer.i18n import t
from botox_explorer.models import AUTHORITATIVE_SOURCE_KINDS
from botox_explorer.presenting import location_details
from botox_explorer.routes import TOPIC_FILES, language_file
from tests.guide.helpers import Page, pages_of, text_of
from tests.helpers import append_to

FACTS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "facts.yaml"

# use id -> the reference record that dates its first US approval
APPROVAL_FACTS = {
    "strabismus": "onab-001", "blepharospasm": "onab-001", "cervical-dystonia": "onab-002",
    "frown-lines": "onab-003", "underarm-sweating": "onab-004", "upper-limb-spasticity": "onab-005",
    "chronic-migraine": "onab-006", "neurogenic-bladder": "onab-007", "overactive-bladder": "onab-008",
    "crows-feet": "onab-009", "lower-limb-spasticity": "onab-010", "forehead-lines": "onab-011",
    "platysma-bands": "onab-015",
}
REQUIRED_USES = {
    *APPROVAL_FACTS, "jaw-slimming", "gummy-smile", "palm-sole-sweating", "bruxism-jaw-pain", "writers-cramp",
    "anal-fissure", "achalasia", "raynauds", "drooling", "episodic-migraine", "depression", "appearance-wellbeing",
    "plantar-fasciitis",  # the clinic's article says the treatment helps "painful feet"
}


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture(scope="module")
def facts() -> dict[str, dict]:
    if not FACTS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"reference facts missing at {FACTS}")
        pytest.skip("shared reference facts not beside the checkout")
    return {record["id"]: record for record in yaml.safe_load(FACTS.read_text(encoding="utf-8"))}


def first_year(text: str) -> int:
    return int(re.search(r"\b(1[89]\d\d|20\d\d)\b", text).group(1))


def test_coverage_floor(content):
    assert set(content.uses) >= REQUIRED_USES
    assert {u.category for u in content.uses.values()} == {"cosmetic", "medical", "psychological"}


def test_approval_years_match_the_verified_reference(content, facts):
    for use_id, fact_id in APPROVAL_FACTS.items():
        fact = facts[fact_id]
        assert fact["confidence"] == "verified"
        expected = first_year(str(fact["values"]["approval_date"]))
        assert content.uses[use_id].status.kind == "approved", use_id
        first = content.first_us_approval(use_id).approval.year
        assert first == expected, f"{use_id}: {first} != {expected}"


def test_psychological_uses_are_research_not_approved(content):
    for use in content.uses.values():
        if use.category == "psychological":
            assert use.status.kind == "investigational", use.id


SPECIALISTS = re.compile(
    r"\b(neurologist|urologist|urogynecologist|psychiatrist|psychologist|ophthalmologist|dermatologist|"
    r"physiatrist|rehabilitation physician|dentist|orofacial-pain specialist|surgeon|gastroenterologist|"
    r"rheumatologist|ENT|podiatrist|foot and ankle)\b"
)


def test_medical_and_psychological_uses_name_a_specialist(content):
    """Not only that ``treated_by`` is set (the model checks that) but that it names who treats it."""
    for use in content.uses.values():
        if use.category != "cosmetic":
            assert SPECIALISTS.search(use.treated_by["en"]), f"{use.id}: no specialist named"


# Records whose only sources are secondary, and why that is accepted (the content review lists them too).
SECONDARY_ONLY = {
    ("history.yaml", "toxin-purified-1920s"): "history, from a dermatology journal's history feature",
    ("history.yaml", "crystalline-toxin-1946"): "history, from a dermatology journal's history feature",
    ("history.yaml", "carruthers-cosmetic-observation"): "history, from the BMJ's obituary of Alastair Carruthers",
    ("safety.yaml", "no-rubbing"): "aftercare advice, from Mayo Clinic's patient page",
    # Another option named, with its status in plain words, from a clinical reference (none is endorsed)
    ("alternatives.yaml", "eyeglasses"): "an option for a squint, from BMJ Best Practice",
    ("alternatives.yaml", "dystonia-surgery"): "an option for dystonia, from the MSD Manual and Medscape",
    ("alternatives.yaml", "steroid-injection-heel"): "an option for heel pain, from Mayo Clinic's patient page",
    ("alternatives.yaml", "shock-wave-therapy"): "an option for heel pain, from Mayo Clinic's patient page",
    ("alternatives.yaml", "foot-self-care"): "an option for heel pain, from Mayo Clinic's patient page",
    ("alternatives.yaml", "neck-lift-surgery"): "an option for neck bands, from StatPearls (NCBI Bookshelf)",
}


def test_every_statement_cites_a_primary_source(content):
    """A label, regulator, paper or society behind each record (approval dates may add a company release)."""
    sources_of: dict[tuple[str, str], set[str]] = {}
    for file, record, _, source_id in citations(content):
        sources_of.setdefault((file, record), set()).add(source_id)
    secondary_only = {place for place, ids in sources_of.items()
                      if not any(content.sources[s].kind in AUTHORITATIVE_SOURCE_KINDS for s in ids)}
    assert secondary_only == set(SECONDARY_ONLY)


def test_most_cited_sources_are_authoritative(content):
    """At least 70% primary. FDA publishes no release for most label changes, so approval dates often come from
    company releases and trade press, each cited beside the label that confirms the approval."""
    cited = {source_id for *_, source_id in citations(content)}
    authoritative = [s for s in cited if content.sources[s].kind in AUTHORITATIVE_SOURCE_KINDS]
    share = len(authoritative) / len(cited)
    assert share >= 0.7, f"only {share:.0%} of cited sources are labels, regulators, papers or societies"


# Figures read after the reference facts were written, each in the source its point cites.
READ_AFTER_THE_FACTS = {
    ("asps", 2024): "audit-2026-11 #8: ASPS 2024 report, read in Plastic Surgery Practice's report of it",
}


def test_statistics_come_from_verified_reference_records(content, facts):
    verified_text = " ".join(
        yaml.safe_dump(r) for r in facts.values() if r["id"].startswith("stat") and r["confidence"] == "verified"
    )
    for series in content.statistics.series:
        for point in series.points:
            if (series.id, point.year) in READ_AFTER_THE_FACTS:
                continue
            exact = f"{point.count:,}"
            millions = f"{point.count / 1e6:g} million"
            thousands = f"{point.count // 1000:,},000"
            assert any(form in verified_text for form in (exact, millions, thousands)), (series.id, point.year)


PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")
PRICE = re.compile(r"\$\s?\d")


@pytest.mark.parametrize(
    "path", sorted(p for p in DATA_DIR.glob("*.yaml") if p.name != "clinic.yaml"), ids=lambda p: p.name
)
def test_no_phone_number_or_price_outside_the_clinic_settings(path):
    text = path.read_text(encoding="utf-8")
    assert not PHONE.search(text)
    assert not PRICE.search(text)


# The details data/clinic.yaml leaves for the clinic to fill in, and the catalogue keys of the words that show each.
CLINIC_DETAILS = {"address": ("location.address",), "phone": ("location.phone",), "hours": ("location.hours",),
                  "booking_url": ("location.booking", "views.book")}


def unset_clinic_details() -> list[tuple[str, str]]:
    """(location id, detail) for each detail data/clinic.yaml does not set, read from the file, not the model."""
    clinic = yaml.safe_load((DATA_DIR / "clinic.yaml").read_text(encoding="utf-8"))
    details = [(location["id"], detail) for location in clinic["locations"] for detail in CLINIC_DETAILS
               if not location.get(detail)]
    if not details:
        pytest.skip("data/clinic.yaml sets every detail of every location")
    return details


def detail_words(detail: str, language: str) -> set[str]:
    return {t(key, language) for key in CLINIC_DETAILS[detail]}


@pytest.fixture(scope="module")
def guide_locations(content) -> dict[str, Page]:
    """The guide's locations page built from data/, by language."""
    pages = pages_of(build_site(content, SiteOptions()))
    return {language: pages[language_file(TOPIC_FILES["locations"], language)] for language in content.site.languages}


def location_section(page: Page, location_id: str) -> tuple[list[str], list[tuple[str, str]]]:
    """A location's section on the guide's locations page: its detail lines as read (``Phone: +1 ...``) and its
    buttons (text, address)."""
    section = page.one("section", id=location_id)
    assert section is not None, f"{page.file}: no section for {location_id}"
    details = [text_of(item) for item in section.find("ul")]
    buttons = [(text_of(a), a.get("href")) for a in section.iter("a") if a.get("class") == "button"]
    return details, buttons


def test_a_detail_the_clinic_has_not_set_is_in_no_list_of_a_locations_details(content):
    """What data/clinic.yaml leaves out (address, phone, hours, booking) is not shown, in any language: not
    guessed, not a placeholder."""
    locations = {location.id: location for location in content.clinic.locations}
    shown = [(location_id, language, label, value) for location_id, detail in unset_clinic_details()
             for language in content.site.languages
             for label, value in location_details(locations[location_id], language)
             if label in detail_words(detail, language)]
    assert shown == []


def test_a_detail_the_clinic_has_not_set_is_not_on_the_guides_locations_page(guide_locations):
    """Nor on the guide's locations page, in any language: no line led by its label, no booking button."""
    shown = []
    for location_id, detail in unset_clinic_details():
        for language, page in guide_locations.items():
            details, buttons = location_section(page, location_id)
            words = detail_words(detail, language)
            shown += [(page.file, line) for line in details if line.split(":")[0] in words]
            shown += [(page.file, text) for text, _ in buttons if text in words]
    assert shown == []


def test_every_detail_the_clinic_sets_is_shown(content_dir):
    append_to(content_dir, "clinic.yaml", "    address: '1 Test Road, Testville, CA 90000'\n"
              "    phone: '+1 555-555-0100'\n"
              "    hours: [Mon-Fri 9-5, Sat 10-2]\n    booking_url: https://clinic.example/book\n")
    content = load_content(content_dir)
    [location] = content.clinic.locations
    assert location_details(location) == [
        ("Kind", "Medical spa"), ("Town", "Testville, Test County, California"),
        ("Address", "1 Test Road, Testville, CA 90000"),
        ("Phone", "+1 555-555-0100"), ("Hours", "Mon-Fri 9-5; Sat 10-2"), ("Services", "Skin care")]
    page = Page("locations.html", build_site(content, SiteOptions())["locations.html"])
    assert location_section(page, "here") == (
        ["Kind: Medical spa", "Town: Testville, Test County, California",
         "Address: 1 Test Road, Testville, CA 90000",
         "Phone: +1 555-555-0100", "Hours: Mon-Fri 9-5; Sat 10-2", "Services: Skin care"],
        [("Book a visit", "https://clinic.example/book")])


def test_who_may_inject_is_as_of_2026(content):
    """Audit 2026-12: since 2026 some certified NPs may work on their own; dentists may use it only within dental
    care; RNs hold a nursing license, so "without a medical license" must not read as excluding them."""
    for use in content.uses.values():
        if use.category == "cosmetic":
            said = " ".join(use.treated_by["en"].split())
            assert "some NPs with extra state certification may work on their own" in said, use.id
    who = {item.id: item for item in content.safety.who_may_inject}
    assert "dental treatment plan" in who["dentists"].text["en"]
    assert "without a medical license" not in who["not-unlicensed"].text["en"].lower()


def test_history_says_what_was_first_only_for_the_product_it_was_first_for(content):
    events = {event.id: event for event in content.history}
    neck = " ".join(events["platysma-bands-2024"].text["en"].split())
    assert "first approval of a botulinum toxin outside the face" not in neck
    assert "BOTOX Cosmetic" in neck
    assert "the first toxin approved for treating all three areas" not in events[
        "xeomin-upper-facial-lines-2024"].text["en"]
