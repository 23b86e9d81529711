"""Every address the project builds, declared once: the dashboard's pages and query parameters, the guide's files,
and the links between the two (Datasette's ``Urls``, Pelican's ``*_URL`` settings).

A page of the dashboard is named after its script (``st.Page`` takes the file's name), so its name is also the
last part of its address; Home is the default page, at the root. A renamed page or parameter is changed here and
nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from .models import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class DashboardPage:
    """A page of the dashboard: ``name`` is its script's name, its address and its title's catalogue key."""

    name: str
    section: str  # the folder under pages/ and the navigation's group

    @property
    def script(self) -> str:
        return f"pages/{self.section}/{self.name}.py"

    @property
    def address(self) -> str:
        """The page's path below the dashboard's root: ``explore``; Home, the default page, is the root itself."""
        return "" if self.name == HOME else self.name


HOME, EXPLORE, HOW_IT_WORKS, HISTORY, SAFETY, GLOSSARY = "home", "explore", "how_it_works", "history", "safety", \
    "glossary"
BEFORE_YOUR_VISIT, LOCATIONS, CONSULTATION = "before_your_visit", "locations", "consultation"
# In the navigation's order.
PAGES = (
    DashboardPage(HOME, "learn"),
    DashboardPage(EXPLORE, "learn"),
    DashboardPage(HOW_IT_WORKS, "learn"),
    DashboardPage(HISTORY, "learn"),
    DashboardPage(SAFETY, "learn"),
    DashboardPage(GLOSSARY, "learn"),
    DashboardPage(BEFORE_YOUR_VISIT, "visit"),
    DashboardPage(LOCATIONS, "visit"),
    DashboardPage(CONSULTATION, "consult"),
)
PAGES_BY_NAME = {page.name: page for page in PAGES}


class Param:
    """The query parameters of the dashboard's addresses."""

    LANGUAGE = "lang"  # every page: the language it reads in
    # Explore: the filters, the open use, and the topics a consultation's QR code chose (``topics=a,b``)
    CATEGORY, STATUS, AREA, OFFERED, QUERY = "category", "status", "area", "offered", "q"
    USE, TOPICS = "use", "topics"
    # Consultation: the concerns staff chose (TOPICS, as the phone link names them; and AREA), the presenter view
    # and its step (from 1). CONCERN is the concerns' old name, still read from links made before.
    PRESENT, STEP, CONCERN = "present", "step", "concern"


PRESENTING = "1"  # the value of ``present`` that opens the presenter view
Params = Mapping[str, Sequence[str]]


def query(params: Params) -> str:
    """``a=1&b=x%20y`` from parameters with their values (commas kept, as ``topics=a,b`` is their short form)."""
    return urlencode([(name, value) for name, values in params.items() for value in values], safe=",",
                     quote_via=quote)


def with_language(params: Params, language: str) -> dict[str, list[str]]:
    """The parameters and the language: every address of a page says which language it reads in."""
    return {**{name: list(values) for name, values in params.items()}, Param.LANGUAGE: [language]}


def page_address(page: str, params: Params | None = None) -> str:
    """A page's address below the dashboard's root, with its query: ``explore?use=x&lang=es``."""
    path = PAGES_BY_NAME[page].address
    return f"{path}?{query(params)}" if params else path


# --- The guide: the same content as plain pages, served beside the dashboard -----------------------------------
GUIDE_FOLDER = "guide"  # where the guide is served: /guide/
GUIDE_START = "index.html"


@dataclass(frozen=True)
class GuideTopic:
    """A page of the guide besides the start page and the uses': its file, its title's catalogue key and the
    dashboard's page on the same topic."""

    file: str
    title_key: str
    dashboard_page: str

    @property
    def name(self) -> str:
        """The file's name without its ending: how the guide's code names the page (``how-it-works``)."""
        return self.file.removesuffix(".html")


# In the order of the dashboard's navigation.
GUIDE_TOPICS = (
    GuideTopic("how-it-works.html", "nav.how_it_works", HOW_IT_WORKS),
    GuideTopic("history.html", "nav.history", HISTORY),
    GuideTopic("products.html", "page.history.products", HISTORY),
    GuideTopic("safety.html", "nav.safety", SAFETY),
    GuideTopic("before-your-visit.html", "nav.before_your_visit", BEFORE_YOUR_VISIT),
    GuideTopic("glossary.html", "nav.glossary", GLOSSARY),
    GuideTopic("locations.html", "nav.locations", LOCATIONS),
)
TOPIC_FILES = {topic.name: topic.file for topic in GUIDE_TOPICS}
# The dashboard's page for each page of the guide but the uses'.
GUIDE_DASHBOARD_PAGES = {GUIDE_START: HOME, **{topic.file: topic.dashboard_page for topic in GUIDE_TOPICS}}


# A consultation's topics in the guide, made when asked (the topics are the address's): the page a consultation's QR
# code opens on the patient's phone, and their take-home summary (botox_explorer.ui.hand_off serves both).
GUIDE_HAND_OFF, GUIDE_SUMMARY = "topics.html", "summary.pdf"


def topics_file(use_ids: Sequence[str], file: str = GUIDE_HAND_OFF) -> str:
    """A page of the guide made for some topics, below its language's folder: ``topics.html?topics=a,b``."""
    return f"{file}?{query({Param.TOPICS: [','.join(use_ids)]})}"


def hand_off_address(base: str, use_ids: Sequence[str], language: str) -> str:
    """The guide's page of a consultation's topics in the consultation's language, script-free and quick on a phone:
    ``base/guide/topics.html?topics=a,b``, ``base/guide/es/topics.html?topics=a,b``."""
    return f"{base}/{GUIDE_FOLDER}/{language_file(topics_file(use_ids), language)}"


def use_file(use_id: str) -> str:
    """A use's page in the guide, below its language's folder."""
    return f"uses/{use_id}.html"


def location_anchor(location_id: str) -> str:
    """A location's part of the guide's locations page."""
    return f"{TOPIC_FILES['locations']}#{location_id}"


def language_file(file: str, language: str) -> str:
    """A page's file in a language, below the guide's root: English at the root, another language in its folder."""
    return file if language == DEFAULT_LANGUAGE else f"{language}/{file}"


def guide_file(dashboard_page: str, use_id: str | None = None) -> str:
    """The guide's page for a view of the dashboard: the open use's page, the first page on the same topic, or the
    start page (for the explorer's list and the consultation)."""
    if use_id:
        return use_file(use_id)
    return next((file for file, page in GUIDE_DASHBOARD_PAGES.items() if page == dashboard_page), GUIDE_START)


def guide_link(dashboard_page: str, language: str, use_id: str | None = None) -> str:
    """From a page of the dashboard, the same topic in the guide: ``guide/es/uses/x.html``."""
    return f"{GUIDE_FOLDER}/{language_file(guide_file(dashboard_page, use_id), language)}"


def dashboard_view(guide_page_file: str, language: str, use_id: str | None = None) -> str:
    """From a page of the guide, the same view of the dashboard in the same language (a use's page opens the use
    in the explorer): ``explore?use=x&lang=es``, ``safety?lang=es``, ``?lang=es`` for Home."""
    if use_id:
        return page_address(EXPLORE, with_language({Param.USE: [use_id]}, language))
    return page_address(GUIDE_DASHBOARD_PAGES[guide_page_file], with_language({}, language))
