// Plaintext cardio: the risk score computed in the clear, the baseline for FHE tools.
#include <fhebench/main.hpp>
#include <fhebench/program.hpp>

#include <vector>

static int run_program() {
  fhebench::Program p;
  using V = std::vector<int>;
  V sex, ante, smoker, diab, press, age, hdl, height, weight, phys, drink;
  {
    auto t = p.phase("encrypt");  // "encryption" here is only reading the inputs
    sex = p.input<V>("sex"), ante = p.input<V>("antecedent"), smoker = p.input<V>("smoker");
    diab = p.input<V>("diabetic"), press = p.input<V>("pressure"), age = p.input<V>("age");
    hdl = p.input<V>("hdl"), height = p.input<V>("height"), weight = p.input<V>("weight");
    phys = p.input<V>("physical_act"), drink = p.input<V>("drinking");
  }
  p.record("keygen", 0);
  V risk(sex.size());
  {
    auto t = p.phase("compute");
    for (size_t i = 0; i < sex.size(); ++i) {
      const bool m = sex[i] == 1;
      risk[i] = (m && age[i] > 50) + (!m && age[i] > 60) + ante[i] + smoker[i] + diab[i] + press[i] +
                (hdl[i] < 40) + (height[i] < weight[i] + 90) + (phys[i] < 30) + (m && drink[i] > 3) +
                (!m && drink[i] > 2);
    }
  }
  p.record("decrypt", 0);
  p.output("risk", risk);
  p.fhe({{"library", "none"}, {"scheme", "none"}});
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
