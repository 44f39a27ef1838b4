//! mlp: not run. tfhe-rs has no approximate arithmetic: a fixed-point MLP needs one encrypted ×
//! clear multiplication per weight (784·32 + 32·10 at the default sizes) on integers wide
//! enough for the verifier's tolerance (1e-3 relative: 16 fractional bits for the weights and
//! inputs, products of 32+ bits), plus 32 encrypted squarings. The estimate decides.
use fhebench_program::Program;
use fhebench_tfhe_rs::refuse_if_too_slow;

const MS_PER_SCALAR_MUL_ADD: f64 = 400.0; // FheInt32 × clear + add on one core: a first guess, not yet calibrated

fn main() {
    let mut p = Program::from_env();
    let (f, h, c) = (p.size_of("features") as u64, p.size_of("hidden") as u64, p.size_of("classes") as u64);
    refuse_if_too_slow(&mut p, f * h + h * c, "32-bit fixed-point scalar multiply-adds", MS_PER_SCALAR_MUL_ADD);
    p.unsupported("fixed-point mlp is not implemented for tfhe-rs (only sizes far below the benchmark's fit in 10 minutes)");
}
