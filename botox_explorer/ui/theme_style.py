"""The style every page shares on top of the theme (``.streamlit/config.toml``): what the theme's settings cannot
reach. Plain CSS, no content in it; the entry point adds it once a run (``st.html``, which sends a style-only block
to no place on the page).

Chosen chips (``st.pills``). Streamlit draws a chosen chip as primary-colored text on the primary color at 10 %: on
the dark theme that was ``#237A82`` on about ``#111F21``, 3.3:1 (WCAG AA asks 4.5:1; 3.0:1 under the pointer, and
4.4:1 there on the light theme), and fainter than an unchosen chip (15.8:1), so a chosen chip looked disabled. No
theme option sets a chip's colors, and one primary color cannot serve both a chosen chip's text on the dark page (it
would have to be light) and a primary button's white text (it has to be dark). So a chosen chip is filled: white on
``#237A82`` (5.0:1), ``#1F6F78`` under the pointer or the keyboard's focus (5.8:1); the fill stands out from either
page, 3.6:1 on the dark one and 5.0:1 on white (WCAG 1.4.11 asks 3:1). One fill for both themes: the page cannot
tell which theme a visitor picked in Streamlit's menu, and a media query only knows the system's setting.

Tertiary buttons (the language switch, "Sources", "Meaning of", "What each point means"). Streamlit colors their
words with the primary color under the pointer or the keyboard's focus (3.6:1 on the dark page) and with the primary
darkened by a quarter while pressed or while their popover is open: ``#071A1C`` on the dark page, 1.0:1, so an open
"Meaning of" button vanished. They keep the theme's text color instead (whatever the theme), underlined under the
pointer or the focus so that the change still shows.

Key hints in buttons (``st.button(shortcut=...)``, the presenter's "PageDown"): Streamlit fades the ``<kbd>`` to
60 %, white at 60 % on the primary button being 3.2:1 on the light theme and 2.9:1 on the dark one. They keep the
button's full text color (5.8:1 and 5.0:1 on the primary button).
"""

CHOSEN_CHIP_FILL = "#237A82"
CHOSEN_CHIP_FOCUS_FILL = "#1F6F78"

THEME_CSS = f"""
<style>
  [data-testid="stButtonGroup"] button[data-selected]:not([data-disabled]) {{
    background-color: {CHOSEN_CHIP_FILL}; border-color: {CHOSEN_CHIP_FILL}; color: #FFFFFF;
  }}
  [data-testid="stButtonGroup"] button[data-selected]:is([data-hovered], [data-focus-visible]):not([data-disabled]) {{
    background-color: {CHOSEN_CHIP_FOCUS_FILL}; border-color: {CHOSEN_CHIP_FOCUS_FILL}; color: #FFFFFF;
  }}
  button[kind="tertiary"]:is(:hover, :focus-visible, :active, [aria-expanded="true"]):not(:disabled) {{
    color: inherit;
  }}
  button[kind="tertiary"]:is(:hover, :focus-visible):not(:disabled) p {{ text-decoration: underline; }}
  [data-testid="stButton"] button kbd {{ opacity: 1; }}
</style>
"""
