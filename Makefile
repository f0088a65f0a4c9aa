# Thin wrapper over the CMake presets; see README.md. PRESET=debug|asan picks another build.
PRESET ?= release
BUILD   = build/$(PRESET)
FEEDAGG = $(BUILD)/daemon/feedagg
FUZZ_SECONDS ?= 60

.PHONY: all deps build run test fuzz bench format clean

all: build

deps:
	@scripts/install-deps.sh

# Release builds (release, bench) profile-guide the format library: scripts/build-profiled.sh.
PROFILED_PRESETS = release bench

build: deps
ifneq ($(filter $(PRESET),$(PROFILED_PRESETS)),)
	scripts/build-profiled.sh $(PRESET)
else
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET)
endif

# The daemon on its built-in configuration (config/feedagg.toml): http://127.0.0.1:8080/
run: build
	$(FEEDAGG) run

test: build
	ctest --preset $(PRESET)

fuzz:
	@scripts/install-deps.sh --fuzz
	cmake --preset fuzz
	cmake --build --preset fuzz
	scripts/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS)

bench:
	@scripts/install-deps.sh --bench
	scripts/build-profiled.sh bench
	scripts/run-bench.sh build/bench

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
