#include "output_file.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace fhebench {
namespace {

using Status = OutputFile::Status;

OutputFile fail(Status s, std::string reason) {
  OutputFile f;
  f.status = s;
  f.reason = std::move(reason);
  return f;
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string kind(mode_t m) {
  if (S_ISDIR(m)) return "a directory";
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISSOCK(m)) return "a socket";
  if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
  return "not a regular file";
}

}  // namespace

OutputFile read_output_file(const std::filesystem::path& work_dir, const std::string& name, size_t max_bytes,
                            std::chrono::milliseconds deadline) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  const Fd dir{::open(work_dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)};
  if (dir.fd < 0) return fail(Status::missing, "exited 0 but its work directory is gone");
  const Fd f{::openat(dir.fd, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  if (f.fd < 0) {
    if (errno == ENOENT) return fail(Status::missing, "exited 0 but wrote no " + name);
    if (errno == ELOOP) return fail(Status::refused, name + " is a symbolic link (refused: write a regular file)");
    return fail(Status::unreadable, fmt::format("cannot open {}: {}", name, std::strerror(errno)));
  }
  struct stat st{};
  if (::fstat(f.fd, &st) != 0) return fail(Status::unreadable, fmt::format("cannot stat {}: {}", name, std::strerror(errno)));
  if (!S_ISREG(st.st_mode)) return fail(Status::refused, fmt::format("{} is {} (refused: write a regular file)", name, kind(st.st_mode)));
  if (st.st_nlink > 1) return fail(Status::refused, name + " has other hard links (refused: write a new file)");
  if (static_cast<uint64_t>(st.st_size) > max_bytes)
    return fail(Status::too_large, fmt::format("{} is larger than {} MiB", name, max_bytes >> 20));
  OutputFile out;
  out.text.reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    if (std::chrono::steady_clock::now() > until)
      return fail(Status::unreadable, fmt::format("reading {} took longer than {} s", name, deadline.count() / 1000.0));
    const ssize_t n = ::read(f.fd, buf, sizeof buf);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
      pollfd p{f.fd, POLLIN, 0};
      ::poll(&p, 1, 10);
      continue;
    }
    if (n < 0) return fail(Status::unreadable, fmt::format("cannot read {}: {}", name, std::strerror(errno)));
    if (n == 0) break;
    if (out.text.size() + static_cast<size_t>(n) > max_bytes)  // it grew while being read
      return fail(Status::too_large, fmt::format("{} is larger than {} MiB", name, max_bytes >> 20));
    out.text.append(buf, static_cast<size_t>(n));
  }
  out.status = Status::ok;
  return out;
}

}  // namespace fhebench

namespace fhebench {

std::string clear_work_dir(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec))) return "";
  fs::remove_all(dir, ec);
  if (!ec) return "";
  // The program may have taken the write or search bit off its own folders.
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
  ec.clear();
  fs::remove_all(dir, ec);
  if (!ec) return "";
  const std::string why = ec.message();
  static int counter = 0;
  const fs::path aside = dir.parent_path() / fmt::format(".{}.left-{}-{}", dir.filename().string(), ::getpid(), counter++);
  fs::rename(dir, aside, ec);
  if (ec) return fmt::format("cannot remove the work directory {}: {}", dir.string(), why);
  return fmt::format("cannot remove the work directory ({}): left as {}", why, aside.string());
}

}  // namespace fhebench
