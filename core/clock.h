// Clock seam: wall time for AGE columns, monotonic sleeps for back-off; tests pin it.
#pragma once

#include <chrono>
#include <thread>

namespace qctl {

class Clock {
 public:
  virtual ~Clock() = default;
  /// Seconds since the Unix epoch, as the Mesos APIs count time.
  [[nodiscard]] virtual double now() const = 0;
  virtual void sleep_for(std::chrono::milliseconds d) = 0;
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] double now() const override {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  void sleep_for(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }
};

/// A clock that stands still unless a test moves it; sleeping advances it instantly.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(double now = 1700000000.0) : now_(now) {}
  [[nodiscard]] double now() const override { return now_; }
  void sleep_for(std::chrono::milliseconds d) override {
    slept_ += d;
    now_ += std::chrono::duration<double>(d).count();
  }
  void set(double now) { now_ = now; }
  [[nodiscard]] std::chrono::milliseconds slept() const { return slept_; }

 private:
  double now_;
  std::chrono::milliseconds slept_{0};
};

}  // namespace qctl
