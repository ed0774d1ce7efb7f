#include "core/http/curl_transport.h"

#include <curl/curl.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <exception>
#include <mutex>

#include "core/util/strings.h"

namespace qctl::http {

namespace {

std::once_flag g_curl_init;

// State of one transfer, owned by the caller for the duration of the transfer.
struct Transfer {
  const Request* request = nullptr;
  CURL* handle = nullptr;
  std::exception_ptr sink_error;  // what the request's sink threw, rethrown after the transfer
  Response response;
  curl_slist* headers = nullptr;
  std::array<char, CURL_ERROR_SIZE> error{};
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  if (t->request->sink) {
    long status = 0;
    curl_easy_getinfo(t->handle, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300) {
      try {
        t->request->sink(std::string_view(data, size * n));
      } catch (...) {
        t->sink_error = std::current_exception();
        return 0;  // stops the transfer with CURLE_WRITE_ERROR
      }
      return size * n;
    }
  }
  t->response.body.append(data, size * n);
  return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * n);
  if (util::starts_with(line, "HTTP/")) {
    t->response.headers.clear();  // interim 100 Continue: start over
    return size * n;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) {
    return size * n;
  }
  auto name = std::string(util::trim(line.substr(0, colon)));
  auto value = std::string(util::trim(line.substr(colon + 1)));
  if (util::iequals(name, "content-length")) {
    std::size_t length = 0;
    std::from_chars(value.data(), value.data() + value.size(), length);
    // Room for the body plus the padding a SIMD JSON parser wants, bounded to stay sane.
    if (length > 0 && length < (std::size_t{1} << 33)) {
      t->response.body.reserve(length + 64);
    }
  }
  t->response.headers.emplace_back(std::move(name), std::move(value));
  return size * n;
}

// CURLOPT_XFERINFOFUNCTION: a non-zero return stops the transfer (CURLE_ABORTED_BY_CALLBACK).
int on_progress(void* user, curl_off_t /*dltotal*/, curl_off_t /*dlnow*/, curl_off_t /*ultotal*/,
                curl_off_t /*ulnow*/) {
  const auto* t = static_cast<const Transfer*>(user);
  return t->request->abort() ? 1 : 0;
}

FailureKind classify(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      return FailureKind::kConnect;
    case CURLE_OPERATION_TIMEDOUT:
      return FailureKind::kTimeout;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
      return FailureKind::kTls;
    default:
      return FailureKind::kOther;
  }
}

}  // namespace

struct CurlTransport::Impl {
  TlsOptions tls;
  CURLSH* share = nullptr;
  std::array<std::mutex, CURL_LOCK_DATA_LAST> share_locks;
  std::mutex pool_mutex;
  std::vector<CURL*> pool;
  std::mutex multi_mutex;  // one batch at a time on the multi handle
  CURLM* multi = nullptr;  // kept across batches so its connections are reused

  static void lock(CURL* /*handle*/, curl_lock_data data, curl_lock_access /*access*/,
                   void* user) {
    static_cast<Impl*>(user)->share_locks[data].lock();
  }
  static void unlock(CURL* /*handle*/, curl_lock_data data, void* user) {
    static_cast<Impl*>(user)->share_locks[data].unlock();
  }

  CURL* acquire() {
    {
      std::lock_guard<std::mutex> guard(pool_mutex);
      if (!pool.empty()) {
        CURL* h = pool.back();
        pool.pop_back();
        curl_easy_reset(h);
        return h;
      }
    }
    return curl_easy_init();
  }

  void release(CURL* h) {
    std::lock_guard<std::mutex> guard(pool_mutex);
    pool.push_back(h);
  }

  void prepare(CURL* h, Transfer& t) const {
    const Request& r = *t.request;
    t.handle = h;
    curl_easy_setopt(h, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(h, CURLOPT_SHARE, share);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout.count()));
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connect_timeout.count()));
    // No Accept-Encoding: libprocess would gzip large bodies inside the master's own actor,
    // which costs the master more than the bytes cost a LAN.
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t.error.data());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
    if (r.abort) {
      curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
      curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
      curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    }
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, tls.insecure ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, tls.insecure ? 0L : 2L);
    if (!tls.ca_file.empty()) {
      curl_easy_setopt(h, CURLOPT_CAINFO, tls.ca_file.c_str());
    }
    if (!tls.cert_file.empty()) {
      curl_easy_setopt(h, CURLOPT_SSLCERT, tls.cert_file.c_str());
    }
    if (!tls.key_file.empty()) {
      curl_easy_setopt(h, CURLOPT_SSLKEY, tls.key_file.c_str());
    }
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method_name(r.method));
    if (r.method == Method::kGet) {
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    } else if (!r.body.empty() || r.method != Method::kDelete) {
      curl_easy_setopt(h, CURLOPT_POSTFIELDS, r.body.data());
      curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
    }
    t.headers = curl_slist_append(t.headers, "Expect:");
    for (const auto& [name, value] : r.headers) {
      std::string line = name;
      line += ": ";
      line += value;
      t.headers = curl_slist_append(t.headers, line.c_str());
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, t.headers);
  }

  static Result finish(CURL* h, Transfer& t, CURLcode code) {
    curl_slist_free_all(t.headers);
    t.headers = nullptr;
    Result result;
    if (code != CURLE_OK) {
      result.failure = classify(code);
      long os_errno = 0;
      curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &os_errno);
      if (code == CURLE_COULDNT_CONNECT && os_errno == ECONNREFUSED) {
        result.failure_message = "Connection refused";
      } else {
        result.failure_message = t.error[0] != '\0' ? t.error.data() : curl_easy_strerror(code);
      }
      return result;
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    t.response.status = static_cast<int>(status);
    result.response = std::move(t.response);
    return result;
  }
};

CurlTransport::CurlTransport(TlsOptions tls) : impl_(std::make_unique<Impl>()) {
  std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  impl_->tls = std::move(tls);
  impl_->share = curl_share_init();
  curl_share_setopt(impl_->share, CURLSHOPT_LOCKFUNC, &Impl::lock);
  curl_share_setopt(impl_->share, CURLSHOPT_UNLOCKFUNC, &Impl::unlock);
  curl_share_setopt(impl_->share, CURLSHOPT_USERDATA, impl_.get());
  // Not CURL_LOCK_DATA_CONNECT: with libcurl 7.88 a shared connection cache serialises the
  // transfers of a multi handle. Pooled easy handles keep their own connections instead.
  curl_share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(impl_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
}

CurlTransport::~CurlTransport() {
  for (CURL* h : impl_->pool) {
    curl_easy_cleanup(h);
  }
  if (impl_->multi != nullptr) {
    curl_multi_cleanup(impl_->multi);
  }
  curl_share_cleanup(impl_->share);
}

Result CurlTransport::perform(const Request& request) {
  CURL* h = impl_->acquire();
  Transfer t;
  t.request = &request;
  impl_->prepare(h, t);
  const CURLcode code = curl_easy_perform(h);
  Result result = Impl::finish(h, t, code);
  impl_->release(h);
  if (t.sink_error) {
    std::rethrow_exception(t.sink_error);
  }
  return result;
}

std::vector<Result> CurlTransport::perform_all(const std::vector<Request>& requests,
                                               std::size_t parallel,
                                               const std::function<bool()>& stop) {
  std::vector<Result> results(requests.size());
  std::vector<Transfer> transfers(requests.size());
  std::lock_guard<std::mutex> batch(impl_->multi_mutex);
  if (impl_->multi == nullptr) {
    impl_->multi = curl_multi_init();
  }
  CURLM* multi = impl_->multi;
  parallel = std::max<std::size_t>(parallel, 1);
  std::size_t next = 0;
  std::size_t running = 0;
  bool stopped = false;
  auto may_start = [&] {
    stopped = stopped || (stop && stop());
    return next < requests.size() && !stopped;
  };
  auto start_one = [&] {
    CURL* h = impl_->acquire();
    transfers[next].request = &requests[next];
    impl_->prepare(h, transfers[next]);
    curl_easy_setopt(h, CURLOPT_PRIVATE, &transfers[next]);
    curl_multi_add_handle(multi, h);
    ++next;
    ++running;
  };
  while (running < parallel && may_start()) {
    start_one();
  }
  while (running > 0) {
    int still = 0;
    curl_multi_perform(multi, &still);
    bool started = false;
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) {
        continue;
      }
      CURL* h = msg->easy_handle;
      Transfer* transfer = nullptr;
      curl_easy_getinfo(h, CURLINFO_PRIVATE, &transfer);
      const auto index = static_cast<std::size_t>(transfer - transfers.data());
      const CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi, h);
      results[index] = Impl::finish(h, transfers[index], code);
      impl_->release(h);
      --running;
      if (may_start()) {
        start_one();
        started = true;
      }
    }
    // Wait for sockets only when nothing new was added: new transfers start on the next perform.
    if (running > 0 && !started) {
      curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    }
  }
  for (std::size_t i = next; i < requests.size(); ++i) {
    results[i] = not_sent();
  }
  for (const auto& t : transfers) {
    if (t.sink_error) {
      std::rethrow_exception(t.sink_error);
    }
  }
  return results;
}

}  // namespace qctl::http

namespace qctl::http {
std::string curl_version() { return ::curl_version(); }
}  // namespace qctl::http
