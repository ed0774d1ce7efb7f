// Incremental splitter for huge JSON documents: hands each element of chosen arrays to a
// callback as soon as its bytes are complete, and keeps the rest (the "skeleton", with those
// arrays left empty) for an ordinary decode. Memory stays at one element plus the skeleton,
// whatever the document's size, and bytes can be fed as they arrive from the network.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json/block_scan.h"

namespace qctl::json {

class ArraySplitter {
 public:
  /// A target is the key path of an array, array levels skipped: {"frameworks", "tasks"}
  /// matches root.frameworks[i].tasks.
  using Path = std::vector<std::string>;
  /// Called with the target's index, the indices of the enclosing arrays (e.g. {i} for
  /// frameworks[i].tasks) and the element's complete JSON text (the callee may move it).
  using OnElement =
      std::function<void(std::size_t target, const std::vector<std::size_t>& indices,
                         std::string& element)>;

  ArraySplitter(std::vector<Path> targets, OnElement on_element);

  /// Consumes the next bytes of the document (any chunking). Throws DecodeError on bytes
  /// that cannot start or continue a JSON document.
  void feed(std::string_view bytes);
  /// Ends the document: throws DecodeError when it is truncated. Returns the skeleton.
  std::string& finish();

 private:
  struct Frame {
    bool is_object = false;
    bool expect_key = false;  // objects: the next string is a key
    std::string key;          // objects: the key of the value being read
    std::size_t index = 0;    // arrays: index of the element being read
    int target = -1;          // arrays: which target this array is, -1 for none
  };

  void on_open(char c);
  void on_close(char c);
  void on_string_end();
  [[nodiscard]] int match_target() const;
  /// The captured element, byte by byte: returns the bytes consumed, stopping after its end.
  std::size_t scan_bytes(const char* p, std::size_t len);
  /// Hands the complete element to the callback.
  void emit();

  std::vector<Path> targets_;
  OnElement on_element_;
  std::vector<Frame> stack_;
  std::string skeleton_;
  std::string element_;    // bytes of the element being captured
  CaptureState capture_;  // depth 0: no element is being captured
  std::vector<std::size_t> indices_;
  bool in_string_ = false;
  bool escape_ = false;
  std::string token_;      // the string being read, when it may be a key
  bool keep_token_ = false;
  bool started_ = false;
  bool done_ = false;
};

}  // namespace qctl::json
