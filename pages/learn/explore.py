"""Explore uses: filters, the area map, cards, one use in detail, timing chart, downloads."""

import streamlit as st

from botox_explorer.charts import area_numbers
from botox_explorer.export import export_uses
from botox_explorer.filters import apply_filters
from botox_explorer.models import CATEGORIES, STATUS_KINDS
from botox_explorer.presenting import category_label, status_filter_label
from botox_explorer.ui import content_cache, explorer
from botox_explorer.ui import language as lang
from botox_explorer.ui.chart_view import chart_block, effect_chart
from botox_explorer.ui.markdown import md
from botox_explorer.ui.search_view import search_status
from botox_explorer.ui.sources_view import reviewed_note
from botox_explorer.ui.use_view import use_card, use_detail

content = content_cache.content()
table = content_cache.uses_table()
language = lang.language()
notices = explorer.follow_url(content)

st.title(lang.tr("page.explore.title"))
if notices:
    st.info(md(" ".join(notices)), icon=":material/info:")

filters = explorer.current_filters()
if filters.topics:
    with st.container(border=True):
        names = ", ".join(lang.text(content.uses[use_id].name) for use_id in filters.topics)
        st.markdown(f"**{lang.tr('page.explore.topics', count=len(filters.topics))}** {md(names)}  \n"
                    + lang.tr("page.explore.topics_narrow"))
        st.button(lang.tr("page.explore.show_all"), icon=":material/select_all:", on_click=explorer.clear_topics)
if filters.open_use:
    with st.container(border=True):
        use_detail(content.uses[filters.open_use], content)
        st.button(lang.tr("page.explore.back"), icon=":material/arrow_back:", on_click=explorer.open_use,
                  args=(None,))

top_left, top_right = st.columns(2)
top_left.pills(lang.tr("page.explore.category"), CATEGORIES, selection_mode="multi", key=explorer.KEYS["categories"],
               format_func=lambda category: category_label(category, language), wrap=True)
top_right.pills(lang.tr("page.explore.status"), STATUS_KINDS, selection_mode="multi", key=explorer.KEYS["statuses"],
                format_func=lambda kind: status_filter_label(kind, language), wrap=True)
search_column, offered_column = st.columns(2)
search_column.text_input(lang.tr("page.explore.search"), key=explorer.KEYS["query"], max_chars=100,
                         placeholder=lang.tr("page.explore.placeholder"), icon=":material/search:")
offered_column.toggle(lang.tr("page.explore.offered_only"), key=explorer.KEYS["offered_only"])

filters = explorer.current_filters()
explorer.write_to_url(filters)
search_index = content_cache.search_index()
shown = apply_filters(table, filters, search_index)
if filters.query:
    with search_column:
        search_status(filters.query, len(shown), search_index, content)
# Folded when a use is open or a QR code chose the topics: what was asked for comes first on a phone.
with st.expander(lang.tr("page.explore.areas"), expanded=not (filters.open_use or filters.topics),
                 icon=":material/touch_app:"):
    chart_block(content_cache.chart("area_map", filters.areas), content)
    numbers = area_numbers(content)
    st.pills(lang.tr("page.explore.area"), list(content.areas), selection_mode="multi", key=explorer.KEYS["areas"],
             wrap=True, format_func=lambda area: f"{numbers[area]}. {lang.text(content.areas[area].name)}")
st.header(lang.tr("page.explore.shown", count=len(shown), total=len(table)))

uses = [content.uses[use_id] for use_id in shown["id"]]
visible = uses[: explorer.visible_count(filters, len(uses))]
if not uses and not filters.query:
    st.info(lang.tr("page.explore.none"), icon=":material/filter_alt_off:")
columns = st.columns(2)
for number, use in enumerate(visible):
    with columns[number % 2]:
        use_card(use, content, on_open=explorer.open_use)
if len(visible) < len(uses):
    st.button(lang.tr("page.explore.more", count=len(uses) - len(visible)), on_click=explorer.show_more,
              icon=":material/expand_more:")

if uses:
    st.header(lang.tr("page.explore.timing"))
    effect_chart(content, [use.id for use in visible])
    st.header(lang.tr("page.explore.download"))
    csv_column, json_column = st.columns(2)
    csv_column.download_button(lang.tr("page.explore.csv"), lambda: export_uses(shown, "csv"),
                               "botox-explorer-uses.csv", "text/csv", on_click="ignore", icon=":material/download:")
    json_column.download_button(lang.tr("page.explore.json"), lambda: export_uses(shown, "json"),
                                "botox-explorer-uses.json", "application/json", on_click="ignore",
                                icon=":material/download:")
reviewed_note([content.uses[filters.open_use]] if filters.open_use else uses)
explorer.follow_open_use(filters)
