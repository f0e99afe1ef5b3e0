# libcrypto-go - one Makefile for every layer. `make help` lists the targets.
#
#   make          build build/libcrypto-go.so and regenerate include/cryptogo.h
#   make demo     the C walkthrough of the seed guide
#   make test     lint + every test suite (installs what it needs)
#   make check    the fast loop: Go and Python unit tests without the vector groups
#
# Test vectors are read from $(CRYPTOGO_SHARED) (default ../shared):
# wycheproof/ and fernet-spec/. Set WYCHEPROOF_DIR / FERNET_SPEC_DIR to point
# elsewhere; CRYPTOGO_REQUIRE_VECTORS=1 turns a missing-vectors skip into a failure.

# Go 1.27 (go.mod); the go command fetches this toolchain through the module
# proxy when the machine's own Go is older.
export GOTOOLCHAIN := go1.27.3
GO        ?= go
PYTHON    ?= python3
BUILD     := build
LIB       := $(BUILD)/libcrypto-go.so
ROOT      := $(abspath .)
CRYPTOGO_SHARED ?= $(abspath $(ROOT)/../shared)
VENV      := $(BUILD)/venv
VPY       := $(VENV)/bin/python
GO_SRC    := $(shell find core capi -name '*.go' -not -name '*_test.go') \
             $(shell find core capi -name '*.s') go.mod go.sum include/cryptogo_types.h
# Pinned lint tools (Python's are in bindings/python/requirements-lint.txt,
# TypeScript's in bindings/node/package.json).
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The module's own packages (./... would also walk build/, where make pyca-suite
# unpacks pyca's sources with their Go helper programs).
GO_PKGS     := ./core/... ./capi/... ./tests/...

export CRYPTOGO_SHARED
export CRYPTOGO_LIBRARY := $(ROOT)/$(LIB)

.PHONY: all lib header check-header deps venv help lint lint-go lint-python lint-node lint-tracked check test test-go test-race test-c test-python test-node \
        test-conformance-quick test-pyca-claimed pyca-suite pyca-suite-update-expected pyca-suite-selftest demo wheel bench bench-c bench-python bench-node conformance fuzz stress leaks test-misuse test-leaks-quick clean

all: lib ## build the library (same as make lib)

lib: $(LIB) ## build build/libcrypto-go.so and regenerate the headers and ABI description

# The public header and the ABI description are generated from capi's exports.
header: ## regenerate include/cryptogo*.h and include/cryptogo_abi.json from capi
	$(GO) run ./capi/abigen

check-header: ## fail when the generated headers or ABI description are stale
	$(GO) run ./capi/abigen -check

$(LIB): $(GO_SRC)
	$(GO) run ./capi/abigen
	$(GO) build -buildmode=c-shared -trimpath -o $(LIB) ./capi
	rm -f $(BUILD)/libcrypto-go.h.orig

# System packages a fresh machine may lack (Debian). Skipped when present.
deps: ## install missing Debian packages and download Go modules
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
venv: $(VENV)/.stamp ## create build/venv with the pinned Python test and lint tools
$(VENV)/.stamp: bindings/python/requirements-test.txt bindings/python/requirements-lint.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r bindings/python/requirements-test.txt -r bindings/python/requirements-lint.txt
	touch $@

help: ## list the targets
	@awk -F':.*## ' '/^[a-z][a-z-]*:.*## /{printf "  %-24s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# ---------------------------------------------------------------------------
# Lint: part of make test (and so of CI). Deliberate staticcheck exceptions are
# //lint:ignore comments beside the code.
lint: venv lint-go lint-python lint-node lint-tracked ## gofmt, go vet, staticcheck, ruff, mypy, tsc, tracked-file hygiene
lint-go:
	@out=$$(gofmt -l core capi tests); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet $(GO_PKGS)
	$(GO) run $(STATICCHECK) $(GO_PKGS)
lint-python: venv # ruff check, ruff format --check, mypy (pinned in requirements-lint.txt)
	VENV=$(ROOT)/$(VENV) bindings/python/tools/lint.sh
lint-node:
	cd bindings/node && npm install --no-audit --no-fund --ignore-scripts && npm run typecheck
lint-tracked:
	tests/hygiene/tracked_files.sh

# The fast loop (about a minute on 2 cores): unit tests without the
# Wycheproof/vector groups (-short in Go, -m "not vectors" in Python).
check: lib venv ## fast loop: Go and Python unit tests without the slow vector groups
	$(GO) test -count=1 -short ./core/... ./capi/...
	cd bindings/python && $(ROOT)/$(VPY) -m pytest -q -p no:cacheprovider -m "not vectors" tests

test: deps lib check-header lint test-go test-misuse test-leaks-quick test-c test-python test-node test-conformance-quick test-pyca-claimed ## lint, then every test suite (Go, misuse, leaks, C, Python, Node, conformance, pyca's claimed tests)
	@echo "make test: all suites passed"

test-go: ## Go unit and vector tests, the race detector (-short), the purego RSA path
	$(GO) test -count=1 ./core/... ./capi/...
	$(GO) test -count=1 -race -short ./core/... ./capi/...
	# the portable (non-assembly) RSA public-key arithmetic, as other architectures build it
	$(GO) test -count=1 -tags purego -run 'RSAPublicExp|AddMulVVW|RSAVerifyAgrees|RSAEncryptInterop' ./core/rsa

test-c: lib ## C tests through CMake/CTest (KATs, quick start, demo, consumers)
	cmake -S . -B $(BUILD)/cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCRYPTOGO_PREBUILT_LIB=ON >/dev/null
	cmake --build $(BUILD)/cmake -j2
	cd $(BUILD)/cmake && ctest --output-on-failure

test-python: lib venv ## the Python binding's pytest suite
	cd bindings/python && $(ROOT)/$(VPY) -m pytest -q -p no:cacheprovider tests

# ---------------------------------------------------------------------------
# pyca's own test suite as the compatibility gauge (tests/pyca-suite/README.md).
# The pinned source release and vectors wheel are fetched into build/ with pip;
# two environments: control (real pyca) and cryptogo (no pyca; an import hook
# makes `cryptography.*` be `cryptogo.*`). PYCA_SUITE_WORKERS: pytest-xdist workers.
PYCA_VERSION  := 50.0.2
PYCA_DIR      := $(BUILD)/pyca-suite
PYCA_SDIST    := $(PYCA_DIR)/dist/cryptography-$(PYCA_VERSION).tar.gz
PYCA_VECTORS  := $(PYCA_DIR)/dist/cryptography_vectors-$(PYCA_VERSION)-py3-none-any.whl
PYCA_SRC      := $(PYCA_DIR)/src/cryptography-$(PYCA_VERSION)
PYCA_CONTROL  := $(PYCA_DIR)/venv-control
PYCA_OURS     := $(PYCA_DIR)/venv-cryptogo
PYCA_SUITE_WORKERS ?= 2
PYCA_RUN = $(PYCA_OURS)/bin/python tests/pyca-suite/run.py --src $(PYCA_SRC) \
	--control-python $(PYCA_CONTROL)/bin/python --cryptogo-python $(PYCA_OURS)/bin/python \
	--library $(ROOT)/$(LIB) --workers $(PYCA_SUITE_WORKERS) \
	$(if $(wildcard $(CRYPTOGO_SHARED)/wycheproof/*.json),--wycheproof $(PYCA_DIR)/wycheproof)

$(PYCA_SDIST):
	$(PYTHON) -m pip download -q --no-binary :all: --no-deps -d $(PYCA_DIR)/dist cryptography==$(PYCA_VERSION)
$(PYCA_VECTORS):
	$(PYTHON) -m pip download -q --no-deps -d $(PYCA_DIR)/dist cryptography-vectors==$(PYCA_VERSION)
$(PYCA_SRC)/.stamp: $(PYCA_SDIST)
	rm -rf $(PYCA_SRC) && mkdir -p $(PYCA_DIR)/src && tar -xzf $(PYCA_SDIST) -C $(PYCA_DIR)/src
	@# pyca's --wycheproof-root wants <root>/testvectors_v1/; ours are flat in $(CRYPTOGO_SHARED)/wycheproof
	mkdir -p $(PYCA_DIR)/wycheproof && ln -sfn $(CRYPTOGO_SHARED)/wycheproof $(PYCA_DIR)/wycheproof/testvectors_v1
	touch $@
$(PYCA_CONTROL)/.stamp: tests/pyca-suite/requirements-control.txt tests/pyca-suite/requirements-test.txt $(PYCA_VECTORS)
	rm -rf $(PYCA_CONTROL) && $(PYTHON) -m venv $(PYCA_CONTROL)
	$(PYCA_CONTROL)/bin/python -m pip install -q --upgrade pip
	$(PYCA_CONTROL)/bin/python -m pip install -q -r tests/pyca-suite/requirements-control.txt $(PYCA_VECTORS)
	touch $@
$(PYCA_OURS)/.stamp: tests/pyca-suite/requirements-test.txt $(PYCA_VECTORS)
	rm -rf $(PYCA_OURS) && $(PYTHON) -m venv $(PYCA_OURS)
	$(PYCA_OURS)/bin/python -m pip install -q --upgrade pip
	$(PYCA_OURS)/bin/python -m pip install -q -r tests/pyca-suite/requirements-test.txt $(PYCA_VECTORS)
	@# the cryptogo environment must never have pyca (a dependency could pull it in)
	! $(PYCA_OURS)/bin/python -c 'import cryptography' 2>/dev/null || { echo "pyca found in $(PYCA_OURS)"; exit 1; }
	touch $@

pyca-suite-selftest: $(PYCA_OURS)/.stamp ## the harness's own tests (classifier, expected list, import hook)
	cd tests/pyca-suite && PYTHONPATH=$(ROOT)/bindings/python $(ROOT)/$(PYCA_OURS)/bin/python -m pytest -q -p no:cacheprovider test_harness.py

pyca-suite: lib $(PYCA_SRC)/.stamp $(PYCA_CONTROL)/.stamp $(PYCA_OURS)/.stamp pyca-suite-selftest ## pyca's whole test suite, control vs cryptogo: build/pyca-suite.{json,md}, README table, expected-list check
	$(PYCA_RUN) full

pyca-suite-update-expected: lib $(PYCA_SRC)/.stamp $(PYCA_CONTROL)/.stamp $(PYCA_OURS)/.stamp ## make pyca-suite, then rewrite tests/pyca-suite/expected.toml (reasons kept)
	$(PYCA_RUN) full --update-expected

test-pyca-claimed: lib $(PYCA_SRC)/.stamp $(PYCA_OURS)/.stamp pyca-suite-selftest ## pyca's tests of the features we claim, vs the committed control baseline
	$(PYCA_RUN) claimed

# Platform wheel of the Python binding (its build step compiles the library
# with Go and bundles it): build/cryptogo-*.whl.
wheel: venv ## build the Python wheel into build/
	$(VPY) -m pip wheel -q --no-deps -w $(BUILD) ./bindings/python
	rm -rf bindings/python/cryptogo.egg-info
	@ls $(BUILD)/cryptogo-*.whl

# Python binding vs pyca in the same process; writes build/bench-python.json.
bench-python: lib venv ## Python binding vs pyca benchmark (build/bench-python.json)
	$(VPY) bindings/python/bench/bench.py --json $(BUILD)/bench-python.json

test-node: lib ## the Node binding's test suite and the type check of index.d.ts
	cd bindings/node && npm install --no-audit --no-fund && npm test && npm run typecheck

# Node binding benchmark: ours vs node:crypto (table + build/bench-node.json). Not part of `make test`.
bench-node: lib ## Node binding vs node:crypto benchmark (build/bench-node.json)
	cd bindings/node && npm install --no-audit --no-fund && node bench/bench.js

# C ABI vs OpenSSL's EVP, same process, interleaved (tests/bench/bench.c);
# writes build/bench-c.json. BENCH_C_FLAGS=--quick for a smoke run.
BENCH_C := $(BUILD)/bench/bench-c
$(BENCH_C): tests/bench/bench.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -Iinclude -o $@ tests/bench/bench.c -L$(BUILD) -lcrypto-go -lcrypto -Wl,-rpath,$(ROOT)/$(BUILD)
bench-c: deps $(BENCH_C) ## C ABI vs OpenSSL EVP benchmark (build/bench-c.json)
	$(BENCH_C) --json $(BUILD)/bench-c.json --pem core/testdata/keys/rsa2048.pkcs8.pem $(BENCH_C_FLAGS)

# Every benchmark, then one report: build/bench.json (all rows), bench.md
# (table), bench.png (chart of the ratios). A layer that fails or is missing is
# announced loudly and left out (its stale JSON is removed first);
# BENCH_STRICT=1 makes that an error. Ratios are only comparable within a run.
BENCH_LAYERS := c python node
$(VENV)/.bench-stamp: tests/bench/requirements.txt $(VENV)/.stamp
	$(VPY) -m pip install -q -r tests/bench/requirements.txt
	touch $@
bench: venv $(VENV)/.bench-stamp ## every benchmark, one report: build/bench.{json,md,png} and docs/performance.md
	@failed=""; for l in $(BENCH_LAYERS); do \
	  rm -f $(BUILD)/bench-$$l.json; \
	  $(MAKE) --no-print-directory bench-$$l || failed="$$failed bench-$$l"; \
	  [ -f $(BUILD)/bench-$$l.json ] || case "$$failed" in *bench-$$l*) ;; *) failed="$$failed bench-$$l(no-json)";; esac; \
	done; \
	$(VPY) tests/bench/report.py --out $(BUILD)/bench $(foreach l,$(BENCH_LAYERS),$(BUILD)/bench-$(l).json); rc=$$?; \
	if [ -z "$$failed" ] && [ $$rc = 0 ]; then \
	  { cat tests/bench/performance-intro.md; echo; sed '1d' $(BUILD)/bench.md; echo; \
	    cat tests/bench/performance-notes.md; } > docs/performance.md; \
	  echo "wrote docs/performance.md"; \
	else echo "docs/performance.md left as it was (incomplete run)"; fi; \
	if [ -n "$$failed" ]; then \
	  echo "**********************************************************************"; \
	  echo "*** make bench: MISSING LAYERS:$$failed"; \
	  echo "*** (left out of build/bench.{json,md,png}; see the output above)"; \
	  echo "**********************************************************************"; \
	  [ "$(BENCH_STRICT)" != 1 ] || exit 1; \
	fi; exit $$rc

# The Node addon (npm install builds it); rebuilt when the ABI description or
# the bridge generator changes.
NODE_ADDON := bindings/node/build/Release/cryptogo.node
$(NODE_ADDON): include/cryptogo_abi.json bindings/node/package.json $(wildcard bindings/node/scripts/*.js bindings/node/src/*.h) | $(LIB)
	cd bindings/node && npm install --no-audit --no-fund

test-conformance-quick: lib venv $(NODE_ADDON) ## cross-language conformance, quick subset
	$(VPY) tests/conformance/driver.py --quick

# Cross-language conformance (tests/conformance/): every implementation, one
# table; build/conformance.{json,md}. CONFORMANCE_SEED=N picks the seed.
conformance: lib venv $(NODE_ADDON) ## full cross-language conformance table (build/conformance.{json,md})
	$(VPY) tests/conformance/driver.py $(if $(CONFORMANCE_SEED),--seed $(CONFORMANCE_SEED))

demo: deps lib ## build the library and run the C walkthrough of the seed guide
	cmake -S . -B $(BUILD)/cmake -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCRYPTOGO_PREBUILT_LIB=ON >/dev/null
	cmake --build $(BUILD)/cmake -j2 --target cryptogo_demo
	$(BUILD)/cmake/cryptogo_demo

# ---------------------------------------------------------------------------
# Hardening: fuzzing, misuse matrix, threads, leaks.

# Fuzz each target of capi/fuzz_test.go for FUZZTIME (go test -fuzz runs one
# target per invocation). Crashers are written to capi/testdata/fuzz/FuzzX/,
# where `go test ./capi` (make test-go) then replays them.
FUZZTIME  ?= 60s
FUZZFLAGS ?=
fuzz: ## run every Go fuzz target for FUZZTIME (default 60s each)
	@failed=""; for p in ./capi ./core/keys ./core/rsa ./core/ec ./core/dss; do for t in $$($(GO) test -list '^Fuzz' $$p | grep '^Fuzz'); do \
	  echo "== $$p $$t ($(FUZZTIME))"; \
	  $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $(FUZZFLAGS) $$p || failed="$$failed $$t"; \
	done; done; \
	if [ -n "$$failed" ]; then echo "fuzz: FAILED:$$failed"; exit 1; fi; echo "fuzz: all targets passed"

# The misuse matrix: tests/misuse/gen_misuse.py writes a C program from
# include/cryptogo_abi.json that calls every export with bad arguments.
MISUSE_C := $(BUILD)/misuse/misuse.c
CC       ?= cc
HARDEN_CFLAGS := -O1 -g -Wall -Wno-unused-function -Iinclude -Itests/misuse
HARDEN_LIBS   := -L$(BUILD) -lcrypto-go -Wl,-rpath,$(ROOT)/$(BUILD) -lpthread
$(MISUSE_C): tests/misuse/gen_misuse.py include/cryptogo_abi.json core/testdata/keys/rsa1024e3.pkcs8.pem
	@mkdir -p $(dir $@)
	$(PYTHON) tests/misuse/gen_misuse.py --abi include/cryptogo_abi.json --keys core/testdata/keys -o $@
$(BUILD)/misuse/misuse: $(MISUSE_C) tests/misuse/misuse_rt.h $(LIB)
	$(CC) $(HARDEN_CFLAGS) -o $@ $(MISUSE_C) $(HARDEN_LIBS)
test-misuse: $(BUILD)/misuse/misuse ## call every export with bad arguments (generated from the ABI description)
	$(BUILD)/misuse/misuse

# Threads: STRESS_SECONDS (default 30) of mixed operations from 16 threads on
# shared handles, one thread freeing and recreating them.
STRESS_SECONDS ?= 30
$(BUILD)/stress/stress: tests/stress/stress.c tests/stress/harness.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(HARDEN_CFLAGS) -Itests/stress -o $@ tests/stress/stress.c $(HARDEN_LIBS)
stress: $(BUILD)/stress/stress ## STRESS_SECONDS of 16-thread mixed operations, then the Go race tests
	$(BUILD)/stress/stress $(STRESS_SECONDS)
	$(GO) test -count=1 -race ./core/... ./capi/...

# Leaks: LEAK_CYCLES create/use/free cycles of each handle kind (RSA: LEAK_CYCLES/100,
# loaded from PEM); live handles must return to 0 and RSS stay within the bound.
LEAK_CYCLES ?= 1000000
$(BUILD)/stress/leaks: tests/stress/leaks.c tests/stress/harness.h $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(HARDEN_CFLAGS) -Itests/stress -o $@ tests/stress/leaks.c $(HARDEN_LIBS)
leaks: $(BUILD)/stress/leaks venv ## LEAK_CYCLES create/use/free cycles through C, Python and Node
	$(BUILD)/stress/leaks $(LEAK_CYCLES) core/testdata/keys/rsa1024e3.pkcs8.pem
	$(VPY) bindings/python/tools/leak_check.py --cycles $(LEAK_CYCLES)
	cd bindings/node && npm install --no-audit --no-fund && node scripts/leak-rss.js --cycles $(LEAK_CYCLES)
test-leaks-quick: $(BUILD)/stress/leaks ## the C leak check with 100k cycles (part of make test)
	$(BUILD)/stress/leaks 100000 core/testdata/keys/rsa1024e3.pkcs8.pem

clean: ## remove build/
	rm -rf $(BUILD)
