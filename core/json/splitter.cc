#include "core/json/splitter.h"

#include <algorithm>

#include "core/json/block_scan.h"
#include "core/json/decode.h"

#ifdef __SSE4_2__
#include <nmmintrin.h>
#endif

namespace qctl::json {

namespace {

// The byte-by-byte scanner handles this much before the block scanner is tried again.
constexpr std::size_t kByteSpan = 64;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

bool special_in_string(char c) { return c == '"' || c == '\\'; }
bool special_outside(char c) { return c == '"' || c == '{' || c == '}' || c == '[' || c == ']'; }

// Offset of the first byte in [p, p+len) that matters to the element scanner: a quote or
// backslash inside a string, a quote or bracket outside one; len when there is none.
// Sixteen bytes at a time with SSE4.2 (the default x86 build), byte by byte otherwise.
std::size_t next_special(const char* p, std::size_t len, bool in_string) {
  std::size_t i = 0;
#ifdef __SSE4_2__
  const __m128i set = in_string ? _mm_setr_epi8('"', '\\', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                                : _mm_setr_epi8('"', '{', '}', '[', ']', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  const int set_len = in_string ? 2 : 5;
  constexpr int kMode = _SIDD_UBYTE_OPS | _SIDD_CMP_EQUAL_ANY | _SIDD_LEAST_SIGNIFICANT;
  for (; i + 16 <= len; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const int at = _mm_cmpestri(set, set_len, chunk, 16, kMode);
    if (at < 16) {
      return i + static_cast<std::size_t>(at);
    }
  }
#endif
  for (; i < len; ++i) {
    if (in_string ? special_in_string(p[i]) : special_outside(p[i])) {
      return i;
    }
  }
  return len;
}

}  // namespace

ArraySplitter::ArraySplitter(std::vector<Path> targets, OnElement on_element)
    : targets_(std::move(targets)), on_element_(std::move(on_element)) {}

int ArraySplitter::match_target() const {
  for (std::size_t t = 0; t < targets_.size(); ++t) {
    const auto& path = targets_[t];
    std::size_t k = 0;
    bool ok = true;
    for (const auto& frame : stack_) {
      if (!frame.is_object) {
        continue;
      }
      if (k >= path.size() || frame.key != path[k]) {
        ok = false;
        break;
      }
      ++k;
    }
    if (ok && k == path.size()) {
      return static_cast<int>(t);
    }
  }
  return -1;
}

void ArraySplitter::on_open(char c) {
  skeleton_ += c;
  Frame frame;
  frame.is_object = c == '{';
  frame.expect_key = frame.is_object;
  if (!frame.is_object) {
    frame.target = match_target();
  }
  stack_.push_back(std::move(frame));
  started_ = true;
}

void ArraySplitter::on_close(char c) {
  if (stack_.empty() || stack_.back().is_object != (c == '}')) {
    throw DecodeError("invalid or truncated JSON: unbalanced '" + std::string(1, c) + "'");
  }
  skeleton_ += c;
  stack_.pop_back();
  if (stack_.empty()) {
    done_ = true;
  }
}

void ArraySplitter::on_string_end() {
  if (keep_token_ && !stack_.empty()) {
    stack_.back().key = token_;
  }
  keep_token_ = false;
}

std::size_t ArraySplitter::scan_bytes(const char* p, std::size_t len) {
  std::size_t i = 0;
  while (i < len) {
    if (!escape_) {
      i += next_special(p + i, len - i, capture_.in_string);
      if (i == len) {
        break;
      }
    }
    const char c = p[i++];
    if (capture_.in_string) {
      if (escape_) {
        escape_ = false;
      } else if (c == '\\') {
        escape_ = true;
      } else if (c == '"') {
        capture_.in_string = false;
      }
    } else if (c == '"') {
      capture_.in_string = true;
    } else if (c == '{' || c == '[') {
      ++capture_.depth;
    } else if ((c == '}' || c == ']') && --capture_.depth == 0) {
      break;
    }
  }
  return i;
}

void ArraySplitter::emit() {
  auto& frame = stack_.back();
  indices_.clear();
  for (std::size_t f = 0; f + 1 < stack_.size(); ++f) {
    if (!stack_[f].is_object) {
      indices_.push_back(stack_[f].index);
    }
  }
  on_element_(static_cast<std::size_t>(frame.target), indices_, element_);
  element_.clear();
  ++frame.index;
}

void ArraySplitter::feed(std::string_view bytes) {
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    if (capture_.depth > 0) {
      // Hot path: find where the element ends (whole blocks at a time where possible) and
      // copy its bytes.
      const std::size_t start = i;
      while (i < n && capture_.depth > 0) {
        if (!escape_) {
          i += scan_blocks(bytes.data() + i, n - i, capture_);
        }
        if (capture_.depth > 0) {
          i += scan_bytes(bytes.data() + i, std::min(n - i, kByteSpan));
        }
      }
      element_.append(bytes.data() + start, i - start);
      if (capture_.depth == 0) {
        emit();
      }
      continue;
    }
    const char c = bytes[i++];
    if (in_string_) {
      skeleton_ += c;
      if (escape_) {
        escape_ = false;
      } else if (c == '\\') {
        escape_ = true;
      } else if (c == '"') {
        in_string_ = false;
        on_string_end();
        continue;
      }
      if (keep_token_) {
        token_ += c;
      }
      continue;
    }
    if (is_space(c)) {
      continue;
    }
    if (done_ || (!started_ && c != '{' && c != '[')) {
      throw DecodeError(done_ ? "invalid or truncated JSON: trailing content after the document"
                              : describe_invalid(bytes.substr(i - 1), "expected a JSON object or array"));
    }
    if (!stack_.empty() && stack_.back().target >= 0 && c != ',' && c != ']') {
      if (c != '{' && c != '[') {
        throw DecodeError("expected objects in a large array");
      }
      capture_.depth = 1;
      element_ += c;
      continue;
    }
    switch (c) {
      case '{':
      case '[':
        on_open(c);
        break;
      case '}':
      case ']':
        on_close(c);
        break;
      case '"':
        skeleton_ += c;
        in_string_ = true;
        keep_token_ = stack_.back().is_object && stack_.back().expect_key;
        token_.clear();
        break;
      case ':':
        skeleton_ += c;
        stack_.back().expect_key = false;
        break;
      case ',':
        if (stack_.back().target < 0) {
          skeleton_ += c;  // between captured elements nothing is written: "[]" remains
        }
        if (stack_.back().is_object) {
          stack_.back().expect_key = true;
        } else if (stack_.back().target < 0) {
          ++stack_.back().index;
        }
        break;
      default:
        skeleton_ += c;
    }
  }
}

std::string& ArraySplitter::finish() {
  if (!done_) {
    throw DecodeError("invalid or truncated JSON: the document ended early");
  }
  return skeleton_;
}

}  // namespace qctl::json
