"""Pydantic models of the content in ``data/``.

Every text a patient reads is a ``LocalText``: a mapping from a language code to
the text (``{"en": "..."}``), so a second language can be added to the YAML
without changing the schema's shape. English is required.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, model_validator

DEFAULT_LANGUAGE = "en"
Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EARLIEST_YEAR = 1800


# Markup or a script address in a text is refused at load time: the pages escape every text anyway, but content
# that looks like markup is a mistake (pasted from a web page) or an attack, and staff should see it named.
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]|\b(?:javascript|vbscript|data)\s*:", re.IGNORECASE)


def _plain(value: str, what: str = "the text") -> str:
    if found := MARKUP.search(value):
        raise ValueError(f"{what} holds markup or a script address ({found.group(0)!r}); write plain text")
    return value


def _require_english(text: dict[str, str]) -> dict[str, str]:
    if not text.get(DEFAULT_LANGUAGE, "").strip():
        raise ValueError(f"needs a non-empty '{DEFAULT_LANGUAGE}' text")
    for language, value in text.items():
        if not re.fullmatch(r"[a-z]{2}(?:-[A-Z]{2})?", language):
            raise ValueError(f"'{language}' is not a language code such as 'en' or 'es'")
        _plain(value, f"the '{language}' text")
    return text


LocalText = Annotated[dict[str, str], AfterValidator(_require_english)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
NonEmptyStr = Annotated[str, Field(min_length=1, max_length=500), AfterValidator(_plain)]
SourceIds = Annotated[list[Slug], Field(min_length=1)]


def _plausible_year(year: int) -> int:
    if not EARLIEST_YEAR <= year <= dt.date.today().year:
        raise ValueError(f"year {year} is not between {EARLIEST_YEAR} and this year")
    return year


Year = Annotated[int, AfterValidator(_plausible_year)]
Month = Annotated[int, Field(ge=1, le=12)]

Category = Literal["cosmetic", "medical", "psychological"]
CATEGORIES: tuple[Category, ...] = ("cosmetic", "medical", "psychological")
StatusKind = Literal["approved", "off-label", "investigational", "not-effective"]
STATUS_KINDS: tuple[StatusKind, ...] = ("approved", "off-label", "investigational", "not-effective")
SourceKind = Literal["label", "regulator", "peer-reviewed", "society", "manufacturer", "reference", "news", "clinic"]
AUTHORITATIVE_SOURCE_KINDS = frozenset({"label", "regulator", "peer-reviewed", "society"})
TimeUnit = Literal["days", "weeks", "months"]
DAYS_PER_UNIT = {"days": 1.0, "weeks": 7.0, "months": 30.4}


def text_in(text: dict[str, str] | None, language: str = DEFAULT_LANGUAGE) -> str:
    """The text in ``language``, falling back to English; empty for no text."""
    if not text:
        return ""
    return text.get(language) or text[DEFAULT_LANGUAGE]


class StrictModel(BaseModel):
    """Rejects unknown fields, so a typo in the YAML is an error, not silence."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Record(StrictModel):
    id: Slug


ReviewNote = Annotated[str, Field(min_length=1, max_length=1000, description=(
    "For staff, not patients: what this depends on that can change (a guideline's status, a pending FDA "
    "decision, an unconfirmed figure) and what to check at the next review"))]


class Sourced(Record):
    """A record that makes medical statements: its sources, when staff last checked it, what to re-check."""

    sources: SourceIds
    reviewed_on: dt.date
    review_note: ReviewNote | None = None


class Source(Record):
    title: NonEmptyStr
    publisher: NonEmptyStr = Field(description="Authors, or the publishing body")
    year: Year | None = Field(default=None, description="Publication year; left out for undated pages")
    kind: SourceKind
    url: HttpUrl | None = None
    doi: Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    pmid: Annotated[str, Field(pattern=r"^\d{1,9}$")] | None = None
    accessed: dt.date
    product: Slug | None = Field(default=None, description=(
        "The product whose label or trials this source reports: a fact box's numbers may cite only its own"))
    review_note: ReviewNote | None = None

    @model_validator(mode="after")
    def _locatable(self) -> Source:
        if not (self.url or self.doi or self.pmid):
            raise ValueError("a source needs a url, a doi or a pmid")
        return self

    @property
    def link(self) -> str:
        """The best address to open: the DOI resolver, PubMed, or the URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return str(self.url)


class Area(Record):
    """A treatment area, placed on the schematic drawing (0-100 on both axes)."""

    name: LocalText
    figure: Literal["face", "body"]
    x: Annotated[float, Field(ge=0, le=100)]
    y: Annotated[float, Field(ge=0, le=100)]


class Span(StrictModel):
    """A range of time such as "3 to 4 months"; ``low == high`` for one value."""

    low: Annotated[float, Field(ge=0)]
    high: Annotated[float, Field(ge=0)]
    unit: TimeUnit

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self

    def in_days(self) -> tuple[float, float]:
        factor = DAYS_PER_UNIT[self.unit]
        return self.low * factor, self.high * factor


class Timing(StrictModel):
    """When the effect starts, peaks and wears off; unknown stays empty."""

    onset: Span | None = None
    peak: Span | None = None
    duration: Span | None = None
    retreatment: Span | None = Field(default=None, description="Usual interval between treatments")
    note: LocalText | None = None

    @property
    def stages(self) -> tuple[tuple[str, Span], ...]:
        """The stages the sources give, by their name in the catalogues (``starts``...), with their span: a page
        lists only what is known, never "not established" beside a recorded timing."""
        return tuple((name, span) for name, span in (("starts", self.onset), ("strongest", self.peak),
                                                     ("lasts", self.duration), ("repeat", self.retreatment)) if span)

    @model_validator(mode="after")
    def _in_order(self) -> Timing:
        stages = [(n, s) for n, s in (("onset", self.onset), ("peak", self.peak), ("duration", self.duration)) if s]
        for (first_name, first), (later_name, later) in itertools.pairwise(stages):
            if first.in_days()[0] > later.in_days()[1]:
                raise ValueError(f"{first_name} starts after {later_name} ends")
        return self


class Status(StrictModel):
    """Regulatory status in the US. Which products are approved for a use, since when and for whom is not
    written here: it comes from the approvals recorded on each product (products.yaml), so the two files
    cannot disagree."""

    kind: StatusKind
    note: LocalText | None = None


class LabelDose(StrictModel):
    """The dose the US label gives for a cosmetic area, in the product's units."""

    product: Slug
    low: Annotated[float, Field(gt=0)]
    high: Annotated[float, Field(gt=0)]
    sources: SourceIds

    @model_validator(mode="after")
    def _ordered(self) -> LabelDose:
        if self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


CitedPart = Literal["summary", "explanation", "what_to_expect", "timing", "side_effects", "evidence", "treated_by",
                    "status"]


class Use(Sourced):
    name: LocalText
    category: Category
    areas: Annotated[list[Slug], Field(min_length=1)]
    summary: LocalText
    explanation: LocalText
    what_to_expect: LocalText
    status: Status
    evidence: LocalText
    timing: Timing = Timing()
    side_effects: list[LocalText] = Field(default_factory=list)
    treated_by: LocalText | None = None
    offered_at: list[Slug] = Field(default_factory=list, description="Clinic location ids offering it")
    label_dose: LabelDose | None = None
    cites: dict[CitedPart, SourceIds] = Field(default_factory=dict, description=(
        "The sources of each part of the page, so each statement cites its own and not the whole list"))

    @model_validator(mode="after")
    def _specialist_named(self) -> Use:
        if self.category != "cosmetic" and not self.treated_by:
            raise ValueError(f"a {self.category} use must say who treats it (treated_by)")
        return self


OutcomeKind = Literal["share", "mean-change"]


class Outcome(StrictModel):
    """One result of a fact box, product against placebo: people per 100 (a share) or a mean change."""

    measure: LocalText = Field(description="What was measured, in plain words")
    kind: OutcomeKind = "share"
    treated: float = Field(description="Per 100 people given the product, or their mean change, as the source says")
    placebo: float = Field(description="The same for the people given placebo")
    unit: LocalText | None = Field(default=None, description="What a mean change counts (headache days a month)")
    treated_people: Annotated[int, Field(gt=0)] | None = Field(default=None, description=(
        "People given the product behind this row, when not the box's (a pooled safety group)"))
    placebo_people: Annotated[int, Field(gt=0)] | None = None
    time_point: LocalText | None = Field(default=None, description="When measured, when not the box's")
    sources: SourceIds

    @model_validator(mode="after")
    def _numbers_fit_kind(self) -> Outcome:
        if self.kind == "share":
            if self.unit:
                raise ValueError("a share is counted per 100 people: it has no unit")
            for arm, value in (("treated", self.treated), ("placebo", self.placebo)):
                if not 0 <= value <= 100:
                    raise ValueError(f"{arm} ({value}) is not a number of people per 100")
        elif not self.unit:
            raise ValueError("a mean change needs its unit (what it counts)")
        if (self.treated_people is None) != (self.placebo_people is None):
            raise ValueError("give treated_people and placebo_people together")
        return self


class FactBox(Sourced):
    """Benefits and harms of one product for one use, per 100 people treated against 100 given placebo, from the
    product's own placebo-controlled trials (Harding Center fact-box form)."""

    use: Slug
    product: Slug
    trials: LocalText = Field(description="The placebo-controlled trials: how many, how long, who took part")
    treated: Annotated[int, Field(gt=0)] | None = Field(default=None, description="People given the product")
    placebo: Annotated[int, Field(gt=0)] | None = Field(default=None, description="People given placebo")
    enrolled: Annotated[int, Field(gt=0)] | None = Field(default=None, description=(
        "Everyone randomized, when the source gives no count per group"))
    time_point: LocalText
    benefits: Annotated[list[Outcome], Field(min_length=1)]
    harms: list[Outcome] = Field(default_factory=list)
    note: LocalText | None = None

    @model_validator(mode="after")
    def _trial_size(self) -> FactBox:
        if not ((self.treated and self.placebo) or self.enrolled):
            raise ValueError("give the trial size: treated and placebo, or enrolled when only the total is known")
        return self

    def outcomes(self) -> list[Outcome]:
        return [*self.benefits, *self.harms]

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Every source the box cites, its rows' included, once each in the order first cited."""
        return tuple(dict.fromkeys([*self.sources, *(s for outcome in self.outcomes() for s in outcome.sources)]))


class Alternative(Sourced):
    """Another way to treat a problem, recorded once and named by the uses it is an option for."""

    name: LocalText
    what: LocalText
    status: LocalText = Field(description="Its status in plain words: a prescription medicine, a procedure...")


class Choices(Sourced):
    """A use's options (its ``id`` is the use's): the alternatives, what happens without treatment and after
    stopping, and the reasons people give for choosing it or not."""

    alternatives: list[Slug] = Field(default_factory=list)
    without_treatment: LocalText
    after_stopping: LocalText
    reasons_for: list[LocalText] = Field(default_factory=list)
    reasons_against: list[LocalText] = Field(default_factory=list)


HistoryKind = Literal[
    "discovery", "research", "medical-approval", "cosmetic-approval", "new-product", "regulation"
]


class ApprovalRef(StrictModel):
    """Points at the approval a product records for a use (products.yaml)."""

    product: Slug
    use: Slug


class HistoryEvent(Sourced):
    """A dated event. An FDA approval names the approval (``approval``) instead of giving its date: the loader
    takes the year and month from products.yaml, where the approval is recorded once."""

    year: Year | None = None
    month: Month | None = None
    approval: ApprovalRef | None = None
    kind: HistoryKind
    title: LocalText
    text: LocalText

    @model_validator(mode="after")
    def _dated_once(self) -> HistoryEvent:
        if (self.year is None) == (self.approval is None):
            raise ValueError("give either a year (with an optional month) or the approval it marks, not both")
        if self.approval and self.month:
            raise ValueError("an approval's month comes from products.yaml; leave month out")
        return self


class ProductApproval(StrictModel):
    """One FDA approval of a product: for which use, whom, and when (the month where sources agree)."""

    use: Slug
    year: Year
    month: Month | None = None
    population: LocalText
    text: LocalText
    sources: SourceIds


class Product(Sourced):
    brand: NonEmptyStr
    generic_name: NonEmptyStr
    maker: LocalText  # the company's name, with what a reader should know about it ("bought from ... in 2020")
    serotype: Literal["A", "B"]
    us_status: Literal["approved", "not-approved"]
    approvals: list[ProductApproval] = Field(default_factory=list)
    notes: list[LocalText] = Field(default_factory=list)

    @model_validator(mode="after")
    def _approvals_match_status(self) -> Product:
        if self.us_status == "approved" and not self.approvals:
            raise ValueError("an approved product lists its approvals")
        if self.us_status == "not-approved" and self.approvals:
            raise ValueError("a product not approved in the US has no approvals")
        return self

    @property
    def first_us_approval(self) -> int | None:
        return min((a.year for a in self.approvals), default=None)


@dataclass(frozen=True)
class UseApproval:
    """An approval of a product, as seen from the use it is for (derived at load time)."""

    product: Product
    approval: ProductApproval

    @property
    def when(self) -> tuple[int, int]:
        return self.approval.year, self.approval.month or 0


class SafetyItem(Sourced):
    label: LocalText | None = Field(default=None, description=(
        "A few words naming the item as a chip of the visit checklist (needed in do_not_treat, tell_your_doctor "
        "and questions_to_ask), or, for a red flag, its one line in the safety page's \"Get help now\" box"))
    text: LocalText
    detail: LocalText | None = None
    applies_to: list[Slug] = Field(default_factory=list, description=(
        "The ids of the uses the item is about, when its source limits it to them (the bladder's warnings); empty "
        "for an item about every treatment. The take-home summary prints an item for a use only when it applies"))


class Safety(StrictModel):
    boxed_warning: list[SafetyItem]
    do_not_treat: list[SafetyItem]
    tell_your_doctor: list[SafetyItem]
    common_side_effects: list[SafetyItem]
    red_flags: list[SafetyItem]
    aftercare: list[SafetyItem]
    interactions: list[SafetyItem]
    questions_to_ask: list[SafetyItem]
    who_may_inject: list[SafetyItem]

    def all_items(self) -> list[SafetyItem]:
        """Every item of every section, in the file's order."""
        return [item for _, items in self for item in items]


class Myth(Sourced):
    belief: LocalText
    fact: LocalText
    verdict: Literal["false", "misleading", "partly-true", "true"]
    from_clinic_article: bool = False


class StatPoint(StrictModel):
    year: Year
    count: Annotated[int, Field(gt=0)]
    approximate: bool = False
    sources: SourceIds


class StatSeries(Record):
    reviewed_on: dt.date
    review_note: ReviewNote | None = None
    name: LocalText
    measure: LocalText
    method_note: LocalText
    points: Annotated[list[StatPoint], Field(min_length=1)]


class StatNote(Sourced):
    text: LocalText


class Statistics(StrictModel):
    series: Annotated[list[StatSeries], Field(min_length=1)]
    notes: list[StatNote] = Field(default_factory=list)


US_PHONE = re.compile(r"(?:\+1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}")
STREET_ADDRESS = re.compile(r"\d+[A-Za-z]? [^\n]+, [^\n]+ \d{5}(?:-\d{4})?")


class Location(Record):
    """One of the clinic's sites; optional details are shown only when set."""

    name: LocalText
    kind: LocalText
    town: NonEmptyStr
    county: NonEmptyStr
    state: NonEmptyStr
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]
    coordinates_are: Literal["town-center", "street-address"] = "town-center"
    services: list[LocalText] = Field(default_factory=list)
    address: NonEmptyStr | None = None
    phone: NonEmptyStr | None = None
    hours: list[NonEmptyStr] = Field(default_factory=list)
    booking_url: HttpUrl | None = None

    @model_validator(mode="after")
    def _reachable_details(self) -> Location:
        """A phone a patient can dial and an address a patient can find: a malformed one is refused, not shown."""
        if self.phone and not US_PHONE.fullmatch(self.phone):
            raise ValueError(f"phone {self.phone!r} is not a US number such as '+1 858-555-0100' or '(858) 555-0100'")
        if self.address and not STREET_ADDRESS.fullmatch(self.address):
            raise ValueError(f"address {self.address!r} needs a street number, a street and a 5-digit ZIP code")
        return self

    @model_validator(mode="after")
    def _address_behind_coordinates(self) -> Location:
        if self.coordinates_are == "street-address" and not self.address:
            raise ValueError("coordinates said to be of a street address need that address")
        return self


MapTiles = Literal["open-street-map", "carto-positron", "none"]
MAP_TILE_HOSTS: dict[str, tuple[str, ...]] = {
    "open-street-map": ("https://tile.openstreetmap.org",),
    "carto-positron": ("https://basemaps.cartocdn.com",),
    "none": (),
}


class Clinic(StrictModel):
    reviewed_on: dt.date = Field(description="When staff last checked these settings")
    map_tiles: MapTiles = Field(default="open-street-map", description=(
        "Who draws the map under the locations: each tile request tells that provider that someone is looking "
        "at the clinic's area. 'none' shows the location cards without a map."))
    name: LocalText | None = None
    public_url: HttpUrl | None = Field(default=None, description=(
        "The dashboard's public address, for the link and QR code the consultation screen offers; unset, they "
        "use the address the screen itself has open"))
    price_per_unit_usd: Annotated[float, Field(gt=0, le=100)] | None = None
    locations: Annotated[list[Location], Field(min_length=1)]


class SourcedText(Sourced):
    title: LocalText | None = None
    text: LocalText


class WorksheetItem(Record):
    """A line of the decision worksheet a patient can tick."""

    text: LocalText


class DecisionAid(StrictModel):
    """The decision worksheet: what matters to a person, the SURE questions, and that deciding can wait."""

    intro: SourcedText
    matters: Annotated[list[WorksheetItem], Field(min_length=1)]
    sure: Annotated[list[WorksheetItem], Field(min_length=4, max_length=4)]
    sure_note: SourcedText
    decide_later: SourcedText
    brand_note: SourcedText = Field(description="Said with every fact box: its numbers belong to its brand alone")

    @property
    def worksheet_sources(self) -> tuple[str, ...]:
        """What the filled-in worksheet's sentences rest on (the SURE note, deciding later)."""
        return tuple(dict.fromkeys([*self.sure_note.sources, *self.decide_later.sources]))


class Site(StrictModel):
    """The dashboard's own words: its name, the reminder and the sourced explanations."""

    languages: list[Language] = Field(default=[DEFAULT_LANGUAGE], description=(
        "The languages every patient text is written in; the content check names a text that misses one"))
    title: LocalText
    tagline: LocalText
    reminder: LocalText
    privacy: LocalText = Field(description="What the dashboard keeps about a visitor, and what it does not")
    privacy_map: LocalText = Field(description="Said with the privacy note while the locations map shows tiles")
    intro: Annotated[list[SourcedText], Field(min_length=1)]
    mechanism: Annotated[list[SourcedText], Field(min_length=3)]
    relax_or_paralyze: SourcedText

    @model_validator(mode="after")
    def _english_first(self) -> Site:
        if DEFAULT_LANGUAGE not in self.languages:
            raise ValueError(f"languages must include '{DEFAULT_LANGUAGE}'")
        return self


class GlossaryTerm(Sourced):
    """A medical word and its plain meaning; a page offers the meaning where the word first appears."""

    term: LocalText
    also: dict[str, list[NonEmptyStr]] = Field(default_factory=dict, description=(
        "Other forms of the word as the texts write it (a plural, another spelling), by language"))
    meaning: LocalText

    def forms(self, language: str = DEFAULT_LANGUAGE) -> list[str]:
        """The word and its other forms in ``language`` (English when it has none)."""
        return [text_in(self.term, language), *self.also.get(language, self.also.get(DEFAULT_LANGUAGE, []))]


class SearchWords(Record):
    """The everyday words patients type for a use (the record's id), by language: search aids, not statements."""

    words: dict[Language, list[NonEmptyStr]]


IllustrationFile = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$")]


class Illustration(Record):
    """A drawing of the project's own in ``assets/illustrations/``: its text alternative and, when it explains
    something, a caption with its sources."""

    file: IllustrationFile
    alt: LocalText
    caption: LocalText | None = None
    sources: list[Slug] = Field(default_factory=list)
    reviewed_on: dt.date
    review_note: ReviewNote | None = None

    @model_validator(mode="after")
    def _caption_is_sourced(self) -> Illustration:
        if self.caption and not self.sources:
            raise ValueError("a caption makes a statement: give its sources")
        return self


@dataclass(frozen=True)
class Content:
    """All the content, typed, as loaded from ``data/`` (``content.registry`` names the file of each field);
    dictionaries keep the order of the files."""

    sources: dict[str, Source]
    areas: dict[str, Area]
    uses: dict[str, Use]
    history: tuple[HistoryEvent, ...]
    products: dict[str, Product]
    myths: tuple[Myth, ...]
    safety: Safety
    statistics: Statistics
    clinic: Clinic
    site: Site
    decision_aid: DecisionAid
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    illustrations: dict[str, Illustration] = field(default_factory=dict)
    fact_boxes: dict[str, FactBox] = field(default_factory=dict)
    alternatives: dict[str, Alternative] = field(default_factory=dict)
    choices: dict[str, Choices] = field(default_factory=dict)
    search_words: dict[str, SearchWords] = field(default_factory=dict)
    approvals: dict[str, tuple[UseApproval, ...]] = field(default_factory=dict)

    def approvals_for(self, use_id: str) -> tuple[UseApproval, ...]:
        """The FDA approvals recorded for a use on its products, oldest first."""
        return self.approvals.get(use_id, ())

    def approved_products(self, use_id: str) -> list[Product]:
        """The products approved for a use, in the order of their first approval for it."""
        return list({a.product.id: a.product for a in self.approvals_for(use_id)}.values())

    def fact_boxes_for(self, use_id: str) -> list[FactBox]:
        """The fact boxes of a use, one per product whose trials report numbers: the product approved first for
        the use first (the one most people know), then in file order."""
        order = {product.id: rank for rank, product in enumerate(self.approved_products(use_id))}
        boxes = [box for box in self.fact_boxes.values() if box.use == use_id]
        return sorted(boxes, key=lambda box: order.get(box.product, len(order)))

    def first_us_approval(self, use_id: str) -> UseApproval | None:
        approvals = self.approvals_for(use_id)
        return approvals[0] if approvals else None
