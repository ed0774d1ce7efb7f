#include "core/json/element_batches.h"

#include <sys/mman.h>

#include <cstdint>

namespace qctl::json {

void advise_huge_pages(void* data, std::size_t bytes) {
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
  if (last > first) {
    // Only advice: where the kernel has no huge pages it keeps using small ones.
    ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
}

ElementBatches::ElementBatches(Decode decode, std::size_t threads, std::size_t batch_items)
    : decode_(std::move(decode)),
      batch_items_(batch_items),
      max_waiting_(2 * std::max<std::size_t>(threads, 1)) {
  for (std::size_t t = 0; t < std::max<std::size_t>(threads, 1); ++t) {
    workers_.emplace_back([this] { run(); });
  }
}

ElementBatches::~ElementBatches() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  for (auto& worker : workers_) {
    worker.join();
  }
}

void ElementBatches::add(std::size_t list, std::string& element) {
  auto& texts = filling_.texts;
  if (filling_.size < texts.size()) {
    texts[filling_.size].swap(element);  // a buffer of an earlier batch goes back
  } else {
    texts.push_back(std::move(element));
  }
  element.clear();
  if (filling_.lists.size() <= filling_.size) {
    filling_.lists.resize(filling_.size + 1);
  }
  filling_.lists[filling_.size++] = list;
  if (filling_.size >= batch_items_) {
    seal();
  }
}

void ElementBatches::seal() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return waiting_.size() < max_waiting_ || failure_; });
  if (failure_) {
    std::rethrow_exception(failure_);
  }
  filling_.seq = next_seq_++;
  waiting_.push_back(std::move(filling_));
  filling_ = Batch{};
  if (!spare_.empty()) {
    filling_ = std::move(spare_.back());
    spare_.pop_back();
  }
  changed_.notify_all();
}

void ElementBatches::finish() {
  if (filling_.size > 0) {
    seal();
  }
  std::unique_lock lock(mutex_);
  closed_ = true;
  changed_.notify_all();
  changed_.wait(lock, [this] { return (waiting_.empty() && busy_ == 0) || failure_; });
  if (failure_) {
    std::rethrow_exception(failure_);
  }
}

void ElementBatches::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return stop_ || failure_ || !waiting_.empty() || closed_; });
    if (stop_ || failure_ || waiting_.empty()) {
      return;
    }
    Batch batch = std::move(waiting_.front());
    waiting_.pop_front();
    ++busy_;
    changed_.notify_all();  // room for add()
    lock.unlock();
    std::exception_ptr failure;
    try {
      decode_(batch);
    } catch (...) {
      failure = std::current_exception();
    }
    batch.size = 0;  // the texts stay as spare buffers
    lock.lock();
    --busy_;
    spare_.push_back(std::move(batch));
    if (failure && !failure_) {
      failure_ = failure;
    }
    changed_.notify_all();
  }
}

}  // namespace qctl::json
