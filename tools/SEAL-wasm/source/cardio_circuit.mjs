// The cardiovascular-risk circuit, as tools/SEAL/source/common/cardio_circuit.cpp.
import { ConstantComparator, DifferenceComparator } from './boolean.mjs';

// The inputs, each encrypted as the bits (LSB first) input.json declares: flags 1, numbers 8.
export const cardioFields = ['sex', 'antecedent', 'smoker', 'diabetic', 'pressure',
  'age', 'hdl', 'height', 'weight', 'physical_act', 'drinking'];

// The 9 condition bits whose sum is the risk: the sex-dependent age and drinking conditions
// are exclusive pairs, each computed as one multiplexer. `bits[field]` holds the field's bits.
// Depth 4.
export function cardioConditions(c, bits) {
  const sex = bits.sex[0];
  const age = new ConstantComparator(c, bits.age);
  const hdl = new ConstantComparator(c, bits.hdl);
  const physicalAct = new ConstantComparator(c, bits.physical_act);
  const drinking = new ConstantComparator(c, bits.drinking);
  // height < weight + 90  ⟺  weight − height ≥ −89
  const weightMinusHeight = new DifferenceComparator(c, bits.weight, bits.height);
  return [
    c.mux(sex, age.greaterThan(50), age.greaterThan(60)),
    bits.antecedent[0],
    bits.smoker[0],
    bits.diabetic[0],
    bits.pressure[0],
    hdl.lessThan(40),
    weightMinusHeight.atLeast(-89),
    physicalAct.lessThan(30),
    c.mux(sex, drinking.greaterThan(3), drinking.greaterThan(2)),
  ];
}
