// What a user sees while a run goes on: one line per finished cell, and on a terminal a
// live line with the current cell, repetition, elapsed time and an estimate of what is left.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

namespace fhebench {

class Progress {
 public:
  Progress(size_t cells, FILE* out = stderr);
  void start_cell(size_t index, const std::string& label, int repetitions);
  void repetition(const std::string& name, const std::string& last_status);
  void finish_cell(const std::string& outcome);
  void message(const std::string& line);  // a permanent line, above the live one

 private:
  void draw();
  void clear();
  FILE* out_;
  bool tty_;
  size_t cells_, index_ = 0, done_ = 0;
  int repetitions_ = 0;
  std::string label_, rep_, last_;
  std::chrono::steady_clock::time_point start_, cell_start_;
};

}  // namespace fhebench
