#include "progress.h"

#include <unistd.h>

#include <fmt/format.h>

namespace fhebench {
namespace {

std::string clock_text(double s) {
  const long t = static_cast<long>(s);
  return t >= 3600 ? fmt::format("{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60) : fmt::format("{}:{:02}", t / 60, t % 60);
}

}  // namespace

Progress::Progress(size_t cells, FILE* out)
    : out_(out), tty_(::isatty(::fileno(out)) != 0), cells_(cells), start_(std::chrono::steady_clock::now()) {}

void Progress::start_cell(size_t index, const std::string& label, int repetitions) {
  index_ = index;
  label_ = label;
  repetitions_ = repetitions;
  rep_.clear();
  last_.clear();
  cell_start_ = std::chrono::steady_clock::now();
  draw();
}

void Progress::repetition(const std::string& name, const std::string& last_status) {
  rep_ = name;
  last_ = last_status;
  draw();
}

void Progress::finish_cell(const std::string& outcome) {
  ++done_;
  message(fmt::format("[{}/{}] {}: {}", index_ + 1, cells_, label_, outcome));
}

void Progress::message(const std::string& line) {
  clear();
  fmt::print(out_, "{}\n", line);
  std::fflush(out_);
}

void Progress::clear() {
  if (tty_) fmt::print(out_, "\r\033[K");
}

void Progress::draw() {
  if (!tty_) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string eta = done_ > 0 ? " · about " + clock_text(elapsed / static_cast<double>(done_) * static_cast<double>(cells_ - done_)) + " left" : "";
  std::string line = fmt::format("[{}/{}] {} · {}{} · {}{}", index_ + 1, cells_, label_, rep_.empty() ? "starting" : rep_,
                                 last_.empty() ? "" : " (last: " + last_ + ")", clock_text(elapsed), eta);
  clear();
  fmt::print(out_, "{}", line.substr(0, 160));
  std::fflush(out_);
}

}  // namespace fhebench
