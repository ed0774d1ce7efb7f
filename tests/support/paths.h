// Where the tests find the built qctl and the checkout; defined in the generated
// test_paths.cc (CMakeLists.txt), so no compile flag names the checkout directory.
#pragma once

namespace qctl::testing {
extern const char* const kQctlBinary;   // the qctl binary under test
extern const char* const kSourceDir;    // the checkout (README.md, man/, completions/)
extern const char* const kFixturesDir;  // tests/fixtures
}  // namespace qctl::testing
