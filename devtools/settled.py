"""When a Streamlit page has settled in a browser; shared by the browser tests and the benchmarks."""

# True once the app is connected, its script has finished, nothing is still loading and every chart is drawn
# (a plotly chart holds its svg; a chart picture has loaded).
# Attribute names and values from Streamlit 1.67's frontend (static/js): on [data-testid=stApp],
# data-test-connection-state is a ConnectionState ("CONNECTED", ...) and data-test-script-state a
# ScriptRunState ("initial" before the first run, then "running", "notRunning", "rerunRequested", ...).
SETTLED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('svg')) return false;
  }
  for (const picture of document.querySelectorAll('img[src^="data:image/svg+xml"]')) {
    if (!picture.complete || picture.naturalWidth === 0) return false;
  }
  return true;
}"""

# Arms a watch on the app's script state; ``RERUN_SEEN_JS`` is true once the state has changed since, or once the
# app has rewritten its URL (the explorer's filters and the consultation write it from the script): a run can be
# so quick, or the browser so busy, that React never paints the "running" state, and then only the URL tells that
# it happened. A click that changes neither (History's kind pills) needs a condition of its own on what it changes.
WATCH_RUN_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (window.__stRunWatch) window.__stRunWatch.disconnect();
  window.__stRunSeen = false;
  window.__stHrefBefore = location.href;
  window.__stRunWatch = new MutationObserver(() => { window.__stRunSeen = true; });
  window.__stRunWatch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
RERUN_SEEN_JS = "() => window.__stRunSeen === true || location.href !== window.__stHrefBefore"
RERUN_SETTLED_JS = "() => (" + RERUN_SEEN_JS + ")() && (" + SETTLED_JS + ")()"
