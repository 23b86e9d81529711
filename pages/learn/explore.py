"""Explore uses: filters, the area map, cards, one use in detail, timing chart, downloads."""

import streamlit as st

from botox_explorer.charts import area_numbers
from botox_explorer.export import export_uses
from botox_explorer.filters import apply_filters
from botox_explorer.models import CATEGORIES, STATUS_KINDS, text_in
from botox_explorer.presenting import CATEGORY_LABELS, STATUS_FILTER_LABELS, md
from botox_explorer.ui import explorer, frame, views

content = frame.content()
table = frame.uses_table()
notices = explorer.seed_from_url(content)

st.title("Explore the uses")
for notice in notices:
    st.toast(f"This link had a value we could not use, so we {notice}.", icon=":material/info:")
if notices:
    st.caption("Part of this link could not be used and was left out: " + "; ".join(notices) + ".")

filters = explorer.current_filters()
if filters.topics:
    with st.container(border=True):
        st.markdown(f"**The {len(filters.topics)} topic{'s' if len(filters.topics) != 1 else ''} from your "
                    "consultation.** Other filters below narrow them further.")
        st.button("Show all uses", icon=":material/select_all:", on_click=explorer.clear_topics)
if filters.open_use:
    with st.container(border=True):
        views.use_detail(content.uses[filters.open_use], content)
        st.button("Back to all uses", icon=":material/arrow_back:", on_click=explorer.open_use, args=(None,))

top_left, top_right = st.columns(2)
top_left.pills("Category", CATEGORIES, selection_mode="multi", key=explorer.KEYS["categories"],
               format_func=CATEGORY_LABELS.get, wrap=True)
top_right.pills("Status in the US", STATUS_KINDS, selection_mode="multi", key=explorer.KEYS["statuses"],
                format_func=STATUS_FILTER_LABELS.get, wrap=True)
search_column, offered_column = st.columns(2)
search_column.text_input("Search", key=explorer.KEYS["query"], max_chars=100,
                         placeholder="e.g. sweating, migraine, frown", icon=":material/search:")
offered_column.toggle("Only what this clinic offers", key=explorer.KEYS["offered_only"])

filters = explorer.current_filters()
explorer.write_to_url(filters)
shown = apply_filters(table, filters)
with st.expander("Body areas: choose on the drawing", expanded=not filters.open_use, icon=":material/touch_app:"):
    views.chart_block(frame.chart("area_map", filters.areas), content)
    numbers = area_numbers(content)
    st.pills("Body area", list(content.areas), selection_mode="multi", key=explorer.KEYS["areas"], wrap=True,
             format_func=lambda area: f"{numbers[area]}. {text_in(content.areas[area].name)}")
st.header(f"{len(shown)} of {len(table)} uses shown")

uses = [content.uses[use_id] for use_id in shown["id"]]
visible = uses[: explorer.visible_count(filters, len(uses))]
if not uses:
    st.info("No use matches all these filters. Remove one to see more.", icon=":material/filter_alt_off:")
columns = st.columns(2)
for number, use in enumerate(visible):
    with columns[number % 2]:
        views.use_card(use, content, on_open=explorer.open_use)
if len(visible) < len(uses):
    st.button(f"Show more uses ({len(uses) - len(visible)} more)", on_click=explorer.show_more,
              icon=":material/expand_more:")

if uses:
    st.header("When does it work, and for how long?")
    timeline = frame.chart("effect_timeline", tuple(use.id for use in visible))
    if timeline.table.empty:
        st.markdown(md(timeline.caption))
    else:
        views.chart_block(timeline, content)
    st.header("Download this list")
    csv_column, json_column = st.columns(2)
    csv_column.download_button("Download CSV", lambda: export_uses(shown, "csv"), "botox-explorer-uses.csv",
                               "text/csv", on_click="ignore", icon=":material/download:")
    json_column.download_button("Download JSON", lambda: export_uses(shown, "json"), "botox-explorer-uses.json",
                                "application/json", on_click="ignore", icon=":material/download:")
views.reviewed_note([content.uses[filters.open_use]] if filters.open_use else uses)
