// Writes cardio as an MLIR function for HEIR: fhebench::cardio_conditions (the circuit of
// tools/SEAL and tools/OpenFHE) evaluated over a circuit that emits one arith operation per
// gate on tensor<patients x i32> bit planes, constants folded. Usage:
//   cardio_mlir PATIENTS NAME:BITS...   (the fields in argument order; stdout: the MLIR)
#include <fhebench/compare.hpp>

#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

struct Value {
  std::optional<int64_t> constant;  // a public value, or else the SSA name:
  std::string name;
};

class Emitter {
 public:
  explicit Emitter(std::string type) : type_(std::move(type)) {}

  Value constant(int64_t c) const { return {c, ""}; }
  Value input(const std::string& name) const { return {std::nullopt, name}; }
  Value add(const Value& a, const Value& b) {
    if (a.constant && b.constant) return constant(*a.constant + *b.constant);
    if (a.constant == 0) return b;
    if (b.constant == 0) return a;
    return emit("addi", a, b);
  }
  Value sub(const Value& a, const Value& b) {
    if (a.constant && b.constant) return constant(*a.constant - *b.constant);
    if (b.constant == 0) return a;
    return emit("subi", a, b);
  }
  // Only 0/1 constants reach a product here (the comparators' terms); folded, because a
  // plaintext-constant multiply fails HEIR's BGV noise validation.
  Value mul(const Value& a, const Value& b) {
    if (a.constant && b.constant) return constant(*a.constant * *b.constant);
    if (a.constant == 0 || b.constant == 0) return constant(0);
    if (a.constant == 1) return b;
    if (b.constant == 1) return a;
    if (a.constant || b.constant) throw std::logic_error("a constant other than 0 or 1 in a product");
    return emit("muli", a, b);
  }
  Value not_(const Value& a) { return sub(constant(1), a); }
  Value mux(const Value& s, const Value& a, const Value& b) { return add(b, mul(s, sub(a, b))); }
  Value sum(const std::vector<Value>& terms) {
    Value acc = constant(0);
    for (const Value& t : terms) acc = add(acc, t);
    return acc;
  }

  std::string operand(const Value& v) {
    if (!v.constant) return v.name;
    const std::string name = "%k" + std::to_string(*v.constant < 0 ? 1000 - *v.constant : *v.constant);
    if (constants_.insert(*v.constant).second)
      lines_.push_back("  " + name + " = arith.constant dense<" + std::to_string(*v.constant) + "> : " + type_);
    return name;
  }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  Value emit(const char* op, const Value& a, const Value& b) {
    const std::string x = operand(a), y = operand(b);
    const std::string name = "%v" + std::to_string(next_++);
    lines_.push_back("  " + name + " = arith." + op + " " + x + ", " + y + " : " + type_);
    return {std::nullopt, name};
  }

  std::string type_;
  std::vector<std::string> lines_;
  std::set<int64_t> constants_;
  int next_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: cardio_mlir PATIENTS NAME:BITS...\n");
    return 2;
  }
  const std::string type = "tensor<" + std::string(argv[1]) + "xi32>";
  Emitter e(type);
  std::map<std::string, std::vector<Value>> in;
  std::vector<std::string> args;
  for (int i = 2; i < argc; ++i) {
    const std::string field(argv[i]);
    const auto colon = field.find(':');
    const std::string name = field.substr(0, colon);
    for (int b = 0; b < std::stoi(field.substr(colon + 1)); ++b) {
      const std::string arg = "%" + name + "_" + std::to_string(b);
      args.push_back(arg + ": " + type + " {secret.secret}");
      in[name].push_back(e.input(arg));
    }
  }
  const Value risk = e.sum(fhebench::cardio_conditions<Emitter, Value>(e, in));
  const std::string out = e.operand(risk);
  std::cout << "func.func @cardio(";
  for (size_t i = 0; i < args.size(); ++i) std::cout << (i ? ", " : "") << args[i];
  std::cout << ") -> " << type << " {\n";
  for (const auto& line : e.lines()) std::cout << line << "\n";
  std::cout << "  return " << out << " : " << type << "\n}\n";
}
