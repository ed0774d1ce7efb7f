// Marathon's event bus and the SSE writer behind /v2/events.
#include "sandbox/marathon/events.h"

#include <algorithm>

namespace qctl::sandbox::marathon {

std::shared_ptr<EventBus::Subscriber> EventBus::subscribe(std::set<std::string> types) {
  auto sub = std::make_shared<Subscriber>();
  sub->types = std::move(types);
  std::lock_guard guard(mu_);
  sub->closed = shut_;
  if (!shut_) {
    subs_.push_back(sub);
  }
  return sub;
}

void EventBus::unsubscribe(const std::shared_ptr<Subscriber>& subscriber) {
  std::lock_guard guard(mu_);
  subs_.erase(std::remove(subs_.begin(), subs_.end(), subscriber), subs_.end());
}

void EventBus::publish(const std::string& type, const nlohmann::json& payload) {
  // Jetty's EventSource.Emitter writes CRLF line ends.
  std::string frame = "event: " + type + "\r\ndata: " + payload.dump() + "\r\n\r\n";
  std::lock_guard guard(mu_);
  for (const auto& sub : subs_) {
    if (!sub->closed && (sub->types.empty() || sub->types.count(type) > 0)) {
      sub->frames.push_back(frame);
    }
  }
  cv_.notify_all();
}

void EventBus::close_all() {
  std::lock_guard guard(mu_);
  for (const auto& sub : subs_) {
    sub->closed = true;
  }
  subs_.clear();
  cv_.notify_all();
}

void EventBus::shutdown() {
  {
    std::lock_guard guard(mu_);
    shut_ = true;
  }
  close_all();
}

bool EventBus::next(Subscriber& subscriber, std::chrono::milliseconds timeout,
                    std::vector<std::string>& out) {
  std::unique_lock lock(mu_);
  cv_.wait_for(lock, timeout, [&] { return subscriber.closed || !subscriber.frames.empty(); });
  while (!subscriber.frames.empty()) {
    out.push_back(std::move(subscriber.frames.front()));
    subscriber.frames.pop_front();
  }
  return !subscriber.closed;
}

std::size_t EventBus::subscribers() {
  std::lock_guard guard(mu_);
  return subs_.size();
}

std::function<void(const http::Sink&)> event_stream(
    std::shared_ptr<EventBus> bus, std::shared_ptr<EventBus::Subscriber> subscriber,
    std::chrono::milliseconds heartbeat) {
  return [bus = std::move(bus), sub = std::move(subscriber), heartbeat](const http::Sink& sink) {
    for (;;) {
      std::vector<std::string> frames;
      bool open = bus->next(*sub, heartbeat, frames);
      bool client_ok = true;
      if (frames.empty() && open) {
        client_ok = sink("\r\n");  // heartbeat
      }
      for (const std::string& f : frames) {
        if (!sink(f)) {
          client_ok = false;
          break;
        }
      }
      if (!client_ok || !open) {
        break;
      }
    }
    bus->unsubscribe(sub);
  };
}

}  // namespace qctl::sandbox::marathon
