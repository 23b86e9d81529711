"""When a Streamlit page has settled in a browser; shared by the browser tests and the benchmarks."""

# True once the app is connected, its script has finished, nothing is still loading and every chart is drawn.
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
  return true;
}"""
