"""Explore uses: filters, the area map, cards, one use in detail, timing chart, downloads."""

import streamlit as st

from botox_explorer.charts import area_numbers
from botox_explorer.export import export_uses
from botox_explorer.filters import apply_filters
from botox_explorer.models import CATEGORIES, STATUS_KINDS
from botox_explorer.presenting import category_label, md, status_filter_label
from botox_explorer.ui import explorer, frame, views

content = frame.content()
table = frame.uses_table()
language = frame.language()
notices = explorer.seed_from_url(content)

st.title(frame.tr("page.explore.title"))
for notice in notices:
    st.toast(frame.tr("page.explore.notice", notice=notice), icon=":material/info:")
if notices:
    st.caption(md(frame.tr("page.explore.notices", notices="; ".join(notices))))

filters = explorer.current_filters()
if filters.topics:
    with st.container(border=True):
        st.markdown(f"**{frame.tr('page.explore.topics', count=len(filters.topics))}** "
                    + frame.tr("page.explore.topics_narrow"))
        st.button(frame.tr("page.explore.show_all"), icon=":material/select_all:", on_click=explorer.clear_topics)
if filters.open_use:
    with st.container(border=True):
        views.use_detail(content.uses[filters.open_use], content)
        st.button(frame.tr("page.explore.back"), icon=":material/arrow_back:", on_click=explorer.open_use,
                  args=(None,))

top_left, top_right = st.columns(2)
top_left.pills(frame.tr("page.explore.category"), CATEGORIES, selection_mode="multi", key=explorer.KEYS["categories"],
               format_func=lambda category: category_label(category, language), wrap=True)
top_right.pills(frame.tr("page.explore.status"), STATUS_KINDS, selection_mode="multi", key=explorer.KEYS["statuses"],
                format_func=lambda kind: status_filter_label(kind, language), wrap=True)
search_column, offered_column = st.columns(2)
search_column.text_input(frame.tr("page.explore.search"), key=explorer.KEYS["query"], max_chars=100,
                         placeholder=frame.tr("page.explore.placeholder"), icon=":material/search:")
offered_column.toggle(frame.tr("page.explore.offered_only"), key=explorer.KEYS["offered_only"])

filters = explorer.current_filters()
explorer.write_to_url(filters)
shown = apply_filters(table, filters)
with st.expander(frame.tr("page.explore.areas"), expanded=not filters.open_use, icon=":material/touch_app:"):
    views.chart_block(frame.chart("area_map", filters.areas), content)
    numbers = area_numbers(content)
    st.pills(frame.tr("page.explore.area"), list(content.areas), selection_mode="multi", key=explorer.KEYS["areas"],
             wrap=True, format_func=lambda area: f"{numbers[area]}. {frame.text(content.areas[area].name)}")
st.header(frame.tr("page.explore.shown", count=len(shown), total=len(table)))

uses = [content.uses[use_id] for use_id in shown["id"]]
visible = uses[: explorer.visible_count(filters, len(uses))]
if not uses:
    st.info(frame.tr("page.explore.none"), icon=":material/filter_alt_off:")
columns = st.columns(2)
for number, use in enumerate(visible):
    with columns[number % 2]:
        views.use_card(use, content, on_open=explorer.open_use)
if len(visible) < len(uses):
    st.button(frame.tr("page.explore.more", count=len(uses) - len(visible)), on_click=explorer.show_more,
              icon=":material/expand_more:")

if uses:
    st.header(frame.tr("page.explore.timing"))
    timeline = frame.chart("effect_timeline", tuple(use.id for use in visible))
    if timeline.table.empty:
        st.markdown(md(timeline.caption))
    else:
        views.chart_block(timeline, content)
    st.header(frame.tr("page.explore.download"))
    csv_column, json_column = st.columns(2)
    csv_column.download_button(frame.tr("page.explore.csv"), lambda: export_uses(shown, "csv"),
                               "botox-explorer-uses.csv", "text/csv", on_click="ignore", icon=":material/download:")
    json_column.download_button(frame.tr("page.explore.json"), lambda: export_uses(shown, "json"),
                                "botox-explorer-uses.json", "application/json", on_click="ignore",
                                icon=":material/download:")
views.reviewed_note([content.uses[filters.open_use]] if filters.open_use else uses)
