#include "abc_circuit.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <sstream>
#include <unistd.h>

namespace cingubench {
namespace {

struct Names {  // one .names block: its signals (inputs, then output) and cover rows
  std::vector<std::string> signals;
  std::vector<std::string> rows;
};

struct Parsed {
  std::vector<std::string> inputs, outputs;
  std::map<std::string, Names> defs;
};

// BLIF lines with continuations joined and comments removed, split into words.
std::vector<std::vector<std::string>> logical_lines(std::istream& in) {
  std::vector<std::vector<std::string>> lines;
  std::string line, joined;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    if (!line.empty() && line.back() == '\\') {
      joined += line.substr(0, line.size() - 1) + " ";
      continue;
    }
    std::istringstream words(joined + line);
    joined.clear();
    std::vector<std::string> w{std::istream_iterator<std::string>(words), {}};
    if (!w.empty()) lines.push_back(std::move(w));
  }
  return lines;
}

Parsed parse(std::istream& in) {
  Parsed p;
  Names* current = nullptr;
  for (auto& w : logical_lines(in)) {
    const std::string& key = w[0];
    if (key[0] != '.') {
      if (!current) throw std::runtime_error("BLIF: cover row outside .names");
      std::string row;
      for (const auto& x : w) row += x + " ";
      current->rows.push_back(row);
      continue;
    }
    current = nullptr;
    if (key == ".inputs") p.inputs.insert(p.inputs.end(), w.begin() + 1, w.end());
    else if (key == ".outputs") p.outputs.insert(p.outputs.end(), w.begin() + 1, w.end());
    else if (key == ".names") {
      if (w.size() < 2) throw std::runtime_error("BLIF: .names without a signal");
      current = &p.defs[w.back()];
      current->signals.assign(w.begin() + 1, w.end());
    } else if (key != ".model" && key != ".end")
      throw std::runtime_error("BLIF: unsupported construct " + key);
  }
  return p;
}

// The truth table of a cover over k <= 2 inputs: rows "<cube> <bit>" (a bare "<bit>" when k = 0).
uint8_t truth_table(const Names& n) {
  const size_t k = n.signals.size() - 1;
  if (k > 2) throw std::runtime_error("BLIF: gate " + n.signals.back() + " has more than two inputs");
  bool off_set = false;
  uint8_t on = 0;
  for (const std::string& row : n.rows) {
    std::istringstream s(row);
    std::string cube, value;
    if (k > 0) s >> cube;
    s >> value;
    if (cube.size() != k || (value != "0" && value != "1")) throw std::runtime_error("BLIF: bad cover row " + row);
    off_set = value == "0";
    for (unsigned x = 0; x < (1u << k); ++x) {
      bool match = true;
      for (size_t i = 0; i < k; ++i)
        if (cube[i] != '-' && (cube[i] == '1') != (((x >> i) & 1) != 0)) match = false;
      if (match) on |= 1u << x;
    }
  }
  const uint8_t all = (1u << (1u << k)) - 1;
  return off_set ? (~on & all) : on;
}

// Substitutes constant inputs (gates without inputs) into the table, e.g. a XOR with 1 is a NOT.
Gate fold_constants(Gate g, const BlifCircuit& c) {
  for (size_t j = g.inputs.size(); j-- > 0;) {
    const int id = g.inputs[j];
    if (id < c.inputs || !c.gates[id - c.inputs].inputs.empty()) continue;
    const unsigned v = c.gates[id - c.inputs].table & 1;
    uint8_t t = 0;
    if (g.inputs.size() == 1) t = (g.table >> v) & 1;
    else
      for (unsigned x = 0; x < 2; ++x) t |= ((g.table >> (j == 0 ? v + 2 * x : x + 2 * v)) & 1) << x;
    g.inputs.erase(g.inputs.begin() + j);
    g.table = t;
  }
  return g;
}

// Drops inputs the gate does not depend on, so that a two-input gate is a real bootstrap.
Gate reduce(Gate g) {
  if (g.inputs.size() == 2) {
    const uint8_t t = g.table;
    if (((t >> 2) & 3) == (t & 3)) g = {{g.inputs[0]}, static_cast<uint8_t>(t & 3)};       // not on b
    else if (((t >> 1) & 5) == (t & 5)) g = {{g.inputs[1]}, static_cast<uint8_t>((t & 1) | ((t >> 1) & 2))};  // not on a
  }
  if (g.inputs.size() == 1 && (g.table & 1) == ((g.table >> 1) & 1)) g = {{}, static_cast<uint8_t>(g.table & 1)};
  return g;
}

}  // namespace

uint64_t BlifCircuit::binary_gates() const {
  return std::count_if(gates.begin(), gates.end(), [](const Gate& g) { return g.inputs.size() == 2; });
}

unsigned BlifCircuit::depth() const {
  std::vector<unsigned> level(inputs, 0);
  for (const Gate& g : gates) {
    unsigned l = 0;
    for (int i : g.inputs) l = std::max(l, level[i]);
    level.push_back(l + (g.inputs.size() == 2));
  }
  unsigned d = 0;
  for (int o : outputs) d = std::max(d, level[o]);
  return d;
}

BlifCircuit read_blif(std::istream& in) {
  const Parsed p = parse(in);
  BlifCircuit c;
  c.inputs = static_cast<int>(p.inputs.size());
  std::map<std::string, int> id;
  for (size_t i = 0; i < p.inputs.size(); ++i) id[p.inputs[i]] = static_cast<int>(i);
  std::map<std::string, bool> visiting;
  // Depth-first from the outputs: gates are added after their inputs, dead ones never.
  std::function<int(const std::string&)> node = [&](const std::string& name) -> int {
    if (auto it = id.find(name); it != id.end()) return it->second;
    auto def = p.defs.find(name);
    if (def == p.defs.end()) throw std::runtime_error("BLIF: undefined signal " + name);
    if (visiting[name]) throw std::runtime_error("BLIF: cycle through " + name);
    visiting[name] = true;
    Gate g;
    for (size_t i = 0; i + 1 < def->second.signals.size(); ++i) g.inputs.push_back(node(def->second.signals[i]));
    g.table = truth_table(def->second);
    c.gates.push_back(reduce(fold_constants(g, c)));
    return id[name] = c.inputs + static_cast<int>(c.gates.size()) - 1;
  };
  for (const std::string& o : p.outputs) c.outputs.push_back(node(o));
  return c;
}

bool plain_gate(const Gate& g, const std::vector<bool>& node) {
  unsigned x = 0;
  for (size_t i = 0; i < g.inputs.size(); ++i) x |= static_cast<unsigned>(node[g.inputs[i]]) << i;
  return (g.table >> x) & 1;
}

std::string find_abc() {
  std::istringstream path(std::getenv("PATH") ? std::getenv("PATH") : "");
  for (std::string dir; std::getline(path, dir, ':');)
    if (!dir.empty() && access((dir + "/berkeley-abc").c_str(), X_OK) == 0) return dir + "/berkeley-abc";
  return "";
}

namespace {

// TFHE's gates for ABC's technology mapping: every two-input gate costs one bootstrap, NOT and
// constants none (genlib: GATE name area function; PIN * phase load max-load delays).
constexpr const char* kGenlib = R"(GATE zero 0 Y=CONST0;
GATE one 0 Y=CONST1;
GATE BUF 0 Y=A; PIN * NONINV 1 999 1 0 1 0
GATE NOT 0 Y=!A; PIN * INV 1 999 1 0 1 0
GATE AND 1 Y=A*B; PIN * NONINV 1 999 1 0 1 0
GATE NAND 1 Y=!(A*B); PIN * INV 1 999 1 0 1 0
GATE OR 1 Y=A+B; PIN * NONINV 1 999 1 0 1 0
GATE NOR 1 Y=!(A+B); PIN * INV 1 999 1 0 1 0
GATE XOR 1 Y=A*!B+!A*B; PIN * UNKNOWN 1 999 1 0 1 0
GATE XNOR 1 Y=A*B+!A*!B; PIN * UNKNOWN 1 999 1 0 1 0
GATE ANDNY 1 Y=!A*B; PIN * UNKNOWN 1 999 1 0 1 0
GATE ANDYN 1 Y=A*!B; PIN * UNKNOWN 1 999 1 0 1 0
GATE ORNY 1 Y=!A+B; PIN * UNKNOWN 1 999 1 0 1 0
GATE ORYN 1 Y=A+!B; PIN * UNKNOWN 1 999 1 0 1 0
)";

// Cingulata's optim/abc_optimize.py tries these (its abc.rc aliases spelled out, since
// Debian's ABC has no abc.rc); its fourth, recadd3, needs a precomputed AIG library.
const std::vector<std::pair<std::string, std::string>> kScripts = {
    {"none", ""},
    {"resyn2", "balance; rewrite; refactor; balance; rewrite; rewrite -z; balance; refactor -z; rewrite -z; balance;"},
    {"resyn2rs", "balance; resub -K 6; rewrite; resub -K 6 -N 2; refactor; resub -K 8; balance; resub -K 8 -N 2; "
                 "rewrite; resub -K 10; rewrite -z; resub -K 10 -N 2; balance; resub -K 12; refactor -z; "
                 "resub -K 12 -N 2; rewrite -z; balance;"},
};

BlifCircuit abc_once(const std::string& abc, const std::string& blif, const std::string& script) {
  const std::string out = "abc_out.blif";
  std::remove(out.c_str());
  const std::string cmd = abc + " -c \"read_library abc_tfhe.genlib; read_blif " + blif + "; strash; " + script +
                          " map; unmap; write_blif " + out + "\" > abc.log 2>&1";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("ABC failed (see abc.log): " + cmd);
  std::ifstream f(out);
  if (!f) throw std::runtime_error("ABC wrote no circuit (see abc.log): " + cmd);
  BlifCircuit c = read_blif(f);
  std::remove(out.c_str());
  return c;
}

}  // namespace

BlifCircuit run_abc(const std::string& abc, const std::string& blif, std::string& script) {
  std::ofstream("abc_tfhe.genlib") << kGenlib;
  BlifCircuit best;
  bool found = false;
  for (const auto& [name, commands] : kScripts) {
    BlifCircuit c = abc_once(abc, blif, commands);
    if (!found || std::make_pair(c.binary_gates(), c.depth()) < std::make_pair(best.binary_gates(), best.depth())) {
      best = std::move(c), script = name, found = true;
    }
  }
  std::remove("abc_tfhe.genlib");
  std::remove("abc.log");
  return best;
}

}  // namespace cingubench
