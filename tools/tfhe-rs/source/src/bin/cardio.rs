//! cardio, bit-level: each flag an encrypted FheBool, each number an encrypted FheUint8; the
//! conditions are tfhe-rs comparisons (radix blocks of 2 bits, programmable bootstrapping) and
//! the risk is the sum of the nine condition bits as FheUint8.
use fhebench_program::Program;
use fhebench_tfhe_rs::{keygen, refuse_if_too_slow, report_sizes};
use tfhe::prelude::*;
use tfhe::{FheBool, FheUint16, FheUint8};

const FLAGS: [&str; 5] = ["sex", "antecedent", "smoker", "diabetic", "pressure"];
const BYTES: [&str; 6] = ["age", "hdl", "height", "weight", "physical_act", "drinking"];
const MS_PER_PATIENT: f64 = 3000.0; // CPU per patient: 2 patients took 6.7 s CPU with keygen (2026-12-02)

struct Patient {
    flags: Vec<FheBool>,
    bytes: Vec<FheUint8>,
}

fn risk(p: &Patient) -> FheUint8 {
    let sex = &p.flags[0];
    let [age, hdl, height, weight, activity, drinking] = [0, 1, 2, 3, 4, 5].map(|i| &p.bytes[i]);
    // height < weight + 90 needs 9 bits: compare in 16.
    let weight_plus_90 = FheUint16::cast_from(weight.clone()) + 90u16;
    let conditions = [
        sex.if_then_else(&age.gt(50u8), &age.gt(60u8)),
        p.flags[1].clone(),
        p.flags[2].clone(),
        p.flags[3].clone(),
        p.flags[4].clone(),
        hdl.lt(40u8),
        FheUint16::cast_from(height.clone()).lt(&weight_plus_90),
        activity.lt(30u8),
        sex.if_then_else(&drinking.gt(3u8), &drinking.gt(2u8)),
    ];
    let mut sum = FheUint8::cast_from(conditions[0].clone());
    for c in &conditions[1..] {
        sum += FheUint8::cast_from(c.clone());
    }
    sum
}

/// tfhe-rs fixes widths in its types (FheBool, FheUint8): the widths input.json declares must fit.
fn refuse_wider_fields(p: &Program) {
    for (names, fits) in [(&FLAGS[..], 1), (&BYTES[..], 8)] {
        for f in names {
            let bits = p.field_bits(f);
            if bits > fits {
                p.unsupported(&format!("{f} is declared {bits} bits; this program encrypts it in {fits}"));
            }
        }
    }
}

fn main() {
    let mut p = Program::from_env();
    let n = p.size_of("patients") as usize;
    refuse_wider_fields(&p);
    refuse_if_too_slow(&mut p, n as u64, "patients", MS_PER_PATIENT);
    let flags: Vec<Vec<u64>> = FLAGS.iter().map(|f| p.input_u64(f)).collect();
    let bytes: Vec<Vec<u64>> = BYTES.iter().map(|f| p.input_u64(f)).collect();
    let (ck, server_bytes) = keygen(&mut p);
    let patients: Vec<Patient> = p.phase("encrypt", || {
        (0..n)
            .map(|i| Patient {
                flags: flags.iter().map(|f| FheBool::encrypt(f[i] != 0, &ck)).collect(),
                bytes: bytes.iter().map(|b| FheUint8::encrypt(b[i] as u8, &ck)).collect(),
            })
            .collect()
    });
    let risks: Vec<FheUint8> = p.phase("compute", || patients.iter().map(risk).collect());
    let clear: Vec<i64> = p.phase("decrypt", || risks.iter().map(|r| i64::from(FheDecrypt::<u8>::decrypt(r, &ck))).collect());
    p.output_i64("risk", &clear);
    report_sizes(&mut p, &ck, server_bytes, &patients[0].bytes[0]);
    p.finish();
}
