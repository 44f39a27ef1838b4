//! laplacian: pixels encrypted as FheInt16; each interior pixel is 10·p − Σ 8 neighbours
//! (one scalar multiplication, eight additions and a subtraction, range −2040..2550); border
//! pixels are returned unchanged.
use fhebench_program::Program;
use fhebench_tfhe_rs::{keygen, refuse_if_too_slow, report_sizes};
use tfhe::prelude::*;
use tfhe::FheInt16;

const MS_PER_PIXEL: f64 = 1500.0; // CPU per interior pixel: width 3 took 4.5 s CPU with keygen (2026-12-02)

fn sharpen(img: &[FheInt16], w: usize, r: usize, c: usize) -> FheInt16 {
    let mut neighbours = img[(r - 1) * w + c - 1].clone();
    for (i, j) in [(r - 1, c), (r - 1, c + 1), (r, c - 1), (r, c + 1), (r + 1, c - 1), (r + 1, c), (r + 1, c + 1)] {
        neighbours += &img[i * w + j];
    }
    &img[r * w + c] * 10i16 - neighbours
}

fn main() {
    let mut p = Program::from_env();
    let w = p.size_of("width") as usize;
    let image = p.input_u64("image");
    if image.len() != w * w {
        p.unsupported("image must hold width² pixels");
    }
    let interior = w.saturating_sub(2).pow(2);
    refuse_if_too_slow(&mut p, interior as u64, "interior pixels", MS_PER_PIXEL);
    let (ck, server_bytes) = keygen(&mut p);
    let enc: Vec<FheInt16> = p.phase("encrypt", || image.iter().map(|&v| FheInt16::encrypt(v as i16, &ck)).collect());
    let out: Vec<FheInt16> = p.phase("compute", || {
        let mut out = enc.clone();
        for r in 1..w.saturating_sub(1) {
            for c in 1..w - 1 {
                out[r * w + c] = sharpen(&enc, w, r, c);
            }
        }
        out
    });
    let clear: Vec<i64> = p.phase("decrypt", || out.iter().map(|v| i64::from(FheDecrypt::<i16>::decrypt(v, &ck))).collect());
    p.output_i64("image", &clear);
    report_sizes(&mut p, &ck, server_bytes, &enc[0]);
    p.finish();
}
