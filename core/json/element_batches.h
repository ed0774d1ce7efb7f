// Decodes the elements an ArraySplitter hands out on worker threads, a batch at a time: what
// a stream decoder needs when one core cannot decode as fast as the network delivers.
// ElementBatches takes the element texts (swapped out of the splitter, not copied) and runs
// the workers; ParallelDecoder<T> decodes into T and gives the results back in document
// order, per output list.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/json/decode.h"

namespace qctl::json {

class ElementBatches {
 public:
  struct Batch {
    std::size_t seq = 0;             // order among batches
    std::vector<std::string> texts;  // the elements; slots past `size` are spare buffers
    std::vector<std::size_t> lists;  // which output list each element belongs to
    std::size_t size = 0;
  };
  /// Called on a worker thread for each batch; may modify the texts (padding).
  using Decode = std::function<void(Batch& batch)>;

  ElementBatches(Decode decode, std::size_t threads, std::size_t batch_items);
  /// Stops the workers; batches not yet decoded are dropped (the error path).
  ~ElementBatches();
  ElementBatches(const ElementBatches&) = delete;
  ElementBatches& operator=(const ElementBatches&) = delete;

  /// Takes `element` for `list`, leaving a spare buffer in its place (blocks while enough
  /// batches wait). Rethrows a worker's exception once one has thrown.
  void add(std::size_t list, std::string& element);
  /// Waits until every element is decoded; rethrows a worker's exception.
  void finish();

 private:
  void run();
  void seal();  // hands the batch being filled to the workers

  Decode decode_;
  std::size_t batch_items_;
  std::size_t max_waiting_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> waiting_;
  std::vector<Batch> spare_;
  Batch filling_;
  std::size_t next_seq_ = 0;
  std::size_t busy_ = 0;  // workers decoding a batch
  bool closed_ = false;
  bool stop_ = false;
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
};

/// Asks the kernel to back [data, data + bytes) with transparent huge pages where whole 2 MiB
/// pages fit: filling a 100 MB result array then takes ~50 page faults instead of ~25,000.
void advise_huge_pages(void* data, std::size_t bytes);

/// Decodes elements into T with `decode_into` on `threads` workers.
template <class T>
class ParallelDecoder {
 public:
  using DecodeInto = void (*)(Value&, T&);

  explicit ParallelDecoder(DecodeInto decode_into, std::size_t threads = 2,
                           std::size_t batch_items = 64)
      : batches_([this, decode_into](ElementBatches::Batch& batch) { decode(batch, decode_into); },
                 threads, batch_items) {}

  /// Takes the element's text (see ElementBatches::add).
  void add(std::size_t list, std::string& element) { batches_.add(list, element); }

  /// Every element, by list, in document order.
  std::map<std::size_t, std::vector<T>> finish() {
    batches_.finish();
    std::map<std::size_t, std::size_t> counts;
    for (const auto& [seq, decoded] : results_) {
      for (const auto& d : decoded) {
        ++counts[d.list];
      }
    }
    std::map<std::size_t, std::vector<T>> out;
    for (const auto& [list, n] : counts) {
      auto& items = out[list];
      items.reserve(n);
      advise_huge_pages(items.data(), n * sizeof(T));
    }
    for (auto& [seq, decoded] : results_) {
      for (auto& d : decoded) {
        out[d.list].push_back(std::move(d.value));
      }
      decoded = {};  // give the memory back as we go
    }
    results_.clear();
    return out;
  }

 private:
  struct Decoded {
    std::size_t list = 0;
    T value;
  };

  void decode(ElementBatches::Batch& batch, DecodeInto decode_into) {
    std::vector<Decoded> out(batch.size);
    for (std::size_t k = 0; k < batch.size; ++k) {
      out[k].list = batch.lists[k];
      parse(batch.texts[k], [&](Value& v) { decode_into(v, out[k].value); });
    }
    const std::lock_guard lock(mutex_);
    results_[batch.seq] = std::move(out);
  }

  std::mutex mutex_;
  std::map<std::size_t, std::vector<Decoded>> results_;  // by batch seq
  ElementBatches batches_;  // last: its workers stop before the results go
};

}  // namespace qctl::json
