# Botox Explorer: the dashboard in a container (docs/deploy.md says how to run it behind the proxy in deploy/).
# Slim Python base, the pinned requirements, the guide built, a user without privileges, the README's launcher as
# the command.
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

COPY app.py ./
COPY .streamlit/ .streamlit/
COPY assets/ assets/
COPY botox_explorer/ botox_explorer/
COPY data/ data/
COPY pages/ pages/

# The guide, the same content as plain pages (botox_explorer.guide), built once here and served at /guide/: broken
# content fails the build. Its canonical links and sitemap need the guide's public address: the clinic's public_url
# in data/clinic.yaml, or --build-arg GUIDE_BASE_URL=https://.../guide/.
ARG GUIDE_BASE_URL=""
RUN python -m botox_explorer.guide build --output /app/guide ${GUIDE_BASE_URL:+--base-url "$GUIDE_BASE_URL"}
ENV BOTOX_EXPLORER_GUIDE=/app/guide

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin explorer
USER 10001

EXPOSE 8501
# Streamlit answers "ok" on its health endpoint once it serves the app.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]

CMD ["python", "-m", "botox_explorer.ui.launch", "--server.address", "0.0.0.0", "--server.port", "8501"]
