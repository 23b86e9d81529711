"""The address as a page's state: read whole, written back in the run's language."""

from streamlit.testing.v1 import AppTest


def keep_concerns():
    import streamlit as st

    from botox_explorer.ui.url_state import address_params, keep_address

    st.text(repr(address_params()))
    keep_address({"concern": ["frown-lines", "chronic-migraine"]})


def test_reads_every_parameter_with_all_its_values():
    app = AppTest.from_function(keep_concerns)
    app.query_params["concern"] = ["a", "b"]
    app.query_params["step"] = "2"
    app.run()
    assert [t.value for t in app.text] == ["{'concern': ['a', 'b'], 'step': ['2']}"]


def test_writes_the_parameters_in_the_run_language_and_drops_the_others():
    app = AppTest.from_function(keep_concerns)
    app.query_params["step"] = "2"
    app.session_state["language"] = "es"
    app.run()
    assert dict(app.query_params) == {"concern": ["frown-lines", "chronic-migraine"], "lang": "es"}
