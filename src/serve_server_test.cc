// `serve` keeps answering while idle or slow clients hold connections (issue 16.5). Every
// socket is on 127.0.0.1 and every loop is bounded.
#include "serve_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int connect_local(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Seconds until a plain GET of / is answered with 200, or -1 when not within `limit_s`.
double get_answered_within(int port, double limit_s) {
  const auto start = Clock::now();
  const int fd = connect_local(port);
  if (fd < 0) return -1;
  timeval tv{static_cast<time_t>(limit_s), 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  const std::string req = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  (void)!::write(fd, req.data(), req.size());
  char buf[64] = {};
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0 || std::string(buf).rfind("HTTP/1.1 200", 0) != 0) return -1;
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Served {
  test::TempDir dir;
  std::unique_ptr<ReportServer> server;
  std::thread thread;
  int port = 0;
  Served() {
    fs::create_directories(dir / "results");
    fs::create_directories(dir / "web");
    write_file_atomic(dir / "web/index.html", "<html></html>");
    server = std::make_unique<ReportServer>(dir / "results", dir / "web");
    port = server->bind("127.0.0.1", 0);
    thread = std::thread([this] { server->run(); });
  }
  ~Served() {
    server->stop();
    thread.join();
  }
};

}  // namespace

TEST(ServeServer, AnswersWhileFiftyIdleConnectionsAreOpen) {
  Served s;
  std::vector<int> idle;
  for (int i = 0; i < 50; ++i)
    if (const int fd = connect_local(s.port); fd >= 0) idle.push_back(fd);
  ASSERT_EQ(idle.size(), 50u);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // they are all accepted and waiting
  const double t = get_answered_within(s.port, 12);
  for (int fd : idle) ::close(fd);
  EXPECT_GE(t, 0) << "no answer within 12 s";
  EXPECT_LT(t, 5);
}

TEST(ServeServer, AnswersWhileFortySlowClientsTrickleHeaders) {
  Served s;
  std::atomic<bool> done{false};
  std::vector<std::thread> slow;
  for (int i = 0; i < 40; ++i)
    slow.emplace_back([&] {
      const int fd = connect_local(s.port);
      const std::string header = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa";
      for (size_t k = 0; k < header.size() && !done; ++k) {  // one byte every 3 s, bounded
        if (fd < 0 || ::send(fd, &header[k], 1, MSG_NOSIGNAL) != 1) break;
        for (int w = 0; w < 30 && !done; ++w) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      if (fd >= 0) ::close(fd);
    });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const double first = get_answered_within(s.port, 12);
  std::this_thread::sleep_for(std::chrono::seconds(3));  // while they trickle on
  const double second = get_answered_within(s.port, 12);
  done = true;
  for (auto& t : slow) t.join();
  EXPECT_GE(first, 0);
  EXPECT_LT(first, 5);
  EXPECT_GE(second, 0);
  EXPECT_LT(second, 5);
}

}  // namespace fhebench
