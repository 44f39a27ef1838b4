#include "serve_server.h"

#include <httplib.h>

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "atomic_file.h"
#include "report_data.h"
#include "serve_api.h"
#include "serve_paths.h"

namespace fs = std::filesystem;

namespace fhebench {
namespace {

constexpr size_t kMaxFileBytes = 256u << 20;
// Idle or slow clients must not starve the others: each connection holds a worker only
// while it sends within the read timeout, an idle keep-alive connection is closed after
// a second, and the workers (the limit on connections served at once) outnumber what a
// browser opens many times over; further connections wait for a free worker.
constexpr time_t kReadTimeoutS = 2, kWriteTimeoutS = 10, kKeepAliveS = 1;
constexpr size_t kWorkers = 64;

std::string content_type(const fs::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},   {".json", "application/json"},
      {".csv", "text/csv; charset=utf-8"},   {".md", "text/markdown; charset=utf-8"},
      {".png", "image/png"},                 {".svg", "image/svg+xml"},
      {".pdf", "application/pdf"},           {".tex", "text/plain; charset=utf-8"},
      {".dat", "text/plain; charset=utf-8"}, {".gp", "text/plain; charset=utf-8"},
      {".sh", "text/plain; charset=utf-8"},  {".txt", "text/plain; charset=utf-8"},
      {".log", "text/plain; charset=utf-8"}};
  const auto it = types.find(file.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

// Bodies go out through a content provider of known length, which httplib never compresses:
// on localhost its brotli (quality 11) would cost far more time than it saves (0.4 s for app.js).
void send_body(httplib::Response& res, int status, std::string body, const std::string& type) {
  res.status = status;
  auto shared = std::make_shared<std::string>(std::move(body));
  res.set_content_provider(shared->size(), type, [shared](size_t offset, size_t length, httplib::DataSink& sink) {
    return sink.write(shared->data() + offset, length);
  });
}

void send_text(httplib::Response& res, int status, const std::string& text) {  // short messages
  res.status = status;
  res.set_content(text + "\n", "text/plain; charset=utf-8");
}

void send_file(httplib::Response& res, const fs::path& file) {
  bool too_large = false;
  const auto text = read_file(file, kMaxFileBytes, &too_large);
  if (!text) return send_text(res, too_large ? 500 : 404, too_large ? "file too large to serve" : "not found");
  send_body(res, 200, *text, content_type(file));
}

void send_json(httplib::Response& res, const Json& j) {
  send_body(res, 200, dump_json(j), "application/json");
}

}  // namespace

ReportServer::ReportServer(fs::path results_dir, fs::path web_dir)
    : results_(fs::canonical(results_dir)), web_(fs::canonical(web_dir)), server_(std::make_unique<httplib::Server>()) {
  routes();
}

ReportServer::~ReportServer() = default;

void ReportServer::routes() {
  auto& s = *server_;
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Cache-Control", "no-cache"},
                         {"Referrer-Policy", "no-referrer"}});
  s.set_payload_max_length(64 << 10);  // it takes no uploads; bodies are read and refused
  s.set_read_timeout(kReadTimeoutS, 0);
  s.set_write_timeout(kWriteTimeoutS, 0);
  s.set_keep_alive_timeout(kKeepAliveS);
  s.set_keep_alive_max_count(100);
  s.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  const auto index = [this](const httplib::Request&, httplib::Response& res) {
    auto text = read_file(web_ / "index.html");
    if (!text) return send_text(res, 500, "the website's front end is missing");
    send_body(res, 200, *text, "text/html; charset=utf-8");  // without data.js: the page asks the API
  };
  s.Get("/", index);
  s.Get("/index.html", index);
  s.Get(R"(/(app\.js|app\.css))", [this](const httplib::Request& req, httplib::Response& res) {
    send_file(res, web_ / req.matches[1].str());
  });
  s.Get("/api/runs", [this](const httplib::Request&, httplib::Response& res) { send_json(res, run_list(results_)); });
  s.Get(R"(/api/runs/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
    try {
      const auto doc = run_document(results_, req.matches[1].str());
      if (!doc) return send_text(res, 404, "no such run");
      send_json(res, *doc);
    } catch (const std::exception& e) {
      send_text(res, 500, std::string("cannot read the run: ") + e.what());
    }
  });
  s.Get(R"(/runs/([^/]+)/(.*))", [this](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1].str();
    if (!valid_run_id(id)) return send_text(res, 404, "no such run");
    const ResolvedPath p = resolve_below(results_ / id, req.matches[2].str());
    switch (p.check) {
      case PathCheck::malformed: return send_text(res, 400, "bad path");
      case PathCheck::outside: return send_text(res, 403, "outside the results folder");
      case PathCheck::missing: return send_text(res, 404, "not found");
      case PathCheck::ok:
        if (!is_within(results_, p.file)) return send_text(res, 403, "outside the results folder");
        return send_file(res, p.file);
    }
  });
  const auto read_only = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    send_text(res, 405, "read-only: GET and HEAD only");
  };
  s.Post(".*", read_only);
  s.Put(".*", read_only);
  s.Patch(".*", read_only);
  s.Delete(".*", read_only);
  s.Options(".*", read_only);
  s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) res.set_content(fmt::format("HTTP {}\n", res.status), "text/plain; charset=utf-8");
  });
}

int ReportServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine)", host, port));
  return bound;
}

void ReportServer::run() { server_->listen_after_bind(); }

void ReportServer::stop() { server_->stop(); }

}  // namespace fhebench
