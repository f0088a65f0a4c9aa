# Thin wrapper over the CMake presets; see README.md. PRESET=debug|asan picks another build.
PRESET ?= release
BUILD   = build/$(PRESET)
FEEDAGG = $(BUILD)/daemon/feedagg
FUZZ_SECONDS ?= 60

.PHONY: all deps build run test fuzz bench format clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET)
	cmake --build --preset $(PRESET)

# Until the daemon lands (issue 3), `run` shows the format library at work on the bundled samples.
run: build
	$(FEEDAGG) parse --pretty --timezone Asia/Shanghai config/samples/*.xml

test: build
	ctest --preset $(PRESET)

fuzz:
	@scripts/install-deps.sh --fuzz
	cmake --preset fuzz
	cmake --build --preset fuzz
	scripts/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS)

bench:
	@scripts/install-deps.sh --bench
	cmake --preset bench
	cmake --build --preset bench
	scripts/run-bench.sh build/bench

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
