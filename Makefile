# libcrypto-go - one Makefile for every layer.
#
#   make          build build/libcrypto-go.so and regenerate include/cryptogo.h
#   make demo     the C walkthrough of the seed guide
#   make test     every test suite (installs what it needs)
#
# Test vectors are read from $(CRYPTOGO_SHARED) (default ../shared):
# wycheproof/ and fernet-spec/. Set WYCHEPROOF_DIR / FERNET_SPEC_DIR to point
# elsewhere; CRYPTOGO_REQUIRE_VECTORS=1 turns a missing-vectors skip into a failure.

GO        ?= go
PYTHON    ?= python3
BUILD     := build
LIB       := $(BUILD)/libcrypto-go.so
ROOT      := $(abspath .)
CRYPTOGO_SHARED ?= $(abspath $(ROOT)/../shared)
VENV      := $(BUILD)/venv
VPY       := $(VENV)/bin/python
GO_SRC    := $(shell find core capi -name '*.go' -not -name '*_test.go') go.mod include/cryptogo_types.h

export CRYPTOGO_SHARED
export CRYPTOGO_LIBRARY := $(ROOT)/$(LIB)

.PHONY: all lib header check-header deps venv test test-go test-race test-c test-python test-node \
        test-conformance-quick demo wheel bench bench-c bench-python bench-node conformance fuzz stress clean

all: lib

lib: $(LIB)

# The public header and the ABI description are generated from capi's exports.
header:
	$(GO) run ./capi/abigen

check-header:
	$(GO) run ./capi/abigen -check

$(LIB): $(GO_SRC)
	$(GO) run ./capi/abigen
	$(GO) build -buildmode=c-shared -trimpath -o $(LIB) ./capi
	rm -f $(BUILD)/libcrypto-go.h.orig

# System packages a fresh machine may lack (Debian). Skipped when present.
deps:
	@missing=""; \
	for p in gcc g++ cmake pkg-config openssl libssl-dev; do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi
	$(GO) mod download

# Python virtual environment with pinned test dependencies.
venv: $(VENV)/.stamp
$(VENV)/.stamp: bindings/python/requirements-test.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r bindings/python/requirements-test.txt
	touch $@

test: deps lib check-header test-go test-c test-python test-node test-conformance-quick
	@echo "make test: all suites passed"

test-go:
	$(GO) vet ./core/... ./capi/...
	$(GO) test -count=1 ./core/... ./capi/...
	$(GO) test -count=1 -race ./core/... ./capi/...

test-c: lib
	cmake -S . -B $(BUILD)/cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD)/cmake -j2
	cd $(BUILD)/cmake && ctest --output-on-failure

test-python: lib venv
	cd bindings/python && $(ROOT)/$(VPY) -m pytest -q -p no:cacheprovider tests

# Platform wheel of the Python binding (its build step compiles the library
# with Go and bundles it): build/cryptogo-*.whl.
wheel: venv
	$(VPY) -m pip wheel -q --no-deps -w $(BUILD) ./bindings/python
	rm -rf bindings/python/cryptogo.egg-info
	@ls $(BUILD)/cryptogo-*.whl

# Python binding vs pyca in the same process; writes build/bench-python.json.
bench-python: lib venv
	$(VPY) bindings/python/bench/bench.py --json $(BUILD)/bench-python.json

test-node: lib
	cd bindings/node && npm install --no-audit --no-fund && npm test

# Node binding benchmark: ours vs node:crypto (table + build/bench-node.json). Not part of `make test`.
bench-node: lib
	cd bindings/node && npm install --no-audit --no-fund && node bench/bench.js

test-conformance-quick: lib venv
	@if [ -f tests/conformance/driver.py ]; then $(VPY) tests/conformance/driver.py --quick; \
	else echo "conformance harness not built yet"; fi

demo: lib
	cmake -S . -B $(BUILD)/cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build $(BUILD)/cmake -j2 --target cryptogo_demo
	$(BUILD)/cmake/cryptogo_demo

clean:
	rm -rf $(BUILD)
