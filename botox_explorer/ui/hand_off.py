"""The hand-off served beside the guide: the page of a consultation's topics (``/guide/topics.html?topics=a,b``,
``/guide/es/topics.html?...``) and their take-home summary (``summary.pdf?topics=a,b``), made when asked.

The launcher adds these routes to Streamlit's server (Starlette), ahead of its static files. Each response keeps the
guide's policy (no script) and tells the browser to keep the address to itself and nothing in its cache: the
address names the patient's topics.
"""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..guide.build import POLICY
from ..guide.site import SiteOptions
from ..guide.topics import asked_topics, render_topics
from ..i18n import t
from ..models import Content
from ..routes import GUIDE_FOLDER, GUIDE_HAND_OFF, GUIDE_SUMMARY, Param, language_file
from ..summary_pdf import summary_pdf

HEADERS = {
    "Content-Security-Policy": POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}
NOT_FOUND = 404


class HandOff:
    """The two answers for one language, from the content loaded at start."""

    def __init__(self, content: Content, options: SiteOptions, language: str) -> None:
        self.content, self.options, self.language = content, options, language

    def asked(self, request: Request):
        return asked_topics(request.query_params.getlist(Param.TOPICS), self.content, self.language)

    def page(self, request: Request) -> Response:
        """The topics' page; 404 with a notice and the way to every topic when the address names none we have."""
        asked = self.asked(request)
        html = render_topics(self.content, asked, self.language, self.options)
        return HTMLResponse(html, status_code=200 if asked.use_ids else NOT_FOUND, headers=HEADERS)

    def summary(self, request: Request) -> Response:
        """The topics-only summary as a PDF download: no name, nothing typed; none for no known topic."""
        asked = self.asked(request)
        if not asked.use_ids:
            return Response(asked.notices[0], status_code=NOT_FOUND, media_type="text/plain", headers=HEADERS)
        data = summary_pdf(self.content, asked.use_ids, language=self.language, on=dt.date.today())
        name = t("page.consultation.file", self.language)
        return Response(data, media_type="application/pdf",
                        headers={**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'})


def hand_off_routes(content: Content, options: SiteOptions, base_path: str = "") -> list[Route]:
    """The page and the summary in each of the site's languages, below ``base_path`` (Streamlit's
    ``server.baseUrlPath``). Plain functions: Starlette runs them in its thread pool, off the event loop."""
    routes = []
    prefix = f"/{base_path.strip('/')}" if base_path.strip("/") else ""
    for language in content.site.languages:
        answers = HandOff(content, options, language)
        folder = f"{prefix}/{GUIDE_FOLDER}/"
        routes += [Route(folder + language_file(GUIDE_HAND_OFF, language), answers.page, methods=["GET"]),
                   Route(folder + language_file(GUIDE_SUMMARY, language), answers.summary, methods=["GET"])]
    return routes
