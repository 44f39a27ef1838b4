// `fhebench serve` on a real run: the pages and the API answer with the run's numbers, and
// nothing outside the results folder comes back, whatever the request: traversal in every
// encoding, symlinks out, malformed request lines, methods that would write.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

#include "atomic_file.h"
#include "serve_server.h"
#include "site_export.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

struct Response {
  int status = 0;
  std::string text;  // headers and body
  std::string body() const { return text.substr(std::min(text.size(), text.find("\r\n\r\n") + 4)); }
};

// A whole response is in: headers and Content-Length bytes of body (none for HEAD). The server
// may keep even a refused connection open, so waiting for it to close would only be slow.
bool complete(const std::string& text, bool head) {
  const auto end = text.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  if (head) return true;
  std::string headers = text.substr(0, end);
  std::transform(headers.begin(), headers.end(), headers.begin(), ::tolower);
  const auto at = headers.find("content-length:");
  return at != std::string::npos && text.size() - end - 4 >= std::stoul(headers.substr(at + 15));
}

// Sends `request` as it is on a new connection to `address`:port and reads until the server
// closes (status 0: no answer in time; -1: no connection).
Response raw(int port, const std::string& request, const char* address = "127.0.0.1") {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  timeval tv{2, 0};  // a server that keeps a malformed request waiting answers nothing
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  ::inet_pton(AF_INET, address, &a.sin_addr);
  Response r;
  if (::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(s);
    r.status = -1;
    return r;
  }
  for (size_t sent = 0; sent < request.size();) {
    const ssize_t n = ::send(s, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  char buf[65536];
  for (ssize_t n; !complete(r.text, request.rfind("HEAD", 0) == 0) && (n = ::recv(s, buf, sizeof buf, 0)) > 0;)
    r.text.append(buf, static_cast<size_t>(n));
  ::close(s);
  if (r.text.rfind("HTTP/1.", 0) == 0 && r.text.size() > 12) r.status = std::stoi(r.text.substr(9, 3));
  return r;
}

Response get(int port, const std::string& target, const std::string& method = "GET") {
  return raw(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

// Path, size and modification time of everything below `dir`: to show the server wrote nothing.
std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> snapshot(const fs::path& dir) {
  std::map<std::string, std::pair<uintmax_t, fs::file_time_type>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().string()] = {e.file_size(), e.last_write_time()};
  return out;
}

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = new TempDir();
    results_ = root_->path() / "results";
    const auto r = run_fhebench({"run", "--tools", "Plaintext", "--benchmarks", "cardio,mlp", "--repetitions", "2",
                                 "--warmup", "0", "--results", results_.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    id_ = only_run(results_).filename().string();
    // Outside the results folder: a secret, reachable only through symlinks planted inside.
    fs::create_directories(root_->path() / "outside");
    write_file_atomic(root_->path() / "outside" / "secret.txt", kSecret);
    write_file_atomic(root_->path() / "outside" / "run.json", std::string("{\"id\": \"") + kSecret + "\"}");
    fs::create_symlink(root_->path() / "outside" / "secret.txt", results_ / id_ / "leak.txt");
    fs::create_directory_symlink(root_->path() / "outside", results_ / "20990101_000000");
  }
  static void TearDownTestSuite() { delete root_; }

  void SetUp() override {
    server_ = std::make_unique<ReportServer>(results_, web_bundle_dir());
    port_ = server_->bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_->run(); });
    for (int i = 0; i < 100 && get(port_, "/").status != 200; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  void TearDown() override {
    server_->stop();
    thread_.join();
  }

  static constexpr const char* kSecret = "SECRET-0f4c2a-outside-the-results";
  static inline TempDir* root_ = nullptr;
  static inline fs::path results_;
  static inline std::string id_;
  std::unique_ptr<ReportServer> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace

TEST_F(ServeTest, PagesAndApiShowTheRun) {
  const Response index = get(port_, "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_NE(index.body().find("<script src=\"app.js\"></script>"), std::string::npos);
  EXPECT_EQ(index.body().find("data.js"), std::string::npos) << "served pages read the API";
  EXPECT_EQ(get(port_, "/app.js").status, 200);
  EXPECT_NE(get(port_, "/app.css").text.find("Content-Type: text/css"), std::string::npos);

  const Json runs = Json::parse(get(port_, "/api/runs").body());
  ASSERT_EQ(runs.size(), 1u) << "the symlinked folder is not a run of these results: " << runs;
  EXPECT_EQ(runs[0]["id"], id_);
  EXPECT_EQ(runs[0]["cells"], 2);
  EXPECT_EQ(runs[0]["has_site"], true);

  const Json doc = Json::parse(get(port_, "/api/runs/" + id_).body());
  const Json summary = read_json(results_ / id_ / "summary.json");
  EXPECT_EQ(doc["base"], "/runs/" + id_ + "/");
  ASSERT_EQ(doc["summary"]["cells"].size(), summary["cells"].size());
  for (size_t i = 0; i < summary["cells"].size(); ++i)
    EXPECT_EQ(doc["summary"]["cells"][i]["phases"], summary["cells"][i]["phases"]);

  const Response csv = get(port_, "/runs/" + id_ + "/Plaintext/plaintext_cardio_default.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body(), read_file(results_ / id_ / "Plaintext" / "plaintext_cardio_default.csv").value());
  EXPECT_EQ(get(port_, "/runs/" + id_ + "/site/index.html").status, 200);
  EXPECT_NE(get(port_, "/runs/" + id_ + "/plot/plot_cardio.png").text.find("Content-Type: image/png"), std::string::npos);
  const Response head = get(port_, "/runs/" + id_ + "/run.json", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body(), "");
}

TEST_F(ServeTest, NothingOutsideTheResultsComesBack) {
  const auto before = snapshot(results_);
  const std::string run = "/runs/" + id_;
  const std::vector<std::pair<std::string, std::vector<int>>> attempts = {
      {run + "/../../outside/secret.txt", {400, 404}},
      {run + "/%2e%2e/%2e%2e/outside/secret.txt", {400}},
      {run + "/%2E%2E%2F%2E%2E%2Foutside%2Fsecret.txt", {400}},
      {run + "/..%2f..%2foutside%2fsecret.txt", {400}},
      {run + "/%252e%252e/%252e%252e/outside/secret.txt", {404}},
      {run + "/..\\..\\outside\\secret.txt", {400}},
      {run + "/%5c..%5c..%5coutside%5csecret.txt", {400}},
      {run + "//" + (root_->path() / "outside" / "secret.txt").string(), {400}},
      {run + "/%2f" + (root_->path() / "outside" / "secret.txt").string(), {400}},
      {run + "/leak.txt", {403}},
      {run + "/run.json%00.png", {400}},
      {run + "/%00", {400}},
      {run + "/", {400}},
      {run + "/cells", {404}},
      {"/runs/20990101_000000/secret.txt", {403}},
      {"/runs/20990101_000000/run.json", {403}},
      {"/api/runs/20990101_000000", {404}},
      {"/api/runs/..%2f..%2foutside", {404}},
      {"/runs/..%2f..%2foutside/secret.txt", {404}},
      {"/runs/../../outside/secret.txt", {400, 404}},
      {"/../outside/secret.txt", {400, 404}},
      {"/index.sqlite", {404}},
      {"/runs/" + id_, {404}},
      {"//etc/passwd", {404}},
      {"/app.js/../../outside/secret.txt", {400, 404}},
  };
  for (const auto& [target, statuses] : attempts) {
    const Response r = get(port_, target);
    EXPECT_NE(std::find(statuses.begin(), statuses.end(), r.status), statuses.end()) << target << " -> " << r.status;
    EXPECT_EQ(r.text.find(kSecret), std::string::npos) << target;
  }
  // Malformed request lines and headers, an absolute-form target, a huge URI.
  const std::vector<std::string> malformed = {
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET " + run + "/run.json\r\n\r\n",
      "GET " + run + "/run.json HTTP/9.9\r\nConnection: close\r\n\r\n",
      "GET http://127.0.0.1" + run + "/../../outside/secret.txt HTTP/1.1\r\nConnection: close\r\n\r\n",
      "GET ../../outside/secret.txt HTTP/1.1\r\nConnection: close\r\n\r\n",
      "GET " + run + "/../../outside/secret.txt HTTP/1.1\r\nno colon here\r\nConnection: close\r\n\r\n",
      "GET /" + std::string(100000, 'a') + " HTTP/1.1\r\nConnection: close\r\n\r\n",
      std::string("GET /runs/\0/x HTTP/1.1\r\nConnection: close\r\n\r\n", 45),
      "\r\n\r\n\r\n",
  };
  for (const auto& req : malformed) {
    const Response r = raw(port_, req);
    EXPECT_TRUE(r.status == -1 || r.status == 0 || (r.status >= 400 && r.status < 600))
        << req.substr(0, 80) << " -> " << r.status << "\n" << r.text.substr(0, 200);
    EXPECT_EQ(r.text.find(kSecret), std::string::npos) << req.substr(0, 80);
  }
  // Methods that would write are refused, and nothing below the results changed.
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH"}) {
    const Response r = raw(port_, std::string(method) + " " + run + "/run.json HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                                      "Connection: close\r\n\r\n{}");
    EXPECT_EQ(r.status, 405) << method;
  }
  EXPECT_EQ(snapshot(results_), before);
  EXPECT_EQ(get(port_, "/api/runs").status, 200) << "the server survived all of it";
}

TEST(ServeCli, PrintsItsUrlAndListensOnLoopbackOnly) {
  TempDir results;
  ASSERT_EQ(run_fhebench({"run", "--tools", "Plaintext", "--benchmarks", "cardio", "--repetitions", "1", "--warmup", "0",
                          "--results", results.path().string()}).exit_code, 0);
  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::execl(FHEBENCH_BINARY, FHEBENCH_BINARY, "serve", "--results", results.path().c_str(), "--port", "0", nullptr);
    ::_exit(127);
  }
  ::close(out[1]);
  std::string line;
  pollfd p{out[0], POLLIN, 0};
  char ch;
  while (line.find('\n') == std::string::npos && ::poll(&p, 1, 10000) > 0 && ::read(out[0], &ch, 1) == 1) line += ch;
  const auto at = line.find("http://127.0.0.1:");
  ASSERT_NE(at, std::string::npos) << line;
  const int port = std::stoi(line.substr(at + 17));
  const Response runs = get(port, "/api/runs");
  EXPECT_EQ(runs.status, 200);
  EXPECT_EQ(Json::parse(runs.body())[0]["id"], only_run(results.path()).filename().string());
  EXPECT_EQ(raw(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "127.0.0.2").status, -1) << "bound to 127.0.0.1 only";
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out[0]);

  EXPECT_EQ(run_fhebench({"serve", "--results", (results / "none").string()}).exit_code, 2);
  EXPECT_EQ(run_fhebench({"serve", "--results", results.path().string(), "--port", "70000"}).exit_code, 2);
}

}  // namespace fhebench::test
