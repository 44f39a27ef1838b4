// `fhebench serve`: a read-only HTTP server over a results folder. Routes:
//   /, /index.html, /app.js, /app.css   the website (run list; ?run=<id> shows one run)
//   /api/runs                           every run, newest first (serve_api.h)
//   /api/runs/<id>                      one run's site data
//   /runs/<id>/<path>                   files of a run folder (site, CSVs, JSON, plots)
// GET and HEAD only; nothing outside the results folder is ever read for a response.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace fhebench {

class ReportServer {
 public:
  // `web_dir`: the built front end (site_export.h web_bundle_dir()).
  ReportServer(std::filesystem::path results_dir, std::filesystem::path web_dir);
  ~ReportServer();
  ReportServer(const ReportServer&) = delete;
  ReportServer& operator=(const ReportServer&) = delete;

  // Binds host:port (port 0: any free port) and returns the port; throws std::runtime_error.
  int bind(const std::string& host, int port);
  // Serves until stop() (from another thread or a signal handler's thread).
  void run();
  void stop();

 private:
  void routes();
  std::filesystem::path results_, web_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace fhebench
