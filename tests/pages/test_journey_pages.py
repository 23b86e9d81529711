"""The patient's journey: the first screen, the pictures, Before your visit, the glossary, words explained in
place, and the consultation's link to the patient's phone."""

import base64
import html
import re
import shutil

from .helpers import open_page, popovers, texts

IMAGE = re.compile(r"!\[(?P<alt>.*?)\]\(data:image/svg\+xml;base64,(?P<svg>[A-Za-z0-9+/=]+)\)", re.DOTALL)


def pictures(app) -> list[tuple[str, str]]:
    """Every picture on the page: (its text alternative, its SVG)."""
    return [(m["alt"].replace("\\", ""), base64.b64decode(m["svg"]).decode("utf-8"))
            for element in app.markdown for m in IMAGE.finditer(element.value)]


def test_the_first_screen_offers_four_places_to_start_and_a_picture(real_content):
    app = open_page("home")
    starts = [b.label for b in app.button if b.key and b.key.startswith("start-")]
    assert starts == ["Explore a concern", "How it works", "Is it safe?", "Visit the clinic"]
    assert (real_content.illustrations["home-welcome"].alt["en"], ) == tuple(
        alt for alt, _ in pictures(app) if alt == real_content.illustrations["home-welcome"].alt["en"])
    [visit] = [b for b in app.button if b.label == "Visit the clinic"]
    visit.click().run()
    assert [t.value for t in app.title] == ["Where to find us"]


def test_how_it_works_shows_the_three_states_with_their_captions_and_sources(real_content):
    app = open_page("how")
    alts = [alt for alt, _ in pictures(app)]
    page = texts(app).replace("\\", "")
    sources = dict(popovers(app))
    for drawing_id in ("mechanism-signal", "mechanism-blocked", "mechanism-recovery"):
        drawing = real_content.illustrations[drawing_id]
        assert " ".join(drawing.alt["en"].split()) in alts
        assert drawing.caption["en"] in page
        assert f"Sources ({len(drawing.sources)})" in sources
    assert "Step by step" in [h.value for h in app.header]  # the steps stay as the text alternative


def test_a_glossary_word_is_explained_where_it_first_appears_and_only_there(real_content):
    app = open_page("how")
    meanings = [text.replace("\\", "") for label, text in popovers(app) if "Meaning of: " in label]
    words = [word for text in meanings for word in re.findall(r"\*\*([^*]+):\*\*", text)]
    assert "acetylcholine" in words
    assert len(words) == len(set(words)), "a word is explained once a page"
    [text] = [text for text in meanings if "**acetylcholine:**" in text]
    assert real_content.glossary["acetylcholine"].meaning["en"] in text


def test_a_long_list_of_words_is_named_by_its_first_three(real_content):
    app = open_page("home")
    labels = [label.split("Meaning of: ", 1)[1] for label, _ in popovers(app) if "Meaning of: " in label]
    long_ones = [label for label in labels if " more" in label]
    assert long_ones and all(label.count(",") == 2 and label.endswith(" more") for label in long_ones)


def test_the_glossary_searches_words_and_meanings(real_content):
    app = open_page("glossary")
    total = len(real_content.glossary)
    assert f"{total} of {total} words shown." in texts(app)
    app.text_input(key="glossary_query").set_value("eyelid").run()
    [listed] = [m.value for m in app.markdown if m.value.startswith("#### ")]
    shown = listed.split("#### ")[1:]
    assert shown and all("eyelid" in s.casefold() for s in shown)
    assert all(re.search(r"Sources \d", s) for s in shown)  # each word with the numbers of its sources
    app.text_input(key="glossary_query").set_value("<script>zzz").run()
    assert "No word matches this search" in texts(app)


def test_before_your_visit_keeps_choices_out_of_the_url_and_puts_them_in_the_notes(real_content):
    app = open_page("visit")
    safety = real_content.safety
    tell, ask = app.button_group(key="visit-tell"), app.button_group(key="visit-ask")
    assert list(tell.options) == [i.label["en"] for i in (*safety.do_not_treat, *safety.tell_your_doctor)]
    assert len(ask.options) == len(safety.questions_to_ask)
    assert "Cow's milk allergy" in tell.options
    tell.set_value(["pregnancy"]).run()
    app.button_group(key="visit-ask").set_value(["which-product"]).run()
    assert dict(app.query_params) == {"lang": "en"}  # the language only: no choice
    page = texts(app).replace("\\", "")
    assert safety.tell_your_doctor[5].text["en"] in page  # the chosen point in full, with why it matters
    [notes] = [text for label, text in popovers(app) if label.startswith("Download or print (2 chosen)")]
    assert "pregnant" in notes and "Which product will you use" in notes and "breastfeeding" not in notes


def test_a_consultation_link_opens_only_its_topics(real_content):
    app = open_page("explore", topics="frown-lines,chronic-migraine")
    cards = [m.value for m in app.markdown if m.value.startswith("### ")]
    assert len(cards) == 2
    assert "Showing the 2 topics from your consultation:" in texts(app).replace("\\", "").replace("**", "")
    [show_all] = [b for b in app.button if b.label == "Show all uses"]
    show_all.click().run()
    assert "topics" not in app.query_params
    assert f"{len(real_content.uses)} of {len(real_content.uses)} uses shown" in texts(app)


def test_unknown_topics_are_left_out_with_a_notice():
    app = open_page("explore", topics="frown-lines,<b>x</b>,nothing")
    assert "This link asked for a topic that we do not have, so we left it out." in texts(app).replace("\\", "")
    assert app.query_params["topics"] == "frown-lines"


def use_public_url(monkeypatch, tmp_path, url: str) -> None:
    """The pages read a copy of data/ whose clinic sets ``public_url``, the address the QR code is made for."""
    data = tmp_path / "data"
    shutil.copytree("data", data)
    clinic = data / "clinic.yaml"
    clinic.write_text(f'public_url: "{url}"\n' + clinic.read_text())
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(data))


def test_the_presenter_offers_a_qr_code_with_the_topics_only(monkeypatch, tmp_path):
    use_public_url(monkeypatch, tmp_path, "https://guide.clinic.example/")
    app = open_page("consultation", topics=["frown-lines", "chronic-migraine"], present="1")
    [inside] = [text for label, text in popovers(app) if label == "On your phone"]
    link = "https://guide.clinic.example/guide/topics.html?topics=frown-lines,chronic-migraine"
    assert link in inside.replace("\\", "")
    [(alt, svg)] = [(alt, svg) for alt, svg in pictures(app) if alt.startswith("QR code")]
    assert alt.endswith(link) and "<title>QR code" in html.unescape(svg)


def test_without_any_address_only_staff_are_told_to_set_one():
    app = open_page("consultation", topics=["frown-lines"], present="1")  # AppTest has no browser address
    assert "public_url" not in texts(app) and not app.warning
    assert not [label for label, _ in popovers(app) if label == "On your phone"]
    assert not [alt for alt, _ in pictures(app) if alt.startswith("QR code")]
    app = open_page("consultation", topics=["frown-lines"])
    assert [c.value for c in app.caption if "public_url" in c.value] == [
        ":material/warning: For staff: the presenter shows no QR code for the patient's phone, as the dashboard's "
        "public address is not known here. Set public_url in data/clinic.yaml."]


def test_with_this_computers_address_the_patient_sees_the_code_and_staff_the_setup_note(monkeypatch, tmp_path):
    use_public_url(monkeypatch, tmp_path, "http://localhost:8501/")
    app = open_page("consultation", topics=["frown-lines"], present="1")
    [inside] = [text for label, text in popovers(app) if label == "On your phone"]
    assert "public_url" not in inside and "public_url" not in texts(app)
    app = open_page("consultation", topics=["frown-lines"])
    assert [c.value for c in app.caption if "public_url" in c.value] == [
        ":material/warning: For staff: the presenter's QR code holds this computer's own address, which a phone "
        "cannot open. Set public_url in data/clinic.yaml to the dashboard's public address."]
