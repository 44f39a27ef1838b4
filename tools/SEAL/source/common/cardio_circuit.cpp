#include "cardio_circuit.hpp"

#include <algorithm>

namespace sealbench {

std::vector<Value> cardio_conditions(Circuit& c, const CardioInputs& in) {
  const Value& sex = in.at("sex")[0];
  ConstantComparator age(c, in.at("age"));
  ConstantComparator hdl(c, in.at("hdl"));
  ConstantComparator physical_act(c, in.at("physical_act"));
  ConstantComparator drinking(c, in.at("drinking"));
  // height < weight + 90  ⟺  weight − height ≥ −89
  DifferenceComparator weight_minus_height(c, in.at("weight"), in.at("height"));
  return {c.mux(sex, age.greater_than(50), age.greater_than(60)),
          in.at("antecedent")[0],
          in.at("smoker")[0],
          in.at("diabetic")[0],
          in.at("pressure")[0],
          hdl.less_than(40),
          weight_minus_height.at_least(-89),
          physical_act.less_than(30),
          c.mux(sex, drinking.greater_than(3), drinking.greater_than(2))};
}

namespace {

void by_depth(std::vector<Value>& column) {
  std::stable_sort(column.begin(), column.end(),
                   [](const Value& a, const Value& b) { return a.depth < b.depth; });
}

}  // namespace

Bits popcount(Circuit& c, std::vector<Value> bits, int width) {
  std::vector<std::vector<Value>> columns(width);
  columns[0] = std::move(bits);
  for (int w = 0; w < width; ++w) {
    auto& col = columns[w];
    bool top = w + 1 == width;
    while (col.size() > 1) {
      by_depth(col);
      if (col.size() >= 3) {
        Value a = col[0], b = col[1], x = col[2];
        col.erase(col.begin(), col.begin() + 3);
        col.push_back(c.xor_(c.xor_(a, b), x));
        if (!top) columns[w + 1].push_back(c.xor_(x, c.mul(c.xor_(a, x), c.xor_(b, x))));
      } else {
        Value a = col[0], b = col[1];
        col.clear();
        col.push_back(c.xor_(a, b));
        if (!top) columns[w + 1].push_back(c.mul(a, b));
      }
    }
  }
  Bits out;
  for (auto& col : columns) out.push_back(col.empty() ? c.constant(0) : col[0]);
  return out;
}

}  // namespace sealbench
