// Runs a decode function over many small inputs on worker threads, in batches, and gives the
// results back in input order: the streaming decoders of huge payloads use it so decoding
// runs on every core while the bytes still arrive.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace qctl::util {

template <class In, class Out>
class OrderedPool {
 public:
  using Decode = std::function<Out(In&)>;

  /// `workers` threads (at least 1) each decode a batch of `batch` inputs at a time; at most
  /// two batches per worker wait, so memory stays bounded whatever the input size.
  OrderedPool(Decode decode, std::size_t workers, std::size_t batch = 256)
      : decode_(std::move(decode)), batch_size_(std::max<std::size_t>(batch, 1)),
        max_waiting_(2 * std::max<std::size_t>(workers, 1)) {
    for (std::size_t i = 0; i < std::max<std::size_t>(workers, 1); ++i) {
      threads_.emplace_back([this] { work(); });
    }
  }
  ~OrderedPool() { stop(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  /// Queues one input; blocks while the workers are behind. Rethrows a worker's exception.
  void add(In in) {
    pending_.push_back(std::move(in));
    if (pending_.size() >= batch_size_) {
      submit();
    }
  }

  /// Waits for every input and returns the outputs in input order. Rethrows the first
  /// exception a decode threw.
  std::vector<Out> finish() {
    submit();
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] { return (queue_.empty() && busy_ == 0) || error_; });
    if (error_) {
      lock.unlock();
      stop();
      std::rethrow_exception(error_);
    }
    std::vector<Out> out;
    std::size_t total = 0;
    for (const auto& r : results_) {
      total += r.size();
    }
    out.reserve(total);
    for (auto& r : results_) {
      std::move(r.begin(), r.end(), std::back_inserter(out));
      std::vector<Out>().swap(r);
    }
    return out;
  }

 private:
  struct Batch {
    std::size_t seq = 0;
    std::vector<In> items;
  };

  void submit() {
    if (pending_.empty()) {
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    space_cv_.wait(lock, [&] { return queue_.size() < max_waiting_ || error_; });
    if (error_) {
      std::rethrow_exception(error_);
    }
    const std::size_t seq = results_.size();
    results_.emplace_back();
    queue_.push_back(Batch{seq, std::move(pending_)});
    pending_.clear();
    work_cv_.notify_one();
  }

  void work() {
    for (;;) {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return !queue_.empty() || stopping_; });
      if (queue_.empty()) {
        return;
      }
      Batch b = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
      space_cv_.notify_one();
      lock.unlock();
      std::vector<Out> out;
      std::exception_ptr failure;
      try {
        out.reserve(b.items.size());
        for (In& in : b.items) {
          out.push_back(decode_(in));
        }
      } catch (...) {
        failure = std::current_exception();
      }
      lock.lock();
      --busy_;
      if (failure && !error_) {
        error_ = failure;
        space_cv_.notify_all();
      }
      results_[b.seq] = std::move(out);
      done_cv_.notify_all();
    }
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
      queue_.clear();
    }
    work_cv_.notify_all();
    for (auto& t : threads_) {
      if (t.joinable()) {
        t.join();
      }
    }
  }

  Decode decode_;
  std::size_t batch_size_;
  std::size_t max_waiting_;
  std::vector<In> pending_;  // the batch being filled, by the adding thread only
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable space_cv_;
  std::condition_variable done_cv_;
  std::deque<Batch> queue_;
  std::vector<std::vector<Out>> results_;  // by batch sequence number
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::vector<std::thread> threads_;
};

}  // namespace qctl::util
