//! chi_squared: n0, n1, n2 encrypted as FheUint16; u = 2·n0 + n1, v = 2·n2 + n1,
//! x = 4·n0·n2 − n1² (wrapping in 16 bits, then read as signed), alpha = x² in 32 bits,
//! beta1 = 2u², beta2 = u·v, beta3 = 2v²: five 16-bit and one 32-bit multiplication.
use fhebench_program::Program;
use fhebench_tfhe_rs::{keygen, refuse_if_too_slow, report_sizes};
use tfhe::prelude::*;
use tfhe::{FheInt16, FheInt32, FheUint16};

const MS_PER_INSTANCE: f64 = 20000.0; // CPU per instance: one run here took 20 s CPU in all (2026-12-02)

struct Outputs {
    alpha: FheInt32,
    betas: [FheUint16; 3],
}

fn chi_squared(n0: &FheUint16, n1: &FheUint16, n2: &FheUint16) -> Outputs {
    let u: FheUint16 = n0 + n0 + n1;
    let v: FheUint16 = n2 + n2 + n1;
    let x: FheUint16 = (n0 * n2) * 4u16 - n1 * n1;
    let x = FheInt32::cast_from(FheInt16::cast_from(x));
    let uu = &u * &u;
    let vv = &v * &v;
    Outputs { alpha: &x * &x, betas: [&uu + &uu, &u * &v, &vv + &vv] }
}

fn main() {
    let mut p = Program::from_env();
    let n = p.size_of("instances") as usize;
    refuse_if_too_slow(&mut p, n as u64, "instances", MS_PER_INSTANCE);
    let inputs: Vec<Vec<u64>> = ["n0", "n1", "n2"].iter().map(|k| p.input_u64(k)).collect();
    let (ck, server_bytes) = keygen(&mut p);
    let enc: Vec<Vec<FheUint16>> = p.phase("encrypt", || {
        inputs.iter().map(|col| col.iter().map(|&v| FheUint16::encrypt(v as u16, &ck)).collect()).collect()
    });
    let results: Vec<Outputs> = p.phase("compute", || (0..n).map(|i| chi_squared(&enc[0][i], &enc[1][i], &enc[2][i])).collect());
    let mut out: [Vec<i64>; 4] = Default::default();
    p.phase("decrypt", || {
        for r in &results {
            out[0].push(i64::from(FheDecrypt::<i32>::decrypt(&r.alpha, &ck)));
            for (k, b) in r.betas.iter().enumerate() {
                out[k + 1].push(i64::from(FheDecrypt::<u16>::decrypt(b, &ck)));
            }
        }
    });
    for (name, values) in ["alpha", "beta1", "beta2", "beta3"].iter().zip(&out) {
        p.output_i64(name, values);
    }
    report_sizes(&mut p, &ck, server_bytes, &enc[0][0]);
    p.finish();
}
