"""Consultation: staff pick the concerns, present the agenda step by step, hand over a PDF."""

import datetime as dt

import streamlit as st

from botox_explorer.consultation import agenda, chosen_uses, clamp
from botox_explorer.phone_link import app_base, phone_link, qr_svg, reachable_from_a_phone
from botox_explorer.presenting import short_name
from botox_explorer.summary_pdf import summary_pdf, unprintable
from botox_explorer.ui import consult_state, content_cache, frame, paging
from botox_explorer.ui import language as lang
from botox_explorer.ui.consultation_view import agenda_step
from botox_explorer.ui.decision_view import current_worksheet, worksheet
from botox_explorer.ui.markdown import image_markdown, md
from botox_explorer.ui.print_view import print_copy, print_style, summary_markdown
from botox_explorer.ui.sources_view import reviewed_note

tr = lang.tr


def present(consultation, content) -> None:
    """One step at a time, across the screen in large type; previous / next also from a keyboard or a clicker."""
    uses = chosen_uses(consultation, content)
    steps = agenda(content, uses, lang.language())
    consultation = clamp(consultation, steps)
    consult_state.write(consultation)
    frame.presenter_style()
    step = steps[consultation.step]
    presenter_bar(consultation, len(steps), content, uses)
    st.title(step.title)
    agenda_step(step.key, content, uses)
    reviewed_note([*uses, *content.safety.all_items()])
    paging.paging(consultation.step)


def presenter_bar(consultation, steps: int, content, uses) -> None:
    """Previous, Next, End, the phone's QR code and where we are, in a bar kept in sight while a step scrolls.

    Page Down / Page Up are the paging script's (a tall step is paged through first); Esc ends."""
    last = consultation.step == steps - 1
    with st.container(key=paging.BAR, horizontal=True, vertical_alignment="center"):
        st.button(tr("page.consultation.previous"), icon=":material/arrow_back:", key=paging.PREVIOUS,
                  disabled=consultation.step == 0, on_click=consult_state.go_to, args=(consultation,),
                  kwargs={"presenting": True, "step": consultation.step - 1})
        st.button(tr("page.consultation.next"), icon=":material/arrow_forward:", key=paging.NEXT, type="primary",
                  disabled=last, on_click=consult_state.go_to, args=(consultation,),
                  kwargs={"presenting": True, "step": consultation.step + 1})
        st.button(tr("page.consultation.end"), icon=":material/close:", shortcut="Esc",
                  on_click=consult_state.go_to, args=(consultation,), kwargs={"presenting": False})
        base = phone_base(content)
        if base:
            with st.popover(tr("page.consultation.on_your_phone"), icon=":material/qr_code_2:", width="content"):
                phone_view(base, uses)
        st.caption(tr("page.consultation.step_of", step=consultation.step + 1, steps=steps))


def phone_base(content) -> str:
    """The dashboard's address for the patient's phone: the clinic's public address, else this page's; "" when
    neither is a web address."""
    public_url = content.clinic.public_url
    base = app_base(str(public_url) if public_url else st.context.url or "")
    return base if base.startswith(("http://", "https://")) else ""


def phone_view(base: str, uses) -> None:
    """A QR code and a short link that open these topics on the patient's phone: topics only, no name; nothing
    for no topic. What staff must set up is said on the staff's screen (``staff_phone_note``), not here."""
    if not uses:
        return
    link = phone_link(base, [use.id for use in uses], lang.language())
    st.markdown(image_markdown(qr_svg(link, language=lang.language()), tr("page.consultation.qr_alt", link=link)))
    st.markdown(f"{tr('page.consultation.or_type')}: {md(link)}")
    st.caption(tr("page.consultation.topics_only"))


def staff_phone_note(content) -> None:
    """On the staff's screen, before presenting: why the presenter's QR code will not open on a phone, if so."""
    base = phone_base(content)
    if not base:
        st.caption(f":material/warning: {tr('page.consultation.no_address')}")
    elif not reachable_from_a_phone(base):
        st.caption(f":material/warning: {tr('page.consultation.local_address')}")


def prepare(consultation, content) -> None:
    """Pick concerns, preview the agenda, start presenting, and hand over the summary."""
    language = lang.language()
    st.title(tr("page.consultation.title"))
    st.markdown(tr("page.consultation.intro"))
    consult_state.seed_widgets(consultation, content)
    # Chips, not drop-down lists: every choice is in sight on the consultation-room screen, one tap each,
    # and a first visit does not wait for the drop-down list's scripts.
    for category, key in consult_state.USES_WIDGETS.items():
        options = [use_id for use_id, use in content.uses.items() if use.category == category]
        if options:
            st.pills(tr(f"page.consultation.concerns.{category}"), options,
                     selection_mode="multi", key=key, wrap=True,
                     format_func=lambda use: short_name(content.uses[use], language))
    st.pills(tr("page.consultation.areas"), list(content.areas), selection_mode="multi",
             key=consult_state.AREAS_WIDGET, wrap=True, format_func=lambda area: lang.text(content.areas[area].name))
    consultation = consult_state.picked(consultation, content)
    consult_state.write(consultation)
    uses = chosen_uses(consultation, content)
    if not uses:
        st.info(tr("page.consultation.choose"), icon=":material/checklist:")
        return
    steps = agenda(content, uses, language)
    st.button(tr("page.consultation.present"), icon=":material/slideshow:", type="primary",
              on_click=consult_state.go_to, args=(consultation,), kwargs={"presenting": True})
    st.caption(f":material/keyboard: {tr('page.consultation.paging')}")
    staff_phone_note(content)
    for number, step in enumerate(steps, start=1):
        with st.expander(f"{number}. {step.title}", expanded=number <= 2):
            agenda_step(step.key, content, uses)
    take_home(content, uses)


def take_home(content, uses) -> None:
    """The worksheet, the take-home PDF, and the summary as the page prints it."""
    language = lang.language()
    st.header(tr("page.consultation.take_home"))
    with st.expander(tr("decisions.worksheet.open"), icon=":material/balance:"):
        worksheet(content, "consult")
    first_name = st.text_input(tr("page.consultation.first_name"), key=consult_state.NAME_WIDGET, max_chars=40,
                               autocomplete="off")
    if left_out := unprintable(first_name):
        st.caption(f"{tr('page.consultation.left_out')}: {md(left_out)}")
    today = dt.date.today()
    st.download_button(
        tr("page.consultation.download_for", name=md(first_name)) if first_name else tr("page.consultation.download"),
        data=lambda: summary_pdf(content, [u.id for u in uses], first_name=first_name, on=today, language=language,
                                 worksheet=current_worksheet()),
        file_name=tr("page.consultation.file"),
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )
    st.caption(f":material/print: {tr('page.consultation.print')}")
    reviewed_note([*uses, *content.safety.all_items()])
    print_style()
    with print_copy():
        st.markdown(summary_markdown(content, uses, today, language, current_worksheet()))


content = content_cache.content()
parsed = consult_state.read(content)
if parsed.notices:
    st.info(md(" ".join(parsed.notices)), icon=":material/info:")
if parsed.consultation.presenting:
    present(parsed.consultation, content)
else:
    prepare(parsed.consultation, content)
