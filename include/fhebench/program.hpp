// fhebench protocol v1, implementation side: a header-only helper for C++ programs.
//
//   #include <fhebench/program.hpp>
//   int main() {
//     fhebench::Program p;                       // reads $FHEBENCH_INPUT
//     auto age = p.input<std::vector<uint64_t>>("age");
//     int age_bits = p.field_bits("age");       // the width the harness declares
//     { auto t = p.phase("keygen"); ... }        // timed with a monotonic clock
//     p.output("risk", risk);
//     p.fhe({{"library", "Microsoft SEAL"}, {"scheme", "BFV"}, ...});
//     p.sizes("ciphertext_bytes", bytes);       // or fhebench::serialized_bytes(writer)
//     return p.finish();                         // writes $FHEBENCH_OUTPUT atomically
//   }
//
// The protocol itself is plain JSON (docs/protocol.md); this header is a convenience.
#pragma once

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <ostream>
#include <streambuf>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace fhebench {

// An integer input and the unsigned width the harness declares for it.
template <class Int>
struct IntField {
  std::vector<Int> values;  // one per patient, instance, ...
  int bits;
};

// An integer encrypted bit by bit (bit-level programs): its value and unsigned width.
struct BitInput {
  uint64_t value;
  int bits;
};

class Program {
 public:
  Program() {
    const char* in = std::getenv("FHEBENCH_INPUT");
    const char* out = std::getenv("FHEBENCH_OUTPUT");
    if (!in || !out) fail("FHEBENCH_INPUT and FHEBENCH_OUTPUT must be set (run me through fhebench)");
    output_path_ = out;
    std::ifstream f(in);
    if (!f) fail(std::string("cannot open input ") + in);
    input_ = nlohmann::json::parse(f);
    if (input_.value("protocol", 0) != 1) fail("unsupported protocol version");
    const char* t = std::getenv("FHEBENCH_THREADS");
    threads_ = t ? std::max(1, std::atoi(t)) : 1;
  }

  const nlohmann::json& raw() const { return input_; }
  std::string benchmark() const { return input_.at("benchmark"); }
  std::string variant() const { return input_.value("variant", "default"); }
  int threads() const { return threads_; }
  int64_t size(const std::string& key) const { return input_.at("size").at(key).get<int64_t>(); }

  template <class T>
  T input(const std::string& name) const { return input_.at("inputs").at(name).get<T>(); }

  // The unsigned width the harness declares for an integer input (input.json "fields",
  // docs/protocol.md): cardio's flags are 1 bit, its numbers 8. Throws when undeclared.
  int field_bits(const std::string& name) const {
    const auto fields = input_.find("fields");
    if (fields == input_.end() || !fields->contains(name) || !(*fields)[name].contains("bits"))
      throw std::runtime_error("input.json declares no width for \"" + name + "\" (fields." + name + ".bits)");
    return (*fields)[name]["bits"].get<int>();
  }
  // Record after record (patient, instance, ...), the named inputs at their declared widths:
  // the flat input list of a bit-level program.
  template <class Names>
  std::vector<BitInput> bit_inputs(const Names& names, size_t records) const {
    std::vector<std::vector<uint64_t>> values;
    std::vector<int> bits;
    for (const auto& name : names) {
      values.push_back(input<std::vector<uint64_t>>(name));
      bits.push_back(field_bits(name));
    }
    std::vector<BitInput> out;
    for (size_t i = 0; i < records; ++i)
      for (size_t k = 0; k < values.size(); ++k) out.push_back({values[k].at(i), bits[k]});
    return out;
  }
  // The named integer inputs with their declared widths, by name.
  template <class Int, class Names>
  std::map<std::string, IntField<Int>> int_fields(const Names& names) const {
    std::map<std::string, IntField<Int>> out;
    for (const auto& name : names) out[name] = {input<std::vector<Int>>(name), field_bits(name)};
    return out;
  }

  // RAII phase timer: the phase ends when the returned object is destroyed.
  class Timer {
   public:
    Timer(Program* p, std::string name)
        : p_(p), name_(std::move(name)), start_(std::chrono::steady_clock::now()) {}
    Timer(Timer&& o) noexcept : p_(std::exchange(o.p_, nullptr)), name_(std::move(o.name_)), start_(o.start_) {}
    Timer(const Timer&) = delete;
    ~Timer() { stop(); }
    void stop() {
      if (!p_) return;
      std::chrono::duration<double> d = std::chrono::steady_clock::now() - start_;
      p_->record(name_, d.count());
      p_ = nullptr;
    }
   private:
    Program* p_;
    std::string name_;
    std::chrono::steady_clock::time_point start_;
  };
  [[nodiscard]] Timer phase(std::string name) { return Timer(this, std::move(name)); }

  // Adds seconds to a phase (phases named twice accumulate).
  void record(const std::string& name, double seconds) {
    for (auto& ph : phases_)
      if (ph["name"] == name) { ph["seconds"] = ph["seconds"].get<double>() + seconds; return; }
    phases_.push_back({{"name", name}, {"seconds", seconds}});
  }

  template <class T>
  void output(const std::string& name, const T& values) { outputs_[name] = values; }
  // Outputs computed instance by instance: `flat` holds names.size() values per instance, in
  // the order of `names`; each output gets its value of every instance.
  template <class T>
  void outputs_interleaved(const std::vector<std::string>& names, const std::vector<T>& flat) {
    for (size_t k = 0; k < names.size(); ++k) {
      std::vector<T> v;
      for (size_t i = k; i < flat.size(); i += names.size()) v.push_back(flat[i]);
      output(names[k], v);
    }
  }

  // FHE parameters: library, library_version, scheme, poly_modulus_degree, coeff_modulus_bits,
  // plain_modulus, scale_bits, declared_security_bits, noise_budget_bits, ... (merged).
  void fhe(const nlohmann::json& params) { fhe_.update(params); }
  void sizes(const std::string& name, uint64_t bytes) { sizes_[name] = bytes; }

  int finish() {
    nlohmann::json out = {{"protocol", 1}, {"phases", phases_}, {"outputs", outputs_}};
    if (!fhe_.empty()) out["fhe"] = fhe_;
    if (!sizes_.empty()) out["sizes"] = sizes_;
    write(out);
    return 0;
  }

  // The requested size cannot be handled: recorded as unsupported, not as a failure.
  [[noreturn]] void unsupported(const std::string& reason) {
    write({{"protocol", 1}, {"unsupported", reason}});
    std::exit(0);
  }

 private:
  [[noreturn]] static void fail(const std::string& msg) {
    std::cerr << "fhebench program: " << msg << "\n";
    std::exit(2);
  }
  void write(const nlohmann::json& j) const {
    std::string tmp = output_path_ + ".tmp";
    {
      std::ofstream f(tmp, std::ios::trunc);
      f << j.dump() << "\n";
      if (!f.flush()) fail("cannot write " + tmp);
    }
    if (std::rename(tmp.c_str(), output_path_.c_str()) != 0) fail("cannot rename " + tmp);
  }

  nlohmann::json input_;
  std::string output_path_;
  int threads_ = 1;
  nlohmann::json phases_ = nlohmann::json::array();
  nlohmann::json outputs_ = nlohmann::json::object();
  nlohmann::json fhe_ = nlohmann::json::object();
  nlohmann::json sizes_ = nlohmann::json::object();
};

// Refuses the run (unsupported) when `operations` × `seconds_each` exceeds `max_minutes`: a
// bit-level program estimates before it generates any key. `what` names the operations.
inline void refuse_if_estimated_over(Program& p, uint64_t operations, double seconds_each, double max_minutes,
                                     const std::string& what) {
  const double minutes = operations * seconds_each / 60;
  if (minutes > max_minutes)
    p.unsupported("estimated " + std::to_string(static_cast<int64_t>(std::ceil(minutes))) + " minutes: " +
                  std::to_string(operations) + " " + what + " × " +
                  std::to_string(static_cast<int64_t>(std::lround(seconds_each * 1000))) + " ms");
}

// The number of bytes `write(std::ostream&)` produces, counted without keeping them: a
// library's serializer gives key and ciphertext sizes even when keys reach hundreds of MB.
template <class Write>
uint64_t serialized_bytes(Write&& write) {
  class Counter : public std::streambuf {
   public:
    uint64_t bytes = 0;
   protected:
    int_type overflow(int_type c) override { ++bytes; return traits_type::not_eof(c); }
    std::streamsize xsputn(const char*, std::streamsize n) override { bytes += n; return n; }
  } counter;
  std::ostream out(&counter);
  write(out);
  return counter.bytes;
}

}  // namespace fhebench
