# Container image targets; the Makefile includes this file (also usable alone:
# `make -f mk/image.mk image`).
#
#   make image        build $(IMAGE) from the Dockerfile
#   make image-test   build, then run and test the image (pytest -m image tests/test_image.py)
#
# With a running Docker engine, `docker build` is used as is. Otherwise podman, with the
# settings that sandboxes without a Docker engine need:
#   - runc with cgroupfs: podman's default crun fails there ("cgroups in hybrid mode not
#     supported");
#   - --network host, so RUN steps reach the package registries (and, in the image test,
#     the bot in the container reaches the emulator on 127.0.0.1);
#   - the base image from scripts/base-image.sh: where no container registry is reachable
#     it builds a stand-in for python:3.11-slim (Debian bookworm, whose python3 is 3.11),
#     labelled so that the build uses --pull=never.
# From the environment, when set:
#   SSL_CERT_FILE   mounted read-only and passed as PIP_CERT (CA bundle for pip, needed
#                   behind a TLS-inspecting proxy; mounting it over the image's own
#                   ca-certificates.crt instead would break dpkg installing ca-certificates)
#   PIP_FIND_LINKS  a wheel directory, mounted read-only and passed as PIP_FIND_LINKS
#                   (here it holds the CPU torch wheel; else PyTorch's CPU index is used)
# IMAGE_BUILD_ARGS adds flags, e.g. IMAGE_BUILD_ARGS='--build-arg TORCH_INDEX_URL=...'.

IMAGE ?= localhost/netral:latest
BASE_IMAGE ?= docker.io/library/python:3.11-slim
PODMAN ?= podman --runtime runc --cgroup-manager cgroupfs
IMAGE_BUILD_ARGS ?=
IMAGE_CONTEXT := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)

.PHONY: image image-test

image:
	@set -eu; \
	cd "$(IMAGE_CONTEXT)"; \
	if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 \
	        && ! docker --version | grep -qi podman; then \
	    echo "+ docker build -t $(IMAGE) ."; \
	    exec docker build $(IMAGE_BUILD_ARGS) -t "$(IMAGE)" .; \
	fi; \
	BASE_IMAGE="$(BASE_IMAGE)" scripts/base-image.sh; \
	set -- --format docker --network host; \
	if [ "$$($(PODMAN) image inspect --format '{{ index .Labels "org.netral.stand-in" }}' "$(BASE_IMAGE)" 2>/dev/null)" = true ]; then \
	    set -- "$$@" --pull=never; \
	fi; \
	if [ -n "$${SSL_CERT_FILE:-}" ] && [ -f "$$SSL_CERT_FILE" ]; then \
	    set -- "$$@" -v "$$SSL_CERT_FILE:/run/host-ca.crt:ro" --build-arg PIP_CERT=/run/host-ca.crt; \
	fi; \
	if [ -n "$${PIP_FIND_LINKS:-}" ] && [ -d "$$PIP_FIND_LINKS" ]; then \
	    set -- "$$@" -v "$$PIP_FIND_LINKS:/run/wheels:ro" --build-arg PIP_FIND_LINKS=/run/wheels; \
	fi; \
	echo "+ $(PODMAN) build $$* $(IMAGE_BUILD_ARGS) -t $(IMAGE) ."; \
	$(PODMAN) build "$$@" $(IMAGE_BUILD_ARGS) -t "$(IMAGE)" .

# The container test (tests/test_image.py): runs the built image against a local Bot API
# emulator and news site, on a fresh volume, then removes its containers and volume.
# Needs the venv from `make setup` (pytest and the helpers in tests/support/).
PY ?= .venv/bin/python

image-test: image
	@set -eu; \
	cd "$(IMAGE_CONTEXT)"; \
	engine="$(PODMAN)"; \
	if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 \
	        && ! docker --version | grep -qi podman; then \
	    engine=docker; \
	fi; \
	echo "+ IMAGE=$(IMAGE) CONTAINER_ENGINE='$$engine' $(PY) -m pytest -v -m image tests/test_image.py"; \
	IMAGE="$(IMAGE)" CONTAINER_ENGINE="$$engine" $(PY) -m pytest -v -m image tests/test_image.py
