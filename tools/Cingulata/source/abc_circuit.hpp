// A Boolean circuit read back from the BLIF that ABC writes (the .inputs/.outputs/.names subset,
// gates of at most two inputs), its evaluation on any bit type, and the ABC run that makes it.
#pragma once

#include <cstdint>
#include <istream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cingubench {

// A gate of at most two inputs as its truth table: bit (a + 2b) is the output for inputs a, b.
struct Gate {
  std::vector<int> inputs;  // node ids: 0..inputs-1 are the circuit inputs, then the gates in order
  uint8_t table = 0;
};

struct BlifCircuit {
  int inputs = 0;
  std::vector<Gate> gates;   // topologically ordered
  std::vector<int> outputs;  // node ids, in .outputs order
  uint64_t binary_gates() const;  // two-input gates: one bootstrap each on TFHE
  unsigned depth() const;         // longest chain of two-input gates
};

// Reads the circuit; throws std::runtime_error on a construct outside the subset (a latch, a
// gate of three or more inputs, an undefined or cyclic signal). Inputs are matched by name.
BlifCircuit read_blif(std::istream& in);

// Evaluates the circuit: gate(g, nodes) computes gate g from the Bits computed so far.
template <class Bit, class GateFn>
std::vector<Bit> evaluate(const BlifCircuit& c, const std::vector<Bit>& inputs, GateFn gate) {
  if (inputs.size() != static_cast<size_t>(c.inputs)) throw std::runtime_error("circuit input count mismatch");
  std::vector<Bit> node(inputs);
  node.reserve(inputs.size() + c.gates.size());
  for (const Gate& g : c.gates) node.push_back(gate(g, node));
  std::vector<Bit> out;
  for (int o : c.outputs) out.push_back(node[o]);
  return out;
}

// One gate on plain bits.
bool plain_gate(const Gate& g, const std::vector<bool>& node);

// The path of Debian's berkeley-abc on PATH, or "" when it is not installed.
std::string find_abc();

// The optimisation: ABC reads `blif` (in the working directory), runs each of Cingulata's
// optimisation scripts mapped to TFHE's gate library, and the circuit with the fewest
// two-input gates is returned; `script` names the one kept. Throws std::runtime_error.
BlifCircuit run_abc(const std::string& abc, const std::string& blif, std::string& script);

}  // namespace cingubench
