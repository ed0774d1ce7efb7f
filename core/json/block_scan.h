// Finds where a JSON element that is being captured ends, 64 bytes at a time: the quote,
// backslash and bracket bytes of a block become bit masks (SSE2), the bytes inside strings
// come from a prefix XOR of the quote mask (carry-less multiply when PCLMUL is there), and
// only blocks where the nesting could return to zero are walked bracket by bracket.
// Blocks with a backslash are left to the caller's byte-by-byte scanner (Mesos JSON rarely
// has one), so escapes never need the bit tricks.
#pragma once

#include <cstddef>
#include <cstdint>

namespace qctl::json {

/// Scanner state carried between calls (and shared with the byte-by-byte scanner).
struct CaptureState {
  std::size_t depth = 0;   // open brackets of the element; 0 once it is complete
  bool in_string = false;  // inside a string at the scan position
};

/// Consumes whole 64-byte blocks of [p, p+len) while none holds a backslash. Returns the
/// bytes consumed: up to and including the element's closing bracket when it ends in them
/// (then state.depth == 0), else a multiple of 64.
std::size_t scan_blocks(const char* p, std::size_t len, CaptureState& state);

}  // namespace qctl::json
