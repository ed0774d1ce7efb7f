// jemalloc's options, compiled into the binaries that link it (jemalloc(3), "malloc_conf": the
// allocator reads this symbol when it initialises).
//
// thp:always backs jemalloc's memory with transparent huge pages. Decoding a /master/state of
// 10,000 agents and 200,000 tasks fills ~450 MB with small objects on two decoding threads;
// with 4 KiB pages that is ~88,000 page faults contending for the process's memory map, with
// huge pages ~5,000 (bench/README.md has the figures).

extern "C" {
// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): jemalloc's interface.
const char* malloc_conf = "thp:always";
}
