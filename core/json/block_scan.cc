#include "core/json/block_scan.h"

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__PCLMUL__)
#include <wmmintrin.h>
#endif

namespace qctl::json {

namespace {

constexpr std::size_t kBlock = 64;

struct Masks {
  std::uint64_t quote = 0;
  std::uint64_t backslash = 0;
  std::uint64_t open = 0;   // '{' or '['
  std::uint64_t close = 0;  // '}' or ']'
};

#if defined(__SSE2__)
std::uint64_t bits(__m128i chunk, char c) {
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8(c))));
}

Masks masks_of(const char* p) {
  Masks m;
  for (std::size_t k = 0; k < kBlock; k += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    // '[' and '{' differ only in bit 0x20, as do ']' and '}'.
    const __m128i folded = _mm_or_si128(chunk, _mm_set1_epi8(0x20));
    m.quote |= bits(chunk, '"') << k;
    m.backslash |= bits(chunk, '\\') << k;
    m.open |= bits(folded, '{') << k;
    m.close |= bits(folded, '}') << k;
  }
  return m;
}
#else
Masks masks_of(const char* p) {
  Masks m;
  for (std::size_t k = 0; k < kBlock; ++k) {
    const std::uint64_t bit = std::uint64_t{1} << k;
    const char c = p[k];
    m.quote |= c == '"' ? bit : 0;
    m.backslash |= c == '\\' ? bit : 0;
    m.open |= (c == '{' || c == '[') ? bit : 0;
    m.close |= (c == '}' || c == ']') ? bit : 0;
  }
  return m;
}
#endif

// Bit i of the result is the XOR of bits 0..i of x.
std::uint64_t prefix_xor(std::uint64_t x) {
#if defined(__PCLMUL__)
  const __m128i product = _mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(x)),
                                               _mm_set1_epi8(static_cast<char>(0xFF)), 0);
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(product));
#else
  for (int shift = 1; shift < 64; shift *= 2) {
    x ^= x << shift;
  }
  return x;
#endif
}

}  // namespace

std::size_t scan_blocks(const char* p, std::size_t len, CaptureState& state) {
  std::size_t done = 0;
  while (len - done >= kBlock) {
    const Masks m = masks_of(p + done);
    if (m.backslash != 0) {
      break;
    }
    // Set bits: bytes inside a string (its opening quote included, its closing one not).
    const std::uint64_t strings = prefix_xor(m.quote) ^ (state.in_string ? ~std::uint64_t{0} : 0);
    const std::uint64_t opens = m.open & ~strings;
    const std::uint64_t closes = m.close & ~strings;
    const auto n_close = static_cast<std::size_t>(std::popcount(closes));
    if (state.depth > n_close) {  // the element cannot end in this block
      state.depth = state.depth + static_cast<std::size_t>(std::popcount(opens)) - n_close;
      state.in_string = (strings >> 63) != 0;
      done += kBlock;
      continue;
    }
    for (std::uint64_t rest = opens | closes; rest != 0; rest &= rest - 1) {
      const int at = std::countr_zero(rest);
      if (((opens >> at) & 1U) != 0) {
        ++state.depth;
      } else if (--state.depth == 0) {
        state.in_string = false;
        return done + static_cast<std::size_t>(at) + 1;
      }
    }
    state.in_string = (strings >> 63) != 0;
    done += kBlock;
  }
  return done;
}

}  // namespace qctl::json
