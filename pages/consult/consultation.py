"""Consultation: staff pick the concerns, present the agenda step by step, hand over a PDF."""

import datetime as dt

import streamlit as st

from botox_explorer.consultation import agenda, chosen_uses, clamp
from botox_explorer.models import text_in
from botox_explorer.phone_link import app_base, phone_link, qr_svg, reachable_from_a_phone
from botox_explorer.presenting import CATEGORY_LABELS, md, short_name
from botox_explorer.summary_pdf import summary_pdf, unprintable
from botox_explorer.svg import image_markdown
from botox_explorer.ui import consult_state, frame, views


def present(consultation, content) -> None:
    """One step at a time, large type, previous / next also from a keyboard or a clicker."""
    uses = chosen_uses(consultation, content)
    steps = agenda(content, uses)
    consultation = clamp(consultation, steps)
    consult_state.write(consultation)
    frame.presenter_style()
    step = steps[consultation.step]
    back, forward, end = st.columns(3)
    back.button("Previous", icon=":material/arrow_back:", shortcut="PageUp", disabled=consultation.step == 0,
                on_click=consult_state.go_to, args=(consultation,),
                kwargs={"presenting": True, "step": consultation.step - 1}, width="stretch")
    forward.button("Next", icon=":material/arrow_forward:", shortcut="PageDown", type="primary",
                   disabled=consultation.step == len(steps) - 1, on_click=consult_state.go_to,
                   args=(consultation,), kwargs={"presenting": True, "step": consultation.step + 1},
                   width="stretch")
    end.button("End presentation", icon=":material/close:", shortcut="Esc", on_click=consult_state.go_to,
               args=(consultation,), kwargs={"presenting": False}, width="stretch")
    with st.popover("On your phone", icon=":material/qr_code_2:"):
        phone_view(content, uses)
    st.caption(f"Step {consultation.step + 1} of {len(steps)} · Page Down / Page Up or a clicker move between steps")
    st.title(step.title)
    views.agenda_step(step.key, content, uses)
    views.reviewed_note([*uses, *(item for _, items in content.safety for item in items)])


def phone_view(content, uses) -> None:
    """A QR code and a short link that open these topics on the patient's phone: topics only, no name."""
    public_url = content.clinic.public_url
    base = app_base(str(public_url) if public_url else st.context.url or "")
    if not base.startswith(("http://", "https://")):
        st.warning("The dashboard's address is not known here. Set public_url in data/clinic.yaml.",
                   icon=":material/warning:")
        return
    link = phone_link(base, [use.id for use in uses])
    st.markdown(image_markdown(qr_svg(link), "QR code. It opens the same topics on your phone: " + link))
    st.markdown(f"Or type: {md(link)}")
    st.caption("The link holds the topics only: no name and nothing typed on this screen.")
    if not reachable_from_a_phone(base):
        st.warning("This address belongs to this computer, so a phone cannot open it. Set public_url in "
                   "data/clinic.yaml to the dashboard's public address.", icon=":material/warning:")


def prepare(consultation, content) -> None:
    """Pick concerns, preview the agenda, start presenting, and hand over the summary."""
    st.title("Consultation")
    st.markdown("Pick the patient's concerns. The agenda below follows them; present it step by step, "
                "then hand the patient a summary.")
    consult_state.seed_widgets(consultation, content)
    # Chips, not drop-down lists: every choice is in sight on the consultation-room screen, one tap each,
    # and a first visit does not wait for the drop-down list's scripts.
    for category, key in consult_state.USES_WIDGETS.items():
        options = [use_id for use_id, use in content.uses.items() if use.category == category]
        if options:
            st.pills(f"{CATEGORY_LABELS[category]} concerns", options, selection_mode="multi", key=key, wrap=True,
                     format_func=lambda use: short_name(content.uses[use]))
    st.pills("Treatment areas", list(content.areas), selection_mode="multi", key=consult_state.AREAS_WIDGET, wrap=True,
             format_func=lambda area: text_in(content.areas[area].name))
    consultation = consult_state.picked(consultation, content)
    consult_state.write(consultation)
    uses = chosen_uses(consultation, content)
    if not uses:
        st.info("Choose at least one concern or area to build the agenda.", icon=":material/checklist:")
        return
    steps = agenda(content, uses)
    st.button("Present to the patient", icon=":material/slideshow:", type="primary",
              on_click=consult_state.go_to, args=(consultation,), kwargs={"presenting": True})
    for number, step in enumerate(steps, start=1):
        with st.expander(f"{number}. {step.title}", expanded=number <= 2):
            views.agenda_step(step.key, content, uses)
    take_home(content, uses, steps)


def take_home(content, uses, steps) -> None:
    st.header("Take-home summary")
    first_name = st.text_input("Patient's first name (optional, printed only in the PDF)",
                               key=consult_state.NAME_WIDGET, max_chars=40, autocomplete="off")
    if left_out := unprintable(first_name):
        st.caption(f"The PDF prints names in Latin letters only, so it leaves out: {md(left_out)}")
    today = dt.date.today()
    st.download_button(
        f"Download the summary for {md(first_name)} (PDF)" if first_name else "Download the summary (PDF)",
        data=lambda: summary_pdf(content, [u.id for u in uses], first_name=first_name, on=today),
        file_name="consultation-summary.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
    )
    with st.expander("Print-friendly view", icon=":material/print:"):
        st.markdown(f"**Your consultation summary, {today:%d %B %Y}**")
        for use in uses:
            st.markdown(f"**{md(text_in(use.name))}**: {md(text_in(use.summary))}")
        for step in steps[2:]:
            st.subheader(step.title)
            views.agenda_step(step.key, content, uses, place="print")
        st.caption("Use your browser's print command to print this page.")
    views.reviewed_note([*uses, *(item for _, items in content.safety for item in items)])


content = frame.content()
parsed = consult_state.read(content)
for notice in parsed.notices:
    st.caption(f"Part of this link could not be used: we {notice}.")
if parsed.consultation.presenting:
    present(parsed.consultation, content)
else:
    prepare(parsed.consultation, content)
