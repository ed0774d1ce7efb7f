# Thin wrapper over CMake. `make test` is what CI runs: setup, build, the whole suite.
BUILD      ?= build
BUILD_TEST ?= build-test
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja

.PHONY: all setup build test demo bench lint format clean man package package-test

all: build

setup:
	@scripts/setup.sh

# Optimised build: the qctl binary users run and benchmarks measure.
build: setup
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DQCTL_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The whole suite (unit + integration against the real binary), built with -Werror and
# AddressSanitizer + UndefinedBehaviorSanitizer. Both builds are unity builds (QCTL_UNITY in
# CMakeLists.txt): a third of the cold compile time on two cores.
test: setup
	@cmake -S . -B $(BUILD_TEST) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DQCTL_WERROR=ON \
	  -DQCTL_SANITIZE=ON -DQCTL_BENCH=OFF -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" >/dev/null
	@cmake --build $(BUILD_TEST) -j $(JOBS)
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(BUILD_TEST)/qctl_tests --gtest_brief=1
	@scripts/package_test.sh $(BUILD)

# Regenerates man/ from the command definitions (a test fails when they differ).
man: build
	@rm -f man/qctl*.1
	@$(BUILD)/qctl __man man >/dev/null
	@echo "man: regenerated $$(ls man/*.1 | wc -l) pages in man/"

# The Debian package qctl_<version>_amd64.deb in $(BUILD), from the Release build (only the
# qctl target: the package installs nothing else, and CI time matters).
package: setup
	@cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DQCTL_TESTS=OFF >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target qctl
	@cd $(BUILD) && cpack -G DEB >/dev/null
	@ls $(BUILD)/qctl_*.deb

# Builds the package, installs it (as root), checks qctl, man and completion, removes it.
package-test:
	@scripts/package_test.sh $(BUILD)

# Builds qctl and runs it against `qctl sandbox` with examples/sandbox/demo.yaml.
demo: build
	@scripts/demo.sh $(BUILD)

bench: build
	@bench/run.sh $(BUILD)

# clang-tidy with the house checks (.clang-tidy), on a compile database without PCH and
# without unity batches (one entry per source file, so the path filter below matches).
lint:
	@scripts/setup.sh lint
	@cmake -S . -B build-tidy $(CMAKE_GEN) -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON -DQCTL_BENCH=OFF \
	  -DQCTL_UNITY=OFF >/dev/null
	@run-clang-tidy -p build-tidy -j $(JOBS) -quiet '^$(CURDIR)/(core|cmd|tests)/' 2>&1 | grep -E 'error:|warning:' ; \
	  test $$? -eq 1 && echo "lint: clean"

format:
	@clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD_TEST)
